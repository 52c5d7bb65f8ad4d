/**
 * Field-service plans checked by an independent checker written here (its own great-circle travel
 * times, not the engine's matrix or bookkeeping): every job planned once or reported, visits start
 * after arrival and within their window, everyone home by the shift end, capacity, skills, pins.
 * Each constraint case is built so that dropping the constraint would give another answer.
 */
import { describe, expect, it } from "vitest";
import { insertUrgent, planHorizon } from "./plan.js";
import { retime } from "./retime.js";
import type { FieldJob, FieldPlan, FieldProblem, FieldTechnician } from "./types.js";

const DAY0 = Date.UTC(2026, 2, 2);
const H = 3_600_000;
const MIN = 60_000;
const GHENT = { latitude: 51.054, longitude: 3.717 };
/** A point `km` east and `kmNorth` north of Ghent. */
const at = (km: number, kmNorth = 0) => ({
	latitude: GHENT.latitude + kmNorth / 111.2,
	longitude: GHENT.longitude + km / (111.2 * Math.cos((GHENT.latitude * Math.PI) / 180)),
});

function minutesBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
		Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
	const km = 2 * 6371.0088 * Math.asin(Math.sqrt(h));
	return (km * 1.3 * 60) / 50;
}

function technician(id: string, home: { latitude: number; longitude: number }, skills: FieldTechnician["skills"], days = 1): FieldTechnician {
	return {
		id,
		skills,
		home,
		shifts: Array.from({ length: days }, (_, d) => ({ start: DAY0 + d * 24 * H + 8 * H, end: DAY0 + d * 24 * H + 16 * H })),
		dailyCapacityMinutes: 420,
	};
}

function job(id: string, location: { latitude: number; longitude: number }, extra: Partial<FieldJob> = {}): FieldJob {
	return { id, location, durationMinutes: 60, requiredSkills: [{ skill: "hvac", level: 1 }], priority: "normal", ...extra };
}

/** Every broken rule of a plan, found without the engine's numbers. */
function check(problem: FieldProblem, plan: FieldPlan): string[] {
	const problems: string[] = [];
	const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
	const seen = new Map<string, number>();
	const starts = new Map(plan.assignments.map((a) => [a.jobId, a]));
	for (const route of plan.routes) {
		const tech = problem.technicians.find((t) => t.id === route.technicianId)!;
		const shift = tech.shifts.find((s) => s.start === route.shiftStart)!;
		let time = shift.start;
		let place = tech.home;
		let work = 0;
		for (const jobId of route.jobIds) {
			const j = jobs.get(jobId)!;
			seen.set(jobId, (seen.get(jobId) ?? 0) + 1);
			const arrival = time + minutesBetween(place, j.location) * MIN;
			const start = starts.get(jobId)!.start;
			if (start < arrival - 1) problems.push(`${jobId} starts before ${tech.id} can arrive`);
			if (j.window && (start < j.window.start - 1 || start > j.window.end + 1)) problems.push(`${jobId} starts outside its window`);
			if (j.pinned && (j.pinned.technicianId !== tech.id || Math.abs(start - j.pinned.start) > 1)) problems.push(`${jobId} moved from its pin`);
			for (const need of j.requiredSkills)
				if (!tech.skills.some((s) => s.skill === need.skill && s.level >= need.level))
					problems.push(`${tech.id} lacks ${need.skill} ${need.level} for ${jobId}`);
			work += j.durationMinutes;
			time = start + j.durationMinutes * MIN;
			place = j.location;
		}
		const home = time + minutesBetween(place, tech.home) * MIN;
		if (home > shift.end + (tech.maxOvertimeMinutes ?? 0) * MIN + 1) problems.push(`${tech.id} home at ${new Date(home).toISOString()}, after the shift`);
		if (work > tech.dailyCapacityMinutes) problems.push(`${tech.id} has ${work} min of work`);
	}
	for (const u of plan.unassigned) seen.set(u.jobId, (seen.get(u.jobId) ?? 0) + 1);
	for (const j of problem.jobs) if (seen.get(j.id) !== 1) problems.push(`${j.id} appears ${seen.get(j.id) ?? 0} times`);
	return problems;
}

const quick = { seed: 1, seconds: 60, maxIterations: 400 };

describe("field-service planning", () => {
	it("plans a mixed day feasibly, explaining every assignment", async () => {
		const skills = ["hvac", "plumbing", "electrical-lv"];
		const technicians = [0, 1, 2, 3].map((t) =>
			technician(`T${t}`, at(t * 8 - 12, t % 2 ? 5 : -5), [
				{ skill: skills[t % 3], level: 2 + (t % 3) },
				{ skill: "hvac", level: 2 },
			]),
		);
		const jobs = Array.from({ length: 30 }, (_, k) =>
			job(`J${k}`, at(((k * 7) % 25) - 12, ((k * 11) % 17) - 8), {
				durationMinutes: 30 + (k % 4) * 15,
				requiredSkills: [{ skill: skills[k % 3], level: 1 + (k % 2) }],
				priority: k % 10 === 0 ? "high" : "normal",
				sla: { respondBy: DAY0 + 12 * H, resolveBy: DAY0 + 15 * H },
			}),
		);
		const problem: FieldProblem = { technicians, jobs, horizonStart: DAY0 };
		const plan = await planHorizon(problem, quick);
		expect(check(problem, plan)).toEqual([]);
		expect(plan.assignments.length).toBeGreaterThan(20);
		for (const assignment of plan.assignments) {
			const s = assignment.score;
			expect(s.total).toBeCloseTo(s.travel + s.sla + s.asap + s.preferred + s.skillMatch, 1);
			expect(s.reasons.some((reason) => reason.startsWith("has "))).toBe(true);
		}
		expect(plan.kpis.assigned + plan.kpis.unassigned).toBe(30);
	});

	it("gives a job only to a technician with the skill at the level it needs, and says when nobody has it", async () => {
		const problem: FieldProblem = {
			horizonStart: DAY0,
			technicians: [technician("NEAR", at(0.5), [{ skill: "hvac", level: 2 }]), technician("FAR", at(20), [{ skill: "hvac", level: 4 }])],
			jobs: [job("J1", at(0), { requiredSkills: [{ skill: "hvac", level: 3 }] }), job("J2", at(1), { requiredSkills: [{ skill: "welding", level: 1 }] })],
		};
		const plan = await planHorizon(problem, quick);
		expect(plan.assignments.map((a) => [a.jobId, a.technicianId])).toEqual([["J1", "FAR"]]);
		expect(plan.unassigned).toEqual([{ jobId: "J2", reason: "no-skill", message: "no technician has welding at level 1 or more" }]);
		expect(check(problem, plan)).toEqual([]);
	});

	it("keeps a pinned appointment on its technician at its time", async () => {
		const pin = { technicianId: "FAR", start: DAY0 + 13 * H };
		const problem: FieldProblem = {
			horizonStart: DAY0,
			technicians: [technician("NEAR", at(0.5), [{ skill: "hvac", level: 3 }]), technician("FAR", at(25), [{ skill: "hvac", level: 3 }])],
			jobs: [job("P", at(0), { pinned: pin })],
		};
		const plan = await planHorizon(problem, quick);
		expect(plan.assignments).toMatchObject([{ jobId: "P", technicianId: "FAR", start: pin.start }]);
		expect(plan.assignments[0].score.reasons).toContain("pinned appointment");
		// A pin nobody's shift holds is reported, not moved.
		const off = await planHorizon({ ...problem, jobs: [job("P", at(0), { pinned: { technicianId: "FAR", start: DAY0 + 20 * H } })] }, quick);
		expect(off.unassigned).toMatchObject([{ jobId: "P", reason: "pinned-unavailable" }]);
	});

	it("starts a job by its deadline even when travel alone would put it later, and reports one nobody can reach in time", async () => {
		const problem: FieldProblem = {
			horizonStart: DAY0,
			technicians: [technician("T", at(0), [{ skill: "hvac", level: 1 }])],
			jobs: [
				job("EARLY", at(10), { window: { start: DAY0, end: DAY0 + 9 * H } }),
				job("FIRST", at(5), { durationMinutes: 90, priority: "high", sla: { respondBy: DAY0 + 8 * H, resolveBy: DAY0 + 10 * H } }),
				job("FARAWAY", at(150), { window: { start: DAY0, end: DAY0 + 8 * H + 5 * MIN } }),
			],
		};
		const plan = await planHorizon(problem, quick);
		const early = plan.assignments.find((a) => a.jobId === "EARLY")!;
		expect(early.start).toBeLessThanOrEqual(DAY0 + 9 * H);
		expect(plan.unassigned).toMatchObject([{ jobId: "FARAWAY", reason: "no-time" }]);
		expect(check(problem, plan)).toEqual([]);
		// Without the deadline the high-priority job goes first: the window is what moved EARLY.
		const loose = await planHorizon({ ...problem, jobs: problem.jobs.slice(0, 2).map((j) => ({ ...j, window: undefined })) }, quick);
		expect(loose.routes[0].jobIds).toEqual(["FIRST", "EARLY"]);
	});

	it("honours finish-to-start with lag, start-to-start, same-day and same-technician across technicians", async () => {
		const technicians = [
			technician("X", at(0), [{ skill: "hvac", level: 3 }], 2),
			technician("Y", at(30), [{ skill: "plumbing", level: 3 }], 2),
			technician("Z", at(31), [{ skill: "hvac", level: 1 }], 2),
		];
		const jobs: FieldJob[] = [
			job("A", at(1), { requiredSkills: [{ skill: "hvac", level: 3 }] }),
			job("B", at(29), { requiredSkills: [{ skill: "plumbing", level: 1 }], dependencies: [{ predecessorId: "A", kind: "finish-to-start", lagMs: 60 * MIN }] }),
			job("C", at(1.5), { requiredSkills: [{ skill: "hvac", level: 3 }], window: { start: DAY0 + 24 * H, end: DAY0 + 48 * H } }),
			job("D", at(29.5), { requiredSkills: [{ skill: "plumbing", level: 1 }], dependencies: [{ predecessorId: "C", kind: "same-day" }] }),
			job("E", at(30.5), { dependencies: [{ predecessorId: "A", kind: "same-technician" }] }),
			job("F", at(28), { requiredSkills: [{ skill: "plumbing", level: 1 }], dependencies: [{ predecessorId: "A", kind: "start-to-start", lagMs: 30 * MIN }] }),
		];
		const problem: FieldProblem = { horizonStart: DAY0, technicians, jobs };
		const plan = await planHorizon(problem, quick);
		expect(check(problem, plan)).toEqual([]);
		const of = (id: string) => plan.assignments.find((a) => a.jobId === id)!;
		expect(plan.unassigned).toEqual([]);
		expect(of("B").start).toBeGreaterThanOrEqual(of("A").end + 60 * MIN);
		expect(of("F").start).toBeGreaterThanOrEqual(of("A").start + 30 * MIN);
		expect(new Date(of("D").start).getUTCDate()).toBe(new Date(of("C").start).getUTCDate());
		expect(of("E").technicianId).toBe(of("A").technicianId);
		// The same plan with the dependencies dropped puts B, D, E and F elsewhere or earlier.
		const free = await planHorizon({ ...problem, jobs: jobs.map((j) => ({ ...j, dependencies: undefined })) }, quick);
		const freeOf = (id: string) => free.assignments.find((a) => a.jobId === id)!;
		expect(freeOf("B").start).toBeLessThan(freeOf("A").end + 60 * MIN);
		expect(freeOf("E").technicianId).toBe("Z");
		expect(new Date(freeOf("D").start).getUTCDate()).not.toBe(new Date(freeOf("C").start).getUTCDate());
	});

	it("reports a job whose predecessor cannot be planned as blocked by the dependency", async () => {
		const problem: FieldProblem = {
			horizonStart: DAY0,
			technicians: [technician("T", at(0), [{ skill: "hvac", level: 1 }])],
			jobs: [
				job("A", at(1), { requiredSkills: [{ skill: "welding", level: 1 }] }),
				job("B", at(2), { dependencies: [{ predecessorId: "A", kind: "finish-to-start" }] }),
			],
		};
		const plan = await planHorizon(problem, quick);
		expect(plan.unassigned).toEqual([
			{ jobId: "A", reason: "no-skill", message: "no technician has welding at level 1 or more" },
			{ jobId: "B", reason: "dependency", message: "depends on A (finish-to-start), which could not be planned" },
		]);
	});

	it("is deterministic for a seed and an iteration count", async () => {
		const technicians = [0, 1, 2].map((t) => technician(`T${t}`, at(t * 10), [{ skill: "hvac", level: 3 }]));
		const jobs = Array.from({ length: 25 }, (_, k) => job(`J${k}`, at((k * 13) % 30, (k * 7) % 11), { durationMinutes: 30 }));
		const problem: FieldProblem = { technicians, jobs, horizonStart: DAY0 };
		const first = await planHorizon(problem, { seed: 5, maxIterations: 300, seconds: 60 });
		const again = await planHorizon(problem, { seed: 5, maxIterations: 300, seconds: 60 });
		expect(again.assignments).toEqual(first.assignments);
	});

	it("inserts an emergency into a live day with little disruption, ahead of normal work", async () => {
		const technicians = [0, 1, 2].map((t) => technician(`T${t}`, at(t * 10), [{ skill: "hvac", level: 3 }]));
		const jobs = Array.from({ length: 15 }, (_, k) => job(`J${k}`, at((k * 13) % 30, (k * 7) % 11), { durationMinutes: 45 }));
		const problem: FieldProblem = { technicians, jobs, horizonStart: DAY0 };
		const day = await planHorizon(problem, quick);
		const live = day.routes.map((route) => ({ technicianId: route.technicianId, shiftStart: route.shiftStart, jobIds: route.jobIds }));
		const emergency = job("EMERGENCY", at(11, 1), { priority: "emergency", durationMinutes: 30, sla: { respondBy: DAY0 + 9 * H, resolveBy: DAY0 + 11 * H } });
		const withEmergency: FieldProblem = { ...problem, jobs: [...jobs, emergency] };
		const inserted = await insertUrgent(withEmergency, live, { seed: 1, maxIterations: 200, seconds: 60 });
		expect(check(withEmergency, inserted)).toEqual([]);
		const placed = inserted.assignments.find((a) => a.jobId === "EMERGENCY")!;
		expect(placed.slaBreachMinutes).toBe(0);
		// Nobody changes technician; only the emergency's route is re-timed.
		expect(inserted.changes.filter((change) => change.toTechnicianId !== change.fromTechnicianId)).toEqual([]);
		expect(new Set(inserted.changes.map((change) => change.toTechnicianId))).toEqual(new Set(inserted.changes.length ? [placed.technicianId] : []));
	});

	it("makes room for an emergency in a full day by taking out normal work, which is reported", async () => {
		const technicians = [technician("T", at(0), [{ skill: "hvac", level: 3 }])];
		const jobs = Array.from({ length: 7 }, (_, k) => job(`N${k}`, at(1 + k * 0.2), { durationMinutes: 60 }));
		const problem: FieldProblem = { technicians, jobs, horizonStart: DAY0 };
		const day = await planHorizon(problem, quick);
		expect(day.unassigned).toEqual([]);
		const live = day.routes.map((route) => ({ technicianId: route.technicianId, shiftStart: route.shiftStart, jobIds: route.jobIds }));
		const emergency = job("EMERGENCY", at(2), { priority: "emergency", durationMinutes: 30, sla: { respondBy: DAY0 + 9 * H, resolveBy: DAY0 + 10 * H } });
		const withEmergency: FieldProblem = { ...problem, jobs: [...jobs, emergency] };
		const inserted = await insertUrgent(withEmergency, live, { seed: 1, maxIterations: 200, seconds: 60 });
		expect(check(withEmergency, inserted)).toEqual([]);
		expect(inserted.assignments.find((a) => a.jobId === "EMERGENCY")).toMatchObject({ technicianId: "T", slaBreachMinutes: 0 });
		expect(inserted.unassigned).toMatchObject([{ reason: "no-capacity" }]);
		expect(inserted.changes.filter((change) => change.toTechnicianId === null).map((change) => change.jobId)).toEqual([inserted.unassigned[0].jobId]);
	});

	it("re-times fixed routes and reports what they break", async () => {
		const problem: FieldProblem = {
			horizonStart: DAY0,
			technicians: [technician("T", at(0), [{ skill: "hvac", level: 1 }]), technician("U", at(5), [{ skill: "hvac", level: 1 }])],
			jobs: [
				job("A", at(20), { durationMinutes: 240 }),
				job("B", at(1), { window: { start: DAY0 + 8 * H, end: DAY0 + 10 * H } }),
				job("C", at(6), { dependencies: [{ predecessorId: "A", kind: "finish-to-start", lagMs: 30 * MIN }] }),
				job("D", at(7), { requiredSkills: [{ skill: "plumbing", level: 1 }] }),
			],
		};
		const routes = [
			{ technicianId: "T", shiftStart: DAY0 + 8 * H, jobIds: ["A", "B"] },
			{ technicianId: "U", shiftStart: DAY0 + 8 * H, jobIds: ["C", "D"] },
		];
		const result = await retime(problem, routes);
		const a = result.visits.find((visit) => visit.jobId === "A")!;
		const c = result.visits.find((visit) => visit.jobId === "C")!;
		expect(c.start).toBe(a.end + 30 * MIN); // pushed along the dependency
		expect(result.violations.map((violation) => [violation.jobId, violation.kind])).toEqual([
			["B", "window"],
			["D", "skill"],
		]);
	});
});
