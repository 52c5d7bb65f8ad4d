/**
 * A dispatch plan from the model: the scope (days, technicians, which visits may move) becomes a
 * FieldProblem (scheduling/field/from-model.ts), the Scheduler answers, and the plan lists what
 * would change — new visits and moved ones, each with its score breakdown — beside the KPIs of
 * the schedule as it stands and as proposed. Nothing is written here: a plan is applied later
 * (apply-plan.ts), and only if its basis (planning-data.ts) still holds.
 */
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { fieldProblemFromModel } from "../../../scheduling/field/from-model.js";
import { greatCircleTravel } from "../../../scheduling/field/travel.js";
import type { FieldProblem, Kpis, ScoreBreakdown } from "../../../scheduling/field/types.js";
import type { Scheduler } from "../../../scheduling/scheduler.js";
import { basisOf, DAY, isOpen, MINUTE, openAppointmentOf, type PlanScope, readSet } from "./planning-data.js";

export interface PlanRequest {
	from: number;
	to: number;
	technicianIds?: string[];
	workOrderIds?: string[];
	/** Visits the plan may move; default every scheduled (not yet dispatched) visit in scope. */
	movableAppointmentIds?: string[];
	seconds?: number;
	seed?: number;
	maxIterations?: number;
}

export interface PlanChange {
	workOrderId: string;
	/** Null: the order has no open visit yet and the plan books one. */
	appointmentId: string | null;
	technicianId: string;
	window: { start: number; end: number };
	previous: { technicianId: string; window: { start: number; end: number } } | null;
	travelMinutes: number;
	slaBreachMinutes: number;
	score: ScoreBreakdown;
}

export interface PlanBody {
	engine: string;
	scope: PlanScope & { movableAppointmentIds: string[] };
	changes: PlanChange[];
	/** Visits in scope the plan leaves where they are. */
	unchanged: string[];
	unassigned: { workOrderId: string; reason: string; message: string }[];
	kpis: { before: Kpis; after: Kpis };
	seconds: number;
	iterations: number;
}

/**
 * A visit booked where an earlier plan put it starts exactly on its arrival; pinned there, the
 * engine's float arithmetic may find it a hair too early and leave it out. A second of slack keeps
 * it placed; plans compare starts to the minute, so it never shows as a change.
 */
const PIN_SLACK_MS = 1000;

/** At most two weeks at a time: a plan is a day or a week of work. */
const MAX_SPAN = 14 * DAY;

export function resolveScope(snapshot: ModelSnapshot, request: PlanRequest): PlanScope & { movableAppointmentIds: string[] } {
	if (!(request.to > request.from))
		throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "The plan's `to` must be after its `from`.", { hint: "Give epoch milliseconds, e.g. a day." });
	if (request.to - request.from > MAX_SPAN)
		throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "A plan covers at most 14 days.", { hint: "Plan a day or a week at a time." });
	const technicianIds = request.technicianIds ?? snapshot.technicians.filter((t) => t.active).map((t) => t.id);
	const unknownTechnician = technicianIds.find((id) => !snapshot.technicians.some((t) => t.id === id));
	if (unknownTechnician) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Technician ${unknownTechnician} does not exist.`);
	const inRange = (start: number) => start >= request.from && start < request.to;
	let workOrderIds = request.workOrderIds;
	if (workOrderIds) {
		const unknown = workOrderIds.find((id) => !snapshot.workOrders.some((o) => o.id === id));
		if (unknown) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `Work order ${unknown} does not exist.`);
	} else {
		// The backlog (draft or scheduled orders with no open visit, or one in the range), and whatever
		// already occupies the scope's technicians in the range (so a plan never double-books them).
		const ids = new Set<string>();
		for (const order of snapshot.workOrders) {
			const visit = openAppointmentOf(snapshot, order.id);
			if ((order.status === "draft" || order.status === "scheduled") && (!visit || (inRange(visit.window.start) && technicianIds.includes(visit.technicianId))))
				ids.add(order.id);
		}
		for (const visit of snapshot.appointments)
			if (isOpen(visit) && technicianIds.includes(visit.technicianId) && inRange(visit.window.start)) ids.add(visit.workOrderId);
		workOrderIds = [...ids].sort();
	}
	const movable =
		request.movableAppointmentIds ??
		workOrderIds.map((id) => openAppointmentOf(snapshot, id)).flatMap((visit) => (visit && visit.status === "scheduled" ? [visit.id] : []));
	return { from: request.from, to: request.to, technicianIds: [...technicianIds].sort(), workOrderIds, movableAppointmentIds: [...movable].sort() };
}

export async function makePlan(
	snapshot: ModelSnapshot,
	request: PlanRequest,
	scheduler: Scheduler,
): Promise<{ body: PlanBody; basis: string; problem: FieldProblem }> {
	const scope = resolveScope(snapshot, request);
	const { problem, excluded } = fieldProblemFromModel(snapshot, {
		from: scope.from,
		to: scope.to,
		technicianIds: scope.technicianIds,
		workOrderIds: scope.workOrderIds,
	});
	const movable = new Set(scope.movableAppointmentIds);
	const visits = new Map(problem.jobs.map((job) => [job.id, openAppointmentOf(snapshot, job.id)]));
	// A visit that may not move is pinned where it is (dispatched and later ones already are).
	for (const job of problem.jobs) {
		const visit = visits.get(job.id);
		if (visit && !job.pinned && !movable.has(visit.id)) job.pinned = { technicianId: visit.technicianId, start: visit.window.start + PIN_SLACK_MS };
	}
	// The schedule as it stands: every booked visit pinned where it is, nothing else.
	const current: FieldProblem = {
		...problem,
		jobs: problem.jobs
			.filter((job) => visits.get(job.id))
			.map((job) => {
				const visit = visits.get(job.id)!;
				return { ...job, pinned: { technicianId: visit.technicianId, start: visit.window.start + PIN_SLACK_MS } };
			}),
	};
	const before = await scheduler.plan(current, { seed: request.seed ?? 1, maxIterations: 0, seconds: 1 });
	const after = await scheduler.plan(problem, { seed: request.seed ?? 1, seconds: request.seconds ?? 2, maxIterations: request.maxIterations });
	const changes: PlanChange[] = [];
	const unchanged: string[] = [];
	for (const assignment of after.assignments) {
		const visit = visits.get(assignment.jobId);
		const same =
			visit &&
			visit.technicianId === assignment.technicianId &&
			Math.abs(visit.window.start - assignment.start) < MINUTE &&
			Math.abs(visit.window.end - assignment.end) < MINUTE;
		if (same) {
			unchanged.push(visit.id);
			continue;
		}
		changes.push({
			workOrderId: assignment.jobId,
			appointmentId: visit?.id ?? null,
			technicianId: assignment.technicianId,
			window: { start: assignment.start, end: assignment.end },
			previous: visit ? { technicianId: visit.technicianId, window: { ...visit.window } } : null,
			travelMinutes: assignment.travelMinutes,
			slaBreachMinutes: assignment.slaBreachMinutes,
			score: assignment.score,
		});
	}
	// A booked visit the engine left out stays booked where it is (applying never cancels): a
	// change that would collide with it (overlap, or too little time to drive between them) is
	// dropped and reported — and its own visit, if it had one, then stays too, so this repeats
	// until nothing collides. Applying a plan never double-books a technician.
	const drive = greatCircleTravel();
	const location = new Map(problem.jobs.map((job) => [job.id, job.location]));
	const held = new Set(after.unassigned.map((left) => left.jobId).filter((jobId) => visits.get(jobId)));
	const clashes: PlanBody["unassigned"] = [];
	let kept = changes;
	for (let dropped = true; dropped; ) {
		dropped = false;
		kept = kept.filter((change) => {
			const clash = [...held].find((jobId) => {
				const visit = visits.get(jobId)!;
				if (visit.technicianId !== change.technicianId) return false;
				const gap = drive.minutes(location.get(jobId)!, location.get(change.workOrderId)!) * MINUTE;
				return change.window.start < visit.window.end + gap && visit.window.start < change.window.end + gap;
			});
			if (!clash) return true;
			clashes.push({
				workOrderId: change.workOrderId,
				reason: "conflict",
				message: `would collide with the visit of ${clash}, which the plan could not place and which stays booked; plan again or move it first`,
			});
			if (change.appointmentId) held.add(change.workOrderId);
			dropped = true;
			return false;
		});
	}
	const body: PlanBody = {
		engine: scheduler.engine,
		scope,
		changes: kept,
		unchanged: unchanged.sort(),
		unassigned: [...[...excluded, ...after.unassigned].map((left) => ({ workOrderId: left.jobId, reason: left.reason, message: left.message })), ...clashes],
		kpis: { before: before.kpis, after: after.kpis },
		seconds: after.seconds,
		iterations: after.iterations,
	};
	return { body, basis: basisOf(readSet(snapshot, scope)), problem };
}
