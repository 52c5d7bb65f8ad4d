/**
 * MQTT topics of protocol v1 (protocol/README.md, "MQTT transport"). Each PUBLISH carries exactly
 * one Envelope; MQTT does the framing, so there is no COBS and no CRC.
 */
export const TOPIC_PREFIX = "fieldchain/v1/devices";

export function deviceUpTopic(deviceId: string): string {
	return `${TOPIC_PREFIX}/${deviceId}/up`;
}

export function deviceDownTopic(deviceId: string): string {
	return `${TOPIC_PREFIX}/${deviceId}/down`;
}

/** Subscription the gateway uses for every device's uplink. */
export const ALL_DEVICES_UP = `${TOPIC_PREFIX}/+/up`;

/**
 * The device id in an up or down topic, or undefined when the topic is not a device topic, including
 * when the id is not a valid device id (empty, a + or # wildcard of a subscription filter, ...).
 */
export function parseDeviceTopic(topic: string): { deviceId: string; direction: "up" | "down" } | undefined {
	const parts = topic.split("/");
	if (parts.length !== 5 || `${parts[0]}/${parts[1]}/${parts[2]}` !== TOPIC_PREFIX) return undefined;
	const direction = parts[4];
	if (direction !== "up" && direction !== "down") return undefined;
	if (!isValidDeviceId(parts[3])) return undefined;
	return { deviceId: parts[3], direction };
}

/**
 * Device ids are used inside topics and URLs: letters, digits and - _ . only, 1 to 64 characters.
 * MQTT wildcards and separators (+ # /) would let one device reach another's topic.
 */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidDeviceId(deviceId: string): boolean {
	return DEVICE_ID_PATTERN.test(deviceId);
}
