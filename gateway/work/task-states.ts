/**
 * Task status changed on the gateway (start, complete, cancel), with the execution model's rules:
 * the task state machine (model/state-machines) and the start and complete conditions of
 * model/README.md, "Rules": a task starts inside an in-progress work order once its
 * before-start safety items are acknowledged; it completes when every required item has valid
 * evidence and no timer runs on it. Offline, the gateway's evidence log is the judge of valid
 * evidence: its matcher applies the model's requirement checks (gateway/evidence/match-reading.ts).
 *
 * The work-order snapshot is read-only, so changes are kept in their own table and laid over the
 * snapshot's task objects at start-up and on each change; they survive a restart.
 */
import type Database from "better-sqlite3";
import type { Task, TaskStatus } from "../../model/entities/task.js";
import { assertNoReasons, type Reason, reason } from "../../model/rules/reasons.js";
import { taskMachine } from "../../model/state-machines/machines.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { TimeEntryOutbox } from "./time-entries.js";
import type { WorkOrders } from "./work-orders.js";

export type TaskAction = "start" | "complete" | "cancel";

/** What the rules need to know beyond the snapshot. */
export interface TaskFacts {
	/** Checklist items with valid evidence on the gateway. */
	satisfiedItems: ReadonlySet<string>;
	/** Is a timer running on the task? */
	timerRunning: boolean;
}

interface Row {
	task_id: string;
	status: TaskStatus;
	started_at: number | null;
	completed_at: number | null;
}

const TARGET: Record<TaskAction, TaskStatus> = { start: "in-progress", complete: "completed", cancel: "cancelled" };

export class TaskStates {
	constructor(
		private readonly db: Database.Database,
		private readonly workOrders: WorkOrders,
		/** Status changes go to the cloud through the outbox, in the same transaction. */
		private readonly uplink?: TimeEntryOutbox,
	) {
		// The table: gateway/store/migrations.ts, version 6. Changes made here survive a restart.
		for (const row of db.prepare("SELECT task_id, status, started_at, completed_at FROM task_states").all() as Row[]) {
			const task = workOrders.task(row.task_id);
			if (task) Object.assign(task, { status: row.status, startedAt: row.started_at, completedAt: row.completed_at });
		}
	}

	/** Why the action is refused now (empty: allowed), in the model's Reason form. */
	explain(action: TaskAction, task: Task, facts: TaskFacts): Reason[] {
		const reasons: Reason[] = [];
		if (action === "start") {
			const order = this.workOrders.workOrder(task.workOrderId);
			if (order && order.status !== "in-progress") {
				reasons.push(reason("work-order-not-started", "workOrder", order.id, `work order ${order.id} is ${order.status}, not in-progress`));
			}
			for (const item of task.checklist) {
				if (item.beforeStart && !facts.satisfiedItems.has(item.id)) {
					reasons.push(
						reason("safety-not-acknowledged", "task", task.id, `task ${task.id}: checklist item '${item.label}' has no acknowledgement before start`),
					);
				}
			}
		}
		if (action === "complete") {
			for (const item of task.checklist) {
				if (item.required && !facts.satisfiedItems.has(item.id)) {
					reasons.push(reason("evidence-missing", "task", task.id, `task ${task.id}: checklist item '${item.label}' has no valid evidence`));
				}
			}
			if (facts.timerRunning) reasons.push(reason("timer-running", "task", task.id, `a timer on task ${task.id} is still running`));
		}
		return reasons;
	}

	/** Applies the action or throws FC_MODEL_ILLEGAL_TRANSITION / FC_MODEL_RULE_REFUSED naming every reason. */
	apply(action: TaskAction, taskId: string, facts: TaskFacts, by: string, now: number): Task {
		const task = this.workOrders.task(taskId);
		if (!task)
			throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Task "${taskId}" is not held by this gateway.`, {
				hint: "GET /api/v1/work-orders lists the tasks.",
			});
		const target = TARGET[action];
		taskMachine.assert(task.id, task.status, target);
		assertNoReasons(`${action} task ${task.id}`, this.explain(action, task, facts));
		const startedAt = action === "start" ? now : task.startedAt;
		const completedAt = action === "complete" ? now : task.completedAt;
		const write = this.db.transaction(() => {
			this.uplink?.outbox.add({
				kind: "task-status",
				recordId: `task-status:${task.id}:${target}:${now}`,
				workOrderId: task.workOrderId,
				taskId: task.id,
				payload: { taskId: task.id, status: target, by, at: now, afterChainSeq: this.uplink.chainHead() },
				createdAt: now,
			});
			this.db
				.prepare(
					`INSERT INTO task_states (task_id, work_order_id, status, started_at, completed_at, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (task_id) DO UPDATE SET status = excluded.status, started_at = excluded.started_at, completed_at = excluded.completed_at,
						changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
				)
				.run(task.id, task.workOrderId, target, startedAt, completedAt, by, now);
		});
		write();
		Object.assign(task, { status: target, startedAt, completedAt, updatedAt: now, version: task.version + 1 });
		return task;
	}
}
