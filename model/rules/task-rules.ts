/** When a task may start and when it may complete. */
import type { ModelSnapshot } from "../entities/kinds.js";
import type { Task } from "../entities/task.js";
import { assessItem, describeMissing } from "./evidence-check.js";
import { requireEntity } from "./lookup.js";
import { assertNoReasons, type Reason, reason } from "./reasons.js";

/** Reasons the required checklist items of a task lack valid evidence. */
export function checklistReasons(snapshot: ModelSnapshot, task: Task): Reason[] {
	const reasons: Reason[] = [];
	for (const item of task.checklist) {
		if (!item.required) continue;
		const assessment = assessItem(task, item, snapshot.evidence);
		if (assessment.valid.length === 0) reasons.push(reason("evidence-missing", "task", task.id, describeMissing(task, assessment)));
	}
	return reasons;
}

/** A task starts inside a started work order, once its before-start safety items are acknowledged. */
export function explainStartTask(snapshot: ModelSnapshot, taskId: string): Reason[] {
	const task = requireEntity(snapshot, "task", taskId);
	const order = requireEntity(snapshot, "workOrder", task.workOrderId);
	const reasons: Reason[] = [];
	if (order.status !== "in-progress") {
		reasons.push(reason("work-order-not-started", "workOrder", order.id, `work order ${order.id} is ${order.status}, not in-progress`));
	}
	for (const item of task.checklist) {
		if (!item.beforeStart) continue;
		const assessment = assessItem(task, item, snapshot.evidence);
		if (assessment.valid.length === 0) {
			reasons.push(reason("safety-not-acknowledged", "task", task.id, describeMissing(task, assessment, "acknowledgement before start")));
		}
	}
	return reasons;
}

/** Every required item satisfied by valid evidence, and no timer still running on the task. */
export function explainCompleteTask(snapshot: ModelSnapshot, taskId: string): Reason[] {
	const task = requireEntity(snapshot, "task", taskId);
	const reasons = checklistReasons(snapshot, task);
	for (const entry of snapshot.timeEntries) {
		if (entry.taskId === task.id && entry.status === "running") {
			reasons.push(reason("timer-running", "timeEntry", entry.id, `time entry ${entry.id} on task ${task.id} is still running`));
		}
	}
	return reasons;
}

export function canCompleteTask(snapshot: ModelSnapshot, taskId: string): boolean {
	return explainCompleteTask(snapshot, taskId).length === 0;
}

export function assertCanStartTask(snapshot: ModelSnapshot, taskId: string): void {
	assertNoReasons(`start task ${taskId}`, explainStartTask(snapshot, taskId));
}

export function assertCanCompleteTask(snapshot: ModelSnapshot, taskId: string): void {
	assertNoReasons(`complete task ${taskId}`, explainCompleteTask(snapshot, taskId));
}
