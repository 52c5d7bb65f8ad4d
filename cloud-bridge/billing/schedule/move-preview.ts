/**
 * What a dispatcher's manual move would do, before it is made: the visit at its new technician and
 * time, every visit propagation (propagate.ts) would push along after it, and the KPIs of the days
 * and technicians touched as booked now and as they would be. Nothing is written; the move itself is
 * POST /v1/appointments/{id}/reschedule, which does exactly this and stores it.
 * Invariant: the preview runs the same move and the same propagation as the reschedule route.
 */
import { write } from "../../../model/actions/context.js";
import type { ServiceAppointment } from "../../../model/entities/appointment.js";
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import { applyWrites } from "../../../model/repository/apply.js";
import { fieldProblemFromModel } from "../../../scheduling/field/from-model.js";
import type { Kpis, Violation } from "../../../scheduling/field/types.js";
import type { Scheduler } from "../../../scheduling/scheduler.js";
import { moved } from "./dispatch-change.js";
import { DAY, isOpen } from "./planning-data.js";
import { propagate } from "./propagate.js";

type Window = { start: number; end: number };

export interface PreviewedMove {
	appointmentId: string;
	workOrderId: string;
	technicianId: string;
	window: Window;
	previous: { technicianId: string; window: Window };
	/** "manual" for the visit moved on purpose, "dependency" for one pushed along. */
	cause: string;
	reason: string;
}

export interface MovePreview {
	moves: PreviewedMove[];
	violations: Violation[];
	/** Over the technicians and UTC days the moves touch, as booked now and after the move. */
	kpis: { before: Kpis; after: Kpis };
	scope: { from: number; to: number; technicianIds: string[] };
}

/** A booked visit pinned a second after its start, as make-plan.ts pins the schedule as it stands. */
const PIN_SLACK_MS = 1000;

/** The KPIs of the schedule as booked in `snapshot`, for `technicianIds` over [from, to). */
async function bookedKpis(snapshot: ModelSnapshot, scope: MovePreview["scope"], scheduler: Scheduler): Promise<Kpis> {
	const visits = snapshot.appointments.filter(
		(visit) => isOpen(visit) && scope.technicianIds.includes(visit.technicianId) && visit.window.start >= scope.from && visit.window.start < scope.to,
	);
	const visitOf = new Map(visits.map((visit) => [visit.workOrderId, visit]));
	const { problem } = fieldProblemFromModel(snapshot, { ...scope, workOrderIds: [...visitOf.keys()].sort() });
	const jobs = problem.jobs.flatMap((job) => {
		const visit = visitOf.get(job.id);
		return visit ? [{ ...job, pinned: { technicianId: visit.technicianId, start: visit.window.start + PIN_SLACK_MS } }] : [];
	});
	return (await scheduler.plan({ ...problem, jobs }, { seed: 1, maxIterations: 0, seconds: 1 })).kpis;
}

export async function previewMove(
	snapshot: ModelSnapshot,
	current: ServiceAppointment,
	to: { technicianId: string; window: Window },
	reason: string,
	now: number,
	scheduler: Scheduler,
): Promise<MovePreview> {
	const primary = moved(current, to, "manual", reason, now);
	const afterMove = applyWrites(snapshot, [write("appointment", primary.appointment)]);
	const { retimed, violations } = await propagate(afterMove, [current.workOrderId], "moved");
	const windows = new Map<string, { window: Window; reason: string }>([[current.id, { window: to.window, reason }]]);
	for (const change of retimed)
		windows.set(change.appointmentId, { window: change.window, reason: change.appointmentId === current.id ? reason : change.reason });
	const moves: PreviewedMove[] = [...windows].map(([appointmentId, { window, reason: why }]) => {
		const before = snapshot.appointments.find((visit) => visit.id === appointmentId)!;
		return {
			appointmentId,
			workOrderId: before.workOrderId,
			technicianId: appointmentId === current.id ? to.technicianId : before.technicianId,
			window,
			previous: { technicianId: before.technicianId, window: { ...before.window } },
			cause: appointmentId === current.id ? "manual" : "dependency",
			reason: why,
		};
	});
	const after = applyWrites(
		snapshot,
		moves.map((move) => {
			const before = snapshot.appointments.find((visit) => visit.id === move.appointmentId)!;
			return write("appointment", { ...before, technicianId: move.technicianId, window: move.window });
		}),
	);
	const touched = moves.flatMap((move) => [move.window.start, move.previous.window.start]);
	const scope = {
		from: Math.floor(Math.min(...touched) / DAY) * DAY,
		to: Math.floor(Math.max(...touched) / DAY) * DAY + DAY,
		technicianIds: [...new Set(moves.flatMap((move) => [move.technicianId, move.previous.technicianId]))].sort(),
	};
	return { moves, violations, kpis: { before: await bookedKpis(snapshot, scope, scheduler), after: await bookedKpis(after, scope, scheduler) }, scope };
}
