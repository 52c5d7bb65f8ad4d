/**
 * A batch id belongs to the batch that first stored something under it. Whoever can publish on a
 * gateway's uplink topic, or holds its HTTP token, can send a batch under any id; without the
 * gateway's signing key that batch seals nothing. Such a batch must not occupy the id: otherwise
 * the gateway's real batch under that id would be answered 409 forever. Once a verified batch has
 * stored records, the id is taken: the same content is a replay, other content a 409.
 * On every store the service runs on: memory, SQLite on disk, PostgreSQL (a throw-away server).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BatchReceipt, EvidenceBatch } from "../../../protocol/uplink/wire.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { MemoryEventSink } from "../../events/billing-events.js";
import { issueApiToken } from "../auth/tokens.js";
import { createBillingService } from "../service.js";
import { type BillingStorage, memoryBillingStorage, openBillingStorage } from "../storage.js";
import { SimulatedGateway } from "../testing/gateway-sim.js";
import type { TestService } from "../testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION } from "../testing/scenario.js";

let postgres: PostgresServer;
beforeAll(async () => {
	postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
	await postgres?.stop();
}, 30_000);

const backends: Record<string, () => Promise<{ storage: BillingStorage; cleanup: () => void }>> = {
	memory: async () => ({ storage: memoryBillingStorage(), cleanup: () => {} }),
	sqlite: async () => {
		const dir = mkdtempSync(join(tmpdir(), "fc-squat-"));
		return { storage: await openBillingStorage({ db: join(dir, "billing.sqlite") }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
	},
	postgres: async () => ({ storage: await openBillingStorage({ databaseUrl: await postgres.createDatabase() }), cleanup: () => {} }),
};

async function serviceOver(storage: BillingStorage, cleanup: () => void): Promise<TestService> {
	const events = new MemoryEventSink();
	const app = createBillingService({ storage, events, validateResponses: true });
	await app.listen({ host: "127.0.0.1", port: 0 });
	const address = app.server.address();
	if (!address || typeof address === "string") throw new Error("the test service has no TCP address");
	const url = `http://127.0.0.1:${address.port}`;
	const admin = (await issueApiToken(storage.store, { name: "ADMIN1", scopes: ["admin"], now: Date.now() })).token;
	return {
		url,
		app,
		storage,
		events,
		tokens: { admin, approver: admin, releaser: admin, reader: admin },
		dir: "",
		async request(method, path, options = {}) {
			const headers: Record<string, string> = { ...options.headers };
			const token = options.token === undefined ? admin : options.token;
			if (token !== null) headers.authorization = `Bearer ${token}`;
			if (options.body !== undefined) headers["content-type"] = "application/json";
			const response = await fetch(`${url}${path}`, {
				method,
				headers,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				signal: AbortSignal.timeout(10_000),
			});
			const text = await response.text();
			return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
		},
		async close() {
			await app.close();
			await storage.close();
			cleanup();
		},
	};
}

describe.each(Object.keys(backends))("a batch id on %s", (backend) => {
	let service: TestService;
	let scenario: Scenario;
	beforeEach(async () => {
		const { storage, cleanup } = await backends[backend]();
		service = await serviceOver(storage, cleanup);
		scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
	}, 60_000);
	afterEach(async () => {
		await service?.close();
	});

	const send = (body: EvidenceBatch) => service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body });
	const head = async () => expectOk<{ headSeq: number }>(await service.request("GET", "/v1/gateways/gw-1/chain", { token: scenario.gatewayToken })).headSeq;

	/** The gateway's own batch: n readings sealed by its key. */
	function realBatch(n: number, batchId: string): EvidenceBatch {
		const from = scenario.gateway.records.length + 1;
		for (let i = 0; i < n; i++) scenario.gateway.reading(TARGET_INSULATION, 500 + i);
		scenario.gateway.seal();
		return scenario.gateway.batch(from, scenario.gateway.records.length, batchId);
	}

	/** What someone without the gateway's key can send on its behalf: a well-formed chain sealed with another key. */
	function forgedBatch(n: number, batchId: string, sealed: boolean): EvidenceBatch {
		const impostor = new SimulatedGateway("gw-1");
		for (let i = 0; i < n; i++) impostor.reading(TARGET_INSULATION, 900 + i);
		if (sealed) impostor.seal();
		return impostor.batch(1, n, batchId);
	}

	it("a batch sealed by another key stores nothing and leaves the id to the gateway's real batch", async () => {
		const squat = await send(forgedBatch(3, "b-1", true));
		expect(squat.status).toBe(200);
		expect(squat.body).toMatchObject({ accepted: 0, checkpointsAccepted: 0, evidenceCreated: 0 });
		expect(squat.body.checkpointsRejected).toEqual([expect.objectContaining({ reason: "unknown-key" })]);
		expect(await head()).toBe(0);

		const real = expectOk<BatchReceipt>(await send(realBatch(3, "b-1")));
		expect(real).toMatchObject({ accepted: 3, replayed: false, headSeq: 3, checkpointsAccepted: 1 });
		// Replaying the real batch gets the real receipt back.
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 3, "b-1")))).toEqual({ ...real, replayed: true });
	});

	it("a batch with no checkpoint (nothing sealed, nothing stored) does not take the id either", async () => {
		const squat = expectOk<BatchReceipt>(await send(forgedBatch(2, "b-2", false)));
		expect(squat).toMatchObject({ accepted: 0, unsealed: 2, evidenceCreated: 0 });
		// Sent again, it is judged afresh rather than replayed: no receipt was kept for it.
		expect(expectOk<BatchReceipt>(await send(forgedBatch(2, "b-2", false)))).toMatchObject({ accepted: 0, replayed: false });
		expect(expectOk<BatchReceipt>(await send(realBatch(2, "b-2")))).toMatchObject({ accepted: 2, replayed: false });
	});

	it("once a verified batch stored records under an id, other content under it is a 409 and the chain is unchanged", async () => {
		const real = expectOk<BatchReceipt>(await send(realBatch(2, "b-3")));
		expect(real.accepted).toBe(2);
		const forged = await send(forgedBatch(2, "b-3", true));
		expect(forged.status).toBe(409);
		expect(JSON.stringify(forged.body)).toContain("other content");
		// The gateway's next real batch under the same id is other content too: refused, nothing stored.
		expect((await send(realBatch(1, "b-3"))).status).toBe(409);
		expect(await head()).toBe(2);
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 2, "b-3")))).toEqual({ ...real, replayed: true });
	});
});
