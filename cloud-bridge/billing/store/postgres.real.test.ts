import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { billingStoreContract } from "./billing-store.contract.js";
import { POSTGRES_BILLING_MIGRATIONS, PostgresBillingStore } from "./postgres.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

billingStoreContract("PostgreSQL (throw-away server)", async () => PostgresBillingStore.open(await server.createSchema()));

describe("PostgreSQL billing store", () => {
	it("appends one gateway's batches one after the other across connections, never twice at one head", async () => {
		const url = await server.createDatabase();
		const stores = await Promise.all([1, 2, 3].map(() => PostgresBillingStore.open(url)));
		const record = (seq: number) => ({
			chainSeq: seq,
			recordId: `r${seq}`,
			workOrderId: "WO1",
			contentHash: "c".repeat(64),
			entryHash: seq.toString(16).padStart(64, "0"),
			bytes: new Uint8Array([seq]),
		});
		for (let head = 0; head < 5; head++) {
			const results = await Promise.allSettled(
				stores.map((s) =>
					s.appendChain({ gatewayId: "gw", expectedHeadSeq: head, records: [record(head + 1)], checkpoints: [], sealedUpTo: 0, receipt: null }),
				),
			);
			expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
		}
		expect((await stores[0].getChainRecords("gw", 1, 99)).map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
		await Promise.all(stores.map((s) => s.close()));
	});

	it("keeps its data across reopen and runs no migration twice", async () => {
		const url = await server.createDatabase();
		const a = await PostgresBillingStore.open(url);
		await a.createToken({ id: "t", name: "n", hash: "a".repeat(64), scopes: ["admin", "approve"], gatewayId: null, createdAt: 1, revokedAt: null });
		await a.close();
		const b = await PostgresBillingStore.open(url);
		expect(await b.findTokenByHash("a".repeat(64))).toMatchObject({ scopes: ["admin", "approve"], createdAt: 1 });
		const { rows } = await b.pool.query("SELECT COUNT(*)::int AS n FROM billing_schema_version");
		expect(rows[0].n).toBe(POSTGRES_BILLING_MIGRATIONS.length);
		await b.close();
	});
});
