/**
 * The three modes of the field-service engine:
 *  - planHorizon: plan a day or a week from scratch;
 *  - insertUrgent: add one (urgent) job to a live schedule with the least disruption — the current
 *    routes are the starting solution and moving any planned job to another technician or shift costs
 *    `weights.disruption`, so others move only when that buys more than it costs;
 *  - retime: re-time fixed routes in their order and report every violation (engine of reschedule propagation).
 * Every plan says, per assignment, what it costs and why (explain.ts), and why each left-out job is out.
 */
import { insertWithEjection } from "../core/eject.js";
import { Routes } from "../core/routes.js";
import { search } from "../core/search.js";
import { type BuiltProblem, buildFieldProblem, MINUTE } from "./build.js";
import { diagnoseUnassigned, explainAssignment } from "./explain.js";
import { greatCircleTravel, type TravelTimeSource } from "./travel.js";
import type { Assignment, FieldPlan, FieldProblem, FixedRoute, Kpis, SolveOptions, TechnicianRoute } from "./types.js";

export interface PlanContext {
	/** Travel times (default: great-circle × 1.3 at 50 km/h). */
	travel?: TravelTimeSource;
}

export async function planHorizon(problem: FieldProblem, options: SolveOptions = {}, context: PlanContext = {}): Promise<FieldPlan> {
	const built = await buildFieldProblem(problem, context.travel ?? greatCircleTravel());
	const result = search(built.core, { seed: options.seed ?? 1, seconds: options.seconds ?? 5, maxIterations: options.maxIterations });
	return toPlan(problem, built, result.routes, result.seconds, result.iterations);
}

/** A plan plus what changed against the routes it started from. */
export interface InsertResult extends FieldPlan {
	/** Jobs that moved to another technician or shift, or start at another time, besides the inserted ones. */
	changes: { jobId: string; fromTechnicianId: string; toTechnicianId: string | null; fromStart: number | null; toStart: number | null }[];
}

/**
 * Adds the jobs of `problem` that `current` does not hold (typically one emergency) into the
 * current routes with the least disruption. Jobs in `current` that are not in the problem are ignored.
 */
export async function insertUrgent(
	problem: FieldProblem,
	current: readonly FixedRoute[],
	options: SolveOptions = {},
	context: PlanContext = {},
): Promise<InsertResult> {
	const vehicleOf = new Map<string, number>();
	const probe = await buildFieldProblem({ ...problem, jobs: [] }, context.travel ?? greatCircleTravel());
	const vehicleKey = (technicianId: string, shiftStart: number) =>
		probe.vehicles.findIndex((vehicle) => problem.technicians[vehicle.technician].id === technicianId && probe.toEpoch(vehicle.shiftStart) === shiftStart);
	for (const route of current) {
		const v = vehicleKey(route.technicianId, route.shiftStart);
		if (v >= 0) for (const jobId of route.jobIds) vehicleOf.set(jobId, v);
	}
	const built = await buildFieldProblem(problem, context.travel ?? greatCircleTravel(), { currentVehicle: vehicleOf });
	const initial: number[][] = built.vehicles.map(() => []);
	for (const route of current) {
		const v = vehicleKey(route.technicianId, route.shiftStart);
		if (v < 0) continue;
		for (const jobId of route.jobIds) {
			const j = built.jobIndex.get(jobId);
			if (j !== undefined) initial[v].push(j);
		}
	}
	const before = timesOf(problem, built, initial);
	const newJobs = problem.jobs.map((_, j) => j).filter((j) => !initial.some((route) => route.includes(j)));
	// First the least disruptive answer: the new jobs put into the current routes, nothing else reordered.
	let result = search(built.core, { seed: options.seed ?? 1, maxIterations: 0, initial, polish: false });
	const settled = (routes: number[][]) => {
		const placed = new Set(routes.flat());
		return newJobs.every((j) => placed.has(j) && !breaches(built, routes, j));
	};
	if (!settled(result.routes)) {
		// Make room: each new job into the best route after taking out at most two of its visits, which go elsewhere or out.
		const state = new Routes(built.core);
		state.importRoutes(result.routes);
		for (const j of [...newJobs].sort((a, b) => built.core.unassignedPenalty[b] - built.core.unassignedPenalty[a])) insertWithEjection(state, j);
		result = { ...result, routes: state.exportRoutes() };
	}
	if (newJobs.some((j) => !result.routes.some((route) => route.includes(j))))
		// Still out: search, where moving a planned job to another shift costs weights.disruption.
		result = search(built.core, {
			seed: options.seed ?? 1,
			seconds: options.seconds ?? 0.15,
			maxIterations: options.maxIterations,
			initial: result.routes,
			focus: newJobs,
			polish: false,
			startTemperature: 0.01,
			endTemperature: 0.0001,
		});
	const plan = toPlan(problem, built, result.routes, result.seconds, result.iterations);
	const after = new Map(plan.assignments.map((assignment) => [assignment.jobId, assignment]));
	const changes: InsertResult["changes"] = [];
	for (const [jobId, was] of before) {
		const now = after.get(jobId);
		if (now && now.technicianId === was.technicianId && now.start === was.start) continue;
		changes.push({ jobId, fromTechnicianId: was.technicianId, toTechnicianId: now?.technicianId ?? null, fromStart: was.start, toStart: now?.start ?? null });
	}
	return { ...plan, changes };
}

/** Whether job j, placed in `routes`, would start or finish past its SLA. */
function breaches(built: BuiltProblem, routes: number[][], j: number): boolean {
	const { core } = built;
	if (!core.lateWeight || core.lateWeight[j] === 0) return false;
	const state = new Routes(core);
	state.importRoutes(routes);
	const r = state.routeOf[j];
	return r >= 0 && state.est[r][state.posOf[j]] + core.service[j] > core.lateAfter![j] + 1e-9;
}

/** Start times of the jobs in `routes` as the engine would time them (before a change). */
function timesOf(problem: FieldProblem, built: BuiltProblem, routes: number[][]): Map<string, { technicianId: string; start: number }> {
	const state = new Routes(built.core);
	state.importRoutes(routes);
	const times = new Map<string, { technicianId: string; start: number }>();
	for (let v = 0; v < built.vehicles.length; v++)
		for (let i = 1; i < state.len[v] - 1; i++) {
			const j = state.seq[v][i];
			times.set(problem.jobs[j].id, { technicianId: problem.technicians[built.vehicles[v].technician].id, start: built.toEpoch(state.est[v][i]) });
		}
	return times;
}

/** Turns the core's job sequences into a plan: times, score breakdowns, routes, reasons, KPIs. */
export function toPlan(problem: FieldProblem, built: BuiltProblem, routes: number[][], seconds: number, iterations: number): FieldPlan {
	const state = new Routes(built.core);
	state.importRoutes(routes);
	const S = built.core.stopCount;
	const assignments: Assignment[] = [];
	const technicianRoutes: TechnicianRoute[] = [];
	let travelMinutes = 0;
	let overtimeMinutes = 0;
	let workMinutes = 0;
	let shiftMinutes = 0;
	let slaBreaches = 0;
	for (let v = 0; v < built.vehicles.length; v++) {
		const len = state.len[v];
		if (len <= 2) continue;
		const vehicle = built.vehicles[v];
		const technician = problem.technicians[vehicle.technician];
		const seq = state.seq[v];
		const est = state.est[v];
		let routeTravel = 0;
		let routeWork = 0;
		const jobIds: string[] = [];
		for (let i = 1; i < len; i++) {
			const leg = built.travel[seq[i - 1] * S + seq[i]];
			routeTravel += leg;
			if (i === len - 1) break;
			const j = seq[i];
			const job = problem.jobs[j];
			const assignment = explainAssignment(problem, built, v, j, est[i], leg);
			if (assignment.slaBreachMinutes > 0) slaBreaches++;
			assignments.push(assignment);
			jobIds.push(job.id);
			routeWork += job.durationMinutes;
		}
		// Leave home just in time for the first visit instead of at the shift start, then wait nowhere needlessly early.
		const firstLeg = built.travel[seq[0] * S + seq[1]];
		const departure = Math.max(vehicle.shiftStart, est[1] - firstLeg);
		const back = est[len - 1];
		const overtime = Math.max(0, back - vehicle.shiftEnd);
		technicianRoutes.push({
			technicianId: technician.id,
			shiftStart: built.toEpoch(vehicle.shiftStart),
			jobIds,
			departure: built.toEpoch(departure),
			returnHome: built.toEpoch(back),
			travelMinutes: round1(routeTravel),
			workMinutes: routeWork,
			overtimeMinutes: round1(overtime),
		});
		travelMinutes += routeTravel;
		overtimeMinutes += overtime;
		workMinutes += routeWork;
		shiftMinutes += vehicle.shiftEnd - vehicle.shiftStart;
	}
	const unassigned = diagnoseUnassigned(problem, built, state);
	const kpis: Kpis = {
		assigned: assignments.length,
		unassigned: unassigned.length,
		slaBreaches,
		travelMinutes: round1(travelMinutes),
		overtimeMinutes: round1(overtimeMinutes),
		utilisation: shiftMinutes > 0 ? Math.round((workMinutes / shiftMinutes) * 1000) / 1000 : 0,
		cost: Math.round(routeCosts(state) * 100) / 100,
	};
	return { assignments, routes: technicianRoutes, unassigned, kpis, seconds, iterations };
}

/** The plan's cost without the penalties of jobs left out (those are reported one by one). */
function routeCosts(state: Routes): number {
	let total = 0;
	for (let r = 0; r < state.p.vehicleCount; r++) total += state.routeCost[r];
	return total;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export { MINUTE };
