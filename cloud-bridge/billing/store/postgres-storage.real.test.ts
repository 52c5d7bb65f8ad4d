/**
 * The whole billing service on PostgreSQL, opened the way `cloud serve --database-url` opens it:
 * a work order from creation through evidence ingest to invoice release over loopback HTTP, with
 * its events delivered as signed webhooks (queued in the same database) to a real receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { waitFor } from "../../../test/support/wait.js";
import type { BillingEvent, BillingEventSink } from "../../events/billing-events.js";
import { MemoryEventSink } from "../../events/billing-events.js";
import { WebhookDispatcher } from "../../webhooks/dispatcher.js";
import { parseWebhookEvent } from "../../webhooks/signature.js";
import { startReceiver } from "../../webhooks/testing/receiver.js";
import { issueApiToken } from "../auth/tokens.js";
import { createBillingService } from "../service.js";
import { openBillingStorage } from "../storage.js";
import type { TestService } from "../testing/harness.js";
import { expectOk, Scenario } from "../testing/scenario.js";
import type { PostgresStorage } from "./postgres-storage.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

describe("billing service on PostgreSQL", () => {
	it("releases an invoice end to end and delivers its events as signed webhooks", async () => {
		const databaseUrl = await server.createDatabase();
		const storage = (await openBillingStorage({ databaseUrl })) as PostgresStorage;
		expect(storage.describe).toMatch(/^PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/test_\d+$/);
		const receiver = await startReceiver();
		const dispatcher = new WebhookDispatcher({
			store: storage.webhooks,
			retry: { initialDelayMs: 20, maxDelayMs: 100 },
			pollIntervalMs: 100,
			webhookAllow: ["127.0.0.0/8"],
		});
		const { secret } = await dispatcher.createSubscription({ url: receiver.url, eventTypes: ["milestone.released", "invoice.created"] });
		dispatcher.start();
		const memory = new MemoryEventSink();
		const events: BillingEventSink = {
			async publish(event: BillingEvent) {
				await memory.publish(event);
				await dispatcher.publish(event);
			},
		};
		const app = createBillingService({ storage, events, validateResponses: true });
		await app.listen({ host: "127.0.0.1", port: 0 });
		const address = app.server.address();
		const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
		const issue = async (name: string, scopes: string[]) => (await issueApiToken(storage.store, { name, scopes, now: Date.now() })).token;
		const tokens = {
			admin: await issue("ADMIN1", ["admin"]),
			approver: await issue("SUP1", ["approve"]),
			releaser: await issue("FIN1", ["release"]),
			reader: await issue("READER1", ["workorders:read"]),
		};
		const service: TestService = {
			url,
			app,
			storage,
			events: memory,
			tokens,
			dir: "",
			async request(method, path, options = {}) {
				const headers: Record<string, string> = { ...options.headers };
				const token = options.token === undefined ? tokens.admin : options.token;
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
			async close() {},
		};
		try {
			const scenario = new Scenario(service);
			await scenario.runToApproval();
			const invoice = expectOk<{ id: string; totalMinor: number }>(await service.request("POST", "/v1/milestones/M1/release", { token: tokens.releaser }), 201);
			expect(invoice.totalMinor).toBeGreaterThan(0);
			// Stored in PostgreSQL: the repository reads the invoice back, the chain head moved.
			expect((await storage.repo.get("invoice", invoice.id))?.totalMinor).toBe(invoice.totalMinor);
			expect((await storage.store.getChainHead("gw-1")).headSeq).toBeGreaterThan(0);

			await waitFor("the two webhooks", () => (receiver.requests.length >= 2 ? true : undefined), 15_000);
			const received = receiver.requests.map((r) => parseWebhookEvent({ payload: r.body, header: r.headers["fieldchain-signature"], secret }));
			expect(received.map((e) => e.type).sort()).toEqual(["invoice.created", "milestone.released"]);
			expect(memory.events.map((e) => e.type)).toEqual(
				expect.arrayContaining(["evidence.accepted", "milestone.ready", "milestone.released", "invoice.created"]),
			);
			await waitFor("the delivery log", async () => ((await dispatcher.listDeliveries({ status: "succeeded" })).length === 2 ? true : undefined), 5_000);
		} finally {
			await dispatcher.close();
			await app.close();
			await storage.close();
			await receiver.close();
		}
	});

	it("says what is wrong with an unreachable database, without its password", async () => {
		const error = await openBillingStorage({ databaseUrl: "postgres://billing:hunter2@127.0.0.1:1/billing" }).catch((e: unknown) => e as Error);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/Cannot reach PostgreSQL/);
		expect((error as Error).message).not.toContain("hunter2");
	});
});
