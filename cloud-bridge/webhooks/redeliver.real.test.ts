/**
 * Redelivery over loopback HTTP through the billing service, on SQLite and on a throw-away
 * PostgreSQL: a delivery that failed against a real receiver is put back in the queue by an admin,
 * goes out once more signed afresh, and the log keeps every attempt and who asked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../../test/support/postgres.js";
import { waitFor } from "../../test/support/wait.js";
import { issueApiToken } from "../billing/auth/tokens.js";
import { createBillingService } from "../billing/service.js";
import { type BillingStorage, openBillingStorage } from "../billing/storage.js";
import { webhookStoreBeside } from "./beside-storage.js";
import { WebhookDispatcher } from "./dispatcher.js";
import { webhookRouteSpecs } from "./routes.js";
import { verifyWebhookSignature } from "./signature.js";
import { startReceiver } from "./testing/receiver.js";

let server: PostgresServer;
const dir = mkdtempSync(join(tmpdir(), "fc-redeliver-"));
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
}, 30_000);

const backends: [string, () => Promise<BillingStorage>][] = [
	["SQLite", () => openBillingStorage({ db: join(dir, `billing-${Date.now()}.sqlite`) })],
	["PostgreSQL", async () => openBillingStorage({ databaseUrl: await server.createDatabase() })],
];

describe.each(backends)("webhook redelivery on %s", (_name, open) => {
	it("requeues a failed delivery for an admin only, once, and delivers it signed", async () => {
		let healthy = false;
		const receiver = await startReceiver(() => ({ status: healthy ? 204 : 503 }));
		const storage = await open();
		const dispatcher = new WebhookDispatcher({
			store: await webhookStoreBeside(storage),
			retry: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 2 },
			pollIntervalMs: 50,
			webhookAllow: ["127.0.0.0/8"],
		});
		const app = createBillingService({ storage, events: dispatcher, routes: webhookRouteSpecs(dispatcher), validateResponses: true, console: false });
		try {
			await app.listen({ host: "127.0.0.1", port: 0 });
			const address = app.server.address();
			const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
			const now = Date.now();
			const admin = (await issueApiToken(storage.store, { name: "ADMIN1", scopes: ["admin"], now })).token;
			const releaser = (await issueApiToken(storage.store, { name: "FIN1", scopes: ["release"], now })).token;
			// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the OpenAPI document by the service.
			const call = async (method: string, path: string, token: string | null = admin, body?: unknown): Promise<{ status: number; body: any }> => {
				const response = await fetch(`${base}${path}`, {
					method,
					headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				return { status: response.status, body: await response.json() };
			};
			const sub = await call("POST", "/v1/webhooks/subscriptions", admin, { url: receiver.url, eventTypes: ["credit_note.issued"] });
			expect(sub.status).toBe(201);
			dispatcher.start();
			await dispatcher.publish({ id: "evt-1", type: "credit_note.issued", occurredAt: new Date().toISOString(), data: { creditNote: { id: "INV-1-CN1" } } });
			const logOf = async () => (await call("GET", "/v1/webhooks/deliveries?eventId=evt-1")).body.deliveries[0];
			await waitFor("the delivery to fail", async () => ((await logOf())?.status === "failed" ? true : undefined), 20_000);
			const failed = await logOf();
			expect(failed.attempts).toBe(2);
			const path = `/v1/webhooks/deliveries/${failed.id}/redeliver`;

			// Only an admin; only a delivery that exists.
			expect((await call("POST", path, releaser)).status).toBe(403);
			expect((await call("POST", path, null)).status).toBe(401);
			const missing = await call("POST", "/v1/webhooks/deliveries/nope/redeliver");
			expect([missing.status, missing.body.error.code]).toEqual([404, "FC_WEBHOOK_NOT_FOUND"]);

			// Two admins at once: one requeues it, the other hears it is already queued.
			healthy = true;
			const both = await Promise.all([call("POST", path), call("POST", path)]);
			expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
			const refused = both.find((b) => b.status === 409)?.body.error;
			expect(refused.code).toBe("FC_WEBHOOK_CONFLICT");
			expect(refused.message).toMatch(/is (pending|succeeded); only a failed delivery is redelivered/);
			await waitFor("the redelivery to succeed", async () => ((await logOf())?.status === "succeeded" ? true : undefined), 20_000);
			const done = await logOf();
			expect(done.attemptLog.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome])).toEqual([
				[1, "retrying"],
				[2, "failed"],
				[3, "succeeded"],
			]);
			expect(done.redeliveries).toEqual([{ requestedBy: "ADMIN1", requestedAt: expect.any(Number), attemptsBefore: 2 }]);
			// The receiver got it a third time, signed with the subscription's secret.
			const last = receiver.requests.at(-1);
			expect(last?.headers["fieldchain-delivery-attempt"]).toBe("3");
			expect(() => verifyWebhookSignature({ secret: sub.body.secret, header: last?.headers["fieldchain-signature"], payload: last?.body ?? "" })).not.toThrow();
			// Succeeded: nothing to redeliver.
			const again = await call("POST", path);
			expect([again.status, again.body.error.hint]).toEqual([409, "The receiver already answered 2xx; it has the event."]);
		} finally {
			await dispatcher.close();
			await app.close();
			await storage.close();
			await receiver.close();
		}
	}, 90_000);
});
