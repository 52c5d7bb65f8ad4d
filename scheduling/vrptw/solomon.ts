/**
 * Solomon / Gehring–Homberger VRPTW instances: the text format, and the routing core's problem
 * built from one. Conventions (shared/bench-data/vrptw/README.md): node 0 is the depot; travel
 * time and distance are both the Euclidean distance in double precision; ready time and due date
 * bound the start of service; every route starts and ends at the depot within its window.
 *
 * Invariant: customers keep their number from the file (CUST NO.), so routes print as in the
 * literature; the core's job j is the customer on data line j + 2 (the depot's line is first).
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { blankCoreProblem, type CoreProblem, endStop, startStop } from "../core/core-problem.js";

export interface VrptwCustomer {
	/** CUST NO. in the file. */
	id: number;
	x: number;
	y: number;
	demand: number;
	ready: number;
	due: number;
	service: number;
}

export interface VrptwInstance {
	name: string;
	vehicles: number;
	capacity: number;
	depot: VrptwCustomer;
	customers: VrptwCustomer[];
}

/** Parses the text of an instance file; throws FC_SCHEDULE_INPUT naming the line that is wrong. */
export function parseSolomon(text: string, source = "instance"): VrptwInstance {
	const lines = text.split(/\r?\n/);
	const name = lines.find((line) => line.trim() !== "")?.trim() ?? "";
	const bad = (message: string) =>
		new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, `${source}: ${message}`, {
			hint: "Give a VRPTW instance in Solomon's text format (NAME, VEHICLE, CUSTOMER sections).",
		});
	const vehicleAt = lines.findIndex((line) => /^\s*VEHICLE\s*$/i.test(line));
	const customerAt = lines.findIndex((line) => /^\s*CUSTOMER\s*$/i.test(line));
	if (!name || vehicleAt < 0 || customerAt < 0) throw bad("not a Solomon-format instance: the VEHICLE and CUSTOMER sections are missing");
	const numbersAfter = (from: number, to: number) =>
		lines
			.slice(from, to)
			.map((line, index) => ({ line: from + index + 1, fields: line.trim().split(/\s+/).filter(Boolean) }))
			.filter((row) => row.fields.length > 0 && row.fields.every((field) => /^-?\d+(\.\d+)?$/.test(field)));
	const fleet = numbersAfter(vehicleAt + 1, customerAt)[0];
	if (!fleet || fleet.fields.length < 2) throw bad("the VEHICLE section has no NUMBER and CAPACITY line");
	const [vehicles, capacity] = fleet.fields.map(Number);
	if (!Number.isInteger(vehicles) || vehicles < 1 || !(capacity > 0)) throw bad(`line ${fleet.line}: vehicle number and capacity must be positive`);
	const rows = numbersAfter(customerAt + 1, lines.length);
	const nodes = rows.map(({ line, fields }) => {
		if (fields.length < 7) throw bad(`line ${line}: a customer needs 7 numbers (no, x, y, demand, ready, due, service), found ${fields.length}`);
		const [id, x, y, demand, ready, due, service] = fields.map(Number);
		if (demand < 0 || service < 0 || due < ready)
			throw bad(`line ${line}: customer ${id} has a negative demand or service time, or a due date before its ready time`);
		return { id, x, y, demand, ready, due, service };
	});
	if (nodes.length < 2) throw bad("no customers after the depot");
	const ids = new Set(nodes.map((node) => node.id));
	if (ids.size !== nodes.length) throw bad("customer numbers repeat");
	const [depot, ...customers] = nodes;
	for (const customer of customers)
		if (customer.demand > capacity) throw bad(`customer ${customer.id} wants ${customer.demand}, more than a vehicle carries (${capacity})`);
	return { name, vehicles, capacity, depot, customers };
}

/** The core problem: jobs are the customers in file order; every vehicle starts and ends at the depot. */
export function vrptwToCore(instance: VrptwInstance): CoreProblem {
	const J = instance.customers.length;
	const V = instance.vehicles;
	const problem = blankCoreProblem(J, V);
	const S = problem.stopCount;
	const xs = new Float64Array(S);
	const ys = new Float64Array(S);
	const place = (stop: number, node: VrptwCustomer, ready: number, due: number, service: number, demand: number) => {
		xs[stop] = node.x;
		ys[stop] = node.y;
		problem.ready[stop] = ready;
		problem.due[stop] = due;
		problem.service[stop] = service;
		problem.demand[stop] = demand;
	};
	instance.customers.forEach((customer, j) => {
		place(j, customer, customer.ready, customer.due, customer.service, customer.demand);
	});
	const { depot } = instance;
	for (let v = 0; v < V; v++) {
		place(startStop(problem, v), depot, depot.ready, depot.due, 0, 0);
		place(endStop(problem, v), depot, depot.ready, depot.due, 0, 0);
		problem.capacity[v] = instance.capacity;
	}
	for (let a = 0; a < S; a++)
		for (let b = 0; b < S; b++) {
			const dx = xs[a] - xs[b];
			const dy = ys[a] - ys[b];
			problem.travel[a * S + b] = Math.sqrt(dx * dx + dy * dy);
		}
	problem.homogeneous = true;
	return problem;
}
