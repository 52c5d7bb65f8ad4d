/** What every route group of the billing service is given. */
import { randomUUID } from "node:crypto";
import type { EntityKind } from "../../model/entities/kinds.js";
import type { OutboxMessage, Repository } from "../../model/repository/types.js";
import type { Clock } from "../../platform/clock.js";
import type { BillingEvent, BillingEventSink, BillingEventType } from "../events/billing-events.js";
import type { DownlinkPush } from "./schedule/downlink-push.js";
import type { BillingStore } from "./store/types.js";

/** The pino-compatible subset the service logs through. */
export interface BillingLogger {
	info(obj: object, msg?: string): void;
	warn(obj: object, msg?: string): void;
	error(obj: object, msg?: string): void;
}

export interface BillingPolicy {
	/** Release below this margin needs a margin-override approval (basis points; 0 = no floor). */
	marginFloorBasisPoints: number;
	/** How long an enrollment token stays usable. */
	enrollmentTtlMs: number;
	/** Largest evidence batch, in records. */
	maxBatchRecords: number;
}

export const DEFAULT_POLICY: BillingPolicy = { marginFloorBasisPoints: 0, enrollmentTtlMs: 24 * 60 * 60 * 1000, maxBatchRecords: 5000 };

export interface BillingContext {
	repo: Repository;
	store: BillingStore;
	clock: Clock;
	logger: BillingLogger;
	events: BillingEventSink;
	policy: BillingPolicy;
	newId(kind: EntityKind): string;
	/** Publishes after the change is stored; a failing sink is logged, never undoes the change. */
	publish(type: BillingEventType, data: Record<string, unknown>): Promise<void>;
	/** An event to store in a commit's outbox (model-access.ts runAction's `events`): kept or lost with the change. */
	outboxEvent(type: BillingEventType, data: Record<string, unknown>): OutboxMessage;
	/** Hands stored outbox events to the sink now (cloud-bridge/events/outbox-relay.ts); never rejects. */
	relayOutbox(): Promise<void>;
	/** Tells gateways their plan changed (MQTT, schedule/downlink-push.ts); absent: they find out on their next pull. */
	downlinkPush?: DownlinkPush;
}

export function makeOutboxEvent(clock: Clock): BillingContext["outboxEvent"] {
	return (type, data) => ({ id: randomUUID(), type, occurredAt: new Date(clock.now()).toISOString(), data });
}

export function makePublisher(events: BillingEventSink, clock: Clock, logger: BillingLogger): BillingContext["publish"] {
	return async (type, data) => {
		const event: BillingEvent = { id: randomUUID(), type, occurredAt: new Date(clock.now()).toISOString(), data };
		try {
			await events.publish(event);
		} catch (error) {
			logger.error({ err: error, eventId: event.id, type }, "billing event could not be queued; the change itself is stored");
		}
	};
}
