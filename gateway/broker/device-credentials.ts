/**
 * Where the broker finds a device's MQTT password hash: a fixed list (checked once, at start) or
 * a lookup function (a database, checked on every CONNECT).
 */
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { isValidDeviceId } from "../../protocol/topics.js";
import { parsePasswordHash } from "../auth/password-hash.js";

export interface DeviceCredentials {
	id: string;
	/** scrypt PHC string from `fieldchain gateway hash-password`. Without one the device cannot use MQTT. */
	passwordHash?: string;
}

export type DeviceLookup = (deviceId: string) => DeviceCredentials | undefined | Promise<DeviceCredentials | undefined>;

/** A lookup over `devices`; a list is validated now, so a bad entry fails the start, not a CONNECT. */
export function toDeviceLookup(devices: DeviceLookup | readonly DeviceCredentials[]): DeviceLookup {
	if (typeof devices === "function") return devices;
	const byId = new Map<string, DeviceCredentials>();
	for (const device of devices) {
		if (!isValidDeviceId(device.id)) {
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Device id "${String(device.id).slice(0, 80)}" is not valid for MQTT.`, {
				hint: "Use 1 to 64 letters, digits, '.', '_' or '-'; MQTT wildcards and '/' are not allowed.",
			});
		}
		if (byId.has(device.id)) {
			throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Device "${device.id}" is listed twice.`, { hint: "Keep one entry per device." });
		}
		if (device.passwordHash !== undefined) checkHash(device.id, device.passwordHash);
		byId.set(device.id, { ...device });
	}
	return (deviceId) => byId.get(deviceId);
}

function checkHash(deviceId: string, passwordHash: string): void {
	try {
		parsePasswordHash(passwordHash);
	} catch (error) {
		if (!isFieldchainError(error)) throw error;
		throw new FieldchainError(error.code, `Device "${deviceId}": ${error.message}`, { cause: error, details: { deviceId } });
	}
}
