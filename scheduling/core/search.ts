/**
 * The search: regret-insertion construction, local search, then ruin-and-recreate under a
 * simulated-annealing acceptance until the budget is spent, local search again on the best.
 * Ruin removes a few strings of consecutive jobs near a random seed job (SISR, Christiaens &
 * Vanden Berghe 2020); recreate re-inserts them greedily in a random order of four ("blinks" skip
 * a position now and then, so equal-cost choices vary).
 *
 * Determinism: all randomness comes from one seeded generator, and the cooling schedule is a
 * function of the iteration count, not of the clock. The clock is read only every CLOCK_EVERY
 * iterations, to stop. So a seed and an iteration count fix the result; with a time budget, the
 * result depends on the machine only through how many iterations fit in it (`iterations` in the
 * result says how many; pass it back as `maxIterations` to replay the run anywhere).
 */
import { regretInsertion } from "./construct.js";
import type { CoreProblem } from "./core-problem.js";
import { localSearch } from "./local-search.js";
import { Random } from "./random.js";
import { Routes } from "./routes.js";

/** The clock is read once per this many iterations. */
export const CLOCK_EVERY = 16;
/**
 * Iterations per second and per 100 jobs the cooling schedule plans for: about what one core of a
 * 2020s laptop does with two searches running at once. A faster machine keeps searching cold
 * after the schedule ends; a slower one stops before it cools down fully.
 */
export const PLANNED_RATE = 4_000;
/** Average number of jobs one ruin removes, longest string (SISR's c̄ and L_max). */
const AVERAGE_REMOVED = 10;
const MAX_STRING = 10;
/** Chance a recreate skips a position (SISR's blink rate). */
const BLINK = 0.01;

export interface SearchOptions {
	seed: number;
	/** Wall-clock budget in seconds; the search also stops after maxIterations. */
	seconds?: number;
	maxIterations?: number;
	/** Start from these job sequences (one per vehicle) instead of constructing. */
	initial?: readonly (readonly number[])[];
	/** Milliseconds since some fixed point (default performance.now). */
	now?: () => number;
	/** Jobs to ruin around while they are unassigned (an urgent job that needs room). */
	focus?: readonly number[];
	/** Run local search after construction and on the final best (default true). */
	polish?: boolean;
	/** Start and end temperature as a share of the average cost per job of the first solution. */
	startTemperature?: number;
	endTemperature?: number;
}

export interface SearchResult {
	/** Job sequences, one per vehicle (empty for unused vehicles). */
	routes: number[][];
	unassigned: number[];
	cost: number;
	iterations: number;
	/** Iterations the cooling schedule planned for. */
	plannedIterations: number;
	seconds: number;
}

export function search(problem: CoreProblem, options: SearchOptions): SearchResult {
	const now = options.now ?? (() => performance.now());
	const started = now();
	const deadline = options.seconds === undefined ? Number.POSITIVE_INFINITY : started + options.seconds * 1000;
	const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
	const rng = new Random(options.seed);
	const routes = new Routes(problem);
	const J = problem.jobCount;
	const allJobs = Array.from({ length: J }, (_, j) => j);
	if (options.initial) {
		routes.importRoutes(options.initial);
		regretInsertion(
			routes,
			allJobs.filter((j) => routes.routeOf[j] < 0),
		);
	} else regretInsertion(routes, allJobs);
	const polish = options.polish ?? true;
	// Field problems (tentative moves, exact costs) polish for a few passes; plain VRPTW to a local optimum.
	const passes = routes.plain ? 100 : 3;
	const late = () => now() >= deadline;
	// Plain VRPTW goes straight to ruin-and-recreate (local search on long routes would eat a short budget); field problems start polished.
	if (polish && !routes.plain) localSearch(routes, passes, late);
	let current = routes.totalCost();
	let best = current;
	let bestRoutes = routes.exportRoutes();
	const planned = Math.max(
		1000,
		Math.round(Number.isFinite(maxIterations) ? maxIterations : (options.seconds ?? 1) * PLANNED_RATE * Math.min(4, 100 / Math.max(J, 1))),
	);
	const assignedCost = Math.max(1e-9, routeCostSum(routes) / Math.max(1, J));
	// Hot enough to open or close a route on long-route instances (R2, RC2), cold enough at the end to settle.
	const t0 = (options.startTemperature ?? 2) * assignedCost;
	const tEnd = (options.endTemperature ?? 0.02) * assignedCost;
	let ruin: Ruin | null = null;
	const removed = new Int32Array(J);
	const keys = new Float64Array(J);
	const inRecreate = new Uint8Array(J);
	let iteration = 0;
	if (J > 0) {
		for (; iteration < maxIterations; iteration++) {
			if (iteration % CLOCK_EVERY === 0 && now() >= deadline) break;
			const progress = iteration < planned ? iteration / planned : 1;
			const temperature = t0 * (tEnd / t0) ** progress;
			ruin ??= new Ruin(routes, rng, options.focus ?? []);
			let count = ruin.run(removed);
			// Jobs left out earlier get another chance: all of them while few, else a random share as many as were removed (overloaded plans).
			for (let k = 0; k < count; k++) inRecreate[removed[k]] = 1;
			const unplaced = J - assignedCount(routes) - count;
			const chance = unplaced <= 2 * count + 8 ? 1 : (2 * count + 8) / unplaced;
			for (let j = 0; j < J; j++) if (routes.routeOf[j] < 0 && inRecreate[j] === 0 && (chance === 1 || rng.next() < chance)) removed[count++] = j;
			for (let k = 0; k < count; k++) inRecreate[removed[k]] = 0;
			orderForRecreate(problem, rng, removed, count, keys);
			if (!routes.plain) byPenalty(problem, removed, count);
			for (let k = 0; k < count; k++) {
				const j = removed[k];
				routes.bestInsertion(j, rng, BLINK);
				if (routes.bestRoute >= 0) routes.placeBest(j);
			}
			if (routes.hasRelations && (!routes.retime() || !routes.relationsHold())) {
				routes.rollback();
				continue;
			}
			const candidate = routes.totalCost();
			if (candidate < current - temperature * Math.log(1 - rng.next())) {
				routes.commit();
				current = candidate;
				if (candidate < best - 1e-9) {
					best = candidate;
					bestRoutes = routes.exportRoutes();
				}
			} else routes.rollback();
		}
	}
	routes.importRoutes(bestRoutes);
	if (polish) {
		// A little grace after the budget for the final polish (3%, at most 0.2 s): the plain VRPTW one takes milliseconds.
		const grace = Number.isFinite(deadline) ? Math.min(200, 0.03 * (deadline - started)) : 0;
		localSearch(routes, passes, () => now() >= deadline + grace);
		if (routes.totalCost() < best) bestRoutes = routes.exportRoutes();
		else routes.importRoutes(bestRoutes);
	}
	return {
		routes: bestRoutes,
		unassigned: allJobs.filter((j) => routes.routeOf[j] < 0),
		cost: routes.totalCost(),
		iterations: iteration,
		plannedIterations: planned,
		seconds: (now() - started) / 1000,
	};
}

function routeCostSum(routes: Routes): number {
	let total = 0;
	for (let r = 0; r < routes.p.vehicleCount; r++) total += routes.routeCost[r];
	return total;
}

function assignedCount(routes: Routes): number {
	let count = 0;
	for (let r = 0; r < routes.p.vehicleCount; r++) count += routes.len[r] - 2;
	return count;
}

/** SISR's recreate orders: random (4), largest demand (4), farthest from the depot (2), closest (1). */
function orderForRecreate(problem: CoreProblem, rng: Random, jobs: Int32Array, count: number, keys: Float64Array): void {
	const roll = rng.below(11);
	if (roll < 4) {
		rng.shuffle(jobs, count);
		return;
	}
	const S = problem.stopCount;
	const depot = problem.jobCount;
	for (let k = 0; k < count; k++) {
		const j = jobs[k];
		// Sort ascending on the key; ties broken by a small random jitter so equal keys still vary.
		const jitter = rng.next() * 1e-6;
		keys[k] = (roll < 8 ? -problem.demand[j] : roll < 10 ? -problem.cost[depot * S + j] : problem.cost[depot * S + j]) + jitter;
	}
	// Insertion sort: count is small (tens).
	for (let i = 1; i < count; i++) {
		const job = jobs[i];
		const key = keys[i];
		let k = i - 1;
		while (k >= 0 && keys[k] > key) {
			jobs[k + 1] = jobs[k];
			keys[k + 1] = keys[k];
			k--;
		}
		jobs[k + 1] = job;
		keys[k + 1] = key;
	}
}

/** Stable sort by unassigned penalty, highest first: an emergency is placed before the work it may displace. */
function byPenalty(problem: CoreProblem, jobs: Int32Array, count: number): void {
	const penalty = problem.unassignedPenalty;
	for (let i = 1; i < count; i++) {
		const job = jobs[i];
		let k = i - 1;
		while (k >= 0 && penalty[jobs[k]] < penalty[job]) {
			jobs[k + 1] = jobs[k];
			k--;
		}
		jobs[k + 1] = job;
	}
}

/** SISR's ruin: strings (or split strings) of consecutive jobs from routes near a random seed job. */
class Ruin {
	private readonly neighbours: Int32Array;
	private readonly ruined: Uint8Array;

	constructor(
		private readonly routes: Routes,
		private readonly rng: Random,
		private readonly focus: readonly number[],
	) {
		const p = routes.p;
		const J = p.jobCount;
		const S = p.stopCount;
		// Every job's other jobs by travel cost, nearest first (the seed itself first).
		this.neighbours = new Int32Array(J * J);
		const order = Array.from({ length: J }, (_, k) => k);
		for (let j = 0; j < J; j++) {
			order.sort((a, b) => p.cost[j * S + a] + p.cost[a * S + j] - p.cost[j * S + b] - p.cost[b * S + j] || a - b);
			const self = order.indexOf(j);
			this.neighbours[j * J] = j;
			let w = 1;
			for (let k = 0; k < J; k++) if (k !== self) this.neighbours[j * J + w++] = order[k];
		}
		this.ruined = new Uint8Array(p.vehicleCount);
	}

	/** Removes jobs (touching their routes) and writes them to `out`; returns how many. */
	run(out: Int32Array): number {
		const routes = this.routes;
		const p = routes.p;
		const J = p.jobCount;
		const rng = this.rng;
		let assigned = 0;
		let used = 0;
		for (let r = 0; r < p.vehicleCount; r++) {
			this.ruined[r] = 0;
			if (routes.len[r] > 2) {
				used++;
				assigned += routes.len[r] - 2;
			}
		}
		if (assigned === 0) return 0;
		const averageLength = assigned / used;
		const maxString = Math.min(MAX_STRING, averageLength);
		const maxStrings = (4 * AVERAGE_REMOVED) / (1 + maxString) - 1;
		const strings = Math.floor(rng.next() * maxStrings) + 1;
		let seed = rng.below(J);
		for (let tries = 0; tries < 8 && routes.routeOf[seed] < 0; tries++) seed = rng.below(J);
		// An unplaced focus job: make room around it, half of the time.
		for (const job of this.focus) if (routes.routeOf[job] < 0 && rng.next() < 0.5) seed = job;
		let count = 0;
		let done = 0;
		for (let k = 0; k < J && done < strings; k++) {
			const job = this.neighbours[seed * J + k];
			const r = routes.routeOf[job];
			if (r < 0 || this.ruined[r] || p.pinnedVehicle[job] >= 0) continue;
			this.ruined[r] = 1;
			done++;
			count = this.removeString(r, routes.posOf[job], maxString, out, count);
		}
		if (routes.hasRelations) {
			// Whatever is tied to a removed job comes out too, so the pair can be placed again together.
			for (let k = 0; k < count; k++)
				routes.forEachDependant(out[k], (other) => {
					if (routes.routeOf[other] >= 0 && p.pinnedVehicle[other] < 0) {
						routes.touch(routes.routeOf[other]);
						const r = routes.routeOf[other];
						routes.remove(other);
						routes.update(r);
						out[count++] = other;
					}
				});
		}
		return count;
	}

	private removeString(r: number, position: number, maxString: number, out: Int32Array, count: number): number {
		const routes = this.routes;
		const rng = this.rng;
		const cardinality = routes.len[r] - 2;
		const length = Math.floor(rng.next() * Math.min(cardinality, maxString)) + 1;
		let keep = 0;
		let span = length;
		if (length < cardinality && rng.next() < 0.5) {
			// Split string: remove `length` of a longer window and keep `keep` consecutive ones in it.
			keep = 1;
			while (length + keep < cardinality && rng.next() < 0.5) keep++;
			span = length + keep;
		}
		// Positions are 1..cardinality; the window [first, first + span) contains `position`.
		const lowest = Math.max(1, position - span + 1);
		const highest = Math.min(position, cardinality - span + 1);
		const first = lowest + rng.below(highest - lowest + 1);
		const keptFrom = keep > 0 ? first + rng.below(span - keep + 1) : -1;
		routes.touch(r);
		const seq = routes.seq[r];
		// Collect first, then remove (removal shifts positions).
		const before = count;
		for (let i = first; i < first + span; i++) {
			if (keep > 0 && i >= keptFrom && i < keptFrom + keep) continue;
			const job = seq[i];
			if (this.routes.p.pinnedVehicle[job] >= 0) continue;
			out[count++] = job;
		}
		for (let k = before; k < count; k++) routes.remove(out[k]);
		routes.update(r);
		return count;
	}
}
