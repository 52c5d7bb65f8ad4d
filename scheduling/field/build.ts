/**
 * A field-service problem as the routing core's arrays: one vehicle per technician shift (start and
 * end at home, hard end at shift end plus allowed overtime, capacity in work minutes), one job per
 * visit, skills as an allowed matrix, soft objectives as per-assignment and time-dependent costs,
 * pins and dependencies as the core's pins and relations. Time is in minutes from horizonStart.
 *
 * Invariant: vehicle v is `vehicles[v]` (technician index and shift), job j is `problem.jobs[j]`;
 * every weight comes from `weights`, so a score breakdown can be recomputed from the same numbers.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import {
	blankCoreProblem,
	type CoreProblem,
	type CoreRelation,
	endStop,
	RELATION_FINISH_TO_START,
	RELATION_SAME_DAY,
	RELATION_SAME_VEHICLE_GROUP,
	RELATION_START_TO_START,
	startStop,
} from "../core/core-problem.js";
import type { GeoPoint } from "../model-types.js";
import type { TravelTimeSource } from "./travel.js";
import { DEFAULT_WEIGHTS, type FieldJob, type FieldProblem, type FieldTechnician, type Weights } from "./types.js";

export const MINUTE = 60_000;
/** "No limit" for windows without an end, in minutes (about 19 years). */
const OPEN = 1e7;

export interface BuiltVehicle {
	technician: number;
	shift: number;
	shiftStart: number;
	shiftEnd: number;
	/** Hard end: shift end plus allowed overtime. */
	latestReturn: number;
}

export interface BuiltProblem {
	core: CoreProblem;
	weights: Weights;
	vehicles: BuiltVehicle[];
	jobIndex: Map<string, number>;
	/** Travel minutes between stops (before the travel weight). */
	travel: Float64Array;
	toMinute(epoch: number): number;
	toEpoch(minute: number): number;
}

/** Whether a technician has every skill the job needs at its level. */
export function qualified(technician: FieldTechnician, job: FieldJob): boolean {
	return job.requiredSkills.every((need) => technician.skills.some((have) => have.skill === need.skill && have.level >= need.level));
}

/** Skill levels a technician has above what the job needs, summed over the job's skills. */
export function surplusLevels(technician: FieldTechnician, job: FieldJob): number {
	let surplus = 0;
	for (const need of job.requiredSkills) {
		const have = technician.skills.find((skill) => skill.skill === need.skill);
		if (have) surplus += Math.max(0, have.level - need.level);
	}
	return surplus;
}

/** One vehicle per technician shift, in the order of the technicians and their shifts (vehicle v of every build of the problem). */
export function fieldVehicles(problem: FieldProblem): BuiltVehicle[] {
	const technicianIds = new Set<string>();
	const vehicles: BuiltVehicle[] = [];
	const toMinute = (epoch: number) => (epoch - problem.horizonStart) / MINUTE;
	problem.technicians.forEach((technician, t) => {
		if (technicianIds.has(technician.id)) throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `technician ${technician.id} appears twice`);
		technicianIds.add(technician.id);
		technician.shifts.forEach((shift, s) => {
			if (!(shift.end > shift.start)) throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `technician ${technician.id}: a shift must end after it starts`);
			const shiftStart = toMinute(shift.start);
			const shiftEnd = toMinute(shift.end);
			vehicles.push({ technician: t, shift: s, shiftStart, shiftEnd, latestReturn: shiftEnd + (technician.maxOvertimeMinutes ?? 0) });
		});
	});
	return vehicles;
}

export interface BuildOptions {
	/** Insert mode: where jobs are now (job id → vehicle), moving one costs weights.disruption. */
	currentVehicle?: Map<string, number>;
}

export async function buildFieldProblem(problem: FieldProblem, travelSource: TravelTimeSource, options: BuildOptions = {}): Promise<BuiltProblem> {
	const weights: Weights = { ...DEFAULT_WEIGHTS, ...problem.weights };
	const toMinute = (epoch: number) => (epoch - problem.horizonStart) / MINUTE;
	const toEpoch = (minute: number) => Math.round(problem.horizonStart + minute * MINUTE);
	const jobIndex = new Map<string, number>();
	problem.jobs.forEach((job, j) => {
		if (jobIndex.has(job.id)) throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `job ${job.id} appears twice`);
		if (!(job.durationMinutes >= 0)) throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `job ${job.id}: duration must be 0 minutes or more`);
		jobIndex.set(job.id, j);
	});
	const vehicles = fieldVehicles(problem);
	const J = problem.jobs.length;
	const V = vehicles.length;
	const core = blankCoreProblem(J, V);
	const S = core.stopCount;
	// Points: jobs, then each vehicle's start and end (home); the matrix is asked for distinct points only.
	const stopPoint: GeoPoint[] = new Array(S);
	problem.jobs.forEach((job, j) => {
		stopPoint[j] = job.location;
	});
	vehicles.forEach((vehicle, v) => {
		const home = problem.technicians[vehicle.technician].home;
		stopPoint[startStop(core, v)] = home;
		stopPoint[endStop(core, v)] = home;
	});
	const distinct = new Map<string, number>();
	const pointOfStop = new Int32Array(S);
	const points: GeoPoint[] = [];
	for (let s = 0; s < S; s++) {
		const key = `${stopPoint[s].latitude},${stopPoint[s].longitude}`;
		let index = distinct.get(key);
		if (index === undefined) {
			index = points.length;
			distinct.set(key, index);
			points.push(stopPoint[s]);
		}
		pointOfStop[s] = index;
	}
	const matrix = await travelSource.matrix(points);
	const P = points.length;
	const travel = core.travel;
	for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) travel[a * S + b] = matrix[pointOfStop[a] * P + pointOfStop[b]];
	if (weights.travelPerMinute !== 1) core.cost = travel.map((minutes) => minutes * weights.travelPerMinute);

	core.allowed = new Uint8Array(V * J);
	core.assignCost = new Float64Array(V * J);
	core.asapWeight = new Float64Array(J);
	core.lateWeight = new Float64Array(J);
	core.lateAfter = new Float64Array(J).fill(OPEN);
	core.overtimeWeight = new Float64Array(V).fill(weights.overtimePerMinute);
	core.overtimeAfter = new Float64Array(V);
	const days = new Map<string, number>();
	vehicles.forEach((vehicle, v) => {
		const technician = problem.technicians[vehicle.technician];
		core.capacity[v] = technician.dailyCapacityMinutes;
		core.overtimeAfter![v] = vehicle.shiftEnd;
		const day = new Date(toEpoch(vehicle.shiftStart)).toISOString().slice(0, 10);
		if (!days.has(day)) days.set(day, days.size);
		core.vehicleDay[v] = days.get(day)!;
		core.vehicleGroup[v] = vehicle.technician;
		for (const stop of [startStop(core, v), endStop(core, v)]) {
			core.ready[stop] = vehicle.shiftStart;
			core.due[stop] = vehicle.latestReturn;
		}
	});
	const relations: CoreRelation[] = [];
	problem.jobs.forEach((job, j) => {
		core.ready[j] = job.window ? Math.max(0, toMinute(job.window.start)) : 0;
		core.due[j] = job.window ? toMinute(job.window.end) : OPEN;
		core.service[j] = job.durationMinutes;
		core.demand[j] = job.durationMinutes;
		core.asapWeight![j] = weights.asapPerMinute[job.priority];
		core.unassignedPenalty[j] = weights.unassigned[job.priority];
		if (job.sla) {
			core.lateWeight![j] = weights.slaPerMinute[job.priority];
			core.lateAfter![j] = Math.min(toMinute(job.sla.respondBy) + job.durationMinutes, toMinute(job.sla.resolveBy));
		}
		const pinnedVehicle = job.pinned ? pinnedVehicleOf(problem, vehicles, job, toMinute) : -1;
		if (job.pinned) {
			const start = toMinute(job.pinned.start);
			core.ready[j] = start;
			core.due[j] = start;
			// −1 when no shift of that technician holds the appointment: then no vehicle is allowed (pinned-unavailable).
			core.pinnedVehicle[j] = pinnedVehicle;
		}
		const current = options.currentVehicle?.get(job.id);
		vehicles.forEach((vehicle, v) => {
			const technician = problem.technicians[vehicle.technician];
			const ok = qualified(technician, job) && (!job.pinned || pinnedVehicle === v);
			core.allowed![v * J + j] = ok ? 1 : 0;
			let cost = surplusLevels(technician, job) * weights.perSurplusSkillLevel;
			if (job.preferredTechnicianIds?.length && !job.preferredTechnicianIds.includes(technician.id)) cost += weights.notPreferred;
			if (current !== undefined && current !== v) cost += weights.disruption;
			core.assignCost![v * J + j] = cost;
		});
		for (const dependency of job.dependencies ?? []) {
			const predecessor = jobIndex.get(dependency.predecessorId);
			if (predecessor === undefined)
				throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `job ${job.id} depends on ${dependency.predecessorId}, which is not in the problem`, {
					hint: "Plan the predecessor with it, or give the job a window that starts after the predecessor's planned finish.",
				});
			const kind =
				dependency.kind === "finish-to-start"
					? RELATION_FINISH_TO_START
					: dependency.kind === "start-to-start"
						? RELATION_START_TO_START
						: dependency.kind === "same-day"
							? RELATION_SAME_DAY
							: RELATION_SAME_VEHICLE_GROUP;
			relations.push({ kind, predecessor, successor: j, lag: (dependency.lagMs ?? 0) / MINUTE });
		}
	});
	core.relations = relations;
	return { core, weights, vehicles, jobIndex, travel, toMinute, toEpoch };
}

function pinnedVehicleOf(problem: FieldProblem, vehicles: BuiltVehicle[], job: FieldJob, toMinute: (epoch: number) => number): number {
	const pin = job.pinned!;
	const start = toMinute(pin.start);
	return vehicles.findIndex(
		(vehicle) =>
			problem.technicians[vehicle.technician].id === pin.technicianId && start >= vehicle.shiftStart && start + job.durationMinutes <= vehicle.latestReturn,
	);
}
