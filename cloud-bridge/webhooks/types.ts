/**
 * The webhook dispatcher's data and its storage interface. One interface, three backends (memory,
 * SQLite, PostgreSQL), proven equal by one shared suite (webhook-store.contract.ts). Times are epoch ms.
 */
import type { BillingEventType } from "../events/billing-events.js";

export interface WebhookSubscription {
	id: string;
	/** Where deliveries are POSTed. */
	url: string;
	/** The event types this subscriber receives. */
	eventTypes: BillingEventType[];
	description: string | null;
	createdAt: number;
}

/** A subscription with its signing secret: only the store and the worker ever see this. */
export interface StoredSubscription extends WebhookSubscription {
	secret: string;
}

/** pending: waiting for its next attempt (or in flight); succeeded: a 2xx came back; failed: gave up. */
export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event for one subscriber. */
export interface WebhookDelivery {
	id: string;
	subscriptionId: string;
	eventId: string;
	eventType: BillingEventType;
	/** The exact JSON body POSTed on every attempt (the signature covers these bytes). */
	body: string;
	status: DeliveryStatus;
	/** Attempts made so far. */
	attempts: number;
	/** While pending: when the next attempt is due (or, while one is in flight, when its lease ends). */
	nextAttemptAt: number | null;
	createdAt: number;
	updatedAt: number;
	lastStatusCode: number | null;
	lastError: string | null;
}

/** What publishing queues: a delivery before its first attempt. */
export interface NewDelivery {
	id: string;
	subscriptionId: string;
	eventId: string;
	eventType: BillingEventType;
	body: string;
	createdAt: number;
}

export type AttemptOutcome = "succeeded" | "retrying" | "failed";

/** One line of the delivery log. */
export interface DeliveryAttempt {
	deliveryId: string;
	/** 1 for the first attempt. */
	attempt: number;
	startedAt: number;
	durationMs: number;
	/** The receiver's HTTP status, or null when no response came (network error, timeout). */
	statusCode: number | null;
	error: string | null;
	outcome: AttemptOutcome;
	/** When the next attempt is due, if the outcome is "retrying". */
	nextAttemptAt: number | null;
}

export interface DeliveryFilter {
	subscriptionId?: string;
	status?: DeliveryStatus;
	eventId?: string;
	/** Newest first; at most this many (default 50). */
	limit?: number;
	/** A delivery id from the previous page: only deliveries older than it. */
	before?: string;
}

/** An admin's request to deliver a failed delivery again. */
export interface RedeliveryRequest {
	deliveryId: string;
	/** Who asked (the caller's actor id): kept for the audit. */
	requestedBy: string;
	requestedAt: number;
}

/** One redelivery as recorded: who asked, when, and how many attempts the delivery had made. */
export interface Redelivery extends RedeliveryRequest {
	attemptsBefore: number;
}

export type RequeueOutcome = { outcome: "requeued"; delivery: WebhookDelivery } | { outcome: "not-found" } | { outcome: "not-failed"; status: DeliveryStatus };

export interface WebhookStore {
	/** Stores a new subscription. An id already used is FC_WEBHOOK_INVALID. */
	createSubscription(subscription: StoredSubscription): Promise<void>;
	getSubscription(id: string): Promise<StoredSubscription | undefined>;
	/** Oldest first (createdAt, then id). */
	listSubscriptions(): Promise<StoredSubscription[]>;
	/**
	 * Removes a subscription; its pending deliveries are marked failed ("subscription deleted") and
	 * the delivery log is kept. Returns false if there was no such subscription.
	 */
	deleteSubscription(id: string, now: number): Promise<boolean>;
	/**
	 * Queues deliveries (status pending, due at createdAt), all or none. A delivery of an event a
	 * subscription already has is ignored, so publishing an event twice delivers it once. Returns how
	 * many were queued.
	 */
	enqueue(deliveries: readonly NewDelivery[]): Promise<number>;
	/**
	 * Takes up to `limit` pending deliveries due at `now` (oldest due first) and moves their
	 * nextAttemptAt to `leaseUntil`, so no other worker takes them meanwhile. If the taker dies, they
	 * become due again when the lease ends.
	 */
	claimDue(now: number, limit: number, leaseUntil: number): Promise<WebhookDelivery[]>;
	/** The earliest nextAttemptAt of any pending delivery. */
	nextDueAt(): Promise<number | undefined>;
	/**
	 * Appends an attempt to the log and updates its delivery (attempts, status from the outcome,
	 * nextAttemptAt, last status and error), in one transaction. Only applies if the delivery is
	 * pending with attempt - 1 attempts made; otherwise writes nothing and returns false.
	 */
	recordAttempt(attempt: DeliveryAttempt): Promise<boolean>;
	getDelivery(id: string): Promise<WebhookDelivery | undefined>;
	listDeliveries(filter?: DeliveryFilter): Promise<WebhookDelivery[]>;
	/** The log lines of these deliveries, by delivery then attempt. */
	listAttempts(deliveryIds: readonly string[]): Promise<DeliveryAttempt[]>;
	/**
	 * Puts a failed delivery back in the queue (pending, due at requestedAt; its attempt count and
	 * log stay) and records the redelivery, in one transaction. Only a failed delivery: of two
	 * requests at once, one requeues it and the other finds it pending.
	 */
	requeueFailed(request: RedeliveryRequest): Promise<RequeueOutcome>;
	/** The recorded redeliveries of these deliveries, by delivery then time. */
	listRedeliveries(deliveryIds: readonly string[]): Promise<Redelivery[]>;
	close(): Promise<void>;
}

export const DEFAULT_DELIVERY_PAGE = 50;
export const MAX_DELIVERY_PAGE = 500;
