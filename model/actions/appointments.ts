import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { AppointmentStatus, ServiceAppointment } from "../entities/appointment.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { requireEntity } from "../rules/lookup.js";
import { appointmentMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, write } from "./context.js";

/** Moves a visit along its lifecycle, stamping when it was dispatched, reached site and finished. */
export function moveAppointment(snapshot: ModelSnapshot, id: string, to: AppointmentStatus, ctx: ActionContext): ActionResult {
	const appointment = requireEntity(snapshot, "appointment", id);
	appointmentMachine.assert(id, appointment.status, to);
	const order = requireEntity(snapshot, "workOrder", appointment.workOrderId);
	if (to === "dispatched" && order.status !== "scheduled" && order.status !== "in-progress") {
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Cannot dispatch appointment ${id}: work order ${order.id} is ${order.status}.`);
	}
	const next: ServiceAppointment = { ...appointmentMachine.transition(appointment, to, ctx) };
	if (to === "dispatched") next.dispatchedAt = ctx.now;
	if (to === "on-site") next.arrivedAt = ctx.now;
	if (to === "completed" || to === "cancelled") next.finishedAt = ctx.now;
	return { writes: [write("appointment", next)] };
}
