/**
 * Tells gateways over MQTT that the office decided something on their work: after every event
 * (time approved or rejected, milestone ready or released, invoice created, a visit moved), each
 * enrolled, unrevoked gateway bound to the event's work order gets a message on its downlink
 * topic (protocol/uplink/topics.ts, fieldchain/v1/gateways/{id}/downlink). The message says only
 * which kind of change on which work order; the gateway then pulls the details with its own token,
 * whose binding decides what it may read. A push that fails is logged and forgotten: the
 * gateway's periodic pull still brings the change.
 * Invariant: the wrapped sink gets every event first and unchanged; pushing never delays or fails it.
 */
import mqtt from "mqtt";
import type { Logger } from "../../platform/logger.js";
import { downlinkPushTopic } from "../../protocol/uplink/topics.js";
import type { BillingEvent, BillingEventSink } from "../events/billing-events.js";
import { bindingOf } from "./auth/gateway-binding.js";
import type { BillingContext } from "./context.js";

export type PushPublisher = (topic: string, payload: string) => Promise<void>;

/** The work order an event is about, from the resource it carries. */
export function workOrderOfEvent(event: BillingEvent): string | undefined {
	for (const value of Object.values(event.data)) {
		if (typeof value !== "object" || value === null) continue;
		const resource = value as { workOrderId?: unknown; id?: unknown; status?: unknown };
		if (typeof resource.workOrderId === "string") return resource.workOrderId;
	}
	const order = event.data.workOrder as { id?: unknown } | undefined;
	return typeof order?.id === "string" ? order.id : undefined;
}

export class DownlinkPushSink implements BillingEventSink {
	private pending: Promise<void> = Promise.resolve();

	constructor(
		private readonly inner: BillingEventSink,
		private readonly ctx: Pick<BillingContext, "repo" | "store">,
		private readonly publishMqtt: PushPublisher,
		private readonly logger: Pick<Logger, "warn">,
	) {}

	async publish(event: BillingEvent): Promise<void> {
		await this.inner.publish(event);
		// In order, one at a time, off the caller's path.
		this.pending = this.pending.then(() =>
			this.push(event).catch((error) =>
				this.logger.warn({ err: error, type: event.type }, "downlink push: could not tell the gateways; they pull on their interval"),
			),
		);
	}

	/** Resolves when every push handed in so far is done (tests, shutdown). */
	idle(): Promise<void> {
		return this.pending;
	}

	private async push(event: BillingEvent): Promise<void> {
		const workOrderId = workOrderOfEvent(event);
		if (!workOrderId) return;
		for (const gateway of await this.ctx.store.listGateways()) {
			if (gateway.revokedAt !== null) continue;
			const binding = await bindingOf(this.ctx, gateway.id);
			if (!binding.workOrderIds.has(workOrderId)) continue;
			await this.publishMqtt(downlinkPushTopic(gateway.id), JSON.stringify({ type: event.type, workOrderId, occurredAt: event.occurredAt }));
		}
	}
}

/** A publisher on an MQTT broker (QoS 1); it reconnects by itself, and a publish while it is away fails (logged). */
export function mqttPushPublisher(url: string): { publish: PushPublisher; close(): Promise<void> } {
	const client = mqtt.connect(url, { clientId: `fieldchain-billing-${process.pid}`, reconnectPeriod: 2000, connectTimeout: 10_000 });
	client.on("error", () => {
		// Reported per publish; the client keeps reconnecting.
	});
	return {
		async publish(topic, payload) {
			if (!client.connected) throw new Error(`the MQTT broker ${new URL(url).host} is not connected`);
			await client.publishAsync(topic, payload, { qos: 1 });
		},
		async close() {
			await client.endAsync(true);
		},
	};
}
