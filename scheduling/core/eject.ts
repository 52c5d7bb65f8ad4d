/**
 * Insertion with ejection, for one urgent job into a live plan: on each vehicle that may serve it,
 * try putting it in after taking out none, one or two of that route's movable jobs, then place the
 * taken-out jobs again wherever they fit best (or leave them out). The cheapest outcome by total cost
 * — penalties of left-out jobs and the disruption costs included — is applied; nothing else moves.
 * Exhaustive over that small neighbourhood, so it is deterministic and quick (no randomness).
 */
import type { Routes } from "./routes.js";

export function insertWithEjection(routes: Routes, job: number, maxEjected = 2): boolean {
	const p = routes.p;
	if (routes.routeOf[job] >= 0) return true;
	let bestCost = routes.totalCost();
	let bestPlan: { route: number; ejected: number[] } | null = null;
	const tryPlan = (route: number, ejected: number[]) => {
		for (const other of ejected) {
			routes.touch(route);
			routes.remove(other);
		}
		routes.update(route);
		if (routes.jobBounds(job) && routes.mayServe(job, route) && routes.routeInsertion(job, route, null, 0) < Number.POSITIVE_INFINITY) {
			routes.bestRoute = route;
			routes.bestPos = routes.routePos;
			routes.placeBest(job);
			for (const other of ejected) {
				routes.bestInsertion(other, null, 0);
				if (routes.bestRoute >= 0) routes.placeBest(other);
			}
			if (routes.touchedFeasible()) {
				const cost = routes.totalCost();
				if (cost < bestCost - 1e-9) {
					bestCost = cost;
					bestPlan = { route, ejected };
				}
			}
		}
		routes.rollback();
	};
	for (let r = 0; r < p.vehicleCount; r++) {
		if (p.allowed && p.allowed[r * p.jobCount + job] === 0) continue;
		if (p.pinnedVehicle[job] >= 0 && p.pinnedVehicle[job] !== r) continue;
		const movable: number[] = [];
		for (let i = 1; i < routes.len[r] - 1; i++) {
			const other = routes.seq[r][i];
			if (p.pinnedVehicle[other] < 0 && p.unassignedPenalty[other] <= p.unassignedPenalty[job]) movable.push(other);
		}
		tryPlan(r, []);
		if (maxEjected >= 1) for (const a of movable) tryPlan(r, [a]);
		if (maxEjected >= 2) for (let x = 0; x < movable.length; x++) for (let y = x + 1; y < movable.length; y++) tryPlan(r, [movable[x], movable[y]]);
	}
	if (!bestPlan) return false;
	const { route, ejected } = bestPlan as { route: number; ejected: number[] };
	tryApply(routes, job, route, ejected);
	return true;
}

/** Applies the chosen plan for good (same steps as the trial, then commit). */
function tryApply(routes: Routes, job: number, route: number, ejected: number[]): void {
	for (const other of ejected) {
		routes.touch(route);
		routes.remove(other);
	}
	routes.update(route);
	routes.jobBounds(job);
	routes.routeInsertion(job, route, null, 0);
	routes.bestRoute = route;
	routes.bestPos = routes.routePos;
	routes.placeBest(job);
	for (const other of ejected) {
		routes.bestInsertion(other, null, 0);
		if (routes.bestRoute >= 0) routes.placeBest(other);
	}
	routes.retime();
	routes.commit();
}
