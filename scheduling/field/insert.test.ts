/**
 * Inserting an emergency into a live day that also carries a backlog the plan left out (another
 * emergency nobody can do, normal work that does not fit): naming the urgent job keeps the insert to
 * the quick steps (put in, make room) and leaves the backlog as the live plan had it; without the
 * name, the backlog emergency is urgent too and the short search runs. Every answer is checked by
 * an independent checker written here (its own great-circle times, not the engine's bookkeeping).
 */
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../platform/errors.js";
import { insertUrgent, planHorizon } from "./plan.js";
import type { FieldJob, FieldPlan, FieldProblem, FieldTechnician } from "./types.js";

const DAY0 = Date.UTC(2026, 2, 2);
const H = 3_600_000;
const MIN = 60_000;
const GHENT = { latitude: 51.054, longitude: 3.717 };
const at = (km: number, kmNorth = 0) => ({
	latitude: GHENT.latitude + kmNorth / 111.2,
	longitude: GHENT.longitude + km / (111.2 * Math.cos((GHENT.latitude * Math.PI) / 180)),
});

function minutesBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
		Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
	return (2 * 6371.0088 * Math.asin(Math.sqrt(h)) * 1.3 * 60) / 50;
}

/** Every broken rule of a plan, found without the engine's numbers: arrival, window, shift end, capacity, skills, each job once. */
function check(problem: FieldProblem, plan: FieldPlan): string[] {
	const problems: string[] = [];
	const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
	const seen = new Map<string, number>();
	const starts = new Map(plan.assignments.map((a) => [a.jobId, a.start]));
	for (const route of plan.routes) {
		const tech = problem.technicians.find((t) => t.id === route.technicianId)!;
		const shift = tech.shifts.find((s) => s.start === route.shiftStart)!;
		let time = shift.start;
		let place = tech.home;
		let work = 0;
		for (const jobId of route.jobIds) {
			const j = jobs.get(jobId)!;
			seen.set(jobId, (seen.get(jobId) ?? 0) + 1);
			const start = starts.get(jobId)!;
			if (start < time + minutesBetween(place, j.location) * MIN - 1) problems.push(`${jobId} starts before ${tech.id} can arrive`);
			if (j.window && (start < j.window.start - 1 || start > j.window.end + 1)) problems.push(`${jobId} starts outside its window`);
			for (const need of j.requiredSkills)
				if (!tech.skills.some((s) => s.skill === need.skill && s.level >= need.level)) problems.push(`${tech.id} lacks ${need.skill} for ${jobId}`);
			work += j.durationMinutes;
			time = start + j.durationMinutes * MIN;
			place = j.location;
		}
		if (time + minutesBetween(place, tech.home) * MIN > shift.end + (tech.maxOvertimeMinutes ?? 0) * MIN + 1) problems.push(`${tech.id} home late`);
		if (work > tech.dailyCapacityMinutes) problems.push(`${tech.id} has ${work} min of work`);
	}
	for (const u of plan.unassigned) seen.set(u.jobId, (seen.get(u.jobId) ?? 0) + 1);
	for (const j of problem.jobs) if (seen.get(j.id) !== 1) problems.push(`${j.id} appears ${seen.get(j.id) ?? 0} times`);
	return problems;
}

const technician = (id: string, km: number): FieldTechnician => ({
	id,
	skills: [{ skill: "hvac", level: 3 }],
	home: at(km),
	shifts: [{ start: DAY0 + 8 * H, end: DAY0 + 16 * H }],
	dailyCapacityMinutes: 420,
});
const job = (id: string, location: { latitude: number; longitude: number }, extra: Partial<FieldJob> = {}): FieldJob => ({
	id,
	location,
	durationMinutes: 90,
	requiredSkills: [{ skill: "hvac", level: 1 }],
	priority: "normal",
	...extra,
});

/** Two technicians, more normal work than fits, and an emergency needing a skill nobody has: a live day with a backlog. */
async function liveDayWithBacklog() {
	const technicians = [technician("T0", 0), technician("T1", 8)];
	const jobs = [
		...Array.from({ length: 14 }, (_, k) => job(`N${k}`, at((k * 3) % 10, (k * 5) % 7))),
		job("STUCK", at(4), { priority: "emergency", requiredSkills: [{ skill: "gas", level: 5 }] }),
	];
	const problem: FieldProblem = { technicians, jobs, horizonStart: DAY0 };
	const day = await planHorizon(problem, { seed: 1, seconds: 60, maxIterations: 300 });
	const live = day.routes.map((route) => ({ technicianId: route.technicianId, shiftStart: route.shiftStart, jobIds: route.jobIds }));
	const emergency = job("EMERGENCY", at(5, 1), { priority: "emergency", durationMinutes: 30, sla: { respondBy: DAY0 + 10 * H, resolveBy: DAY0 + 12 * H } });
	return { day, live, withEmergency: { ...problem, jobs: [...jobs, emergency] } satisfies FieldProblem };
}

describe("inserting an emergency into a live day with a backlog", () => {
	it("places the named emergency without a search, moving only visits on its route, and leaves the backlog out as before", async () => {
		const { day, live, withEmergency } = await liveDayWithBacklog();
		expect(day.unassigned.length).toBeGreaterThan(1); // normal work that does not fit, and STUCK
		const inserted = await insertUrgent(withEmergency, live, { seed: 1, seconds: 60, maxIterations: 200, urgentJobIds: ["EMERGENCY"] });
		expect(check(withEmergency, inserted)).toEqual([]);
		expect(inserted.assignments.find((a) => a.jobId === "EMERGENCY")).toMatchObject({ slaBreachMinutes: 0 });
		expect(inserted.unassigned.find((u) => u.jobId === "STUCK")).toMatchObject({ reason: "no-skill" });
		expect(inserted.iterations).toBe(0);
		// Only visits of the emergency's technician are re-timed; whatever is out now was out before or is reported as a change.
		const placed = inserted.assignments.find((a) => a.jobId === "EMERGENCY")!;
		expect(new Set(inserted.changes.map((c) => c.fromTechnicianId))).toEqual(new Set(inserted.changes.length ? [placed.technicianId] : []));
		const outBefore = new Set(day.unassigned.map((u) => u.jobId));
		for (const u of inserted.unassigned) if (!outBefore.has(u.jobId)) expect(inserted.changes.map((c) => c.jobId)).toContain(u.jobId);
	});

	it("treats every new job of the top priority as urgent when none is named, and still answers feasibly", async () => {
		const { live, withEmergency } = await liveDayWithBacklog();
		const inserted = await insertUrgent(withEmergency, live, { seed: 1, seconds: 60, maxIterations: 50 });
		expect(check(withEmergency, inserted)).toEqual([]);
		expect(inserted.assignments.find((a) => a.jobId === "EMERGENCY")).toMatchObject({ slaBreachMinutes: 0 });
		// STUCK is urgent too and cannot be placed, so the short search ran for it.
		expect(inserted.iterations).toBe(50);
	});

	it("gives the same answer for the same seed", async () => {
		const { live, withEmergency } = await liveDayWithBacklog();
		const options = { seed: 3, seconds: 60, maxIterations: 50 };
		const first = await insertUrgent(withEmergency, live, options);
		const again = await insertUrgent(withEmergency, live, options);
		expect(again.assignments).toEqual(first.assignments);
		expect(again.changes).toEqual(first.changes);
	});

	it("refuses an urgent job that is not in the problem, and ignores one the live routes already hold", async () => {
		const { live, withEmergency } = await liveDayWithBacklog();
		await expect(insertUrgent(withEmergency, live, { seed: 1, urgentJobIds: ["NOPE"] })).rejects.toMatchObject({ code: ErrorCodes.FC_SCHEDULE_INPUT });
		const heldId = live.find((route) => route.jobIds.length > 0)!.jobIds[0];
		const inserted = await insertUrgent(withEmergency, live, { seed: 1, maxIterations: 50, urgentJobIds: [heldId] });
		expect(check(withEmergency, inserted)).toEqual([]);
		expect(inserted.iterations).toBe(0);
		expect(inserted.changes.filter((c) => c.jobId === heldId)).toEqual([]);
	});
});
