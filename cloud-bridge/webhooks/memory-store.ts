/** The in-memory webhook store: for tests and for a service run without persistence. */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { afterAttempt, assertAttempt, duplicateSubscription, pageSize, SUBSCRIPTION_DELETED } from "./store-checks.js";
import type {
	DeliveryAttempt,
	DeliveryFilter,
	NewDelivery,
	Redelivery,
	RedeliveryRequest,
	RequeueOutcome,
	StoredSubscription,
	WebhookDelivery,
	WebhookStore,
} from "./types.js";

const byCreated = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class MemoryWebhookStore implements WebhookStore {
	private readonly subscriptions = new Map<string, StoredSubscription>();
	private readonly deliveries = new Map<string, WebhookDelivery>();
	private readonly attempts: DeliveryAttempt[] = [];
	private readonly redeliveries: Redelivery[] = [];
	private closed = false;

	private check(): void {
		if (this.closed) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The memory webhook store is closed.");
	}

	async createSubscription(subscription: StoredSubscription): Promise<void> {
		this.check();
		if (this.subscriptions.has(subscription.id)) throw duplicateSubscription(subscription.id);
		this.subscriptions.set(subscription.id, structuredClone(subscription));
	}

	async getSubscription(id: string): Promise<StoredSubscription | undefined> {
		this.check();
		const found = this.subscriptions.get(id);
		return found && structuredClone(found);
	}

	async listSubscriptions(): Promise<StoredSubscription[]> {
		this.check();
		return [...this.subscriptions.values()].sort(byCreated).map((s) => structuredClone(s));
	}

	async deleteSubscription(id: string, now: number): Promise<boolean> {
		this.check();
		if (!this.subscriptions.delete(id)) return false;
		for (const [key, d] of this.deliveries) {
			if (d.subscriptionId === id && d.status === "pending") {
				this.deliveries.set(key, { ...d, status: "failed", nextAttemptAt: null, lastError: SUBSCRIPTION_DELETED, updatedAt: now });
			}
		}
		return true;
	}

	async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
		this.check();
		const taken = new Set([...this.deliveries.values()].map((d) => `${d.subscriptionId}\u0000${d.eventId}`));
		let queued = 0;
		for (const d of deliveries) {
			const key = `${d.subscriptionId}\u0000${d.eventId}`;
			if (taken.has(key)) continue;
			taken.add(key);
			this.deliveries.set(d.id, {
				...d,
				status: "pending",
				attempts: 0,
				nextAttemptAt: d.createdAt,
				updatedAt: d.createdAt,
				lastStatusCode: null,
				lastError: null,
			});
			queued++;
		}
		return queued;
	}

	private pendingByDue(): WebhookDelivery[] {
		return [...this.deliveries.values()]
			.filter((d) => d.status === "pending")
			.sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0) || byCreated(a, b));
	}

	async claimDue(now: number, limit: number, leaseUntil: number): Promise<WebhookDelivery[]> {
		this.check();
		const due = this.pendingByDue()
			.filter((d) => (d.nextAttemptAt ?? 0) <= now)
			.slice(0, limit);
		return due.map((d) => {
			const leased = { ...d, nextAttemptAt: leaseUntil };
			this.deliveries.set(d.id, leased);
			return structuredClone(leased);
		});
	}

	async nextDueAt(): Promise<number | undefined> {
		this.check();
		return this.pendingByDue()[0]?.nextAttemptAt ?? undefined;
	}

	async recordAttempt(attempt: DeliveryAttempt): Promise<boolean> {
		this.check();
		assertAttempt(attempt);
		const delivery = this.deliveries.get(attempt.deliveryId);
		if (delivery?.status !== "pending" || delivery.attempts !== attempt.attempt - 1) return false;
		this.deliveries.set(delivery.id, afterAttempt(delivery, attempt));
		this.attempts.push(structuredClone(attempt));
		return true;
	}

	async getDelivery(id: string): Promise<WebhookDelivery | undefined> {
		this.check();
		const found = this.deliveries.get(id);
		return found && structuredClone(found);
	}

	async listDeliveries(filter: DeliveryFilter = {}): Promise<WebhookDelivery[]> {
		this.check();
		const limit = pageSize(filter);
		const newestFirst = [...this.deliveries.values()].sort((a, b) => -byCreated(a, b));
		let start = 0;
		if (filter.before !== undefined) {
			const cursor = this.deliveries.get(filter.before);
			if (!cursor) return [];
			start = newestFirst.findIndex((d) => d.id === cursor.id) + 1;
		}
		return newestFirst
			.slice(start)
			.filter(
				(d) =>
					(filter.subscriptionId === undefined || d.subscriptionId === filter.subscriptionId) &&
					(filter.status === undefined || d.status === filter.status) &&
					(filter.eventId === undefined || d.eventId === filter.eventId),
			)
			.slice(0, limit)
			.map((d) => structuredClone(d));
	}

	async listAttempts(deliveryIds: readonly string[]): Promise<DeliveryAttempt[]> {
		this.check();
		const wanted = new Set(deliveryIds);
		return this.attempts
			.filter((a) => wanted.has(a.deliveryId))
			.sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : a.attempt - b.attempt))
			.map((a) => structuredClone(a));
	}

	async requeueFailed(request: RedeliveryRequest): Promise<RequeueOutcome> {
		this.check();
		const delivery = this.deliveries.get(request.deliveryId);
		if (!delivery) return { outcome: "not-found" };
		if (delivery.status !== "failed") return { outcome: "not-failed", status: delivery.status };
		const requeued: WebhookDelivery = { ...delivery, status: "pending", nextAttemptAt: request.requestedAt, updatedAt: request.requestedAt };
		this.deliveries.set(delivery.id, requeued);
		this.redeliveries.push({ ...request, attemptsBefore: delivery.attempts });
		return { outcome: "requeued", delivery: structuredClone(requeued) };
	}

	async listRedeliveries(deliveryIds: readonly string[]): Promise<Redelivery[]> {
		this.check();
		const wanted = new Set(deliveryIds);
		return this.redeliveries
			.filter((r) => wanted.has(r.deliveryId))
			.sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : a.requestedAt - b.requestedAt))
			.map((r) => structuredClone(r));
	}

	async close(): Promise<void> {
		this.closed = true;
	}
}
