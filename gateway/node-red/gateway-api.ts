/**
 * The in-process API the embedded Node-RED nodes use (flows-api.ts), built on the gateway's
 * own parts: evidence goes through the EvidenceLog (hash-chained and sealed like any other), task
 * changes through TaskStates (the execution model's rules), commands through the device session.
 */

import type { Task } from "../../model/entities/task.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type Command, CommandStatus } from "../../protocol/codec.js";
import type { GatewayParts } from "../parts.js";
import type { TaskFacts } from "../work/task-states.js";
import type { CommandOutcome, DeviceCommand, FieldchainApi, TaskTarget, TaskView } from "./flows-api.js";

/** The parts the nodes' API works through. */
export type GatewayApiParts = Pick<
	GatewayParts,
	"gatewayId" | "store" | "devices" | "workOrders" | "activeTasks" | "timeEntries" | "evidence" | "taskStates" | "alerts" | "events" | "clock"
>;

function flowError(code: keyof typeof ErrorCodes, message: string, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes[code], message, hint ? { hint } : undefined);
}

/** Protocol v1 Command (protocol/device/v1/device.proto, message Command) for a node's command. */
export function toProtocolCommand(command: DeviceCommand): Command {
	switch (command.action) {
		case "start-streaming":
			return { startStreaming: { quantity: command.quantity ?? "" } };
		case "stop-streaming":
			return { stopStreaming: {} };
		case "identify":
			return { identify: { durationMs: command.durationMs ?? 2000 } };
		case "set-rate":
			return { setRate: { readingsPerSecond: command.readingsPerSecond } };
		case "get-status":
			return { getStatus: {} };
	}
}

export function createGatewayApi(parts: GatewayApiParts): FieldchainApi {
	const runningTimers = (task: Task) =>
		parts.timeEntries.forTask(task.workOrderId, task.id).flatMap((entry) => (entry.endedAt === null ? [entry.technicianId] : []));

	const facts = (task: Task): TaskFacts => ({
		satisfiedItems: new Set(parts.evidence.checklistState(task).flatMap((item) => (item.satisfied ? [item.id] : []))),
		timerRunning: runningTimers(task).length > 0,
	});

	const resolve = (target: TaskTarget): { task: Task; technicianId: string | undefined } => {
		if (target.taskId) {
			const task = parts.workOrders.task(target.taskId);
			if (!task || (target.workOrderId && task.workOrderId !== target.workOrderId)) {
				throw flowError(
					"FC_FLOW_INPUT",
					`Task "${target.taskId}"${target.workOrderId ? ` of work order "${target.workOrderId}"` : ""} is not held by this gateway.`,
				);
			}
			const holder = target.technicianId ?? (target.deviceId ? parts.activeTasks.forDevice(target.deviceId)?.technicianId : undefined);
			return { task, technicianId: holder };
		}
		const active = target.technicianId
			? parts.activeTasks.get(target.technicianId)
			: target.deviceId
				? parts.activeTasks.forDevice(target.deviceId)
				: undefined;
		const task = active && parts.workOrders.task(active.taskId);
		if (!active || !task) {
			throw flowError(
				"FC_FLOW_INPUT",
				target.technicianId
					? `Technician "${target.technicianId}" has no active task.`
					: target.deviceId
						? `No technician's active task holds device "${target.deviceId}".`
						: "No task given and no technician or device to find an active task by.",
				"Set the task (work order id + task id) on the node or in msg.taskId, or an active task for the technician.",
			);
		}
		return { task, technicianId: active.technicianId };
	};

	const view = (task: Task): TaskView => {
		const taskFacts = facts(task);
		return {
			workOrderId: task.workOrderId,
			taskId: task.id,
			title: task.title,
			status: task.status,
			checklistState: parts.evidence.checklistState(task),
			canStart: parts.taskStates.explain("start", task, taskFacts).map((reason) => reason.message),
			canComplete: parts.taskStates.explain("complete", task, taskFacts).map((reason) => reason.message),
			activeFor: parts.activeTasks
				.all()
				.filter((active) => active.taskId === task.id)
				.map((active) => active.technicianId),
			runningTimers: runningTimers(task),
		};
	};

	return {
		gatewayId: parts.gatewayId,
		on: (event, listener) => parts.events.on(event, listener),

		stampEvidence(input) {
			const { task, technicianId: holder } = resolve({ ...input, deviceId: input.deviceId ?? input.reading?.deviceId });
			const technicianId = input.technicianId ?? holder;
			if (!technicianId)
				throw flowError("FC_FLOW_INPUT", "No technician to attribute the evidence to.", "Set a technician id on the node or in msg.technicianId.");
			if (input.reading) {
				const { deviceId, bootId, seq } = input.reading;
				const [row] = parts.store.listReadings(deviceId, { bootId, afterSeq: seq - 1, limit: 1 });
				if (!row || row.seq !== seq) {
					throw flowError(
						"FC_FLOW_INPUT",
						`Reading ${seq} of device "${deviceId}" (boot ${bootId}) is not stored on this gateway.`,
						"Stamp readings that came from a fieldchain reading node.",
					);
				}
				return parts.evidence.addReading({ technicianId, task, checklistItemId: input.checklistItemId, reading: row });
			}
			const item = task.checklist.find((candidate) => candidate.id === input.checklistItemId);
			const kind = item?.requirement.kind;
			if (kind !== "note" && kind !== "acknowledgement") {
				throw flowError(
					"FC_FLOW_INPUT",
					`Checklist item "${input.checklistItemId}" of task "${task.id}" ${item ? `asks for a ${kind}` : "does not exist"}; a flow can stamp readings, notes and acknowledgements.`,
				);
			}
			return parts.evidence.add({ technicianId, workOrderId: task.workOrderId, task, checklistItemId: input.checklistItemId, kind, text: input.text });
		},

		task: (target) => view(resolve(target).task),

		changeTask(operation, target, actorId) {
			const { task, technicianId } = resolve(target);
			const now = parts.clock.now();
			const who = target.technicianId ?? technicianId;
			const needTechnician = () => {
				if (!who) throw flowError("FC_FLOW_INPUT", `"${operation}" needs a technician id (node setting or msg.technicianId).`);
				return who;
			};
			switch (operation) {
				case "start":
				case "complete":
				case "cancel":
					parts.taskStates.apply(operation, task.id, facts(task), actorId, now);
					parts.events.emit("taskChanged", { workOrderId: task.workOrderId, taskId: task.id, status: task.status, by: actorId, at: now });
					break;
				case "activate":
					parts.activeTasks.set(needTechnician(), task.workOrderId, task.id, now, target.deviceId ? [target.deviceId] : []);
					break;
				case "deactivate":
					parts.activeTasks.clear(needTechnician());
					break;
				case "start-timer":
					parts.timeEntries.start(needTechnician(), task.workOrderId, task.id, "work", now);
					break;
				case "stop-timer":
					parts.timeEntries.stop(needTechnician(), now);
					break;
			}
			return view(task);
		},

		async sendCommand(deviceId, command): Promise<CommandOutcome> {
			const session = parts.devices.session(deviceId);
			if (session?.state !== "ready") {
				throw flowError("FC_FLOW_COMMAND", `Device "${deviceId}" is not connected.`, "GET /api/v1/devices shows which devices are connected.");
			}
			const result = await session.sendCommand(toProtocolCommand(command));
			const status = CommandStatus[result.status ?? 0] ?? `STATUS_${result.status}`;
			if (result.status !== CommandStatus.STATUS_OK) {
				throw flowError("FC_FLOW_COMMAND", `Device "${deviceId}" answered ${command.action} with ${status}${result.message ? `: ${result.message}` : ""}.`);
			}
			return {
				deviceId,
				action: command.action,
				status,
				message: result.message ?? "",
				...(result.deviceStatus ? { deviceStatus: { ...result.deviceStatus, uptimeMs: Number(result.deviceStatus.uptimeMs ?? 0) } } : {}),
			};
		},

		raiseAlert(input, source) {
			const alert = parts.alerts.raise({ ...input, source }, parts.clock.now());
			parts.events.emit("alert", alert);
			return alert;
		},
	};
}
