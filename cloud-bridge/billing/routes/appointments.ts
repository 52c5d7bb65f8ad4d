/** Service appointments: create, list, reschedule (optimistic concurrency), lifecycle. */

import { moveAppointment } from "../../../model/actions/appointments.js";
import { fresh, write } from "../../../model/actions/context.js";
import type { AppointmentStatus, ServiceAppointment } from "../../../model/entities/appointment.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingEventType } from "../../events/billing-events.js";
import type { BillingContext } from "../context.js";
import { chainOf, chainOfWorkOrder, requireStored, runAction, storedOf } from "../model-access.js";
import { Appointment, AppointmentStatus as STATUSES } from "../openapi/entity-schemas.js";
import { id, ms, obj, oneOfValues, partial } from "../openapi/schema-helpers.js";
import { propagateLateFinish } from "../schedule/late-finish.js";
import { ADMIN, actor, checkVersion, definedOnly, FIELD, idParams, listOf, READ, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const window = obj({ start: ms(), end: ms() });

const APPOINTMENT_EVENTS: Record<Exclude<AppointmentStatus, "scheduled">, BillingEventType> = {
	dispatched: "appointment.dispatched",
	"en-route": "appointment.en_route",
	"on-site": "appointment.on_site",
	completed: "appointment.completed",
	cancelled: "appointment.cancelled",
};

export function appointmentRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/work-orders/:id/appointments",
			operationId: "createAppointment",
			summary: "Book a technician visit for a work order",
			tag: "work orders",
			scopes: ADMIN,
			params: idParams,
			body: obj({ id: id(), technicianId: id(), window }, ["id"]),
			responses: { 201: { description: "The appointment", schema: Appointment } },
			async handler(input) {
				const body = input.body as { id?: string; technicianId: string; window: { start: number; end: number } };
				if (body.window.end < body.window.start) throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "The appointment window ends before it starts.");
				const snapshot = await chainOfWorkOrder(ctx, input.params.id);
				const appointmentId = body.id ?? ctx.newId("appointment");
				if (await ctx.repo.get("appointment", appointmentId))
					throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Appointment ${appointmentId} already exists.`);
				const appointment: ServiceAppointment = {
					...fresh(appointmentId, ctx.clock.now()),
					workOrderId: input.params.id,
					technicianId: body.technicianId,
					window: body.window,
					status: "scheduled",
					dispatchedAt: null,
					arrivedAt: null,
					finishedAt: null,
				};
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("appointment", appointment)] }));
				const result = storedOf<"appointment">(stored, appointmentId);
				return created(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/appointments",
			operationId: "listAppointments",
			summary: "Appointments of a work order",
			tag: "work orders",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Appointments by id", schema: listOf("appointments", Appointment) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ appointments: await ctx.repo.list("appointment", { workOrderId: input.params.id }) });
			},
		},
		{
			method: "PATCH",
			url: "/v1/appointments/:id",
			operationId: "rescheduleAppointment",
			summary: "Move an open appointment to another window or technician; needs If-Match or version",
			tag: "work orders",
			scopes: ADMIN,
			params: idParams,
			body: partial({ ...versionField, technicianId: id(), window }),
			ifMatch: true,
			responses: { 200: { description: "The appointment as stored", schema: Appointment } },
			async handler(input) {
				const appointment = await requireStored(ctx, "appointment", input.params.id);
				checkVersion(appointment, input, true);
				if (appointment.status === "completed" || appointment.status === "cancelled") {
					throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Appointment ${appointment.id} is ${appointment.status}; it can no longer be moved.`);
				}
				const patch = definedOnly(input.body as Partial<ServiceAppointment>);
				if (patch.window && patch.window.end < patch.window.start)
					throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "The appointment window ends before it starts.");
				const snapshot = await chainOf(ctx, "appointment", appointment.id);
				const next: ServiceAppointment = { ...appointment, ...patch, updatedAt: ctx.clock.now() };
				// The event is stored with the change (transactional outbox).
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("appointment", next)] }), {
					events: (entities) => [
						{
							type: "appointment.rescheduled",
							data: {
								appointment: storedOf<"appointment">([...entities], appointment.id),
								previousWindow: appointment.window,
								previousTechnicianId: appointment.technicianId,
							},
						},
					],
				});
				const result = storedOf<"appointment">(stored, appointment.id);
				return ok(result, result.version);
			},
		},
		{
			method: "POST",
			url: "/v1/appointments/:id/status",
			operationId: "moveAppointment",
			summary: "Dispatch, en route, on site, complete or cancel a visit",
			tag: "work orders",
			scopes: [...new Set([...FIELD, ...ADMIN])],
			params: idParams,
			body: obj({ ...versionField, status: oneOfValues(STATUSES.filter((s) => s !== "scheduled")) }, ["version"]),
			ifMatch: true,
			responses: { 200: { description: "The appointment as stored", schema: Appointment } },
			async handler(input) {
				const { status } = input.body as { status: Exclude<AppointmentStatus, "scheduled"> };
				const appointment = await requireStored(ctx, "appointment", input.params.id);
				checkVersion(appointment, input, false);
				const snapshot = await chainOf(ctx, "appointment", appointment.id);
				const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => moveAppointment(s, appointment.id, status, c), {
					// Every move is announced (appointment.dispatched, .en_route, .on_site, .completed, .cancelled).
					events: (entities) => [{ type: APPOINTMENT_EVENTS[status], data: { appointment: storedOf<"appointment">([...entities], appointment.id) } }],
				});
				const result = storedOf<"appointment">(stored, appointment.id);
				// Finished after its booked end: the visits depending on it are pushed along (schedule/late-finish.ts).
				await propagateLateFinish(ctx, result, actor(input));
				return ok(result, result.version);
			},
		},
	];
}
