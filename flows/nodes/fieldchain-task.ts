/** fieldchain task: reads or changes a task (start, complete, cancel, activate, timers) under the execution model's rules. */
import { gatewayOf, handleInput, type NodeConfig, type Red, type RedNode } from "../lib/red.js";
import { taskRequest } from "../lib/task-input.js";

export default function register(RED: Red): void {
	RED.nodes.registerType("fieldchain-task", function (this: RedNode, config: NodeConfig) {
		RED.nodes.createNode(this, config);
		handleInput(
			this,
			(msg) => {
				const gateway = gatewayOf(RED, config);
				const { operation, target } = taskRequest(config, msg, gateway.technicianId || undefined);
				const api = gateway.api();
				return operation === "get" ? api.task(target) : api.changeTask(operation, target, target.technicianId ?? `flow:${this.id}`);
			},
			(task, msg) => ({ ...msg, payload: task }),
			(task) => `${task.taskId}: ${task.status}`,
		);
	});
}
