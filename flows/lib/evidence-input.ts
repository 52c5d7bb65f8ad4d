/** fieldchain evidence: what to stamp, on which task and checklist item, from the node and the message. */
import type { ReadingKey, StampInput } from "../../gateway/node-red/flows-api.js";
import { inputError, type Message, text } from "./red.js";

function readingKey(value: unknown): ReadingKey | undefined {
	if (typeof value !== "object" || value === null) return undefined;
	const reading = value as Record<string, unknown>;
	if (typeof reading.deviceId !== "string" || typeof reading.bootId !== "string" || !Number.isSafeInteger(reading.seq)) {
		throw inputError("msg.reading must be a reading from a fieldchain reading node ({ deviceId, bootId, seq, ... }).");
	}
	return { deviceId: reading.deviceId, bootId: reading.bootId, seq: reading.seq as number };
}

/** Message fields win over node settings, so one node can serve several items. */
export function stampRequest(config: Record<string, unknown>, msg: Message, defaultTechnician: string | undefined): StampInput {
	const checklistItemId = text(msg.checklistItemId) ?? text(config.checklistItemId);
	if (!checklistItemId) throw inputError("No checklist item: set one on the node or send msg.checklistItemId.");
	const reading = readingKey(msg.reading);
	const note = reading ? undefined : typeof msg.payload === "string" ? msg.payload : undefined;
	if (!reading && note === undefined) {
		throw inputError("Nothing to stamp: send msg.reading (from a fieldchain reading node) or a text msg.payload for a note or acknowledgement.");
	}
	return {
		checklistItemId,
		workOrderId: text(msg.workOrderId) ?? text(config.workOrderId),
		taskId: text(msg.taskId) ?? text(config.taskId),
		technicianId: text(msg.technicianId) ?? text(config.technicianId) ?? defaultTechnician,
		deviceId: reading?.deviceId,
		reading,
		text: note,
	};
}
