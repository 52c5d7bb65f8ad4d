/** fieldchain event: which gateway events a node emits, and the message for each. */
import type { GatewayEventMap, GatewayEventName } from "../../gateway/node-red/flows-api.js";
import { configError, listSetting, type Message } from "./red.js";

export const EVENT_NAMES: readonly GatewayEventName[] = ["deviceAttached", "deviceDetached", "evidenceSealed", "syncState", "alarm", "alert", "taskChanged"];

export function parseEventNames(config: Record<string, unknown>): GatewayEventName[] {
	const names = listSetting(config.events);
	const unknown = names.filter((name) => !EVENT_NAMES.includes(name as GatewayEventName));
	if (unknown.length > 0)
		throw configError(`Unknown gateway event ${unknown.map((name) => `"${name}"`).join(", ")}; the events are ${EVENT_NAMES.join(", ")}.`);
	return (names.length > 0 ? names : EVENT_NAMES) as GatewayEventName[];
}

export function eventMessage<K extends GatewayEventName>(event: K, payload: GatewayEventMap[K]): Message {
	const deviceId = "deviceId" in payload ? payload.deviceId : undefined;
	return { topic: event, event, payload: { ...payload }, ...(deviceId ? { deviceId } : {}) };
}
