/**
 * The bench's own check of a VRPTW answer against the instance file's rules (every customer once,
 * capacity, service start in window, back at the depot in time), and its distance recomputed, so
 * a figure never rests on the solver's bookkeeping.
 */
import type { VrptwInstance } from "../scheduling/vrptw/solomon.js";

export function checkVrptw(instance: VrptwInstance, routes: readonly (readonly number[])[]): { problems: string[]; distance: number } {
	const problems: string[] = [];
	const byId = new Map(instance.customers.map((customer) => [customer.id, customer]));
	const served = new Map<number, number>();
	let distance = 0;
	for (const route of routes) {
		let at = instance.depot;
		let time = instance.depot.ready;
		let load = 0;
		for (const id of [...route, instance.depot.id]) {
			const node = id === instance.depot.id ? instance.depot : byId.get(id);
			if (!node) {
				problems.push(`unknown customer ${id}`);
				continue;
			}
			const leg = Math.hypot(node.x - at.x, node.y - at.y);
			distance += leg;
			const start = Math.max(time + at.service + leg, node.ready);
			if (start > node.due + 1e-6) problems.push(`${id === instance.depot.id ? "depot" : `customer ${id}`} reached at ${start.toFixed(2)}, due ${node.due}`);
			if (node !== instance.depot) {
				served.set(id, (served.get(id) ?? 0) + 1);
				load += node.demand;
			}
			time = start;
			at = node;
		}
		if (load > instance.capacity) problems.push(`route load ${load} over ${instance.capacity}`);
	}
	for (const customer of instance.customers)
		if (served.get(customer.id) !== 1) problems.push(`customer ${customer.id} served ${served.get(customer.id) ?? 0} times`);
	if (routes.length > instance.vehicles) problems.push(`${routes.length} routes for ${instance.vehicles} vehicles`);
	return { problems, distance };
}
