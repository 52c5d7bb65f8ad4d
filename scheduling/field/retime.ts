/**
 * Re-times fixed routes in their given order (the engine behind reschedule propagation): each visit
 * starts at the latest of its arrival, its window's start, its pin and its predecessors' finish
 * (or start) plus lag, repeated across routes until nothing moves; then every broken rule is
 * reported instead of fixed — late for a window, SLA missed, home after the shift (and allowed
 * overtime), over capacity, a skill missing, a dependency broken, a pin moved.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { buildFieldProblem, MINUTE, qualified } from "./build.js";
import type { PlanContext } from "./plan.js";
import { greatCircleTravel } from "./travel.js";
import type { FieldProblem, FixedRoute, Violation } from "./types.js";

export interface RetimedVisit {
	jobId: string;
	technicianId: string;
	start: number;
	end: number;
}

export interface RetimeResult {
	visits: RetimedVisit[];
	violations: Violation[];
}

export async function retime(problem: FieldProblem, routes: readonly FixedRoute[], context: PlanContext = {}): Promise<RetimeResult> {
	const built = await buildFieldProblem(problem, context.travel ?? greatCircleTravel());
	const { core } = built;
	const S = core.stopCount;
	const J = core.jobCount;
	const violations: Violation[] = [];
	const placed = routes.map((route) => {
		const v = built.vehicles.findIndex(
			(vehicle) => problem.technicians[vehicle.technician].id === route.technicianId && built.toEpoch(vehicle.shiftStart) === route.shiftStart,
		);
		if (v < 0)
			throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `${route.technicianId} has no shift starting at ${new Date(route.shiftStart).toISOString()}`);
		const jobs = route.jobIds.map((jobId) => {
			const j = built.jobIndex.get(jobId);
			if (j === undefined)
				throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `route of ${route.technicianId} names job ${jobId}, which is not in the problem`);
			return j;
		});
		return { v, jobs, technicianId: route.technicianId };
	});
	const start = new Float64Array(J).fill(Number.NaN);
	const vehicleOf = new Int32Array(J).fill(-1);
	for (const route of placed) for (const j of route.jobs) vehicleOf[j] = route.v;
	const readyOf = (j: number) => {
		let ready = core.ready[j];
		for (const relation of core.relations) {
			if (relation.successor !== j || relation.kind > 1 || Number.isNaN(start[relation.predecessor])) continue;
			const p = relation.predecessor;
			ready = Math.max(ready, relation.kind === 0 ? start[p] + core.service[p] + relation.lag : start[p] + relation.lag);
		}
		return ready;
	};
	const backHome = new Float64Array(built.vehicles.length);
	for (let round = 0; round <= core.relations.length + 1; round++) {
		let moved = false;
		for (const route of placed) {
			let prev = J + route.v;
			let time = built.vehicles[route.v].shiftStart;
			for (const j of route.jobs) {
				const arrival = time + core.service[prev] * (prev < J ? 1 : 0) + built.travel[prev * S + j];
				const at = Math.max(arrival, readyOf(j));
				if (at !== start[j]) moved = true;
				start[j] = at;
				time = at;
				prev = j;
			}
			backHome[route.v] = time + (prev < J ? core.service[prev] : 0) + built.travel[prev * S + (J + core.vehicleCount + route.v)];
		}
		if (!moved) break;
	}
	const visits: RetimedVisit[] = [];
	for (const route of placed) {
		const vehicle = built.vehicles[route.v];
		const technician = problem.technicians[vehicle.technician];
		let work = 0;
		for (const j of route.jobs) {
			const job = problem.jobs[j];
			const startEpoch = built.toEpoch(start[j]);
			const endEpoch = startEpoch + job.durationMinutes * MINUTE;
			visits.push({ jobId: job.id, technicianId: technician.id, start: startEpoch, end: endEpoch });
			work += job.durationMinutes;
			const at = (kind: Violation["kind"], message: string) => violations.push({ jobId: job.id, technicianId: technician.id, kind, message });
			if (job.pinned && (job.pinned.technicianId !== technician.id || Math.abs(startEpoch - job.pinned.start) >= MINUTE))
				at(
					"pinned",
					`pinned to ${job.pinned.technicianId} at ${new Date(job.pinned.start).toISOString()}, now ${technician.id} at ${new Date(startEpoch).toISOString()}`,
				);
			else if (job.window && startEpoch > job.window.end)
				at("window", `starts ${Math.round((startEpoch - job.window.end) / MINUTE)} min after its window closes (${new Date(job.window.end).toISOString()})`);
			if (job.sla && (startEpoch > job.sla.respondBy || endEpoch > job.sla.resolveBy))
				at("sla", `misses its ${job.priority} SLA by ${Math.round(Math.max(startEpoch - job.sla.respondBy, endEpoch - job.sla.resolveBy) / MINUTE)} min`);
			if (!qualified(technician, job)) at("skill", `${technician.id} lacks ${job.requiredSkills.map((need) => `${need.skill} ${need.level}`).join(", ")}`);
			for (const dependency of job.dependencies ?? []) {
				const p = built.jobIndex.get(dependency.predecessorId)!;
				if (vehicleOf[p] < 0) {
					// Same-day and same-technician tie two visits only when both are planned.
					if (dependency.kind === "finish-to-start" || dependency.kind === "start-to-start")
						at("dependency", `depends on ${dependency.predecessorId}, which is on no route`);
					continue;
				}
				const lag = (dependency.lagMs ?? 0) / MINUTE;
				const broken =
					(dependency.kind === "finish-to-start" && start[j] < start[p] + core.service[p] + lag - 1e-6) ||
					(dependency.kind === "start-to-start" && start[j] < start[p] + lag - 1e-6) ||
					(dependency.kind === "same-day" && core.vehicleDay[vehicleOf[p]] !== core.vehicleDay[route.v]) ||
					(dependency.kind === "same-technician" && core.vehicleGroup[vehicleOf[p]] !== core.vehicleGroup[route.v]);
				if (broken) at("dependency", `${dependency.kind} after ${dependency.predecessorId} is broken`);
			}
		}
		if (backHome[route.v] > vehicle.latestReturn + 1e-6)
			violations.push({
				jobId: null,
				technicianId: technician.id,
				kind: "shift-end",
				message: `home ${Math.round(backHome[route.v] - vehicle.latestReturn)} min after the shift's end${technician.maxOvertimeMinutes ? " and allowed overtime" : ""}`,
			});
		if (work > technician.dailyCapacityMinutes)
			violations.push({
				jobId: null,
				technicianId: technician.id,
				kind: "capacity",
				message: `${work} min of work, capacity ${technician.dailyCapacityMinutes} min`,
			});
	}
	return { visits, violations };
}
