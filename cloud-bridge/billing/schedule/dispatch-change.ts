/**
 * One schedule change, stored as one commit: the visits moved on purpose (a plan, a manual move),
 * the visits re-timed along dependencies after them (propagate.ts), and for every visit moved an
 * `appointment.rescheduled` (old and new window, the cause) and an `appointment.dispatched` in the
 * same transaction (transactional outbox); then a push to the gateways of every technician who lost
 * or gained a visit. Invariant: each moved visit is written once and announced once per event type.
 */

import { type ActionContext, write } from "../../../model/actions/context.js";
import type { AppointmentMove, ServiceAppointment } from "../../../model/entities/appointment.js";
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import { applyWrites } from "../../../model/repository/apply.js";
import { workOrderMachine } from "../../../model/state-machines/machines.js";
import type { Violation } from "../../../scheduling/field/types.js";
import type { BillingContext } from "../context.js";
import { runAction } from "../model-access.js";
import { pushToTechnicians } from "./downlink-push.js";
import { propagate } from "./propagate.js";

export interface Move {
	/** The visit as it is to be stored (its `version` the one read; 0 for a new one). */
	appointment: ServiceAppointment;
	/** As it was; null for a new visit. */
	previous: ServiceAppointment | null;
	cause: string;
	reason: string;
}

export interface DispatchResult {
	appointments: ServiceAppointment[];
	moves: { appointmentId: string; workOrderId: string; technicianId: string; window: { start: number; end: number }; cause: string; reason: string }[];
	violations: Violation[];
	pushedGateways: string[];
}

export interface PropagationCause {
	/** Work orders whose timing changed (default: those of the moves). */
	seeds?: string[];
	/** "dependency" after a move, "predecessor-late" after a late finish. */
	cause: string;
	/** How the seeds changed, for the reason in words: "moved", "finished late". */
	verb: string;
}

export function moved(
	previous: ServiceAppointment,
	to: { technicianId: string; window: { start: number; end: number } },
	cause: string,
	reason: string,
	now: number,
): Move {
	const lastMove: AppointmentMove = {
		at: now,
		previousWindow: { ...previous.window },
		previousTechnicianId: previous.technicianId,
		cause,
		reason,
	};
	return { appointment: { ...previous, technicianId: to.technicianId, window: { ...to.window }, updatedAt: now, lastMove }, previous, cause, reason };
}

export async function dispatchChange(
	ctx: BillingContext,
	snapshot: ModelSnapshot,
	actorId: string,
	primary: Move[],
	propagation: PropagationCause,
): Promise<DispatchResult> {
	const now = ctx.clock.now();
	const after = applyWrites(
		snapshot,
		primary.map((move) => write("appointment", move.appointment)),
	);
	const seeds = propagation.seeds ?? [...new Set(primary.map((move) => move.appointment.workOrderId))];
	const { retimed, violations } = await propagate(after, seeds, propagation.verb);
	const moves = new Map(primary.map((move) => [move.appointment.id, move]));
	for (const change of retimed) {
		const mine = moves.get(change.appointmentId);
		if (mine) {
			// Moved on purpose and pushed further by what it depends on: one write, from where it was.
			mine.appointment = { ...mine.appointment, window: change.window };
			continue;
		}
		const previous = snapshot.appointments.find((visit) => visit.id === change.appointmentId)!;
		moves.set(change.appointmentId, moved(previous, { technicianId: previous.technicianId, window: change.window }, propagation.cause, change.reason, now));
	}
	const all = [...moves.values()];
	if (all.length === 0) return { appointments: [], moves: [], violations, pushedGateways: [] };
	// A draft work order that gets its first visit is scheduled by that booking (the model's
	// draft -> scheduled), in the same commit: otherwise the technician's app is sent a visit it may
	// not dispatch ("work order … is draft").
	const drafts = snapshot.workOrders.filter(
		(order) => order.status === "draft" && all.some((move) => !move.previous && move.appointment.workOrderId === order.id),
	);
	const action = (_snapshot: ModelSnapshot, actionContext: ActionContext) => ({
		writes: [
			...all.map((move) => write("appointment", move.appointment)),
			...drafts.map((order) => write("workOrder", workOrderMachine.transition(order, "scheduled", actionContext))),
		],
	});
	const { stored } = await runAction(ctx, snapshot, actorId, action, {
		events: (entities) => [
			...drafts.map((order) => ({
				type: "workorder.status_changed" as const,
				data: { workOrder: entities.filter((entity) => entity.id === order.id).pop(), from: order.status, to: "scheduled" },
			})),
			...all.flatMap((move) => {
				const appointment = entities.filter((entity) => entity.id === move.appointment.id).pop() as ServiceAppointment;
				const cause = { cause: move.cause, reason: move.reason };
				const dispatched = { type: "appointment.dispatched" as const, data: { appointment, technicianId: appointment.technicianId, ...cause } };
				if (!move.previous) return [dispatched];
				return [
					{
						type: "appointment.rescheduled" as const,
						data: {
							appointment,
							previousWindow: move.previous.window,
							previousTechnicianId: move.previous.technicianId,
							window: appointment.window,
							...cause,
						},
					},
					dispatched,
				];
			}),
		],
	});
	const appointments = all.map((move) => stored.filter((entity) => entity.id === move.appointment.id).pop() as ServiceAppointment);
	const technicians = new Set(all.flatMap((move) => [move.appointment.technicianId, ...(move.previous ? [move.previous.technicianId] : [])]));
	const pushedGateways = await pushToTechnicians(ctx, technicians);
	return {
		appointments,
		moves: all.map((move) => ({
			appointmentId: move.appointment.id,
			workOrderId: move.appointment.workOrderId,
			technicianId: move.appointment.technicianId,
			window: move.appointment.window,
			cause: move.cause,
			reason: move.reason,
		})),
		violations,
		pushedGateways,
	};
}
