/** When a work order may start (its predecessors) and complete (its tasks, visits and children). */
import type { ModelSnapshot } from "../entities/kinds.js";
import type { WorkOrder } from "../entities/work-order.js";
import { assessItem } from "./evidence-check.js";
import { findEntity, requireEntity } from "./lookup.js";
import { assertNoReasons, type Reason, reason } from "./reasons.js";

/** Reasons a finished predecessor's evidence is not all accepted yet. */
export function unacceptedEvidenceReasons(snapshot: ModelSnapshot, order: WorkOrder): Reason[] {
	const reasons: Reason[] = [];
	for (const task of snapshot.tasks) {
		if (task.workOrderId !== order.id || task.status === "cancelled") continue;
		for (const item of task.checklist) {
			if (!item.required) continue;
			const { valid } = assessItem(task, item, snapshot.evidence);
			if (valid.some((e) => e.status === "accepted")) continue;
			const pending = valid.map((e) => e.id).join(", ");
			reasons.push(
				reason(
					"predecessor-evidence-not-accepted",
					"task",
					task.id,
					`predecessor ${order.id}: task ${task.id} checklist item '${item.label}' has no accepted evidence${pending ? ` (${pending} awaiting acceptance)` : ""}`,
				),
			);
		}
	}
	return reasons;
}

/**
 * Finish-to-start predecessors must be completed with their evidence accepted; start-to-start ones
 * must have started. Same-day links constrain the schedule only.
 */
export function explainStartWorkOrder(snapshot: ModelSnapshot, workOrderId: string): Reason[] {
	const order = requireEntity(snapshot, "workOrder", workOrderId);
	const reasons: Reason[] = [];
	for (const dep of order.dependencies) {
		const pred = findEntity(snapshot, "workOrder", dep.predecessorId);
		if (!pred) {
			reasons.push(reason("predecessor-missing", "workOrder", order.id, `predecessor ${dep.predecessorId} of ${order.id} does not exist`));
			continue;
		}
		if (dep.kind === "finish-to-start") {
			if (pred.status !== "completed") {
				reasons.push(reason("predecessor-not-completed", "workOrder", pred.id, `finish-to-start predecessor ${pred.id} is ${pred.status}, not completed`));
			} else {
				reasons.push(...unacceptedEvidenceReasons(snapshot, pred));
			}
		} else if (dep.kind === "start-to-start" && pred.status !== "in-progress" && pred.status !== "on-hold" && pred.status !== "completed") {
			reasons.push(reason("predecessor-not-started", "workOrder", pred.id, `start-to-start predecessor ${pred.id} is ${pred.status}, not started`));
		}
	}
	return reasons;
}

/** All tasks completed or cancelled, no visit still open, every child order finished first. */
export function explainCompleteWorkOrder(snapshot: ModelSnapshot, workOrderId: string): Reason[] {
	const order = requireEntity(snapshot, "workOrder", workOrderId);
	const reasons: Reason[] = [];
	for (const task of snapshot.tasks) {
		if (task.workOrderId === order.id && task.status !== "completed" && task.status !== "cancelled") {
			reasons.push(reason("task-open", "task", task.id, `task ${task.id} is ${task.status}, not completed or cancelled`));
		}
	}
	for (const appointment of snapshot.appointments) {
		if (appointment.workOrderId === order.id && appointment.status !== "completed" && appointment.status !== "cancelled") {
			reasons.push(
				reason("appointment-open", "appointment", appointment.id, `appointment ${appointment.id} is ${appointment.status}, not completed or cancelled`),
			);
		}
	}
	for (const child of snapshot.workOrders) {
		if (child.parentId === order.id && child.status !== "completed" && child.status !== "cancelled") {
			reasons.push(reason("child-open", "workOrder", child.id, `child work order ${child.id} is ${child.status}; children complete before their parent`));
		}
	}
	return reasons;
}

export function canStartWorkOrder(snapshot: ModelSnapshot, workOrderId: string): boolean {
	return explainStartWorkOrder(snapshot, workOrderId).length === 0;
}

export function assertCanStartWorkOrder(snapshot: ModelSnapshot, workOrderId: string): void {
	assertNoReasons(`start work order ${workOrderId}`, explainStartWorkOrder(snapshot, workOrderId));
}

export function assertCanCompleteWorkOrder(snapshot: ModelSnapshot, workOrderId: string): void {
	assertNoReasons(`complete work order ${workOrderId}`, explainCompleteWorkOrder(snapshot, workOrderId));
}
