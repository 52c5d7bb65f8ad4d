/**
 * Construction by regret insertion: while jobs are left, place the one whose best place beats its
 * best place on any other route by the most (regret-2), so jobs with few good options go first.
 * Pinned jobs are placed before anything else, on their vehicle at their time.
 *
 * Invariant: every job ends up placed feasibly or left unassigned; a job's cached insertion cost
 * per route is recomputed whenever that route (or a partner it is tied to) changed.
 */
import type { Routes } from "./routes.js";

const NO_PLACE = Number.POSITIVE_INFINITY;

export function regretInsertion(routes: Routes, jobs: readonly number[]): void {
	const p = routes.p;
	const V = p.vehicleCount;
	const pinned = jobs.filter((j) => p.pinnedVehicle[j] >= 0).sort((a, b) => p.ready[a] - p.ready[b]);
	for (const j of pinned) {
		routes.bestInsertion(j, null, 0);
		if (routes.bestRoute >= 0) {
			routes.placeBest(j);
			if (!routes.retime()) routes.rollback();
		}
		routes.commit();
	}
	const pending = jobs.filter((j) => p.pinnedVehicle[j] < 0);
	const J = p.jobCount;
	const cache = new Float64Array(J * V).fill(NO_PLACE);
	const cachePos = new Int32Array(J * V);
	const refresh = (j: number, r: number) => {
		if (!routes.jobBounds(j) || !routes.mayServe(j, r)) {
			cache[j * V + r] = NO_PLACE;
			return;
		}
		cache[j * V + r] = routes.routeInsertion(j, r, null, 0);
		cachePos[j * V + r] = routes.routePos;
	};
	const refreshJob = (j: number) => {
		for (let r = 0; r < V; r++) refresh(j, r);
	};
	for (const j of pending) refreshJob(j);
	while (pending.length > 0) {
		let chosenIndex = -1;
		let chosenRegret = Number.NEGATIVE_INFINITY;
		let chosenBest = NO_PLACE;
		let chosenRoute = -1;
		for (let k = 0; k < pending.length; k++) {
			const j = pending[k];
			let best = NO_PLACE;
			let second = NO_PLACE;
			let bestRoute = -1;
			let sawEmpty = false;
			for (let r = 0; r < V; r++) {
				if (p.homogeneous && routes.len[r] === 2) {
					if (sawEmpty) continue;
					sawEmpty = true;
				}
				const delta = cache[j * V + r];
				if (delta < best) {
					second = best;
					best = delta;
					bestRoute = r;
				} else if (delta < second) second = delta;
			}
			if (bestRoute < 0) continue;
			// One option left: place it now, before it is gone (regret "infinite", cheapest first).
			const regret = second === NO_PLACE ? 1e15 - best : second - best;
			if (regret > chosenRegret || (regret === chosenRegret && best < chosenBest)) {
				chosenIndex = k;
				chosenRegret = regret;
				chosenBest = best;
				chosenRoute = bestRoute;
			}
		}
		if (chosenIndex < 0) break; // the rest fit nowhere: unassigned
		const j = pending[chosenIndex];
		routes.bestRoute = chosenRoute;
		routes.bestPos = cachePos[j * V + chosenRoute];
		routes.placeBest(j);
		if (!routes.retime() || (routes.hasRelations && !routes.relationsHold())) {
			routes.rollback();
			routes.commit();
			cache[j * V + chosenRoute] = NO_PLACE;
			continue;
		}
		const changed = Array.from(routes.touchedRoutes());
		routes.commit();
		pending.splice(chosenIndex, 1);
		for (const other of pending) for (const r of changed) refresh(other, r);
		// A partner's window or day moved with j: its every route changes.
		if (routes.hasRelations)
			for (const relation of p.relations) {
				const other = relation.predecessor === j ? relation.successor : relation.successor === j ? relation.predecessor : -1;
				if (other >= 0 && pending.includes(other)) refreshJob(other);
			}
	}
}
