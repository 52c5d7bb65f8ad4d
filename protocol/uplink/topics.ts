/**
 * MQTT uplink topics (protocol/README.md, "MQTT uplink"): the same outbox, drained to a cloud
 * MQTT 5 broker instead of the billing service's HTTP API.
 */
export const uplinkEvidenceTopic = (gatewayId: string) => `fieldchain/v1/gateways/${gatewayId}/evidence`;
/** Cloud → gateway: "your plan changed" (any payload); the gateway pulls its work orders. */
export const downlinkPushTopic = (gatewayId: string) => `fieldchain/v1/gateways/${gatewayId}/downlink`;
export const uplinkOutboxTopic = (gatewayId: string, kind: string) => `fieldchain/v1/gateways/${gatewayId}/outbox/${kind}`;
