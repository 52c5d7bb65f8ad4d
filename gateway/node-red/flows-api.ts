/**
 * What the gateway publishes for the fieldchain Node-RED nodes (flows/): the in-process API the
 * embedded runtime hands them (settings.fieldchain, built by gateway-api.ts) and the event and
 * record types it carries. Types only: flows/ imports this file and nothing else of the gateway,
 * so the nodes never reach into gateway internals and the dependency runs one way.
 */

import type { GatewayAlert, GatewayEventMap, GatewayEventName, GatewayReading } from "../events.js";
import type { EvidenceView } from "../evidence/evidence-log.js";

export type { EvidenceView, GatewayAlert, GatewayEventMap, GatewayEventName, GatewayReading };

/** Which task: a named one, or the active task of a technician or of the technician holding a device. */
export interface TaskTarget {
	workOrderId?: string;
	taskId?: string;
	technicianId?: string;
	deviceId?: string;
}

export interface ReadingKey {
	deviceId: string;
	bootId: string;
	seq: number;
}

export interface StampInput extends TaskTarget {
	checklistItemId: string;
	/** Who the evidence is attributed to; defaults to the technician whose active task it is. */
	technicianId?: string;
	/** A stored reading (looked up by its key: a flow cannot invent values)... */
	reading?: ReadingKey;
	/** ...or a note / acknowledgement text. */
	text?: string;
}

export type TaskOperation = "get" | "start" | "complete" | "cancel" | "activate" | "deactivate" | "start-timer" | "stop-timer";

export interface TaskView {
	workOrderId: string;
	taskId: string;
	title: string;
	status: string;
	checklistState: Array<{ id: string; label: string; kind: string; required: boolean; satisfied: boolean }>;
	/** Why start / complete would be refused now (empty when allowed). */
	canStart: string[];
	canComplete: string[];
	activeFor: string[];
	runningTimers: string[];
}

export type DeviceCommand =
	| { action: "start-streaming"; quantity?: string }
	| { action: "stop-streaming" }
	| { action: "identify"; durationMs?: number }
	| { action: "set-rate"; readingsPerSecond: number }
	| { action: "get-status" };

export interface CommandOutcome {
	deviceId: string;
	action: DeviceCommand["action"];
	status: string;
	message: string;
	deviceStatus?: Record<string, unknown>;
}

export interface AlertRequest {
	severity: GatewayAlert["severity"];
	title: string;
	message?: string;
	deviceId?: string;
	workOrderId?: string;
	taskId?: string;
	technicianId?: string;
	data?: unknown;
}

export interface FieldchainApi {
	readonly gatewayId: string;
	/** Delivered asynchronously, after the gateway's own work; returns the unsubscribe function. */
	on<K extends GatewayEventName>(event: K, listener: (payload: GatewayEventMap[K]) => void): () => void;
	stampEvidence(input: StampInput): EvidenceView;
	task(target: TaskTarget): TaskView;
	changeTask(operation: Exclude<TaskOperation, "get">, target: TaskTarget, actorId: string): TaskView;
	sendCommand(deviceId: string, command: DeviceCommand): Promise<CommandOutcome>;
	raiseAlert(input: AlertRequest, source: string): GatewayAlert;
}
