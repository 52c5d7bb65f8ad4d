/**
 * fieldchain command: the device command a node sends (protocol/device/v1/device.proto, message
 * Command: start/stop streaming, identify, set rate, get status).
 */
import type { DeviceCommand } from "../../gateway/node-red/flows-api.js";
import { inputError, type Message, text } from "./red.js";

export const COMMAND_ACTIONS: readonly DeviceCommand["action"][] = ["start-streaming", "stop-streaming", "identify", "set-rate", "get-status"];

function positiveNumber(value: unknown, name: string, max: number): number {
	const number = typeof value === "number" ? value : Number(text(value));
	if (!Number.isFinite(number) || number <= 0 || number > max)
		throw inputError(`${name} must be a number above 0 and at most ${max} (got ${JSON.stringify(value)}).`);
	return number;
}

export function deviceCommand(config: Record<string, unknown>, msg: Message): { deviceId: string; command: DeviceCommand } {
	const deviceId = text(msg.deviceId) ?? text(config.deviceId);
	if (!deviceId) throw inputError("No device: set one on the node or send msg.deviceId.");
	const action = (text(msg.action) ?? text(config.action)) as DeviceCommand["action"] | undefined;
	switch (action) {
		case "start-streaming":
			return { deviceId, command: { action, quantity: text(msg.quantity) ?? text(config.quantity) } };
		case "stop-streaming":
		case "get-status":
			return { deviceId, command: { action } };
		case "identify":
			return { deviceId, command: { action, durationMs: positiveNumber(msg.durationMs ?? config.durationMs ?? 2000, "durationMs", 60_000) } };
		case "set-rate": {
			const rate = msg.payload !== undefined && typeof msg.payload !== "object" ? msg.payload : config.rate;
			return { deviceId, command: { action, readingsPerSecond: positiveNumber(rate, "readings per second (msg.payload or the node's rate)", 10_000) } };
		}
		default:
			throw inputError(`Command "${String(action)}" is not one of ${COMMAND_ACTIONS.join(", ")}.`);
	}
}
