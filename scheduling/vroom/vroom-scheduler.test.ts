/**
 * The translation to VROOM's input (no VROOM server here): skills with levels become integer
 * skills a vehicle has for every level it reaches, pins a one-instant window plus the technician's
 * own skill, and dependencies are refused rather than silently dropped.
 */
import { describe, expect, it } from "vitest";
import { buildFieldProblem } from "../field/build.js";
import { greatCircleTravel } from "../field/travel.js";
import type { FieldProblem } from "../field/types.js";
import { toVroomInput } from "./vroom-scheduler.js";

const DAY0 = Date.UTC(2026, 2, 2);
const H = 3_600_000;
const problem: FieldProblem = {
	horizonStart: DAY0,
	technicians: [
		{
			id: "A",
			skills: [{ skill: "hvac", level: 3 }],
			home: { latitude: 51, longitude: 3.7 },
			shifts: [{ start: DAY0 + 8 * H, end: DAY0 + 16 * H }],
			dailyCapacityMinutes: 420,
		},
	],
	jobs: [
		{ id: "J1", location: { latitude: 51.01, longitude: 3.7 }, durationMinutes: 45, requiredSkills: [{ skill: "hvac", level: 2 }], priority: "high" },
		{
			id: "J2",
			location: { latitude: 51.02, longitude: 3.7 },
			durationMinutes: 30,
			requiredSkills: [],
			priority: "low",
			pinned: { technicianId: "A", start: DAY0 + 10 * H },
		},
	],
};

describe("VROOM input", () => {
	it("maps skills by level, pins, capacity and the shared travel matrix", async () => {
		const built = await buildFieldProblem(problem, greatCircleTravel());
		const input = toVroomInput(problem, built);
		const [vehicle] = input.vehicles;
		const [j1, j2] = input.jobs;
		expect(vehicle.skills).toEqual(expect.arrayContaining(j1.skills));
		expect(vehicle.time_window).toEqual([8 * 3600, 16 * 3600]);
		expect(vehicle.capacity).toEqual([420]);
		expect(j1).toMatchObject({ service: 2700, delivery: [45], priority: 60, description: "J1" });
		expect(j2.time_windows).toEqual([[10 * 3600, 10 * 3600]]);
		expect(vehicle.skills).toEqual(expect.arrayContaining(j2.skills));
		expect(input.matrices.car.durations).toHaveLength(2 + 2);
	});

	it("refuses dependencies VROOM cannot honour", async () => {
		const withDependency: FieldProblem = {
			...problem,
			jobs: [problem.jobs[0], { ...problem.jobs[1], dependencies: [{ predecessorId: "J1", kind: "finish-to-start" }] }],
		};
		const built = await buildFieldProblem(withDependency, greatCircleTravel());
		expect(() => toVroomInput(withDependency, built)).toThrow(/cannot honour dependencies/);
	});
});
