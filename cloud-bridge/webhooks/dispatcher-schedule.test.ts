/** The dispatcher's bookkeeping on a fake clock with a fake sender: exact backoff, publishing rules, subscriptions. */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { isFieldchainError } from "../../platform/errors.js";
import type { BillingEvent } from "../events/billing-events.js";
import { WebhookDispatcher } from "./dispatcher.js";
import type { WebhookRequest, WebhookResponse } from "./http-post.js";
import { MemoryWebhookStore } from "./memory-store.js";

const settle = async () => {
	for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

function setup(answers: (WebhookResponse | Error)[], retry = { initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.5, maxAttempts: 4 }) {
	const clock = new ManualClock();
	const store = new MemoryWebhookStore();
	const sent: { at: number; request: WebhookRequest }[] = [];
	let ids = 0;
	const dispatcher = new WebhookDispatcher({
		store,
		clock,
		random: () => 0, // no jitter: exact delays
		retry,
		pollIntervalMs: 3_600_000,
		newId: () => `id-${++ids}`,
		// Local and test-only names: a public answer, without asking the system resolver.
		webhookAllow: ["127.0.0.0/8"],
		resolve: async () => [{ address: "192.0.43.10", family: 4 }],
		post: async (request) => {
			sent.push({ at: clock.now(), request });
			const answer = answers.shift() ?? { statusCode: 200, retryAfterMs: undefined };
			if (answer instanceof Error) throw answer;
			return answer;
		},
		onError: (error) => {
			throw error;
		},
	});
	return { clock, store, sent, dispatcher };
}

const event = (id: string, type: BillingEvent["type"] = "invoice.created"): BillingEvent => ({ id, type, occurredAt: "2025-11-24T10:00:00Z", data: {} });
const fail = { statusCode: 500, retryAfterMs: undefined };

describe("webhook dispatcher on a fake clock", () => {
	it("waits 1 s, 2 s, 4 s between attempts, then gives up", async () => {
		const { clock, store, sent, dispatcher } = setup([fail, new Error("socket hang up"), fail, fail]);
		await dispatcher.createSubscription({ url: "https://example.test/h", eventTypes: ["invoice.created"] });
		dispatcher.start();
		const t0 = clock.now();
		await dispatcher.publish(event("E1"));
		await settle();
		expect(sent.map((s) => s.at - t0)).toEqual([0]);
		for (const [wait, attempts] of [
			[999, 1],
			[1, 2],
			[1999, 2],
			[1, 3],
			[3999, 3],
			[1, 4],
			[60_000, 4],
		] as const) {
			clock.advance(wait);
			await settle();
			expect(sent.length).toBe(attempts);
		}
		expect(sent.map((s) => s.at - t0)).toEqual([0, 1000, 3000, 7000]);
		const [delivery] = await dispatcher.listDeliveries();
		expect(delivery).toMatchObject({ status: "failed", attempts: 4, lastError: "HTTP 500" });
		expect(delivery.attemptLog.map((a) => [a.outcome, a.nextAttemptAt === null ? null : a.nextAttemptAt - t0, a.error])).toEqual([
			["retrying", 1000, "HTTP 500"],
			["retrying", 3000, "connection failed"], // coarse: never the raw error,
			["retrying", 7000, "HTTP 500"],
			["failed", null, "HTTP 500"],
		]);
		expect(await store.nextDueAt()).toBeUndefined();
		await dispatcher.close();
	});

	it("honours a receiver's Retry-After, within the longest delay", async () => {
		const { clock, sent, dispatcher } = setup([
			{ statusCode: 503, retryAfterMs: 30_000 },
			{ statusCode: 429, retryAfterMs: 10 * 3_600_000 },
		]);
		await dispatcher.createSubscription({ url: "https://example.test/h", eventTypes: ["invoice.created"] });
		dispatcher.start();
		await dispatcher.publish(event("E1"));
		await settle();
		const [first] = (await dispatcher.listDeliveries())[0].attemptLog;
		expect(first.nextAttemptAt! - first.startedAt).toBe(30_000);
		clock.advance(30_000);
		await settle();
		expect(sent).toHaveLength(2);
		const second = (await dispatcher.listDeliveries())[0].attemptLog[1];
		expect(second.nextAttemptAt! - second.startedAt).toBe(60_000);
		await dispatcher.close();
	});

	it("signs with the time of each attempt and sends the same body every time", async () => {
		const { clock, sent, dispatcher } = setup([fail]);
		await dispatcher.createSubscription({ url: "https://example.test/h", eventTypes: ["invoice.created"] });
		dispatcher.start();
		await dispatcher.publish(event("E1"));
		await settle();
		clock.advance(1000);
		await settle();
		expect(sent).toHaveLength(2);
		expect(sent[0].request.body).toBe(sent[1].request.body);
		const t = sent.map((s) => Number(/t=(\d+)/.exec(s.request.headers["Fieldchain-Signature"])![1]));
		expect(t[1] - t[0]).toBe(1);
		await dispatcher.close();
	});

	it("queues an event once per subscription to its type, and the same event only once", async () => {
		const { store, dispatcher } = setup([]);
		const a = await dispatcher.createSubscription({ url: "https://a.example.test/h", eventTypes: ["invoice.created", "milestone.ready"] });
		await dispatcher.createSubscription({ url: "https://b.example.test/h", eventTypes: ["milestone.ready"] });
		await dispatcher.publish(event("E1"));
		await dispatcher.publish(event("E1"));
		await dispatcher.publish(event("E2", "appointment.dispatched"));
		const queued = await store.listDeliveries();
		expect(queued.map((d) => [d.subscriptionId, d.eventId, d.status])).toEqual([[a.subscription.id, "E1", "pending"]]);
		await dispatcher.publish(event("E3", "milestone.ready"));
		expect(await store.listDeliveries({ eventId: "E3" })).toHaveLength(2);
		for (const bad of [
			{ ...event("E4"), type: "invoice.deleted" },
			{ ...event(""), id: "" },
			{ ...event("E5"), data: null },
		]) {
			await expect(dispatcher.publish(bad as BillingEvent)).rejects.toSatisfy((e) => isFieldchainError(e, "FC_WEBHOOK_INVALID"));
		}
	});

	it("shows a subscription's secret once, checks what is subscribed, and fails pending deliveries on delete", async () => {
		const { store, dispatcher } = setup([]);
		const created = await dispatcher.createSubscription({
			url: "http://127.0.0.1:9/h",
			eventTypes: ["invoice.created", "invoice.created"],
			description: "ERP",
		});
		expect(created.secret).toMatch(/^whsec_/);
		expect(created.subscription).toEqual({
			id: "id-1",
			url: "http://127.0.0.1:9/h",
			eventTypes: ["invoice.created"],
			description: "ERP",
			createdAt: expect.any(Number),
		});
		expect(await dispatcher.listSubscriptions()).toEqual([created.subscription]);
		expect(JSON.stringify(await dispatcher.listSubscriptions())).not.toContain(created.secret);
		for (const [input, field] of [
			[{ url: "ftp://x/y", eventTypes: ["invoice.created"] }, "url"],
			[{ url: "not a url", eventTypes: ["invoice.created"] }, "url"],
			[{ url: "http://billing.example.com/h", eventTypes: ["invoice.created"] }, "url"],
			[{ url: "https://user:pw@example.com/h", eventTypes: ["invoice.created"] }, "url"],
			[{ url: "https://example.com/h", eventTypes: [] }, "eventTypes"],
			[{ url: "https://example.com/h", eventTypes: ["invoice.paid"] }, "eventTypes"],
			[{ url: "https://example.com/h", eventTypes: ["invoice.created"], description: "x".repeat(501) }, "description"],
		] as const) {
			await expect(dispatcher.createSubscription(input as never)).rejects.toSatisfy(
				(e) => isFieldchainError(e, "FC_WEBHOOK_INVALID") && (e as Error).message.startsWith(field),
			);
		}
		await dispatcher.publish(event("E1"));
		await dispatcher.deleteSubscription(created.subscription.id);
		expect(await store.listDeliveries()).toEqual([expect.objectContaining({ status: "failed", lastError: "subscription deleted" })]);
		await expect(dispatcher.deleteSubscription(created.subscription.id)).rejects.toSatisfy((e) => isFieldchainError(e, "FC_WEBHOOK_NOT_FOUND"));
	});

	it("keeps at most `concurrency` deliveries in flight", async () => {
		const clock = new ManualClock();
		const store = new MemoryWebhookStore();
		let inFlight = 0;
		let peak = 0;
		const releases: (() => void)[] = [];
		const dispatcher = new WebhookDispatcher({
			store,
			clock,
			concurrency: 2,
			post: async () => {
				peak = Math.max(peak, ++inFlight);
				await new Promise<void>((resolve) => releases.push(resolve));
				inFlight--;
				return { statusCode: 200, retryAfterMs: undefined };
			},
		});
		await dispatcher.createSubscription({ url: "https://example.test/h", eventTypes: ["invoice.created"] });
		dispatcher.start();
		for (let i = 0; i < 5; i++) await dispatcher.publish(event(`E${i}`));
		for (let round = 0; round < 10 && (await store.listDeliveries({ status: "succeeded" })).length < 5; round++) {
			await settle();
			for (const release of releases.splice(0)) release();
			await settle();
		}
		expect(peak).toBe(2);
		expect(await store.listDeliveries({ status: "succeeded" })).toHaveLength(5);
		await dispatcher.close();
	});
});
