/**
 * Solves a VRPTW benchmark instance with the routing core and reports it the way published results
 * are: total distance (double precision, rounded to 2 decimals only when printed), vehicles used, and
 * each route as customer numbers from the file in visit order, depot left out.
 *
 * Objective: total distance (the `_distance` best-known solutions of BKS.json); the vehicle count
 * is a result, not minimised first.
 */
import { search } from "../core/search.js";
import { parseSolomon, type VrptwInstance, vrptwToCore } from "./solomon.js";

export interface VrptwSolveOptions {
	seconds?: number;
	seed?: number;
	maxIterations?: number;
}

export interface VrptwSolution {
	instance: string;
	distance: number;
	vehicles: number;
	routes: number[][];
	seconds: number;
	/** Customers no vehicle could serve (empty on every benchmark instance). */
	unserved: number[];
	iterations: number;
}

export function solveVrptw(instance: VrptwInstance, options: VrptwSolveOptions = {}): VrptwSolution {
	const problem = vrptwToCore(instance);
	const result = search(problem, { seed: options.seed ?? 1, seconds: options.seconds ?? 10, maxIterations: options.maxIterations });
	const routes = result.routes.filter((route) => route.length > 0).map((route) => route.map((job) => instance.customers[job].id));
	return {
		instance: instance.name,
		distance: routeDistance(instance, routes),
		vehicles: routes.length,
		routes,
		seconds: result.seconds,
		unserved: result.unassigned.map((job) => instance.customers[job].id),
		iterations: result.iterations,
	};
}

/** Total Euclidean length of routes given as customer numbers (depot at both ends). */
export function routeDistance(instance: VrptwInstance, routes: readonly (readonly number[])[]): number {
	const byId = new Map(instance.customers.map((customer) => [customer.id, customer]));
	let total = 0;
	for (const route of routes) {
		let x = instance.depot.x;
		let y = instance.depot.y;
		for (const id of [...route, instance.depot.id]) {
			const node = id === instance.depot.id ? instance.depot : byId.get(id);
			if (!node) throw new Error(`no customer ${id}`);
			total += Math.hypot(node.x - x, node.y - y);
			x = node.x;
			y = node.y;
		}
	}
	return total;
}

export { parseSolomon };
