/**
 * MQTT uplink topics (protocol/README.md, "MQTT uplink"): the same outbox, drained to a cloud
 * MQTT 5 broker instead of the billing service's HTTP API.
 */
export const uplinkEvidenceTopic = (gatewayId: string) => `fieldchain/v1/gateways/${gatewayId}/evidence`;
/** Cloud → gateway: "your plan changed" (any payload); the gateway pulls its work orders. */
export const downlinkPushTopic = (gatewayId: string) => `fieldchain/v1/gateways/${gatewayId}/downlink`;
export const uplinkOutboxTopic = (gatewayId: string, kind: string) => `fieldchain/v1/gateways/${gatewayId}/outbox/${kind}`;
/**
 * Cloud → gateway: the billing service's answer to an evidence batch the gateway published on its
 * evidence topic, the same JSON body the HTTP API answers (a receipt, or `{ error }`), with the
 * batch id as MQTT 5 correlation data and the HTTP status as the `status` user property. Only the
 * billing ingest workers may publish here (broker ACL): this message, not the PUBACK, is the receipt.
 */
export const uplinkReceiptTopic = (gatewayId: string) => `fieldchain/v1/gateways/${gatewayId}/receipts`;
/** Every gateway's evidence topic: what the billing ingest workers subscribe to. */
export const ALL_GATEWAYS_EVIDENCE = "fieldchain/v1/gateways/+/evidence";
/** An MQTT 5 shared subscription: the broker hands each message to one member of the group. */
export const sharedSubscription = (group: string, filter: string) => `$share/${group}/${filter}`;
/** The gateway an evidence topic names, or undefined when the topic is not one (or names no one). */
export function gatewayOfEvidenceTopic(topic: string): string | undefined {
	const parts = topic.split("/");
	if (parts.length !== 5 || `${parts[0]}/${parts[1]}/${parts[2]}` !== "fieldchain/v1/gateways" || parts[4] !== "evidence") return undefined;
	const gatewayId = parts[3];
	return gatewayId.length > 0 && !/[+#]/.test(gatewayId) ? gatewayId : undefined;
}
