/** fieldchain alert: an alert for the technician app (GET /api/v1/alerts), from the node and the message. */
import type { AlertRequest } from "../../gateway/node-red/flows-api.js";
import { inputError, type Message, text } from "./red.js";

const SEVERITIES = ["info", "warning", "critical"] as const;

export function alertRequest(config: Record<string, unknown>, msg: Message): AlertRequest {
	const severity = (text(msg.severity) ?? text(config.severity) ?? "warning") as AlertRequest["severity"];
	if (!SEVERITIES.includes(severity)) throw inputError(`Alert severity "${severity}" is not one of ${SEVERITIES.join(", ")}.`);
	const title = text(msg.title) ?? text(config.title) ?? (typeof msg.topic === "string" ? msg.topic : undefined);
	if (!title) throw inputError("An alert needs a title: set one on the node or send msg.title.");
	const reading = typeof msg.reading === "object" && msg.reading !== null ? (msg.reading as Record<string, unknown>) : undefined;
	return {
		severity,
		title,
		message:
			typeof msg.payload === "string"
				? msg.payload
				: msg.payload === undefined
					? undefined
					: `${JSON.stringify(msg.payload)}${typeof msg.unit === "string" ? ` ${msg.unit}` : ""}`,
		deviceId: text(msg.deviceId) ?? text(reading?.deviceId),
		workOrderId: text(msg.workOrderId),
		taskId: text(msg.taskId),
		technicianId: text(msg.technicianId) ?? text(config.technicianId),
		...(reading ? { data: { reading } } : {}),
	};
}
