/** Work-order lifecycle actions: the state machine plus the rules that guard each move. */
import type { TimeWindow } from "../entities/common.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { WorkOrder } from "../entities/work-order.js";
import { requireEntity } from "../rules/lookup.js";
import type { Reason } from "../rules/reasons.js";
import { type MovedWorkOrder, rescheduleWorkOrder } from "../rules/schedule.js";
import { assertCanCompleteWorkOrder, assertCanStartWorkOrder } from "../rules/work-order-rules.js";
import { workOrderMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, write } from "./context.js";

export interface ScheduleOutcome extends ActionResult {
	moved: MovedWorkOrder[];
	conflicts: Reason[];
}

/** Sets (or changes) the planned window and propagates it to dependants; draft orders become scheduled. */
export function scheduleWorkOrder(snapshot: ModelSnapshot, id: string, window: TimeWindow, ctx: ActionContext, utcOffsetMinutes = 0): ScheduleOutcome {
	let order = requireEntity(snapshot, "workOrder", id);
	if (order.status === "draft") order = workOrderMachine.transition(order, "scheduled", ctx);
	const orders = snapshot.workOrders.map((o) => (o.id === id ? order : o));
	const result = rescheduleWorkOrder(orders, id, window, { now: ctx.now, utcOffsetMinutes });
	return { writes: result.changed.map((o) => write("workOrder", o)), moved: result.moved, conflicts: result.conflicts };
}

/** scheduled -> in-progress once predecessors allow; on-hold -> in-progress resumes. */
export function startWorkOrder(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	const order = requireEntity(snapshot, "workOrder", id);
	workOrderMachine.assert(id, order.status, "in-progress");
	if (order.status === "scheduled") assertCanStartWorkOrder(snapshot, id);
	const next: WorkOrder = { ...workOrderMachine.transition(order, "in-progress", ctx), startedAt: order.startedAt ?? ctx.now };
	return { writes: [write("workOrder", next)] };
}

export function holdWorkOrder(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("workOrder", workOrderMachine.transition(requireEntity(snapshot, "workOrder", id), "on-hold", ctx))] };
}

export function completeWorkOrder(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	const order = requireEntity(snapshot, "workOrder", id);
	workOrderMachine.assert(id, order.status, "completed");
	assertCanCompleteWorkOrder(snapshot, id);
	return { writes: [write("workOrder", { ...workOrderMachine.transition(order, "completed", ctx), completedAt: ctx.now })] };
}

export function cancelWorkOrder(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("workOrder", workOrderMachine.transition(requireEntity(snapshot, "workOrder", id), "cancelled", ctx))] };
}
