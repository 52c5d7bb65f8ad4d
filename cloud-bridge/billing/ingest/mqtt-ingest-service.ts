/**
 * The MQTT ingest workers' side of the billing service: a context over the same storage and event
 * sink as the HTTP service (its own outbox relay, which at worst hands an event on twice: the
 * dispatcher delivers once per subscription and event id), the one EvidenceIngest of the HTTP
 * route, and a worker on the shared subscription.
 */
import { randomUUID } from "node:crypto";
import { type Clock, systemClock } from "../../../platform/clock.js";
import type { BillingEventSink } from "../../events/billing-events.js";
import { OutboxRelay } from "../../events/outbox-relay.js";
import { type BillingContext, type BillingLogger, type BillingPolicy, DEFAULT_POLICY, makeOutboxEvent, makePublisher } from "../context.js";
import type { BillingStorage } from "../storage.js";
import { EvidenceIngest } from "./ingest.js";
import { type MqttIngestOptions, MqttIngestWorker } from "./mqtt-ingest-worker.js";

export interface MqttIngestServiceOptions {
	storage: BillingStorage;
	events: BillingEventSink;
	logger: BillingLogger & { debug?(obj: object, msg?: string): void };
	mqtt: MqttIngestOptions;
	policy?: Partial<BillingPolicy>;
	clock?: Clock;
}

export interface MqttIngestService {
	worker: MqttIngestWorker;
	close(): Promise<void>;
}

export async function startMqttIngest(options: MqttIngestServiceOptions): Promise<MqttIngestService> {
	const clock = options.clock ?? systemClock;
	const { storage, events, logger } = options;
	const relay = new OutboxRelay({
		repo: storage.repo,
		also: [storage.store],
		sink: events,
		clock,
		onError: (error) => logger.error({ err: error }, "outbox relay (MQTT ingest): events stay stored and are relayed later"),
	});
	const ctx: BillingContext = {
		repo: storage.repo,
		store: storage.store,
		clock,
		logger,
		events,
		policy: { ...DEFAULT_POLICY, ...options.policy },
		newId: () => randomUUID(),
		publish: makePublisher(events, clock, logger),
		outboxEvent: makeOutboxEvent(clock),
		relayOutbox: () => relay.relay(),
	};
	const worker = new MqttIngestWorker(options.mqtt, new EvidenceIngest(ctx), ctx.policy.maxBatchRecords, logger);
	relay.start();
	try {
		await worker.start();
	} catch (error) {
		await worker.close().catch(() => {});
		await relay.close();
		throw error;
	}
	return {
		worker,
		async close() {
			await worker.close();
			await relay.close();
		},
	};
}
