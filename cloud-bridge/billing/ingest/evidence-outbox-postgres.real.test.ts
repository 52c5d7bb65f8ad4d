/**
 * `evidence.accepted` through the outbox on PostgreSQL (a throw-away server): faults injected into
 * the real database with triggers. The chain append failing after the evidence was written leaves
 * no event; the event write failing leaves no records; the hand-over failing after the commit loses
 * nothing. Event if and only if the records it announces were committed, as on SQLite
 * (evidence-outbox.test.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EvidenceBatch } from "../../../protocol/uplink/wire.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { waitFor } from "../../../test/support/wait.js";
import { type BillingEvent, MemoryEventSink } from "../../events/billing-events.js";
import { issueApiToken } from "../auth/tokens.js";
import { createBillingService } from "../service.js";
import { openBillingStorage } from "../storage.js";
import type { PostgresStorage } from "../store/postgres-storage.js";
import type { TestService } from "../testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION } from "../testing/scenario.js";

class FlakySink extends MemoryEventSink {
	down = false;
	override async publish(event: BillingEvent): Promise<void> {
		if (this.down) throw new Error("event queue down");
		await super.publish(event);
	}
}

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

let storage: PostgresStorage;
let service: TestService;
let sink: FlakySink;
let scenario: Scenario;
beforeEach(async () => {
	storage = (await openBillingStorage({ databaseUrl: await server.createDatabase() })) as PostgresStorage;
	sink = new FlakySink();
	const app = createBillingService({ storage, events: sink, validateResponses: true });
	await app.listen({ host: "127.0.0.1", port: 0 });
	const address = app.server.address();
	const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
	const admin = (await issueApiToken(storage.store, { name: "ADMIN1", scopes: ["admin"], now: Date.now() })).token;
	service = {
		url,
		app,
		storage,
		events: sink,
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
		},
	};
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
	await storage.pool.query("CREATE FUNCTION fc_fault() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql");
}, 60_000);
afterEach(async () => {
	await service.close();
});

const send = (body: EvidenceBatch) => service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body });
const announced = () => sink.events.filter((e) => e.type === "evidence.accepted");
const count = async (table: string) => Number((await storage.pool.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);

function batchOf(n: number, id: string): EvidenceBatch {
	for (let i = 0; i < n; i++) scenario.gateway.reading(TARGET_INSULATION, 500 + i);
	scenario.gateway.seal();
	const head = scenario.gateway.records.length;
	return scenario.gateway.batch(head - n + 1, head, id);
}

describe("evidence.accepted through the outbox on PostgreSQL", () => {
	it("no event when the chain append fails after the evidence was written; exactly one after the retry", { timeout: 60_000 }, async () => {
		await storage.pool.query("CREATE TRIGGER chain_down BEFORE INSERT ON billing_chain_records FOR EACH ROW EXECUTE FUNCTION fc_fault()");
		const batch = batchOf(2, "b-1");
		expect((await send(batch)).status).toBeGreaterThanOrEqual(500);
		expect(await count("billing_outbox")).toBe(0);
		expect(announced()).toHaveLength(0);
		await storage.pool.query("DROP TRIGGER chain_down ON billing_chain_records");
		expectOk(await send(batch));
		await waitFor("the announcement", () => (announced().length > 0 ? true : undefined), 30_000);
		expect(announced()).toHaveLength(1);
		expect(await count("billing_outbox")).toBe(1);
	});

	it("no records when the event cannot be stored: the event write is part of the append", { timeout: 60_000 }, async () => {
		await storage.pool.query("CREATE TRIGGER outbox_down BEFORE INSERT ON billing_outbox FOR EACH ROW EXECUTE FUNCTION fc_fault()");
		const batch = batchOf(2, "b-2");
		expect((await send(batch)).status).toBeGreaterThanOrEqual(500);
		expect(await count("billing_chain_records")).toBe(0);
		expect(await count("billing_batches")).toBe(0);
		await storage.pool.query("DROP TRIGGER outbox_down ON billing_outbox");
		expectOk(await send(batch));
		expect(await count("billing_chain_records")).toBe(2);
		await waitFor("the announcement", () => (announced().length > 0 ? true : undefined), 30_000);
		expect(announced()).toHaveLength(1);
	});

	it("the event survives a failed hand-over after the commit and is delivered later, once", { timeout: 60_000 }, async () => {
		sink.down = true;
		expectOk(await send(batchOf(3, "b-3")));
		expect(announced()).toHaveLength(0);
		sink.down = false;
		await waitFor("the relay's next round", () => (announced().length > 0 ? true : undefined), 30_000);
		expect(announced()).toHaveLength(1);
		expect(announced()[0].data).toMatchObject({ batchId: "b-3", accepted: 3 });
	});
});
