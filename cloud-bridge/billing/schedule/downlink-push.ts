/**
 * Telling gateways their plan changed: one MQTT message on each affected gateway's downlink topic
 * (protocol/uplink/topics.ts, `fieldchain/v1/gateways/{id}/downlink`), QoS 1, after the change is
 * stored. The gateway then pulls its work orders and appointments (gateway/uplink/downlink.ts), so
 * the message carries nothing but a hint; a push that fails is logged and the gateway's periodic
 * pull still brings the change. Which gateways: those bound to a technician whose visits changed —
 * the one who lost a visit too, which the per-event push (../downlink-push.ts, by the work order's
 * binding after the change) no longer reaches. A gateway told twice refreshes once.
 */
import { downlinkPushTopic } from "../../../protocol/uplink/topics.js";
import type { BillingContext } from "../context.js";

export interface DownlinkPush {
	push(gatewayIds: readonly string[]): Promise<void>;
	close(): Promise<void>;
}

/** A pusher on a publisher the service already holds (`cloud serve --downlink-mqtt-url`, cloud-bridge/billing/downlink-push.ts). */
export function publisherDownlinkPush(publish: (topic: string, payload: string) => Promise<void>): DownlinkPush {
	return {
		async push(gatewayIds) {
			await Promise.all(gatewayIds.map((id) => publish(downlinkPushTopic(id), JSON.stringify({ changed: "schedule" }))));
		},
		async close() {},
	};
}

/** Pushes to every live gateway bound to one of `technicianIds`; never throws (the change is stored already). */
export async function pushToTechnicians(ctx: BillingContext, technicianIds: Iterable<string>): Promise<string[]> {
	const wanted = new Set(technicianIds);
	if (!ctx.downlinkPush || wanted.size === 0) return [];
	try {
		const gateways = (await ctx.store.listGateways()).filter((g) => g.revokedAt === null && g.technicianIds.some((id) => wanted.has(id)));
		const ids = gateways.map((g) => g.id);
		await ctx.downlinkPush.push(ids);
		return ids;
	} catch (error) {
		ctx.logger.warn({ err: error }, "schedule change stored, but the push to the gateways failed; they pull it on their next refresh");
		return [];
	}
}
