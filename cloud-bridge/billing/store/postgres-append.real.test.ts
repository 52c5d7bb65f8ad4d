/**
 * The PostgreSQL chain append (postgres.ts, APPEND_CHAIN) beyond the store contract: it is one
 * statement, its single head-row upsert is what refuses a stale or missing head (nothing of a refused
 * append is written, whichever connection raced it), and record bytes cut from one binary parameter
 * come back exactly, whatever their lengths.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes } from "../../../platform/errors.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { PostgresBillingStore } from "./postgres.js";
import type { StoredChainRecord } from "./types.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

const record = (seq: number, bytes: Uint8Array = new Uint8Array([seq & 0xff])): StoredChainRecord => ({
	chainSeq: seq,
	recordId: `r${seq}`,
	workOrderId: "WO1",
	contentHash: "c".repeat(64),
	entryHash: seq.toString(16).padStart(64, "0"),
	bytes,
});

async function counts(store: PostgresBillingStore): Promise<Record<string, number>> {
	const { rows } = await store.pool.query<Record<string, number>>(
		`SELECT (SELECT COUNT(*)::int FROM billing_chain_records) AS records, (SELECT COUNT(*)::int FROM billing_checkpoints) AS checkpoints,
		        (SELECT COUNT(*)::int FROM billing_batches) AS batches, (SELECT COUNT(*)::int FROM billing_outbox) AS events,
		        (SELECT COUNT(*)::int FROM billing_chain_heads) AS heads`,
	);
	return rows[0];
}

describe("PostgreSQL chain append", () => {
	it("sends one statement per append, whatever the batch holds", async () => {
		const store = await PostgresBillingStore.open(await server.createSchema());
		const sent: string[] = [];
		const query = store.pool.query.bind(store.pool);
		// biome-ignore lint/suspicious/noExplicitAny: counting calls through pg's overloaded query().
		(store.pool as any).query = (...args: any[]) => {
			sent.push(typeof args[0] === "string" ? args[0] : args[0].text);
			// biome-ignore lint/suspicious/noExplicitAny: as above.
			return (query as any)(...args);
		};
		const records = Array.from({ length: 300 }, (_, i) => record(i + 1));
		const head = await store.appendChain({
			gatewayId: "gw",
			expectedHeadSeq: 0,
			records,
			checkpoints: [{ chainSeq: 300, keyId: "k1", bytes: new Uint8Array([9, 9]) }],
			sealedUpTo: 300,
			receipt: { gatewayId: "gw", batchId: "b1", digest: "d", receivedAt: 5, receipt: { accepted: 300 } },
			outbox: [{ id: "ev-1", type: "evidence.accepted", occurredAt: "2026-01-01T00:00:00.000Z", data: { accepted: 300 } }],
		});
		expect(sent).toHaveLength(1);
		expect(head).toEqual({ gatewayId: "gw", headSeq: 300, headHash: record(300).entryHash, sealedUpTo: 300 });
		expect(await counts(store)).toEqual({ records: 300, checkpoints: 1, batches: 1, events: 1, heads: 1 });
		await store.close();
	});

	it("gives every record its own bytes back, empty and large ones included", async () => {
		const store = await PostgresBillingStore.open(await server.createSchema());
		const lengths = [0, 1, 255, 0, 70_000, 3];
		const records = lengths.map((length, i) =>
			record(
				i + 1,
				Uint8Array.from({ length }, (_, j) => (j * 31 + i) & 0xff),
			),
		);
		await store.appendChain({ gatewayId: "gw", expectedHeadSeq: 0, records, checkpoints: [], sealedUpTo: 0, receipt: null });
		const stored = await store.getChainRecords("gw", 1, 99);
		expect(stored.map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5, 6]);
		for (let i = 0; i < records.length; i++) expect(Buffer.from(stored[i].bytes).equals(Buffer.from(records[i].bytes))).toBe(true);
		await store.close();
	});

	it("refuses a later head when the gateway has no chain yet, and writes nothing, not even a head row", async () => {
		const store = await PostgresBillingStore.open(await server.createSchema());
		await expect(
			store.appendChain({
				gatewayId: "gw",
				expectedHeadSeq: 4,
				records: [record(5)],
				checkpoints: [{ chainSeq: 5, keyId: "k1", bytes: new Uint8Array([1]) }],
				sealedUpTo: 5,
				receipt: { gatewayId: "gw", batchId: "b1", digest: "d", receivedAt: 5, receipt: {} },
				outbox: [{ id: "ev-1", type: "evidence.accepted", occurredAt: "2026-01-01T00:00:00.000Z", data: {} }],
			}),
		).rejects.toMatchObject({ code: ErrorCodes.FC_BILLING_CONFLICT });
		expect(await counts(store)).toEqual({ records: 0, checkpoints: 0, batches: 0, events: 0, heads: 0 });
		await store.close();
	});

	it("of many connections racing the first append of a new gateway, one wins and the losers leave no trace", async () => {
		const url = await server.createDatabase();
		const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresBillingStore.open(url)));
		const results = await Promise.allSettled(
			stores.map((s, i) =>
				s.appendChain({
					gatewayId: "gw",
					expectedHeadSeq: 0,
					records: [record(1, new Uint8Array([i])), record(2)],
					checkpoints: [{ chainSeq: 2, keyId: `k${i}`, bytes: new Uint8Array([i]) }],
					sealedUpTo: 2,
					receipt: { gatewayId: "gw", batchId: `b${i}`, digest: "d", receivedAt: i, receipt: { by: i } },
					outbox: [{ id: `ev-${i}`, type: "evidence.accepted", occurredAt: "2026-01-01T00:00:00.000Z", data: { by: i } }],
				}),
			),
		);
		const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
		expect(won).toHaveLength(1);
		for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: ErrorCodes.FC_BILLING_CONFLICT });
		expect(await counts(stores[0])).toEqual({ records: 2, checkpoints: 1, batches: 1, events: 1, heads: 1 });
		const [first] = await stores[0].getChainRecords("gw", 1, 1);
		expect([...first.bytes]).toEqual([won[0]]);
		expect(await stores[0].getBatchReceipt("gw", `b${won[0]}`)).toBeDefined();
		await Promise.all(stores.map((s) => s.close()));
	});

	it("moves only sealedUpTo on an append without records, never lowering it, and keeps the head hash", async () => {
		const store = await PostgresBillingStore.open(await server.createSchema());
		await store.appendChain({ gatewayId: "gw", expectedHeadSeq: 0, records: [record(1), record(2)], checkpoints: [], sealedUpTo: 1, receipt: null });
		const hash = record(2).entryHash;
		expect(await store.appendChain({ gatewayId: "gw", expectedHeadSeq: 2, records: [], checkpoints: [], sealedUpTo: 2, receipt: null })).toEqual({
			gatewayId: "gw",
			headSeq: 2,
			headHash: hash,
			sealedUpTo: 2,
		});
		expect(await store.appendChain({ gatewayId: "gw", expectedHeadSeq: 2, records: [], checkpoints: [], sealedUpTo: 1, receipt: null })).toMatchObject({
			sealedUpTo: 2,
		});
		await expect(store.appendChain({ gatewayId: "gw", expectedHeadSeq: 1, records: [], checkpoints: [], sealedUpTo: 2, receipt: null })).rejects.toMatchObject({
			code: ErrorCodes.FC_BILLING_CONFLICT,
		});
		expect(await store.getChainHead("gw")).toEqual({ gatewayId: "gw", headSeq: 2, headHash: hash, sealedUpTo: 2 });
		await store.close();
	});

	it("resumes after an acknowledged gap at the positions the records carry", async () => {
		const store = await PostgresBillingStore.open(await server.createSchema());
		await store.appendChain({ gatewayId: "gw", expectedHeadSeq: 0, records: [record(1)], checkpoints: [], sealedUpTo: 1, receipt: null });
		const head = await store.appendChain({
			gatewayId: "gw",
			expectedHeadSeq: 1,
			resumesAfter: { fromSeq: 2, toSeq: 4 },
			records: [record(5), record(6)],
			checkpoints: [],
			sealedUpTo: 6,
			receipt: null,
		});
		expect(head).toMatchObject({ headSeq: 6, sealedUpTo: 6 });
		expect((await store.getChainRecords("gw", 1, 99)).map((r) => [r.chainSeq, r.recordId])).toEqual([
			[1, "r1"],
			[5, "r5"],
			[6, "r6"],
		]);
		await store.close();
	});
});
