/**
 * Command handling of the simulated device: turns one Command into the device action and the
 * CommandResult to send back. Kept apart from the device so each command's rules are in one place.
 */
import { type Command, type CommandResult, CommandStatus } from "../../protocol/codec.js";
import type { fieldchain } from "../../protocol/generated/device.js";
import { isValidRate, MAX_RATE } from "./options.js";

export type DeviceStatus = fieldchain.device.v1.IDeviceStatus;
export type CommandName = NonNullable<fieldchain.device.v1.Command["action"]> | "unknown";

/** What a command may do to the device. */
export interface CommandTarget {
	readonly quantity: string;
	readonly unackedCount: number;
	startStreaming(): void;
	stopStreaming(): void;
	identify(durationMs: number): void;
	setRate(readingsPerSecond: number): void;
	status(): DeviceStatus;
	/** Runs after the result is sent: a real device answers before it goes down. */
	reboot(): void;
}

export interface CommandOutcome {
	name: CommandName;
	result: CommandResult;
	/** Work to do once the result is on its way. */
	after?: () => void;
}

const { STATUS_OK, STATUS_UNSUPPORTED, STATUS_INVALID_ARGUMENT, STATUS_BUSY } = CommandStatus;

export function runCommand(target: CommandTarget, command: Command & { action?: string }, commandSeq: number): CommandOutcome {
	const ok = (message = ""): CommandResult => ({ commandSeq, status: STATUS_OK, message });
	const refuse = (status: number, message: string): CommandResult => ({ commandSeq, status, message });
	switch (command.action) {
		case "startStreaming": {
			const wanted = command.startStreaming?.quantity ?? "";
			if (wanted !== "" && wanted !== target.quantity) {
				return { name: "startStreaming", result: refuse(STATUS_INVALID_ARGUMENT, `This tool measures ${target.quantity}, not ${wanted}.`) };
			}
			target.startStreaming();
			return { name: "startStreaming", result: ok() };
		}
		case "stopStreaming":
			target.stopStreaming();
			return { name: "stopStreaming", result: ok() };
		case "identify": {
			const durationMs = command.identify?.durationMs || 3000;
			target.identify(durationMs);
			return { name: "identify", result: ok(`Blinking for ${durationMs} ms.`) };
		}
		case "setRate": {
			const rate = command.setRate?.readingsPerSecond ?? 0;
			if (!isValidRate(rate)) {
				return { name: "setRate", result: refuse(STATUS_INVALID_ARGUMENT, `Rate ${rate} is out of range: use above 0 and at most ${MAX_RATE} readings/s.`) };
			}
			target.setRate(rate);
			return { name: "setRate", result: ok() };
		}
		case "getStatus":
			return { name: "getStatus", result: { ...ok(), deviceStatus: target.status() } };
		case "reboot":
			// Unacked readings live in RAM here; rebooting would lose them, so refuse like a tool
			// that is busy writing to flash would.
			if (target.unackedCount > 0) {
				return { name: "reboot", result: refuse(STATUS_BUSY, `${target.unackedCount} readings are not acknowledged yet; ack them first.`) };
			}
			return { name: "reboot", result: ok(), after: () => target.reboot() };
		default:
			return { name: "unknown", result: refuse(STATUS_UNSUPPORTED, "Unknown command; this simulator speaks protocol 1.0.") };
	}
}
