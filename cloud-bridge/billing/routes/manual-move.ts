/**
 * A dispatcher's manual move as both routes read it — the move itself
 * (POST /v1/appointments/{id}/reschedule) and its preview (…/reschedule/preview): one body, one set
 * of checks, so a preview is refused exactly when the move would be.
 */
import type { ServiceAppointment } from "../../../model/entities/appointment.js";
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { requireStored } from "../model-access.js";
import { id, ms, obj, str } from "../openapi/schema-helpers.js";
import { isOpen, loadPlanningSnapshot, MOVABLE } from "../schedule/planning-data.js";
import { checkVersion, versionField } from "./common.js";
import type { HandlerInput } from "./route-spec.js";

export const window = obj({ start: ms(), end: ms() });
export const ManualMoveBody = obj({ ...versionField, window, technicianId: id(), reason: str({ minLength: 1, maxLength: 500 }) }, [
	"version",
	"technicianId",
	"reason",
]);

export interface ManualMove {
	snapshot: ModelSnapshot;
	/** The visit as stored now. */
	current: ServiceAppointment;
	to: { technicianId: string; window: { start: number; end: number } };
	reason: string;
}

export async function readManualMove(ctx: BillingContext, input: HandlerInput): Promise<ManualMove> {
	const body = input.body as { window: { start: number; end: number }; technicianId?: string; reason?: string };
	const appointment = await requireStored(ctx, "appointment", input.params.id);
	checkVersion(appointment, input, false);
	if (!MOVABLE.has(appointment.status))
		throw new FieldchainError(
			ErrorCodes.FC_MODEL_RULE_REFUSED,
			`Appointment ${appointment.id} is ${appointment.status}; only a scheduled or dispatched visit can be moved.`,
		);
	if (body.window.end < body.window.start) throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "The appointment window ends before it starts.");
	const technicianId = body.technicianId ?? appointment.technicianId;
	if (!(await ctx.repo.get("technician", technicianId)))
		throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Technician ${technicianId} does not exist.`);
	const snapshot = await loadPlanningSnapshot(ctx.repo);
	const current = snapshot.appointments.find((visit) => visit.id === appointment.id && isOpen(visit))!;
	return { snapshot, current, to: { technicianId, window: body.window }, reason: body.reason ?? "moved by dispatch" };
}
