/**
 * VRPTW solutions checked by an independent feasibility checker written here from the instance
 * file's conventions (not the solver's own bookkeeping): every customer exactly once, capacity,
 * service starting within each window (waiting allowed), back at the depot by its due date, and
 * the reported distance recomputed. Plus determinism for a seed and an iteration count.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSolomon, type VrptwInstance } from "./solomon.js";
import { solveVrptw } from "./solve.js";

/** Problems with a solution, as readable sentences; empty when feasible. */
function check(instance: VrptwInstance, routes: readonly (readonly number[])[]): string[] {
	const problems: string[] = [];
	const byId = new Map(instance.customers.map((customer) => [customer.id, customer]));
	const seen = new Map<number, number>();
	routes.forEach((route, index) => {
		let load = 0;
		let time = instance.depot.ready;
		let at = instance.depot;
		for (const id of route) {
			const customer = byId.get(id);
			if (!customer) {
				problems.push(`route ${index}: unknown customer ${id}`);
				continue;
			}
			seen.set(id, (seen.get(id) ?? 0) + 1);
			load += customer.demand;
			const arrival = time + at.service + Math.hypot(customer.x - at.x, customer.y - at.y);
			const start = Math.max(arrival, customer.ready);
			if (start > customer.due + 1e-6) problems.push(`route ${index}: customer ${id} starts at ${start}, due ${customer.due}`);
			time = start;
			at = customer;
		}
		const back = time + at.service + Math.hypot(instance.depot.x - at.x, instance.depot.y - at.y);
		if (back > instance.depot.due + 1e-6) problems.push(`route ${index}: back at the depot at ${back}, due ${instance.depot.due}`);
		if (load > instance.capacity) problems.push(`route ${index}: load ${load} over capacity ${instance.capacity}`);
	});
	for (const customer of instance.customers) {
		const count = seen.get(customer.id) ?? 0;
		if (count !== 1) problems.push(`customer ${customer.id} served ${count} times`);
	}
	if (routes.length > instance.vehicles) problems.push(`${routes.length} routes, only ${instance.vehicles} vehicles`);
	return problems;
}

function distanceOf(instance: VrptwInstance, routes: readonly (readonly number[])[]): number {
	const byId = new Map(instance.customers.map((customer) => [customer.id, customer]));
	let total = 0;
	for (const route of routes) {
		const stops = [instance.depot, ...route.map((id) => byId.get(id)!), instance.depot];
		for (let i = 1; i < stops.length; i++) total += Math.hypot(stops[i].x - stops[i - 1].x, stops[i].y - stops[i - 1].y);
	}
	return total;
}

/** A seeded random instance in the file format, with tight windows and capacity so constraints bind. */
function randomInstanceText(seed: number, customers: number): string {
	let state = seed;
	const random = () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
	const lines = [
		"RANDOM",
		"",
		"VEHICLE",
		"NUMBER     CAPACITY",
		`  ${customers}         60`,
		"",
		"CUSTOMER",
		"CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME",
		"",
	];
	lines.push("    0      50         50          0          0        400          0");
	for (let id = 1; id <= customers; id++) {
		const x = Math.floor(random() * 100);
		const y = Math.floor(random() * 100);
		const direct = Math.hypot(x - 50, y - 50);
		const ready = Math.floor(direct + random() * (300 - 2 * direct));
		const due = ready + 10 + Math.floor(random() * 60);
		lines.push(`   ${id}   ${x}   ${y}   ${1 + Math.floor(random() * 20)}   ${ready}   ${due}   10`);
	}
	return lines.join("\n");
}

describe("solve-vrptw", () => {
	it("returns routes the independent checker finds feasible, serving every customer once", () => {
		for (const seed of [1, 2, 3]) {
			const instance = parseSolomon(randomInstanceText(seed * 7919, 40));
			const solution = solveVrptw(instance, { seed, maxIterations: 3000, seconds: 60 });
			expect(solution.unserved).toEqual([]);
			expect(check(instance, solution.routes)).toEqual([]);
			expect(solution.distance).toBeCloseTo(distanceOf(instance, solution.routes), 6);
			expect(solution.vehicles).toBe(solution.routes.length);
		}
	});

	it("is deterministic for a seed and an iteration count", () => {
		const instance = parseSolomon(randomInstanceText(4242, 50));
		const first = solveVrptw(instance, { seed: 9, maxIterations: 2000, seconds: 60 });
		const again = solveVrptw(instance, { seed: 9, maxIterations: 2000, seconds: 60 });
		expect(again.routes).toEqual(first.routes);
		expect(again.distance).toBe(first.distance);
		expect(first.iterations).toBe(2000);
	});

	it("the checker catches what a wrong solution would break", () => {
		const instance = parseSolomon(randomInstanceText(5, 20));
		const solution = solveVrptw(instance, { seed: 1, maxIterations: 500, seconds: 60 });
		expect(check(instance, solution.routes)).toEqual([]);
		const merged = [solution.routes.flat()];
		expect(check(instance, merged).some((problem) => /over capacity|starts at|back at the depot/.test(problem))).toBe(true);
		expect(check(instance, solution.routes.slice(1))).toContain(`customer ${solution.routes[0][0]} served 0 times`);
		expect(check(instance, [...solution.routes, [solution.routes[0][0]]])).toContain(`customer ${solution.routes[0][0]} served 2 times`);
	});

	it("refuses a file that is not an instance, naming what is wrong", () => {
		expect(() => parseSolomon("hello\nworld")).toThrow(/VEHICLE and CUSTOMER sections are missing/);
		expect(() => parseSolomon(randomInstanceText(1, 3).replace(/\n {3}2 .*/, "\n   2   1   2"))).toThrow(/line \d+: a customer needs 7 numbers/);
		expect(() => parseSolomon(randomInstanceText(1, 3).replace("60\n", "0\n"))).toThrow(/vehicle number and capacity must be positive/);
	});

	// Four published instances, kept beside this test (testdata/, BSD-2-Clause as the licence there says).
	it("solves published instances feasibly (R101, C201, RC105, a 200-customer one)", () => {
		const dataDir = join(import.meta.dirname, "testdata");
		for (const file of ["R101.txt", "C201.txt", "RC105.txt", "r1_2_1.txt"]) {
			const instance = parseSolomon(readFileSync(join(dataDir, file), "utf8"));
			const solution = solveVrptw(instance, { seed: 1, maxIterations: 300, seconds: 60 });
			expect(solution.unserved).toEqual([]);
			expect(check(instance, solution.routes)).toEqual([]);
		}
	});
});
