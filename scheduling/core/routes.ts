/**
 * The mutable solution the search works on: one route per vehicle as a stop sequence from its
 * start to its end, with the earliest service start (`est`, forward pass) and the latest start that
 * keeps the rest of the route on time (`lst`, backward pass) at every position, so whether a job
 * fits between two stops is known in O(1) (Savelsbergh's forward/backward time slack).
 *
 * Invariant: after `update(r)`, est/lst/load/cost of route r describe its sequence; `routeOf`/`posOf`
 * say where every job is (−1: unassigned). Buffers are allocated once; the inner loops allocate
 * nothing. Undo: `touch(r)` before changing a route saves it, `rollback()` restores every touched
 * route, `commit()` forgets the saved copies (ruin-and-recreate rejects most of its moves).
 */
import { type CoreProblem, RELATION_FINISH_TO_START, RELATION_SAME_DAY, RELATION_SAME_VEHICLE_GROUP, RELATION_START_TO_START } from "./core-problem.js";
import type { Random } from "./random.js";

export class Routes {
	readonly p: CoreProblem;
	readonly n: number;
	readonly seq: Int32Array[];
	readonly len: Int32Array;
	readonly est: Float64Array[];
	readonly lst: Float64Array[];
	/** Load of the route up to and including each position (2-opt* needs the split). */
	readonly loadPre: Float64Array[];
	readonly routeCost: Float64Array;
	readonly routeFeasible: Uint8Array;
	readonly routeOf: Int32Array;
	readonly posOf: Int32Array;
	/** Earliest start of each stop after its predecessors (relations); equals `ready` without relations. */
	readonly readyEff: Float64Array;
	readonly simple: boolean;
	/** Some jobs are limited to some vehicles (skills, pinning): update() checks them. */
	readonly guarded: boolean;
	/**
	 * Plain VRPTW: distance only, interchangeable vehicles, nothing pinned or related, so the O(1)
	 * slack checks decide feasibility exactly and the distance delta is the cost delta.
	 */
	readonly plain: boolean;
	readonly hasRelations: boolean;
	/** Per job: indices into p.relations where the job takes part (CSR). */
	private readonly relStart: Int32Array;
	private readonly relIndex: Int32Array;
	// Undo log.
	private readonly saved: Int32Array[];
	private readonly savedLen: Int32Array;
	private readonly isTouched: Uint8Array;
	private readonly touchedList: Int32Array;
	private touchedCount = 0;
	private readonly savedReady: Float64Array;
	private readonly savedCost: Float64Array;

	constructor(problem: CoreProblem) {
		this.p = problem;
		const V = problem.vehicleCount;
		const J = problem.jobCount;
		this.n = J;
		const size = J + 2;
		this.seq = Array.from({ length: V }, () => new Int32Array(size));
		this.est = Array.from({ length: V }, () => new Float64Array(size));
		this.lst = Array.from({ length: V }, () => new Float64Array(size));
		this.loadPre = Array.from({ length: V }, () => new Float64Array(size));
		this.saved = Array.from({ length: V }, () => new Int32Array(size));
		this.len = new Int32Array(V);
		this.savedLen = new Int32Array(V);
		this.isTouched = new Uint8Array(V);
		this.touchedList = new Int32Array(V);
		this.routeCost = new Float64Array(V);
		this.savedCost = new Float64Array(V);
		this.routeFeasible = new Uint8Array(V);
		this.routeOf = new Int32Array(J).fill(-1);
		this.posOf = new Int32Array(J).fill(-1);
		this.readyEff = Float64Array.from(problem.ready);
		this.savedReady = Float64Array.from(problem.ready);
		this.simple = !problem.assignCost && !problem.asapWeight && !problem.lateWeight && !problem.overtimeWeight;
		this.hasRelations = problem.relations.length > 0;
		this.guarded = problem.allowed !== null || problem.pinnedVehicle.some((v) => v >= 0);
		this.plain = this.simple && !this.hasRelations && !this.guarded && problem.homogeneous;
		const counts = new Int32Array(J + 1);
		for (const relation of problem.relations) {
			counts[relation.predecessor + 1]++;
			counts[relation.successor + 1]++;
		}
		for (let j = 0; j < J; j++) counts[j + 1] += counts[j];
		this.relStart = counts;
		this.relIndex = new Int32Array(counts[J]);
		const fill = counts.slice(0, J);
		problem.relations.forEach((relation, index) => {
			this.relIndex[fill[relation.predecessor]++] = index;
			this.relIndex[fill[relation.successor]++] = index;
		});
		for (let v = 0; v < V; v++) {
			this.seq[v][0] = J + v;
			this.seq[v][1] = J + V + v;
			this.len[v] = 2;
			this.update(v);
		}
	}

	/** Whether job j takes part in any relation. */
	related(j: number): boolean {
		return this.relStart[j + 1] > this.relStart[j];
	}

	/** Recomputes times, loads and cost of route r; returns whether it is feasible. */
	update(r: number): boolean {
		const p = this.p;
		const S = p.stopCount;
		const seq = this.seq[r];
		const est = this.est[r];
		const lst = this.lst[r];
		const loadPre = this.loadPre[r];
		const len = this.len[r];
		const travel = p.travel;
		const cost = p.cost;
		const service = p.service;
		const readyEff = this.readyEff;
		const due = p.due;
		let feasible = true;
		let prev = seq[0];
		est[0] = readyEff[prev];
		loadPre[0] = 0;
		let total = 0;
		for (let i = 1; i < len; i++) {
			const stop = seq[i];
			const arrival = est[i - 1] + service[prev] + travel[prev * S + stop];
			const ready = readyEff[stop];
			est[i] = Math.max(arrival, ready);
			if (est[i] > due[stop]) feasible = false;
			loadPre[i] = loadPre[i - 1] + p.demand[stop];
			total += cost[prev * S + stop];
			if (i < len - 1) {
				this.routeOf[stop] = r;
				this.posOf[stop] = i;
			}
			prev = stop;
		}
		if (loadPre[len - 1] > p.capacity[r]) feasible = false;
		if (this.guarded) {
			const J = p.jobCount;
			for (let i = 1; i < len - 1; i++) {
				const j = seq[i];
				if ((p.allowed && p.allowed[r * J + j] === 0) || (p.pinnedVehicle[j] >= 0 && p.pinnedVehicle[j] !== r)) feasible = false;
			}
		}
		let next = seq[len - 1];
		lst[len - 1] = due[next];
		for (let i = len - 2; i >= 0; i--) {
			const stop = seq[i];
			const latest = lst[i + 1] - travel[stop * S + next] - service[stop];
			lst[i] = Math.min(latest, due[stop]);
			next = stop;
		}
		if (len > 2) {
			total += p.vehicleFixedCost;
			if (!this.simple) total += this.extraCost(r);
		}
		this.routeCost[r] = total;
		this.routeFeasible[r] = feasible ? 1 : 0;
		return feasible;
	}

	/** The field-service parts of a route's cost: per-assignment, time-dependent and overtime costs. */
	private extraCost(r: number): number {
		const p = this.p;
		const seq = this.seq[r];
		const est = this.est[r];
		const len = this.len[r];
		let total = 0;
		for (let i = 1; i < len - 1; i++) total += this.jobCost(r, seq[i], est[i]);
		if (p.overtimeWeight && p.overtimeAfter) {
			const over = est[len - 1] - p.overtimeAfter[r];
			if (over > 0) total += over * p.overtimeWeight[r];
		}
		return total;
	}

	/** Cost of job j served by vehicle r starting at `start`, besides travel. */
	jobCost(r: number, j: number, start: number): number {
		const p = this.p;
		let total = 0;
		if (p.assignCost) total += p.assignCost[r * p.jobCount + j];
		if (p.asapWeight) total += p.asapWeight[j] * start;
		if (p.lateWeight && p.lateAfter) {
			const late = start + p.service[j] - p.lateAfter[j];
			if (late > 0) total += late * p.lateWeight[j];
		}
		return total;
	}

	totalCost(): number {
		let total = 0;
		for (let r = 0; r < this.p.vehicleCount; r++) total += this.routeCost[r];
		const penalty = this.p.unassignedPenalty;
		for (let j = 0; j < this.n; j++) if (this.routeOf[j] < 0) total += penalty[j];
		return total;
	}

	allFeasible(): boolean {
		for (let r = 0; r < this.p.vehicleCount; r++) if (!this.routeFeasible[r]) return false;
		return !this.hasRelations || this.relationsHold();
	}

	// ---- undo log ----

	touch(r: number): void {
		if (this.isTouched[r]) return;
		this.isTouched[r] = 1;
		this.touchedList[this.touchedCount++] = r;
		this.saved[r].set(this.seq[r].subarray(0, this.len[r]));
		this.savedLen[r] = this.len[r];
		this.savedCost[r] = this.routeCost[r];
	}

	/** Change of the routes' cost since the last commit or rollback (unassigned jobs not counted). */
	touchedDelta(): number {
		let delta = 0;
		for (let i = 0; i < this.touchedCount; i++) {
			const r = this.touchedList[i];
			delta += this.routeCost[r] - this.savedCost[r];
		}
		return delta;
	}

	/** Every touched route is feasible, and so are the relations when there are any. */
	touchedFeasible(): boolean {
		for (let i = 0; i < this.touchedCount; i++) if (!this.routeFeasible[this.touchedList[i]]) return false;
		return !this.hasRelations || (this.retime() && this.relationsHold());
	}

	/** Routes changed since the last commit or rollback. */
	touchedRoutes(): Int32Array {
		return this.touchedList.subarray(0, this.touchedCount);
	}

	commit(): void {
		for (let i = 0; i < this.touchedCount; i++) this.isTouched[this.touchedList[i]] = 0;
		this.touchedCount = 0;
		if (this.hasRelations) this.savedReady.set(this.readyEff);
	}

	rollback(): void {
		// Jobs of touched routes first become unassigned, then every saved route is put back.
		for (let i = 0; i < this.touchedCount; i++) {
			const r = this.touchedList[i];
			const seq = this.seq[r];
			for (let k = 1; k < this.len[r] - 1; k++) this.routeOf[seq[k]] = -1;
		}
		if (this.hasRelations) this.readyEff.set(this.savedReady);
		for (let i = 0; i < this.touchedCount; i++) {
			const r = this.touchedList[i];
			this.seq[r].set(this.saved[r].subarray(0, this.savedLen[r]));
			this.len[r] = this.savedLen[r];
			this.isTouched[r] = 0;
			this.update(r);
		}
		this.touchedCount = 0;
	}

	// ---- edits (callers touch() first) ----

	remove(j: number): void {
		const r = this.routeOf[j];
		const seq = this.seq[r];
		const len = this.len[r];
		for (let i = this.posOf[j]; i < len - 1; i++) {
			seq[i] = seq[i + 1];
			this.posOf[seq[i]] = i;
		}
		this.len[r] = len - 1;
		this.routeOf[j] = -1;
		this.posOf[j] = -1;
	}

	/** Puts job j at position pos of route r (after the stop now at pos − 1); call update(r) after. */
	insert(j: number, r: number, pos: number): void {
		const seq = this.seq[r];
		for (let i = this.len[r]; i > pos; i--) seq[i] = seq[i - 1];
		seq[pos] = j;
		this.len[r]++;
		this.routeOf[j] = r;
		this.posOf[j] = pos;
	}

	// ---- insertion ----

	/** Result of the last bestInsertion: route, position and cost delta (route −1: nowhere). */
	bestRoute = -1;
	bestPos = -1;
	bestDelta = Number.POSITIVE_INFINITY;
	/** Second-best delta over a different route (regret). */
	secondDelta = Number.POSITIVE_INFINITY;
	/** Positions left until the next blink (drawn geometrically, one random number per blink). */
	private blinkCountdown = 0;
	/** Position found by the last routeInsertion. */
	routePos = -1;
	// Bounds of the job being placed (set by jobBounds).
	private boundReady = 0;
	private boundDue = 0;
	private requiredDay = -1;
	private requiredGroup = -1;

	/**
	 * The window job j may start in given its planned partners, and the day / vehicle group they
	 * tie it to. Returns false when no place can satisfy them (a predecessor still unplanned).
	 */
	jobBounds(j: number): boolean {
		const p = this.p;
		let ready = this.readyEff[j];
		let due = p.due[j];
		this.requiredDay = -1;
		this.requiredGroup = -1;
		if (this.hasRelations) {
			ready = p.ready[j];
			for (let k = this.relStart[j]; k < this.relStart[j + 1]; k++) {
				const relation = p.relations[this.relIndex[k]];
				const other = relation.predecessor === j ? relation.successor : relation.predecessor;
				const otherRoute = this.routeOf[other];
				const isSuccessor = relation.successor === j;
				if (relation.kind === RELATION_SAME_DAY || relation.kind === RELATION_SAME_VEHICLE_GROUP) {
					if (otherRoute < 0) continue;
					if (relation.kind === RELATION_SAME_DAY) {
						const day = p.vehicleDay[otherRoute];
						if (this.requiredDay >= 0 && this.requiredDay !== day) return false;
						this.requiredDay = day;
					} else {
						const group = p.vehicleGroup[otherRoute];
						if (this.requiredGroup >= 0 && this.requiredGroup !== group) return false;
						this.requiredGroup = group;
					}
					continue;
				}
				if (otherRoute < 0) {
					// A successor waits for its predecessor to be planned; a predecessor is free.
					if (isSuccessor) return false;
					continue;
				}
				if (isSuccessor) {
					const otherStart = this.est[otherRoute][this.posOf[other]];
					const bound = relation.kind === RELATION_FINISH_TO_START ? otherStart + p.service[other] + relation.lag : otherStart + relation.lag;
					if (bound > ready) ready = bound;
				} else {
					const otherLatest = this.lst[otherRoute][this.posOf[other]];
					const bound = relation.kind === RELATION_FINISH_TO_START ? otherLatest - relation.lag - p.service[j] : otherLatest - relation.lag;
					if (bound < due) due = bound;
				}
			}
			if (ready > due) return false;
		}
		this.boundReady = ready;
		this.boundDue = due;
		return true;
	}

	/** Whether vehicle r may take job j at all (pinning, skills, ties from jobBounds, capacity). */
	mayServe(j: number, r: number): boolean {
		const p = this.p;
		const pinned = p.pinnedVehicle[j];
		if (pinned >= 0 && r !== pinned) return false;
		if (p.allowed && p.allowed[r * p.jobCount + j] === 0) return false;
		if (this.requiredDay >= 0 && p.vehicleDay[r] !== this.requiredDay) return false;
		if (this.requiredGroup >= 0 && p.vehicleGroup[r] !== this.requiredGroup) return false;
		return this.loadPre[r][this.len[r] - 1] + p.demand[j] <= p.capacity[r];
	}

	/**
	 * The cheapest feasible position for job j in route r (after jobBounds(j) and mayServe(j, r)):
	 * returns the cost delta (travel plus the job's own cost there) and sets routePos, or returns
	 * Infinity. `blink` > 0 skips each position with that probability (SISR).
	 */
	routeInsertion(j: number, r: number, rng: Random | null, blink: number): number {
		const p = this.p;
		const S = p.stopCount;
		const travel = p.travel;
		const cost = p.cost;
		const service = p.service;
		const ready = this.boundReady;
		const due = this.boundDue;
		const len = this.len[r];
		const seq = this.seq[r];
		const est = this.est[r];
		const lst = this.lst[r];
		const serviceJ = service[j];
		let best = Number.POSITIVE_INFINITY;
		let bestPos = -1;
		let a = seq[0];
		for (let i = 0; i < len - 1; i++) {
			const b = seq[i + 1];
			if (blink > 0 && --this.blinkCountdown <= 0) {
				this.blinkCountdown = nextBlink(rng, blink);
				a = b;
				continue;
			}
			const arrival = est[i] + service[a] + travel[a * S + j];
			// Later positions only arrive later (triangle inequality): stop scanning this route.
			if (arrival > due) break;
			const start = Math.max(arrival, ready);
			if (start + serviceJ + travel[j * S + b] <= lst[i + 1]) {
				let delta = cost[a * S + j] + cost[j * S + b] - cost[a * S + b];
				if (!this.simple) delta += this.jobCost(r, j, start);
				if (delta < best) {
					best = delta;
					bestPos = i + 1;
				}
			}
			a = b;
		}
		this.routePos = bestPos;
		if (bestPos < 0) return Number.POSITIVE_INFINITY;
		return len === 2 ? best + p.vehicleFixedCost : best;
	}

	/**
	 * The cheapest feasible place for job j over all routes (bestRoute/bestPos/bestDelta), and the
	 * cheapest on another route (secondDelta, for regret). Only one empty vehicle is tried when
	 * vehicles are interchangeable.
	 */
	bestInsertion(j: number, rng: Random | null, blink: number): void {
		this.bestRoute = -1;
		this.bestPos = -1;
		this.bestDelta = Number.POSITIVE_INFINITY;
		this.secondDelta = Number.POSITIVE_INFINITY;
		if (!this.jobBounds(j)) return;
		const p = this.p;
		let triedEmpty = false;
		for (let r = 0; r < p.vehicleCount; r++) {
			if (this.len[r] === 2 && p.homogeneous) {
				if (triedEmpty) continue;
				triedEmpty = true;
			}
			if (!this.mayServe(j, r)) continue;
			const delta = this.routeInsertion(j, r, rng, blink);
			if (delta < this.bestDelta) {
				this.secondDelta = this.bestDelta;
				this.bestDelta = delta;
				this.bestRoute = r;
				this.bestPos = this.routePos;
			} else if (delta < this.secondDelta) this.secondDelta = delta;
		}
	}

	/** Places job j where the last bestInsertion found (touching the route first). */
	placeBest(j: number): void {
		const r = this.bestRoute;
		this.touch(r);
		this.insert(j, r, this.bestPos);
		this.prepareReady(j);
		this.update(r);
	}

	/** Sets readyEff[j] from its planned predecessors (call before placing j). */
	prepareReady(j: number): void {
		if (!this.hasRelations) return;
		const p = this.p;
		let ready = p.ready[j];
		for (let k = this.relStart[j]; k < this.relStart[j + 1]; k++) {
			const relation = p.relations[this.relIndex[k]];
			if (relation.successor !== j) continue;
			const other = relation.predecessor;
			const r = this.routeOf[other];
			if (r < 0 || (relation.kind !== RELATION_FINISH_TO_START && relation.kind !== RELATION_START_TO_START)) continue;
			const start = this.est[r][this.posOf[other]];
			const bound = relation.kind === RELATION_FINISH_TO_START ? start + p.service[other] + relation.lag : start + relation.lag;
			if (bound > ready) ready = bound;
		}
		this.readyEff[j] = ready;
	}

	// ---- relations across routes ----

	/**
	 * Pushes successors after their predecessors' current times until nothing moves, re-timing the
	 * routes they are on. Returns false when that never settles (a cycle through two routes) or a
	 * route becomes late.
	 */
	retime(): boolean {
		if (!this.hasRelations) return true;
		const p = this.p;
		const J = p.jobCount;
		for (let round = 0; round <= p.relations.length + 1; round++) {
			let moved = false;
			for (let j = 0; j < J; j++) {
				if (this.routeOf[j] < 0 || this.relStart[j + 1] === this.relStart[j]) continue;
				const before = this.readyEff[j];
				this.prepareReady(j);
				if (this.readyEff[j] !== before) {
					moved = true;
					const r = this.routeOf[j];
					this.touch(r);
					this.update(r);
				}
			}
			if (!moved) {
				for (let r = 0; r < p.vehicleCount; r++) if (!this.routeFeasible[r]) return false;
				return true;
			}
		}
		return false;
	}

	/** Every relation between planned jobs holds, and no successor is planned without its predecessor. */
	relationsHold(): boolean {
		const p = this.p;
		for (const relation of p.relations) {
			const rp = this.routeOf[relation.predecessor];
			const rs = this.routeOf[relation.successor];
			if (rs < 0) continue;
			if (rp < 0) {
				if (relation.kind === RELATION_FINISH_TO_START || relation.kind === RELATION_START_TO_START) return false;
				continue;
			}
			const startP = this.est[rp][this.posOf[relation.predecessor]];
			const startS = this.est[rs][this.posOf[relation.successor]];
			switch (relation.kind) {
				case RELATION_FINISH_TO_START:
					if (startS < startP + p.service[relation.predecessor] + relation.lag - 1e-9) return false;
					break;
				case RELATION_START_TO_START:
					if (startS < startP + relation.lag - 1e-9) return false;
					break;
				case RELATION_SAME_DAY:
					if (p.vehicleDay[rp] !== p.vehicleDay[rs]) return false;
					break;
				default:
					if (p.vehicleGroup[rp] !== p.vehicleGroup[rs]) return false;
			}
		}
		return true;
	}

	/** Jobs linked to j by a relation in which j comes first (their plan depends on j's). */
	forEachDependant(j: number, visit: (other: number) => void): void {
		const p = this.p;
		for (let k = this.relStart[j]; k < this.relStart[j + 1]; k++) {
			const relation = p.relations[this.relIndex[k]];
			if (relation.predecessor === j) visit(relation.successor);
			else if (relation.kind === RELATION_SAME_DAY || relation.kind === RELATION_SAME_VEHICLE_GROUP) visit(relation.predecessor);
		}
	}

	/** Copies of the routes' job sequences (start and end stops left out). */
	exportRoutes(): number[][] {
		const routes: number[][] = [];
		for (let r = 0; r < this.p.vehicleCount; r++) routes.push(Array.from(this.seq[r].subarray(1, this.len[r] - 1)));
		return routes;
	}

	/** Replaces the solution by the given job sequences (one per vehicle). */
	importRoutes(routes: readonly (readonly number[])[]): void {
		const p = this.p;
		this.routeOf.fill(-1);
		this.posOf.fill(-1);
		for (let r = 0; r < p.vehicleCount; r++) {
			const jobs = routes[r] ?? [];
			const seq = this.seq[r];
			seq[0] = p.jobCount + r;
			for (let i = 0; i < jobs.length; i++) seq[i + 1] = jobs[i];
			seq[jobs.length + 1] = p.jobCount + p.vehicleCount + r;
			this.len[r] = jobs.length + 2;
		}
		if (this.hasRelations) this.readyEff.set(p.ready);
		for (let r = 0; r < p.vehicleCount; r++) this.update(r);
		this.retime();
		this.touchedCount = 0;
		this.isTouched.fill(0);
		if (this.hasRelations) this.savedReady.set(this.readyEff);
	}
}

/** Positions until the next skipped one when each is skipped with probability `blink`: geometric. */
function nextBlink(rng: Random | null, blink: number): number {
	if (rng === null) return Number.POSITIVE_INFINITY;
	return 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - blink));
}
