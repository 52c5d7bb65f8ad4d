/**
 * The hardware an image is built for: MODEL, or MODEL:REVISION, matched against the model and
 * hardware_revision of the device's Hello.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

const NAME = /^[A-Za-z0-9._-]{1,64}(?::[A-Za-z0-9._-]{1,16})?$/;

export function checkHardwareName(hardware: string): string {
	if (!NAME.test(hardware)) {
		throw new FieldchainError(ErrorCodes.FC_FIRMWARE_HARDWARE, `Hardware "${hardware}" is not MODEL or MODEL:REVISION.`, {
			hint: "Use the model the device reports in its Hello, e.g. FC-SIM-1 or FC-SIM-1:A (letters, digits, . _ -).",
		});
	}
	return hardware;
}

export interface DeviceHardware {
	model: string;
	hardwareRevision: string;
}

export function hardwareMatches(target: string, device: DeviceHardware): boolean {
	const [model, revision] = target.split(":");
	return model === device.model && (revision === undefined || revision === device.hardwareRevision);
}

export function describeHardware(device: DeviceHardware): string {
	return device.hardwareRevision ? `${device.model}:${device.hardwareRevision}` : device.model;
}
