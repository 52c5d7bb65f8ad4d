/**
 * Reschedule propagation: after visits moved (a plan applied, a manual move) or a predecessor
 * finished late, every visit that depends on them — along work-order dependencies, then along
 * each affected technician's day — is re-timed by the engine's `retime` (scheduling/field/retime.ts)
 * in its current order. Invariant: propagation only ever pushes a visit later, never earlier (a
 * customer was told a time), and only visits nobody has set out for (scheduled, dispatched) move.
 *
 * The problem it builds is for re-timing, not planning: one job per open visit (its booked length),
 * each no earlier than its booked start and than its outside predecessors' finish plus lag, and one
 * whole-day shift per technician and UTC day, so a visit's route is simply its technician's day.
 */
import type { ServiceAppointment } from "../../../model/entities/appointment.js";
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import type { WorkOrder } from "../../../model/entities/work-order.js";
import { retime } from "../../../scheduling/field/retime.js";
import type { FieldJob, FieldProblem, FixedRoute, Violation } from "../../../scheduling/field/types.js";
import { DAY, isOpen, MINUTE, MOVABLE } from "./planning-data.js";

export interface Retimed {
	appointmentId: string;
	window: { start: number; end: number };
	/** Why, in words for the technician: "predecessor WO-1 finished late". */
	reason: string;
}

export interface PropagationResult {
	retimed: Retimed[];
	/** What re-timing could not fix (a window or SLA missed, a dependency still broken). */
	violations: Violation[];
}

/**
 * `snapshot` is the model with the triggering change already in it; `seeds` are the work orders
 * whose timing changed; `verb` says how ("moved", "finished late").
 */
export async function propagate(snapshot: ModelSnapshot, seeds: readonly string[], verb: string): Promise<PropagationResult> {
	const successors = new Map<string, string[]>();
	for (const order of snapshot.workOrders)
		for (const dependency of order.dependencies) successors.set(dependency.predecessorId, [...(successors.get(dependency.predecessorId) ?? []), order.id]);
	const dependents = new Set<string>();
	const frontier = [...seeds];
	while (frontier.length) {
		for (const next of successors.get(frontier.pop()!) ?? []) {
			if (dependents.has(next) || seeds.includes(next)) continue;
			dependents.add(next);
			frontier.push(next);
		}
	}
	const open = snapshot.appointments.filter(isOpen);
	const triggered = open.filter((visit) => dependents.has(visit.workOrderId) && MOVABLE.has(visit.status));
	if (triggered.length === 0) return { retimed: [], violations: [] };
	// Every technician touched, over the days of the visits that may move (and the seeds' visits).
	const involved = open.filter((visit) => dependents.has(visit.workOrderId) || seeds.includes(visit.workOrderId));
	const technicianIds = new Set(involved.map((visit) => visit.technicianId));
	const from = Math.floor(Math.min(...involved.map((visit) => visit.window.start)) / DAY) * DAY;
	const to = Math.floor(Math.max(...triggered.map((visit) => visit.window.start)) / DAY) * DAY + 2 * DAY;
	const visits = open.filter((visit) => technicianIds.has(visit.technicianId) && visit.window.start >= from && visit.window.start < to);
	const orders = new Map(snapshot.workOrders.map((order) => [order.id, order]));
	const sites = new Map(snapshot.sites.map((site) => [site.id, site]));
	const visitOfOrder = new Map(visits.map((visit) => [visit.workOrderId, visit]));
	const jobs: FieldJob[] = [];
	for (const visit of visits) {
		const order = orders.get(visit.workOrderId);
		const site = order && sites.get(order.siteId);
		if (!order || !site) continue;
		let earliest = visit.window.start;
		const dependencies: FieldJob["dependencies"] = [];
		for (const dependency of order.dependencies) {
			const inside = visitOfOrder.get(dependency.predecessorId);
			if (inside && (dependency.kind === "finish-to-start" || dependency.kind === "start-to-start")) {
				dependencies.push({ predecessorId: inside.id, kind: dependency.kind, lagMs: dependency.lagMs });
				continue;
			}
			const bound = outsideBound(snapshot, orders.get(dependency.predecessorId), dependency.kind, dependency.lagMs);
			if (bound !== null) earliest = Math.max(earliest, bound);
		}
		jobs.push({
			id: visit.id,
			location: site.location,
			durationMinutes: Math.max(1, Math.round((visit.window.end - visit.window.start) / MINUTE)),
			requiredSkills: [],
			priority: order.priority,
			sla: order.sla,
			window: { start: earliest, end: to + DAY },
			...(dependencies.length ? { dependencies } : {}),
		});
	}
	const jobIds = new Set(jobs.map((job) => job.id));
	const days: number[] = [];
	for (let day = from; day < to; day += DAY) days.push(day);
	const problem: FieldProblem = {
		horizonStart: from,
		jobs,
		technicians: snapshot.technicians
			.filter((technician) => technicianIds.has(technician.id))
			.map((technician) => ({
				id: technician.id,
				skills: technician.skills,
				home: technician.homeBase.location,
				shifts: days.map((day) => ({ start: day, end: day + DAY })),
				dailyCapacityMinutes: 24 * 60,
				maxOvertimeMinutes: 24 * 60,
			})),
	};
	const routes: FixedRoute[] = [];
	for (const technician of problem.technicians)
		for (const day of days) {
			const jobIdsOfDay = visits
				.filter((visit) => visit.technicianId === technician.id && jobIds.has(visit.id) && visit.window.start >= day && visit.window.start < day + DAY)
				.sort((a, b) => a.window.start - b.window.start || a.id.localeCompare(b.id))
				.map((visit) => visit.id);
			if (jobIdsOfDay.length) routes.push({ technicianId: technician.id, shiftStart: day, jobIds: jobIdsOfDay });
		}
	const result = await retime(problem, routes);
	const byId = new Map(visits.map((visit) => [visit.id, visit]));
	const retimed: Retimed[] = [];
	const movedOrders = new Set(seeds);
	for (const timed of [...result.visits].sort((a, b) => a.start - b.start)) {
		const visit = byId.get(timed.jobId)!;
		if (!MOVABLE.has(visit.status) || timed.start < visit.window.start + MINUTE) continue;
		const order = orders.get(visit.workOrderId)!;
		const cause = order.dependencies.find((dependency) => movedOrders.has(dependency.predecessorId));
		const reason = cause ? `predecessor ${cause.predecessorId} ${seeds.includes(cause.predecessorId) ? verb : "moved"}` : "an earlier visit on the route moved";
		movedOrders.add(visit.workOrderId);
		retimed.push({ appointmentId: visit.id, window: { start: timed.start, end: timed.start + (visit.window.end - visit.window.start) }, reason });
	}
	const violations = result.violations.filter((violation) => violation.kind === "window" || violation.kind === "sla" || violation.kind === "dependency");
	return { retimed, violations };
}

/** When an order outside the re-timed days lets its successor start: its actual or booked finish (or start) plus lag; null when unknown. */
function outsideBound(snapshot: ModelSnapshot, predecessor: WorkOrder | undefined, kind: string, lagMs: number): number | null {
	if (!predecessor || predecessor.status === "cancelled" || kind === "same-day") return null;
	const visits = snapshot.appointments.filter((visit) => visit.workOrderId === predecessor.id && visit.status !== "cancelled");
	if (kind === "start-to-start") {
		const start = predecessor.startedAt ?? min(visits.map((visit) => visit.arrivedAt ?? visit.window.start));
		return start === null ? null : start + lagMs;
	}
	const finish = predecessor.completedAt ?? finishOf(visits);
	return finish === null ? null : finish + lagMs;
}

/** The last visit's actual finish when it is done, else its booked end. */
function finishOf(visits: ServiceAppointment[]): number | null {
	if (visits.length === 0) return null;
	return Math.max(...visits.map((visit) => (visit.status === "completed" ? (visit.finishedAt ?? visit.window.end) : visit.window.end)));
}

const min = (values: number[]): number | null => (values.length ? Math.min(...values) : null);
