/**
 * Applying a stored plan, never in place: refused as stale (409 FC_SCHEDULE_PLAN_STALE) when it
 * was applied already or when anything it read changed since it was made (its basis: kind, id and
 * version of each entity, planning-data.ts), so a plan never overwrites a dispatcher's later move.
 * Its visits are booked or moved in one commit with what they push along dependencies
 * (dispatch-change.ts). New visits get the id `<plan id>-<work order id>`, so two applies racing
 * past the basis check collide on the version check instead of booking a visit twice.
 */
import { fresh } from "../../../model/actions/context.js";
import type { ServiceAppointment } from "../../../model/entities/appointment.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import type { SchedulePlanRecord } from "../store/types.js";
import { type DispatchResult, dispatchChange, type Move, moved } from "./dispatch-change.js";
import type { PlanBody } from "./make-plan.js";
import { basisOf, loadPlanningSnapshot, readSet } from "./planning-data.js";

export function stale(plan: SchedulePlanRecord, why: string, details: Record<string, unknown> = {}): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_SCHEDULE_PLAN_STALE, `Plan ${plan.id} ${why}.`, {
		hint: "Make a new plan (POST /v1/schedule/plans) from the schedule as it is now, review it, and apply that one.",
		details: { planId: plan.id, ...details },
	});
}

export async function applyPlan(ctx: BillingContext, plan: SchedulePlanRecord, actorId: string): Promise<DispatchResult> {
	if (plan.appliedAt !== null) throw stale(plan, `was applied already (by ${plan.appliedBy})`, { appliedAt: plan.appliedAt });
	const body = plan.body as unknown as PlanBody & { read?: string[] };
	const snapshot = await loadPlanningSnapshot(ctx.repo);
	const now = readSet(snapshot, body.scope);
	if (basisOf(now) !== plan.basis) {
		const then = new Set(body.read ?? []);
		const changed = now.filter((key) => !then.has(key)).map((key) => key.split(":").slice(0, 2).join(" "));
		throw stale(plan, "is stale: the schedule changed since it was made", { changed: changed.slice(0, 50) });
	}
	const at = ctx.clock.now();
	const moves: Move[] = body.changes.map((change) => {
		const reason = `dispatch plan ${plan.id}`;
		if (change.appointmentId) {
			const previous = snapshot.appointments.find((visit) => visit.id === change.appointmentId)!;
			return moved(previous, change, "plan", reason, at);
		}
		const appointment: ServiceAppointment = {
			...fresh(`${plan.id}-${change.workOrderId}`, at),
			workOrderId: change.workOrderId,
			technicianId: change.technicianId,
			window: change.window,
			status: "scheduled",
			dispatchedAt: null,
			arrivedAt: null,
			finishedAt: null,
		};
		return { appointment, previous: null, cause: "plan", reason };
	});
	const result = await dispatchChange(ctx, snapshot, actorId, moves, { cause: "dependency", verb: "moved" });
	if (!(await ctx.store.markSchedulePlanApplied(plan.id, at, actorId))) throw stale(plan, "was applied by someone else meanwhile");
	return result;
}
