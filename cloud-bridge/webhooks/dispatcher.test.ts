/**
 * The dispatcher against a real HTTP receiver on 127.0.0.1, with short backoff so retries happen
 * within the test; restarts use a SQLite file on disk.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type Clock, systemClock } from "../../platform/clock.js";
import { waitFor } from "../../test/support/wait.js";
import type { BillingEvent } from "../events/billing-events.js";
import { WebhookDispatcher, type WebhookDispatcherOptions } from "./dispatcher.js";
import { MemoryWebhookStore } from "./memory-store.js";
import { parseWebhookEvent, verifyWebhookSignature } from "./signature.js";
import { SqliteWebhookStore } from "./sqlite-store.js";
import { startReceiver, type TestReceiver } from "./testing/receiver.js";
import type { WebhookStore } from "./types.js";

const dir = mkdtempSync(join(tmpdir(), "fc-webhook-dispatch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(reply?: TestReceiver["reply"]): Promise<TestReceiver> {
	const r = await startReceiver(reply);
	cleanups.push(() => r.close());
	return r;
}

function dispatcher(options: Partial<WebhookDispatcherOptions> & { store?: WebhookStore } = {}): WebhookDispatcher {
	const d = new WebhookDispatcher({
		store: options.store ?? new MemoryWebhookStore(),
		retry: { initialDelayMs: 20, multiplier: 2, maxDelayMs: 200, jitter: 0.5, maxAttempts: 10 },
		requestTimeoutMs: 2000,
		pollIntervalMs: 100,
		webhookAllow: ["127.0.0.0/8"],
		onError: (error) => {
			throw error;
		},
		...options,
	});
	cleanups.push(() => d.close());
	return d;
}

let events = 0;
function event(type: BillingEvent["type"] = "invoice.created"): BillingEvent {
	return {
		id: `evt-${++events}`,
		type,
		occurredAt: "2025-11-24T10:00:00.000Z",
		data: { invoiceId: "INV-7", totalMinor: 125_000, currency: "EUR", note: "Prüfung ✓" },
	};
}

const header = (r: TestReceiver, i: number, name: string) => r.requests[i].headers[name.toLowerCase()] as string;

describe("webhook delivery to a real HTTP receiver", () => {
	it("delivers a signed event the receiver verifies, only to subscribers of its type", async () => {
		const r = await receiver();
		const other = await receiver();
		const d = dispatcher();
		const { secret } = await d.createSubscription({ url: r.url, eventTypes: ["invoice.created", "milestone.released"] });
		await d.createSubscription({ url: other.url, eventTypes: ["milestone.ready"] });
		d.start();
		const sent = event();
		await d.publish(sent);
		await waitFor("the delivery to succeed", async () => ((await d.listDeliveries({ status: "succeeded" })).length === 1 ? true : undefined), 10_000);
		expect(r.requests).toHaveLength(1);
		expect(other.requests).toHaveLength(0);
		const got = r.requests[0];
		expect(got.method).toBe("POST");
		expect(got.headers["content-type"]).toBe("application/json");
		expect(header(r, 0, "Fieldchain-Event-Id")).toBe(sent.id);
		expect(header(r, 0, "Fieldchain-Event-Type")).toBe("invoice.created");
		expect(header(r, 0, "Fieldchain-Delivery-Attempt")).toBe("1");
		const signature = header(r, 0, "Fieldchain-Signature");
		expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
		expect(parseWebhookEvent({ payload: got.body, header: signature, secret })).toEqual(sent);
		expect(() => verifyWebhookSignature({ payload: got.body.replace("125000", "1"), header: signature, secret })).toThrow(/matches/);
		const [logged] = await d.listDeliveries();
		expect(logged.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, error: null, outcome: "succeeded", nextAttemptAt: null })]);
	});

	it("retries a receiver that fails five times, and it gets the event once it recovers", async () => {
		const r = await receiver((_, i) => (i < 5 ? { status: 503 } : { status: 200 }));
		const d = dispatcher();
		const { secret } = await d.createSubscription({ url: r.url, eventTypes: ["invoice.created"] });
		d.start();
		const sent = event();
		await d.publish(sent);
		await waitFor("the sixth attempt to succeed", async () => ((await d.listDeliveries({ status: "succeeded" })).length === 1 ? true : undefined), 20_000);
		expect(r.requests).toHaveLength(6);
		for (let i = 0; i < 6; i++) {
			expect(header(r, i, "Fieldchain-Event-Id")).toBe(sent.id);
			expect(header(r, i, "Fieldchain-Delivery-Attempt")).toBe(String(i + 1));
			verifyWebhookSignature({ payload: r.requests[i].body, header: header(r, i, "Fieldchain-Signature"), secret });
		}
		const [logged] = await d.listDeliveries();
		expect(logged).toMatchObject({ status: "succeeded", attempts: 6, lastStatusCode: 200, lastError: null });
		expect(logged.attemptLog.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
			[1, 503, "retrying"],
			[2, 503, "retrying"],
			[3, 503, "retrying"],
			[4, 503, "retrying"],
			[5, 503, "retrying"],
			[6, 200, "succeeded"],
		]);
		for (const a of logged.attemptLog.slice(0, 5)) {
			expect(a.error).toBe("HTTP 503");
			expect(a.nextAttemptAt).toBeGreaterThan(a.startedAt);
		}
		// Backoff: waits grow (each at least half its nominal 20·2^(n-1) ms, capped at 200).
		for (let i = 1; i < 6; i++) {
			const waited = r.requests[i].receivedAt - r.requests[i - 1].receivedAt;
			expect(waited).toBeGreaterThanOrEqual(Math.min(200, 20 * 2 ** (i - 1)) / 2 - 5);
		}
	});

	it("retries network errors and timeouts, and marks a delivery failed (dead) after the last attempt", async () => {
		const r = await receiver((_, i) => (i === 0 ? "hang" : { status: 500 }));
		const d = dispatcher({ requestTimeoutMs: 150, retry: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 3 } });
		await d.createSubscription({ url: r.url, eventTypes: ["evidence.accepted"] });
		// Nothing listens on the closed receiver's port: connection refused.
		const gone = await startReceiver();
		await gone.close();
		await d.createSubscription({ url: gone.url, eventTypes: ["evidence.accepted"] });
		d.start();
		await d.publish(event("evidence.accepted"));
		await waitFor("both deliveries to fail", async () => ((await d.listDeliveries({ status: "failed" })).length === 2 ? true : undefined), 20_000);
		const log = await d.listDeliveries();
		const toReceiver = log.find((x) => x.lastStatusCode === 500)!;
		expect(toReceiver.attemptLog.map((a) => [a.statusCode, a.outcome])).toEqual([
			[null, "retrying"],
			[500, "retrying"],
			[500, "failed"],
		]);
		expect(toReceiver.attemptLog[0].error).toMatch(/timeout/i);
		expect(toReceiver.attemptLog[0].durationMs).toBeGreaterThanOrEqual(140);
		expect(toReceiver.attemptLog[2].nextAttemptAt).toBeNull();
		const refused = log.find((x) => x !== toReceiver)!;
		expect(refused.attempts).toBe(3);
		expect(refused.lastError).toBe("connection failed"); // coarse: not ECONNREFUSED host:port
		// Dead means dead: no fourth attempt.
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(r.requests).toHaveLength(3);
	});

	it("loses nothing across a restart: a retry pending when the service stopped is delivered by the next one", async () => {
		const path = join(dir, "restart.sqlite");
		const r = await receiver((_, i) => (i === 0 ? { status: 500 } : { status: 200 }));
		const storeA = new SqliteWebhookStore(path);
		// A long backoff, so the retry is still pending when the service stops.
		const a = new WebhookDispatcher({ store: storeA, retry: { initialDelayMs: 60_000, jitter: 0 }, webhookAllow: ["127.0.0.0/8"] });
		const { secret } = await a.createSubscription({ url: r.url, eventTypes: ["milestone.released"] });
		a.start();
		const sent = event("milestone.released");
		await a.publish(sent);
		const queuedOnly = event("milestone.released");
		await waitFor(
			"the first attempt to be logged",
			async () => ((await storeA.listAttempts((await storeA.listDeliveries()).map((x) => x.id))).length === 1 ? true : undefined),
			10_000,
		);
		await a.close();
		// Queued by a service that was never started (or stopped before sending it).
		const b0 = new WebhookDispatcher({ store: storeA, webhookAllow: ["127.0.0.0/8"] });
		await b0.publish(queuedOnly);
		await b0.close();
		await storeA.close();
		expect(r.requests).toHaveLength(1);

		// The next service: a minute later, on the same file.
		const later: Clock = { ...systemClock, now: () => Date.now() + 61_000 };
		const storeB = new SqliteWebhookStore(path);
		cleanups.push(() => storeB.close());
		const b = dispatcher({ store: storeB, clock: later });
		b.start();
		await waitFor("both deliveries to succeed", async () => ((await b.listDeliveries({ status: "succeeded" })).length === 2 ? true : undefined), 10_000);
		const received = r.requests
			.slice(1)
			.map((x) => parseWebhookEvent({ payload: x.body, header: x.headers["fieldchain-signature"], secret, now: later.now() }).id);
		expect(received.sort()).toEqual([sent.id, queuedOnly.id].sort());
		const log = await b.listDeliveries({ eventId: sent.id });
		expect(log[0].attemptLog.map((x) => x.outcome)).toEqual(["retrying", "succeeded"]);
	});

	it("redelivers what a worker that died mid-attempt had taken, once its lease ends", async () => {
		const path = join(dir, "crash.sqlite");
		const r = await receiver();
		const store = new SqliteWebhookStore(path);
		const a = new WebhookDispatcher({ store, webhookAllow: ["127.0.0.0/8"] });
		await a.createSubscription({ url: r.url, eventTypes: ["invoice.created"] });
		const sent = event();
		await a.publish(sent);
		// A worker takes it and dies before logging anything.
		const [taken] = await store.claimDue(Date.now(), 10, Date.now() + 30_000);
		expect(taken.eventId).toBe(sent.id);
		await store.close();

		const reopened = new SqliteWebhookStore(path);
		cleanups.push(() => reopened.close());
		const early = dispatcher({ store: reopened });
		early.start();
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(r.requests).toHaveLength(0); // still leased
		await early.close();
		const afterLease = dispatcher({ store: reopened, clock: { ...systemClock, now: () => Date.now() + 31_000 } });
		afterLease.start();
		await waitFor("the redelivery", async () => ((await afterLease.listDeliveries({ status: "succeeded" })).length === 1 ? true : undefined), 10_000);
		expect(r.requests.map((x) => x.headers["fieldchain-event-id"])).toEqual([sent.id]);
	});
});
