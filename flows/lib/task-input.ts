/** fieldchain task: which operation on which task, from the node and the message. */
import type { TaskOperation, TaskTarget } from "../../gateway/node-red/flows-api.js";
import { configError, inputError, type Message, text } from "./red.js";

export const TASK_OPERATIONS: readonly TaskOperation[] = ["get", "start", "complete", "cancel", "activate", "deactivate", "start-timer", "stop-timer"];

export function taskRequest(
	config: Record<string, unknown>,
	msg: Message,
	defaultTechnician: string | undefined,
): { operation: TaskOperation; target: TaskTarget } {
	const operation = (text(msg.operation) ?? text(config.operation) ?? "get") as TaskOperation;
	if (!TASK_OPERATIONS.includes(operation)) {
		const problem = `Task operation "${operation}" is not one of ${TASK_OPERATIONS.join(", ")}.`;
		throw text(msg.operation) ? inputError(problem) : configError(problem);
	}
	return {
		operation,
		target: {
			workOrderId: text(msg.workOrderId) ?? text(config.workOrderId),
			taskId: text(msg.taskId) ?? text(config.taskId),
			technicianId: text(msg.technicianId) ?? text(config.technicianId) ?? defaultTechnician,
			deviceId: text(msg.deviceId),
		},
	};
}
