/**
 * A predecessor finishing late: when a visit completes after its booked end, the visits that
 * depend on its work order are pushed along (dispatch-change.ts, cause "predecessor-late"). The
 * completion itself is stored already; a failure here is logged, never undoes it.
 */
import type { ServiceAppointment } from "../../../model/entities/appointment.js";
import type { BillingContext } from "../context.js";
import { dispatchChange } from "./dispatch-change.js";
import { loadPlanningSnapshot, MINUTE } from "./planning-data.js";

export async function propagateLateFinish(ctx: BillingContext, visit: ServiceAppointment, actorId: string): Promise<void> {
	if (visit.status !== "completed" || (visit.finishedAt ?? 0) < visit.window.end + MINUTE) return;
	try {
		const snapshot = await loadPlanningSnapshot(ctx.repo);
		if (!snapshot.workOrders.some((order) => order.dependencies.some((dependency) => dependency.predecessorId === visit.workOrderId))) return;
		await dispatchChange(ctx, snapshot, actorId, [], { seeds: [visit.workOrderId], cause: "predecessor-late", verb: "finished late" });
	} catch (error) {
		ctx.logger.error({ err: error, appointmentId: visit.id }, "a late finish could not be propagated to the visits after it; move them by hand");
	}
}
