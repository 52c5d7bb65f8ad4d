/** Rows of the SQL backends as the store's objects (column names are the same in SQLite and PostgreSQL). */
import type { BillingEventType } from "../events/billing-events.js";
import type { AttemptOutcome, DeliveryAttempt, DeliveryStatus, Redelivery, StoredSubscription, WebhookDelivery } from "./types.js";

/** pg returns BIGINT as a string (it may exceed 2^53); our times and counts never do. */
const num = (value: unknown): number => (typeof value === "number" ? value : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : num(value));

export interface SubscriptionRow {
	id: string;
	url: string;
	event_types: string | string[];
	description: string | null;
	secret: string;
	created_at: number | string;
}

export function subscriptionFromRow(row: SubscriptionRow): StoredSubscription {
	const eventTypes = typeof row.event_types === "string" ? (JSON.parse(row.event_types) as string[]) : row.event_types;
	return {
		id: row.id,
		url: row.url,
		eventTypes: eventTypes as BillingEventType[],
		description: row.description,
		createdAt: num(row.created_at),
		secret: row.secret,
	};
}

export interface DeliveryRow {
	id: string;
	subscription_id: string;
	event_id: string;
	event_type: string;
	body: string;
	status: string;
	attempts: number;
	next_attempt_at: number | string | null;
	created_at: number | string;
	updated_at: number | string;
	last_status_code: number | null;
	last_error: string | null;
}

export function deliveryFromRow(row: DeliveryRow): WebhookDelivery {
	return {
		id: row.id,
		subscriptionId: row.subscription_id,
		eventId: row.event_id,
		eventType: row.event_type as BillingEventType,
		body: row.body,
		status: row.status as DeliveryStatus,
		attempts: num(row.attempts),
		nextAttemptAt: numOrNull(row.next_attempt_at),
		createdAt: num(row.created_at),
		updatedAt: num(row.updated_at),
		lastStatusCode: numOrNull(row.last_status_code),
		lastError: row.last_error,
	};
}

export interface AttemptRow {
	delivery_id: string;
	attempt: number;
	started_at: number | string;
	duration_ms: number | string;
	status_code: number | null;
	error: string | null;
	outcome: string;
	next_attempt_at: number | string | null;
}

export function attemptFromRow(row: AttemptRow): DeliveryAttempt {
	return {
		deliveryId: row.delivery_id,
		attempt: num(row.attempt),
		startedAt: num(row.started_at),
		durationMs: num(row.duration_ms),
		statusCode: numOrNull(row.status_code),
		error: row.error,
		outcome: row.outcome as AttemptOutcome,
		nextAttemptAt: numOrNull(row.next_attempt_at),
	};
}

export interface RedeliveryRow {
	delivery_id: string;
	requested_at: number | string;
	requested_by: string;
	attempts_before: number | string;
}

export function redeliveryFromRow(row: RedeliveryRow): Redelivery {
	return { deliveryId: row.delivery_id, requestedAt: num(row.requested_at), requestedBy: row.requested_by, attemptsBefore: num(row.attempts_before) };
}
