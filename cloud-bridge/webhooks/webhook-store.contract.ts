/**
 * The one test suite every WebhookStore backend must pass (like the model's repository.contract.ts):
 * a backend is correct when it cannot be told apart from the others through the interface.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ErrorCode, isFieldchainError } from "../../platform/errors.js";
import type { DeliveryAttempt, NewDelivery, StoredSubscription, WebhookStore } from "./types.js";

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
	try {
		await promise;
	} catch (error) {
		if (isFieldchainError(error, code)) return;
		throw error;
	}
	expect.fail(`expected ${code}`);
}

const T0 = 1_764_000_000_000;

function subscription(id: string, createdAt = T0, extra: Partial<StoredSubscription> = {}): StoredSubscription {
	return {
		id,
		url: `https://example.test/hooks/${id}`,
		eventTypes: ["invoice.created", "milestone.ready"],
		description: null,
		createdAt,
		secret: `whsec_${id}`,
		...extra,
	};
}

function delivery(id: string, subscriptionId: string, eventId: string, createdAt = T0): NewDelivery {
	return { id, subscriptionId, eventId, eventType: "invoice.created", body: JSON.stringify({ id: eventId, type: "invoice.created" }), createdAt };
}

function attempt(deliveryId: string, n: number, outcome: DeliveryAttempt["outcome"], extra: Partial<DeliveryAttempt> = {}): DeliveryAttempt {
	return {
		deliveryId,
		attempt: n,
		startedAt: T0 + n * 1000,
		durationMs: 12,
		statusCode: outcome === "succeeded" ? 200 : 503,
		error: outcome === "succeeded" ? null : "HTTP 503",
		outcome,
		nextAttemptAt: outcome === "retrying" ? T0 + n * 1000 + 5000 : null,
		...extra,
	};
}

export function webhookStoreContract(name: string, makeStore: () => WebhookStore | Promise<WebhookStore>): void {
	describe(`WebhookStore contract: ${name}`, () => {
		let store: WebhookStore;
		beforeEach(async () => {
			store = await makeStore();
		});
		afterEach(async () => {
			await store.close();
		});

		it("creates, reads, lists (oldest first) and deletes subscriptions with their secrets", async () => {
			await store.createSubscription(subscription("S2", T0 + 5, { description: "Ünïcode ✓ billing", eventTypes: ["evidence.accepted"] }));
			await store.createSubscription(subscription("S1", T0));
			await store.createSubscription(subscription("S0", T0 + 5));
			expect(await store.getSubscription("S2")).toEqual(subscription("S2", T0 + 5, { description: "Ünïcode ✓ billing", eventTypes: ["evidence.accepted"] }));
			expect(await store.getSubscription("nope")).toBeUndefined();
			expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(["S1", "S0", "S2"]);
			await expectCode(store.createSubscription(subscription("S1")), "FC_WEBHOOK_INVALID");
			expect(await store.deleteSubscription("S1", T0)).toBe(true);
			expect(await store.deleteSubscription("S1", T0)).toBe(false);
			expect((await store.listSubscriptions()).map((s) => s.id)).toEqual(["S0", "S2"]);
		});

		it("queues deliveries due at once, and an event once per subscription", async () => {
			await store.createSubscription(subscription("S1"));
			await store.createSubscription(subscription("S2"));
			expect(await store.enqueue([delivery("D1", "S1", "E1"), delivery("D2", "S2", "E1")])).toBe(2);
			expect(await store.enqueue([delivery("D3", "S1", "E1"), delivery("D4", "S1", "E2", T0 + 1)])).toBe(1);
			expect(await store.enqueue([])).toBe(0);
			expect(await store.getDelivery("D3")).toBeUndefined();
			expect(await store.getDelivery("D1")).toEqual({
				...delivery("D1", "S1", "E1"),
				status: "pending",
				attempts: 0,
				nextAttemptAt: T0,
				updatedAt: T0,
				lastStatusCode: null,
				lastError: null,
			});
			expect(await store.nextDueAt()).toBe(T0);
		});

		it("keeps the body byte for byte", async () => {
			await store.createSubscription(subscription("S1"));
			const body = JSON.stringify({ id: "E1", data: { note: 'Zählerstand ✓ 測定 \u{1F50C} "q" \\ \u0000', x: 0.1 + 0.2, n: null } });
			await store.enqueue([{ ...delivery("D1", "S1", "E1"), body }]);
			expect((await store.getDelivery("D1"))?.body).toBe(body);
		});

		it("claims due deliveries oldest first under a lease, and gives them back when the lease ends", async () => {
			await store.createSubscription(subscription("S1"));
			await store.enqueue([delivery("D2", "S1", "E2", T0 + 10), delivery("D1", "S1", "E1", T0), delivery("D3", "S1", "E3", T0 + 100)]);
			expect(await store.claimDue(T0 - 1, 10, T0 + 500)).toEqual([]);
			const first = await store.claimDue(T0 + 50, 1, T0 + 500);
			expect(first.map((d) => [d.id, d.nextAttemptAt])).toEqual([["D1", T0 + 500]]);
			expect((await store.claimDue(T0 + 50, 10, T0 + 500)).map((d) => d.id)).toEqual(["D2"]);
			expect(await store.claimDue(T0 + 60, 10, T0 + 500)).toEqual([]);
			expect(await store.nextDueAt()).toBe(T0 + 100);
			expect((await store.claimDue(T0 + 500, 10, T0 + 900)).map((d) => d.id)).toEqual(["D3", "D1", "D2"]);
		});

		it("records attempts: retrying stays pending until the next time, success and failure end it", async () => {
			await store.createSubscription(subscription("S1"));
			await store.enqueue([delivery("D1", "S1", "E1"), delivery("D2", "S1", "E2")]);
			await store.claimDue(T0, 10, T0 + 30_000);
			expect(await store.recordAttempt(attempt("D1", 1, "retrying"))).toBe(true);
			expect(await store.getDelivery("D1")).toMatchObject({
				status: "pending",
				attempts: 1,
				nextAttemptAt: T0 + 6000,
				lastStatusCode: 503,
				lastError: "HTTP 503",
				updatedAt: T0 + 1012,
			});
			// Not due before its time; then due again.
			expect((await store.claimDue(T0 + 5999, 10, T0 + 40_000)).map((d) => d.id)).toEqual([]);
			expect((await store.claimDue(T0 + 6000, 10, T0 + 40_000)).map((d) => d.id)).toEqual(["D1"]);
			expect(await store.recordAttempt(attempt("D1", 2, "retrying", { statusCode: null, error: "connect ECONNREFUSED" }))).toBe(true);
			expect(await store.recordAttempt(attempt("D1", 3, "succeeded"))).toBe(true);
			expect(await store.getDelivery("D1")).toMatchObject({ status: "succeeded", attempts: 3, nextAttemptAt: null, lastStatusCode: 200, lastError: null });
			expect(await store.recordAttempt(attempt("D2", 1, "failed"))).toBe(true);
			expect(await store.getDelivery("D2")).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
			expect(await store.nextDueAt()).toBeUndefined();
			expect(await store.listAttempts(["D2", "D1"])).toEqual([
				attempt("D1", 1, "retrying"),
				attempt("D1", 2, "retrying", { statusCode: null, error: "connect ECONNREFUSED" }),
				attempt("D1", 3, "succeeded"),
				attempt("D2", 1, "failed"),
			]);
			expect(await store.listAttempts([])).toEqual([]);
		});

		it("refuses a stale or out-of-order attempt without logging it", async () => {
			await store.createSubscription(subscription("S1"));
			await store.enqueue([delivery("D1", "S1", "E1")]);
			expect(await store.recordAttempt(attempt("D1", 2, "retrying"))).toBe(false);
			expect(await store.recordAttempt(attempt("D1", 1, "succeeded"))).toBe(true);
			expect(await store.recordAttempt(attempt("D1", 1, "succeeded"))).toBe(false);
			expect(await store.recordAttempt(attempt("D1", 2, "retrying"))).toBe(false);
			expect(await store.recordAttempt(attempt("nope", 1, "succeeded"))).toBe(false);
			expect((await store.listAttempts(["D1"])).length).toBe(1);
			await expectCode(store.recordAttempt(attempt("D1", 2, "retrying", { nextAttemptAt: null })), "FC_WEBHOOK_INVALID");
		});

		it("fails the pending deliveries of a deleted subscription and keeps its log", async () => {
			await store.createSubscription(subscription("S1"));
			await store.createSubscription(subscription("S2"));
			await store.enqueue([delivery("D1", "S1", "E1"), delivery("D2", "S1", "E2"), delivery("D3", "S2", "E1")]);
			await store.recordAttempt(attempt("D1", 1, "succeeded"));
			await store.deleteSubscription("S1", T0 + 7);
			expect(await store.getDelivery("D1")).toMatchObject({ status: "succeeded" });
			expect(await store.getDelivery("D2")).toMatchObject({ status: "failed", nextAttemptAt: null, lastError: "subscription deleted", updatedAt: T0 + 7 });
			expect(await store.getDelivery("D3")).toMatchObject({ status: "pending" });
			expect((await store.listDeliveries({ subscriptionId: "S1" })).map((d) => d.id)).toEqual(["D2", "D1"]);
			expect((await store.claimDue(T0 + 10, 10, T0 + 20)).map((d) => d.id)).toEqual(["D3"]);
		});

		it("lists the delivery log newest first, filtered and paged", async () => {
			await store.createSubscription(subscription("S1"));
			await store.createSubscription(subscription("S2"));
			const queued: NewDelivery[] = [];
			for (let i = 0; i < 7; i++) queued.push(delivery(`D${i}`, i % 2 ? "S2" : "S1", `E${i}`, T0 + i));
			await store.enqueue(queued);
			await store.recordAttempt(attempt("D0", 1, "failed"));
			await store.recordAttempt(attempt("D3", 1, "succeeded"));
			expect((await store.listDeliveries()).map((d) => d.id)).toEqual(["D6", "D5", "D4", "D3", "D2", "D1", "D0"]);
			expect((await store.listDeliveries({ subscriptionId: "S2" })).map((d) => d.id)).toEqual(["D5", "D3", "D1"]);
			expect((await store.listDeliveries({ status: "pending", subscriptionId: "S1" })).map((d) => d.id)).toEqual(["D6", "D4", "D2"]);
			expect((await store.listDeliveries({ status: "failed" })).map((d) => d.id)).toEqual(["D0"]);
			expect((await store.listDeliveries({ eventId: "E3" })).map((d) => d.id)).toEqual(["D3"]);
			const page1 = await store.listDeliveries({ limit: 3 });
			expect(page1.map((d) => d.id)).toEqual(["D6", "D5", "D4"]);
			const page2 = await store.listDeliveries({ limit: 3, before: page1[2].id });
			expect(page2.map((d) => d.id)).toEqual(["D3", "D2", "D1"]);
			expect((await store.listDeliveries({ limit: 3, before: "D0" })).map((d) => d.id)).toEqual([]);
			expect((await store.listDeliveries({ before: "D4", subscriptionId: "S2" })).map((d) => d.id)).toEqual(["D3", "D1"]);
			await expectCode(store.listDeliveries({ limit: 0 }), "FC_WEBHOOK_INVALID");
			await expectCode(store.listDeliveries({ limit: 100_000 }), "FC_WEBHOOK_INVALID");
		});

		it("orders deliveries of the same millisecond by id", async () => {
			await store.createSubscription(subscription("S1"));
			await store.enqueue([delivery("b", "S1", "E1"), delivery("a", "S1", "E2"), delivery("c", "S1", "E3")]);
			expect((await store.listDeliveries()).map((d) => d.id)).toEqual(["c", "b", "a"]);
			expect((await store.listDeliveries({ before: "b" })).map((d) => d.id)).toEqual(["a"]);
			expect((await store.claimDue(T0, 10, T0 + 1)).map((d) => d.id)).toEqual(["a", "b", "c"]);
		});

		it("requeues only a failed delivery, once per failure, keeping its log and recording who asked", async () => {
			await store.createSubscription(subscription("S1"));
			await store.enqueue([delivery("D1", "S1", "E1"), delivery("D2", "S1", "E2")]);
			await store.claimDue(T0, 10, T0 + 1);
			await store.recordAttempt(attempt("D1", 1, "failed"));
			await store.recordAttempt(attempt("D2", 1, "succeeded"));
			const ask = (deliveryId: string, requestedBy = "admin-1", requestedAt = T0 + 60_000) => store.requeueFailed({ deliveryId, requestedBy, requestedAt });
			expect(await ask("nope")).toEqual({ outcome: "not-found" });
			expect(await ask("D2")).toEqual({ outcome: "not-failed", status: "succeeded" });
			const requeued = await ask("D1");
			expect(requeued).toMatchObject({
				outcome: "requeued",
				delivery: { id: "D1", status: "pending", attempts: 1, nextAttemptAt: T0 + 60_000, lastError: "HTTP 503" },
			});
			expect(await store.getDelivery("D1")).toMatchObject({ status: "pending", nextAttemptAt: T0 + 60_000, updatedAt: T0 + 60_000 });
			// Pending now: a second request (another admin, the same moment) requeues nothing more.
			expect(await ask("D1", "admin-2")).toEqual({ outcome: "not-failed", status: "pending" });
			// It goes out as the next attempt, and its log keeps the first one.
			expect((await store.claimDue(T0 + 60_000, 10, T0 + 70_000)).map((d) => d.id)).toEqual(["D1"]);
			expect(await store.recordAttempt(attempt("D1", 2, "failed", { startedAt: T0 + 61_000 }))).toBe(true);
			expect((await store.listAttempts(["D1"])).map((a) => a.attempt)).toEqual([1, 2]);
			expect((await ask("D1", "admin-2", T0 + 90_000)).outcome).toBe("requeued");
			expect(await store.listRedeliveries(["D1", "D2"])).toEqual([
				{ deliveryId: "D1", requestedBy: "admin-1", requestedAt: T0 + 60_000, attemptsBefore: 1 },
				{ deliveryId: "D1", requestedBy: "admin-2", requestedAt: T0 + 90_000, attemptsBefore: 2 },
			]);
			expect(await store.listRedeliveries([])).toEqual([]);
		});

		it("requeues at most once when two requests race", async () => {
			await store.createSubscription(subscription("S1"));
			await store.enqueue([delivery("D1", "S1", "E1")]);
			await store.claimDue(T0, 10, T0 + 1);
			await store.recordAttempt(attempt("D1", 1, "failed"));
			const outcomes = await Promise.all(["a", "b", "c"].map((by) => store.requeueFailed({ deliveryId: "D1", requestedBy: by, requestedAt: T0 + 5 })));
			expect(outcomes.map((o) => o.outcome).sort()).toEqual(["not-failed", "not-failed", "requeued"]);
			expect(await store.listRedeliveries(["D1"])).toHaveLength(1);
		});

		it("hands out copies", async () => {
			await store.createSubscription(subscription("S1"));
			const read = (await store.getSubscription("S1"))!;
			read.eventTypes.push("appointment.dispatched");
			expect((await store.getSubscription("S1"))!.eventTypes).toEqual(["invoice.created", "milestone.ready"]);
		});

		it("refuses use after close", async () => {
			await store.close();
			await expectCode(store.listSubscriptions(), "FC_STORE_CLOSED");
			await expectCode(store.enqueue([delivery("D1", "S1", "E1")]), "FC_STORE_CLOSED");
		});
	});
}
