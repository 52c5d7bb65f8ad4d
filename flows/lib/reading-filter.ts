/** fieldchain reading: which stored readings a node passes on, and the message it sends. */
import type { GatewayReading } from "../../gateway/node-red/flows-api.js";
import { listSetting, type Message } from "./red.js";

export interface ReadingFilter {
	devices: string[];
	models: string[];
	quantities: string[];
}

/** Comma-separated lists; an empty list lets everything through. */
export function parseReadingFilter(config: Record<string, unknown>): ReadingFilter {
	return { devices: listSetting(config.devices), models: listSetting(config.models), quantities: listSetting(config.quantities) };
}

export function matchesReading(filter: ReadingFilter, reading: GatewayReading): boolean {
	const fits = (list: string[], value: string) => list.length === 0 || list.includes(value);
	return fits(filter.devices, reading.deviceId) && fits(filter.models, reading.model) && fits(filter.quantities, reading.quantity);
}

/** msg.payload is the value; msg.reading the whole stored reading (an evidence node stamps it by its key). */
export function readingMessage(reading: GatewayReading): Message {
	return { topic: `${reading.deviceId}/${reading.quantity}`, payload: reading.value, unit: reading.unit, deviceId: reading.deviceId, reading: { ...reading } };
}

export function describeReading(reading: GatewayReading): string {
	return `${reading.deviceId}: ${reading.value ?? "NaN"} ${reading.unit}`;
}
