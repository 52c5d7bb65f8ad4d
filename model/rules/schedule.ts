/**
 * Schedule propagation along work-order dependencies. Finish-to-start and start-to-start links
 * only push dependants later (a dependant is never pulled earlier than it was planned); same-day
 * links move the dependant to the predecessor's day, keeping its time of day. Orders already
 * started cannot move: a violated constraint on one is reported as a conflict instead.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { TimeWindow } from "../entities/common.js";
import type { WorkOrder } from "../entities/work-order.js";
import { type Reason, reason } from "./reasons.js";

const DAY_MS = 86_400_000;

export interface ScheduleOptions {
	now: number;
	/** Offset of the local day used by same-day links; 0 = UTC days. */
	utcOffsetMinutes?: number;
}

export interface MovedWorkOrder {
	id: string;
	from: TimeWindow;
	to: TimeWindow;
	/** Predecessors whose constraints moved it. */
	because: string[];
}

export interface ScheduleResult {
	/** The rescheduled order and every dependant that moved, as new objects. */
	changed: WorkOrder[];
	/** Dependants that moved, in propagation order (the rescheduled order itself is not listed). */
	moved: MovedWorkOrder[];
	conflicts: Reason[];
}

const MOVABLE = new Set(["draft", "scheduled"]);

/** Throws FC_MODEL_DEPENDENCY_CYCLE naming the orders on a cycle, if there is one. */
export function assertNoDependencyCycle(orders: readonly WorkOrder[]): void {
	const byId = new Map(orders.map((o) => [o.id, o]));
	const state = new Map<string, "visiting" | "done">();
	const stack: string[] = [];
	const visit = (id: string) => {
		if (state.get(id) === "done") return;
		if (state.get(id) === "visiting") {
			const cycle = [...stack.slice(stack.indexOf(id)), id];
			throw new FieldchainError(ErrorCodes.FC_MODEL_DEPENDENCY_CYCLE, `Work order dependencies form a cycle: ${cycle.join(" -> ")}.`, {
				details: { cycle },
			});
		}
		state.set(id, "visiting");
		stack.push(id);
		for (const dep of byId.get(id)?.dependencies ?? []) if (byId.has(dep.predecessorId)) visit(dep.predecessorId);
		stack.pop();
		state.set(id, "done");
	};
	for (const order of orders) visit(order.id);
}

/** Dependants reachable from `startId`, predecessors before dependants. */
function affectedInOrder(orders: readonly WorkOrder[], startId: string): string[] {
	const dependants = new Map<string, string[]>();
	for (const o of orders) for (const d of o.dependencies) dependants.set(d.predecessorId, [...(dependants.get(d.predecessorId) ?? []), o.id]);
	const reach = new Set<string>();
	const walk = (id: string) => {
		for (const next of dependants.get(id) ?? []) if (!reach.has(next) && reach.add(next)) walk(next);
	};
	walk(startId);
	const ordered: string[] = [];
	const placed = new Set<string>([startId]);
	const byId = new Map(orders.map((o) => [o.id, o]));
	while (ordered.length < reach.size) {
		for (const id of reach) {
			if (placed.has(id)) continue;
			const preds = byId
				.get(id)!
				.dependencies.map((d) => d.predecessorId)
				.filter((p) => reach.has(p));
			if (preds.every((p) => placed.has(p))) {
				placed.add(id);
				ordered.push(id);
			}
		}
	}
	return ordered;
}

function dayOf(ms: number, offsetMs: number): number {
	return Math.floor((ms + offsetMs) / DAY_MS);
}

/** Moves one order to `window` and propagates to its dependants. */
export function rescheduleWorkOrder(orders: readonly WorkOrder[], workOrderId: string, window: TimeWindow, options: ScheduleOptions): ScheduleResult {
	assertNoDependencyCycle(orders);
	const current = new Map(orders.map((o) => [o.id, o]));
	const target = current.get(workOrderId);
	if (!target) throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `No workOrder with id "${workOrderId}".`);
	if (!MOVABLE.has(target.status)) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Cannot reschedule work order ${workOrderId}: it is ${target.status}.`);
	}
	if (!(window.end >= window.start)) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `Work order ${workOrderId}: window ends before it starts.`);
	}
	const offsetMs = (options.utcOffsetMinutes ?? 0) * 60_000;
	const changed = new Map<string, WorkOrder>();
	const set = (o: WorkOrder) => {
		current.set(o.id, o);
		changed.set(o.id, o);
	};
	set({ ...target, plannedStart: window.start, plannedEnd: window.end, updatedAt: options.now });
	const moved: MovedWorkOrder[] = [];
	const conflicts: Reason[] = [];
	for (const id of affectedInOrder(orders, workOrderId)) {
		const order = current.get(id)!;
		if (order.plannedStart === null || order.plannedEnd === null) continue;
		let earliest = Number.NEGATIVE_INFINITY;
		const because = new Set<string>();
		const sameDays: WorkOrder[] = [];
		for (const dep of order.dependencies) {
			const pred = current.get(dep.predecessorId);
			if (!pred || pred.plannedStart === null || pred.plannedEnd === null) continue;
			if (dep.kind === "same-day") {
				sameDays.push(pred);
				continue;
			}
			const bound = (dep.kind === "finish-to-start" ? pred.plannedEnd : pred.plannedStart) + dep.lagMs;
			if (bound > order.plannedStart) because.add(pred.id);
			earliest = Math.max(earliest, bound);
		}
		let start = Math.max(order.plannedStart, earliest);
		for (const pred of sameDays) {
			const shift = (dayOf(pred.plannedStart!, offsetMs) - dayOf(start, offsetMs)) * DAY_MS;
			if (shift === 0) continue;
			if (start + shift >= earliest) {
				start += shift;
				because.add(pred.id);
			} else {
				conflicts.push(
					reason("same-day-unsatisfiable", "workOrder", id, `work order ${id} cannot be on the same day as ${pred.id} and still follow its other predecessors`),
				);
			}
		}
		if (start === order.plannedStart) continue;
		if (!MOVABLE.has(order.status)) {
			conflicts.push(reason("dependant-started", "workOrder", id, `work order ${id} is ${order.status} and cannot move to satisfy ${[...because].join(", ")}`));
			continue;
		}
		const delta = start - order.plannedStart;
		const from = { start: order.plannedStart, end: order.plannedEnd };
		const to = { start, end: order.plannedEnd + delta };
		set({ ...order, plannedStart: to.start, plannedEnd: to.end, updatedAt: options.now });
		moved.push({ id, from, to, because: [...because] });
	}
	return { changed: [...changed.values()], moved, conflicts };
}
