/**
 * The three modes of the field-service engine:
 *  - planHorizon: plan a day or a week from scratch;
 *  - insertUrgent: add one (urgent) job to a live schedule with the least disruption — the current
 *    routes are the starting solution and moving any planned job to another technician or shift costs
 *    `weights.disruption`, so others move only when that buys more than it costs;
 *  - retime: re-time fixed routes in their order and report every violation (engine of reschedule propagation).
 * Every plan says, per assignment, what it costs and why (explain.ts), and why each left-out job is out.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { regretInsertion } from "../core/construct.js";
import { insertWithEjection } from "../core/eject.js";
import { Routes } from "../core/routes.js";
import { search } from "../core/search.js";
import { type BuiltProblem, buildFieldProblem, fieldVehicles, MINUTE } from "./build.js";
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

export interface InsertOptions extends SolveOptions {
	/**
	 * The jobs this insertion is for (the emergency just raised): they alone may take visits out to
	 * make room or start a search. Default: the jobs `current` does not hold of the highest priority
	 * among them — which includes any backlog of that priority the live plan left out. A named job
	 * that `current` already holds stays where it is; a name not in the problem is an input error.
	 */
	urgentJobIds?: readonly string[];
}

/** A plan plus what changed against the routes it started from. */
export interface InsertResult extends FieldPlan {
	/** Jobs that moved to another technician or shift, or start at another time, besides the inserted ones. */
	changes: { jobId: string; fromTechnicianId: string; toTechnicianId: string | null; fromStart: number | null; toStart: number | null }[];
}

/**
 * Adds the jobs of `problem` that `current` does not hold (typically one emergency) into the
 * current routes with the least disruption. Jobs in `current` that are not in the problem are ignored.
 *
 * Every new job (the backlog the live plan left out is new too) is first put in where it is
 * cheapest; only an urgent one (`options.urgentJobIds`, default: the new jobs of the highest
 * priority) that is still out or late then makes room by taking out other visits, and only an
 * urgent job still out after that starts a short search. So a live day with a backlog pays for
 * re-planning only when the emergency cannot be placed otherwise.
 */
export async function insertUrgent(
	problem: FieldProblem,
	current: readonly FixedRoute[],
	options: InsertOptions = {},
	context: PlanContext = {},
): Promise<InsertResult> {
	const started = performance.now();
	// Vehicles come from the technicians' shifts alone: map the current routes onto them before building.
	const vehicles = fieldVehicles(problem);
	// Keyed as plans report shifts: technician and shift start in epoch ms (the first such shift wins, as before).
	const vehicleByKey = new Map<string, number>();
	vehicles.forEach((vehicle, v) => {
		const key = `${problem.technicians[vehicle.technician].id}\u0000${Math.round(problem.horizonStart + vehicle.shiftStart * MINUTE)}`;
		if (!vehicleByKey.has(key)) vehicleByKey.set(key, v);
	});
	const vehicleKey = (technicianId: string, shiftStart: number) => vehicleByKey.get(`${technicianId}\u0000${shiftStart}`) ?? -1;
	const vehicleOf = new Map<string, number>();
	for (const route of current) {
		const v = vehicleKey(route.technicianId, route.shiftStart);
		if (v >= 0) for (const jobId of route.jobIds) vehicleOf.set(jobId, v);
	}
	const built = await buildFieldProblem(problem, context.travel ?? greatCircleTravel(), { currentVehicle: vehicleOf });
	const initial: number[][] = built.vehicles.map(() => []);
	const held = new Uint8Array(problem.jobs.length);
	for (const route of current) {
		const v = vehicleKey(route.technicianId, route.shiftStart);
		if (v < 0) continue;
		for (const jobId of route.jobIds) {
			const j = built.jobIndex.get(jobId);
			if (j !== undefined && !held[j]) {
				initial[v].push(j);
				held[j] = 1;
			}
		}
	}
	const state = new Routes(built.core);
	state.importRoutes(initial);
	const before = timesOf(problem, built, state);
	const newJobs = problem.jobs.map((_, j) => j).filter((j) => !held[j]);
	const penalty = built.core.unassignedPenalty;
	const top = newJobs.reduce((highest, j) => Math.max(highest, penalty[j]), Number.NEGATIVE_INFINITY);
	const named = options.urgentJobIds ? new Set(options.urgentJobIds) : null;
	for (const jobId of named ?? [])
		if (!built.jobIndex.has(jobId))
			throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `urgent job ${jobId} is not in the problem`, {
				hint: "Add the job to the problem's jobs, or leave it out of urgentJobIds.",
			});
	const urgent = newJobs.filter((j) => (named ? named.has(problem.jobs[j].id) : penalty[j] === top)).sort((a, b) => penalty[b] - penalty[a]);
	// First the least disruptive answer: the new jobs put into the current routes, nothing else reordered.
	regretInsertion(state, newJobs);
	const out = (j: number) => state.routeOf[j] < 0;
	let iterations = 0;
	if (urgent.some((j) => out(j) || late(built, state, j))) {
		// Make room: each urgent job into the best route after taking out at most two of its visits, which go elsewhere or out.
		for (const j of urgent) insertWithEjection(state, j);
	}
	let routes = state.exportRoutes();
	if (urgent.some(out)) {
		// Still out: search, where moving a planned job to another shift costs weights.disruption.
		const result = search(built.core, {
			seed: options.seed ?? 1,
			seconds: options.seconds ?? 0.15,
			maxIterations: options.maxIterations,
			initial: routes,
			focus: urgent,
			polish: false,
			startTemperature: 0.01,
			endTemperature: 0.0001,
		});
		routes = result.routes;
		iterations = result.iterations;
	}
	const plan = toPlan(problem, built, routes, (performance.now() - started) / 1000, iterations);
	const after = new Map(plan.assignments.map((assignment) => [assignment.jobId, assignment]));
	const changes: InsertResult["changes"] = [];
	for (const [jobId, was] of before) {
		const now = after.get(jobId);
		if (now && now.technicianId === was.technicianId && now.start === was.start) continue;
		changes.push({ jobId, fromTechnicianId: was.technicianId, toTechnicianId: now?.technicianId ?? null, fromStart: was.start, toStart: now?.start ?? null });
	}
	return { ...plan, changes };
}

/** Whether job j, where `state` has it, would start or finish past its SLA. */
function late(built: BuiltProblem, state: Routes, j: number): boolean {
	const { core } = built;
	if (!core.lateWeight || core.lateWeight[j] === 0) return false;
	const r = state.routeOf[j];
	return r >= 0 && state.est[r][state.posOf[j]] + core.service[j] > core.lateAfter![j] + 1e-9;
}

/** Start times of the jobs in `state` as the engine times them (before a change). */
function timesOf(problem: FieldProblem, built: BuiltProblem, state: Routes): Map<string, { technicianId: string; start: number }> {
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
