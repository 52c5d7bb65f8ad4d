/**
 * What the reference billing service tells the outside world. The service publishes these to a
 * sink; the webhook dispatcher (cloud-bridge/webhooks) is the sink that signs and delivers them to
 * subscribers. Event type names are part of the public contract: subscribers filter on them.
 */
export const BILLING_EVENT_TYPES = [
	"workorder.status_changed",
	"appointment.dispatched",
	"appointment.rescheduled",
	// A visit's progress in the field (the gateway's appointment controls), and time decisions.
	"appointment.en_route",
	"appointment.on_site",
	"appointment.completed",
	"appointment.cancelled",
	"timeentry.submitted",
	"timeentry.approved",
	"timeentry.rejected",
	"evidence.accepted",
	"milestone.ready",
	"milestone.released",
	"invoice.created",
	// A credit note issued on a disputed invoice (POST /v1/invoices/{id}/credit-notes).
	"credit_note.issued",
	// An impact plan applied (POST /v1/impact/previews/{id}/apply), with the work orders, tasks and line items it changed.
	"impact.applied",
] as const;

export type BillingEventType = (typeof BILLING_EVENT_TYPES)[number];

export interface BillingEvent {
	/** Unique per event (UUID); subscribers deduplicate retried deliveries on it. */
	id: string;
	type: BillingEventType;
	/** ISO 8601 time the change happened in the service. */
	occurredAt: string;
	/** The changed resource as the API returns it, or a summary for evidence batches. */
	data: Record<string, unknown>;
}

/**
 * Where the service hands events. `publish` resolves once the event is durably queued (not once it
 * is delivered), so a slow subscriber never slows an API call.
 */
export interface BillingEventSink {
	publish(event: BillingEvent): Promise<void>;
}

/** A sink that keeps events in memory, for tests and for running without subscribers. */
export class MemoryEventSink implements BillingEventSink {
	readonly events: BillingEvent[] = [];
	async publish(event: BillingEvent): Promise<void> {
		this.events.push(event);
	}
}
