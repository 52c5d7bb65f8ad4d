/**
 * The webhook dispatcher: the billing service's event sink. `publish` durably queues one delivery
 * per matching subscription and returns; a worker POSTs each one, signed (signature.ts), and
 * retries failures with exponential backoff and jitter (backoff.ts) until a 2xx or the last attempt.
 * Every attempt is logged in the store. The queue lives in the store, so a restarted service picks
 * up what was pending; a delivery taken by a worker that died becomes due again when its lease ends.
 * Delivery is at least once: receivers deduplicate on Fieldchain-Event-Id.
 */
import { randomUUID } from "node:crypto";
import { type RetryPolicy, retryDelayMs, retryPolicy } from "../../platform/backoff.js";
import { type Clock, systemClock, type TimerHandle } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import { BILLING_EVENT_TYPES, type BillingEvent, type BillingEventSink } from "../events/billing-events.js";
import { literalAddress, systemResolver, WebhookAddressPolicy, type WebhookResolver } from "./address-policy.js";
import { coarseDeliveryError } from "./delivery-errors.js";
import { httpPoster, type WebhookPoster } from "./http-post.js";
import { ATTEMPT_HEADER, DELIVERY_ID_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER, newWebhookSecret, SIGNATURE_HEADER, signatureHeader } from "./signature.js";
import { standardHeaders } from "./standard-signature.js";
import { SUBSCRIPTION_DELETED } from "./store-checks.js";
import { checkSubscriptionInput, type SubscriptionInput } from "./subscription-input.js";
import type { DeliveryAttempt, DeliveryFilter, Redelivery, StoredSubscription, WebhookDelivery, WebhookStore, WebhookSubscription } from "./types.js";

export interface WebhookDispatcherOptions {
	store: WebhookStore;
	clock?: Clock;
	/** In [0, 1), for the jitter (default Math.random). */
	random?: () => number;
	retry?: Partial<RetryPolicy>;
	/** Per attempt, the whole exchange (default 10 s). */
	requestTimeoutMs?: number;
	/** Deliveries in flight at once (default 4). */
	concurrency?: number;
	/** How often the worker looks for due deliveries when it knows of none (default 5 s): other instances may queue some. */
	pollIntervalMs?: number;
	/** Allow http:// subscription URLs off loopback (default false). */
	allowInsecureUrls?: boolean;
	/**
	 * CIDRs a webhook may be delivered to although loopback, private, link-local or metadata
	 * addresses are refused by default (`cloud serve --webhook-allow`); local receivers need 127.0.0.0/8.
	 */
	webhookAllow?: readonly string[];
	/** Resolves receivers' host names, at registration and again at every connection (default: the system resolver). */
	resolve?: WebhookResolver;
	/** Sends one request (default: node:http(s), checking the address connected to against the policy). */
	post?: WebhookPoster;
	newId?: () => string;
	/** Errors of the worker itself (the store unreachable...): it carries on at the next poll. */
	onError?: (error: Error) => void;
	/** Called after every logged attempt. */
	onAttempt?: (attempt: DeliveryAttempt, delivery: WebhookDelivery) => void;
	userAgent?: string;
}

export interface CreatedSubscription {
	subscription: WebhookSubscription;
	/** The signing secret: returned here once, never listed again. */
	secret: string;
}

export interface DeliveryLogEntry extends WebhookDelivery {
	attemptLog: DeliveryAttempt[];
	/** Who put it back in the queue after it failed, and when. */
	redeliveries: Omit<Redelivery, "deliveryId">[];
}

function positive(name: string, value: number | undefined, fallback: number): number {
	const chosen = value ?? fallback;
	if (!Number.isFinite(chosen) || chosen <= 0) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `webhooks.${name} is ${chosen}; it must be a positive number.`, {
			details: { field: `webhooks.${name}` },
		});
	}
	return chosen;
}

function publicView({ secret: _secret, ...subscription }: StoredSubscription): WebhookSubscription {
	return subscription;
}

function invalidEvent(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_WEBHOOK_INVALID, `Cannot publish the event: ${message}`);
}

export class WebhookDispatcher implements BillingEventSink {
	readonly store: WebhookStore;
	readonly policy: RetryPolicy;
	private readonly clock: Clock;
	private readonly random: () => number;
	private readonly post: WebhookPoster;
	private readonly newId: () => string;
	private readonly requestTimeoutMs: number;
	private readonly concurrency: number;
	private readonly pollIntervalMs: number;
	private readonly options: WebhookDispatcherOptions;
	private readonly addressPolicy: WebhookAddressPolicy;
	private readonly resolve: WebhookResolver;
	private readonly inFlight = new Set<Promise<void>>();
	private timer: TimerHandle | undefined;
	private running = false;
	private closing = false;
	private pumping: Promise<void> | undefined;
	private pumpAgain = false;

	constructor(options: WebhookDispatcherOptions) {
		this.options = options;
		this.store = options.store;
		this.clock = options.clock ?? systemClock;
		this.random = options.random ?? Math.random;
		this.policy = retryPolicy(options.retry);
		this.requestTimeoutMs = positive("requestTimeoutMs", options.requestTimeoutMs, 10_000);
		this.concurrency = Math.floor(positive("concurrency", options.concurrency, 4));
		this.pollIntervalMs = positive("pollIntervalMs", options.pollIntervalMs, 5_000);
		this.addressPolicy = new WebhookAddressPolicy(options.webhookAllow);
		this.resolve = options.resolve ?? systemResolver;
		this.post = options.post ?? httpPoster(this.clock, { policy: this.addressPolicy, resolve: this.resolve });
		this.newId = options.newId ?? randomUUID;
	}

	// --- subscriptions -------------------------------------------------------------------------

	async createSubscription(input: SubscriptionInput): Promise<CreatedSubscription> {
		const checked = checkSubscriptionInput(input, this.options.allowInsecureUrls);
		await this.checkReceiverAddress(new URL(checked.url));
		const stored: StoredSubscription = { id: this.newId(), ...checked, createdAt: this.clock.now(), secret: newWebhookSecret() };
		await this.store.createSubscription(stored);
		return { subscription: publicView(stored), secret: stored.secret };
	}

	/**
	 * Refuses a receiver whose address is denied now, so the admin hears at once. Not the guard
	 * itself: names can resolve differently later, so every connection is checked again (http-post.ts).
	 * A name that does not resolve yet is accepted; its deliveries fail until it does.
	 */
	private async checkReceiverAddress(url: URL): Promise<void> {
		const literal = literalAddress(url);
		if (literal !== undefined) return this.addressPolicy.check([literal]);
		// Names that are loopback by definition (RFC 6761), whatever a resolver says.
		if (/^(.+\.)?localhost\.?$/i.test(url.hostname)) return this.addressPolicy.check(["127.0.0.1"]);
		let addresses: string[];
		try {
			addresses = (await this.resolve(url.hostname)).map((a) => a.address);
		} catch {
			return;
		}
		this.addressPolicy.check(addresses);
	}

	async listSubscriptions(): Promise<WebhookSubscription[]> {
		return (await this.store.listSubscriptions()).map(publicView);
	}

	async getSubscription(id: string): Promise<WebhookSubscription> {
		const found = await this.store.getSubscription(id);
		if (!found) throw new FieldchainError(ErrorCodes.FC_WEBHOOK_NOT_FOUND, `No webhook subscription ${id}.`);
		return publicView(found);
	}

	/** Removes a subscription; its pending deliveries are failed and its log is kept. */
	async deleteSubscription(id: string): Promise<void> {
		if (!(await this.store.deleteSubscription(id, this.clock.now()))) {
			throw new FieldchainError(ErrorCodes.FC_WEBHOOK_NOT_FOUND, `No webhook subscription ${id}.`);
		}
	}

	/** The delivery log, newest first, each delivery with its attempts. */
	async listDeliveries(filter: DeliveryFilter = {}): Promise<DeliveryLogEntry[]> {
		const deliveries = await this.store.listDeliveries(filter);
		const ids = deliveries.map((d) => d.id);
		const attempts = await this.store.listAttempts(ids);
		const byDelivery = new Map<string, DeliveryAttempt[]>();
		for (const a of attempts) byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a]);
		const redeliveries = new Map<string, Omit<Redelivery, "deliveryId">[]>();
		for (const { deliveryId, ...r } of await this.store.listRedeliveries(ids)) redeliveries.set(deliveryId, [...(redeliveries.get(deliveryId) ?? []), r]);
		return deliveries.map((d) => ({ ...d, attemptLog: byDelivery.get(d.id) ?? [], redeliveries: redeliveries.get(d.id) ?? [] }));
	}

	/**
	 * Puts a failed delivery back in the queue, recording who asked, and wakes the worker. It goes
	 * out once more, signed afresh; if that attempt fails too it is failed again (no new round of
	 * retries), so a redelivery can never become an unbounded retry loop.
	 */
	async redeliver(deliveryId: string, requestedBy: string): Promise<DeliveryLogEntry> {
		const delivery = await this.store.getDelivery(deliveryId);
		if (!delivery) throw new FieldchainError(ErrorCodes.FC_WEBHOOK_NOT_FOUND, `No webhook delivery ${deliveryId}.`);
		if (delivery.status === "failed" && !(await this.store.getSubscription(delivery.subscriptionId))) {
			throw new FieldchainError(ErrorCodes.FC_WEBHOOK_CONFLICT, `Delivery ${deliveryId} cannot be redelivered: its subscription was deleted.`, {
				hint: "Subscribe the receiver again; new events will reach it.",
			});
		}
		const result = await this.store.requeueFailed({ deliveryId, requestedBy, requestedAt: this.clock.now() });
		if (result.outcome === "not-found") throw new FieldchainError(ErrorCodes.FC_WEBHOOK_NOT_FOUND, `No webhook delivery ${deliveryId}.`);
		if (result.outcome === "not-failed") {
			throw new FieldchainError(ErrorCodes.FC_WEBHOOK_CONFLICT, `Delivery ${deliveryId} is ${result.status}; only a failed delivery is redelivered.`, {
				hint: result.status === "pending" ? "It is already queued: watch the delivery log." : "The receiver already answered 2xx; it has the event.",
				details: { deliveryId, status: result.status },
			});
		}
		this.wake();
		const [entry] = await this.listDeliveries({ eventId: result.delivery.eventId, subscriptionId: result.delivery.subscriptionId, limit: 1 });
		return entry;
	}

	// --- publishing ----------------------------------------------------------------------------

	/** Queues the event for every subscription to its type; resolves once queued, not delivered. */
	async publish(event: BillingEvent): Promise<void> {
		if (event === null || typeof event !== "object") throw invalidEvent("expected {id, type, occurredAt, data}.");
		if (typeof event.id !== "string" || event.id === "") throw invalidEvent("id must be a non-empty string.");
		if (!(BILLING_EVENT_TYPES as readonly string[]).includes(event.type)) throw invalidEvent(`unknown type "${event.type}".`);
		if (typeof event.occurredAt !== "string") throw invalidEvent("occurredAt must be an ISO 8601 string.");
		if (event.data === null || typeof event.data !== "object") throw invalidEvent("data must be an object.");
		const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data });
		const now = this.clock.now();
		const matching = (await this.store.listSubscriptions()).filter((s) => s.eventTypes.includes(event.type));
		if (matching.length === 0) return;
		await this.store.enqueue(matching.map((s) => ({ id: this.newId(), subscriptionId: s.id, eventId: event.id, eventType: event.type, body, createdAt: now })));
		this.wake();
	}

	// --- the worker ----------------------------------------------------------------------------

	/** Starts delivering: what is already due (from before a restart too) goes out at once. */
	start(): void {
		if (this.closing) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The webhook dispatcher is closed.");
		if (this.running) return;
		this.running = true;
		this.wake();
	}

	/** Stops taking deliveries and waits for those in flight to be logged. Leaves the store open. */
	async close(): Promise<void> {
		this.closing = true;
		this.running = false;
		this.clock.clearTimeout(this.timer);
		this.timer = undefined;
		await this.pumping;
		await Promise.allSettled([...this.inFlight]);
	}

	/** Deliveries being attempted right now. */
	get deliveriesInFlight(): number {
		return this.inFlight.size;
	}

	private wake(): void {
		if (!this.running || this.closing) return;
		if (this.pumping) {
			this.pumpAgain = true;
			return;
		}
		this.pumping = this.pump().finally(() => {
			this.pumping = undefined;
			// Woken while finishing (after the last claim): go round again rather than sleep.
			if (this.pumpAgain) this.wake();
		});
	}

	private schedule(delayMs: number): void {
		this.clock.clearTimeout(this.timer);
		if (!this.running || this.closing) return;
		this.timer = this.clock.setTimeout(() => {
			this.timer = undefined;
			this.wake();
		}, delayMs);
	}

	private reportError(error: unknown): void {
		const err = toError(error);
		if (this.options.onError) this.options.onError(err);
		else process.emitWarning(`Webhook worker: ${err.message}`);
	}

	/** Takes due deliveries into free slots, then sleeps until the next is due (at most a poll interval). */
	private async pump(): Promise<void> {
		let delay = this.pollIntervalMs;
		try {
			do {
				this.pumpAgain = false;
				const free = this.concurrency - this.inFlight.size;
				if (free <= 0) return; // a finishing attempt wakes us
				const now = this.clock.now();
				// The lease outlasts the request timeout, so only a dead worker's deliveries come back.
				const claimed = await this.store.claimDue(now, free, now + 2 * this.requestTimeoutMs + 5_000);
				for (const delivery of claimed) {
					const attempt: Promise<void> = this.attempt(delivery).finally(() => {
						this.inFlight.delete(attempt);
						this.wake();
					});
					this.inFlight.add(attempt);
				}
				if (claimed.length === free) this.pumpAgain = true;
			} while (this.pumpAgain && !this.closing);
			const next = await this.store.nextDueAt();
			if (next !== undefined) delay = Math.min(this.pollIntervalMs, Math.max(0, next - this.clock.now()));
		} catch (error) {
			this.reportError(error);
		} finally {
			this.schedule(delay);
		}
	}

	private headers(delivery: WebhookDelivery, secret: string, attempt: number): Record<string, string> {
		const timestamp = Math.floor(this.clock.now() / 1000);
		return {
			"Content-Type": "application/json",
			"User-Agent": this.options.userAgent ?? "fieldchain-webhooks/1",
			[EVENT_ID_HEADER]: delivery.eventId,
			[EVENT_TYPE_HEADER]: delivery.eventType,
			[DELIVERY_ID_HEADER]: delivery.id,
			[ATTEMPT_HEADER]: String(attempt),
			[SIGNATURE_HEADER]: signatureHeader(secret, timestamp, delivery.body),
			// The same delivery signed as Standard Webhooks libraries verify it, keyed on the event id.
			...standardHeaders(secret, delivery.eventId, timestamp, delivery.body),
		};
	}

	private async attempt(delivery: WebhookDelivery): Promise<void> {
		try {
			const number = delivery.attempts + 1;
			const subscription = await this.store.getSubscription(delivery.subscriptionId);
			const startedAt = this.clock.now();
			const start = this.clock.monotonic();
			let statusCode: number | null = null;
			let error: string | null = null;
			let retryAfterMs: number | undefined;
			if (!subscription) {
				error = SUBSCRIPTION_DELETED;
			} else {
				try {
					const response = await this.post({
						url: subscription.url,
						headers: this.headers(delivery, subscription.secret, number),
						body: delivery.body,
						timeoutMs: this.requestTimeoutMs,
					});
					statusCode = response.statusCode;
					retryAfterMs = response.retryAfterMs;
					if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
				} catch (cause) {
					// Coarse on purpose: the log is readable by admins, and raw errors (ECONNREFUSED
					// host:port, a TLS name) would make webhooks a scanner of the service's network.
					error = coarseDeliveryError(cause);
				}
			}
			const durationMs = Math.max(0, Math.round(this.clock.monotonic() - start));
			const succeeded = error === null;
			const giveUp = !succeeded && (!subscription || number >= this.policy.maxAttempts);
			let nextAttemptAt: number | null = null;
			if (!succeeded && !giveUp) {
				// A receiver's Retry-After is honoured, within the policy's longest delay.
				const backoff = retryDelayMs(this.policy, number, this.random);
				nextAttemptAt = this.clock.now() + Math.max(backoff, Math.min(retryAfterMs ?? 0, this.policy.maxDelayMs));
			}
			const logged: DeliveryAttempt = {
				deliveryId: delivery.id,
				attempt: number,
				startedAt,
				durationMs,
				statusCode,
				error,
				outcome: succeeded ? "succeeded" : giveUp ? "failed" : "retrying",
				nextAttemptAt,
			};
			if (await this.store.recordAttempt(logged)) this.options.onAttempt?.(logged, delivery);
		} catch (error) {
			// The store failed: the delivery stays leased and is tried again when the lease ends.
			this.reportError(error);
		}
	}
}
