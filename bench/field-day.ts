/**
 * Field-service figures on the model's fixtures: a day of 300 work orders for 25 technicians planned
 * from scratch (target ≤ 5 s, wall time including the travel matrix), and one emergency inserted
 * into that day with the least disruption (target ≤ 200 ms). The fixtures' orders are taken as
 * unplanned (reset to draft, no appointments) so the day is the engine's to plan; their durations,
 * skills, SLAs, sites and dependencies are kept. The baseline is construction alone (regret
 * insertion and local search, no ruin-and-recreate). Every plan is re-timed by scheduling/field/retime.ts
 * as a check: hard violations must be 0.
 */
import { generateFixtures } from "../model/fixtures/generate.js";
import { fieldProblemFromModel } from "../scheduling/field/from-model.js";
import { insertUrgent, planHorizon } from "../scheduling/field/plan.js";
import { retime } from "../scheduling/field/retime.js";
import type { FieldPlan, FieldProblem } from "../scheduling/field/types.js";
import { type Row, summarize } from "./stats.js";

const DAY = 86_400_000;

export async function benchFieldDay(runs: number, log: (line: string) => void): Promise<Row[]> {
	const asOf = Date.UTC(2026, 2, 2); // a Monday
	const { snapshot } = generateFixtures({ seed: 7, workOrders: 300, technicians: 25, asOf });
	const open = {
		...snapshot,
		workOrders: snapshot.workOrders.slice(0, 300).map((order) => ({ ...order, status: "draft" as const, plannedStart: null, plannedEnd: null })),
		tasks: snapshot.tasks.map((task) => ({ ...task, status: "pending" as const })),
		appointments: [],
		technicians: snapshot.technicians.map((technician) => ({ ...technician, active: true })),
	};
	const { problem, excluded } = fieldProblemFromModel(open, { from: asOf, to: asOf + DAY, maxOvertimeMinutes: 60 });
	const work = problem.jobs.reduce((sum, job) => sum + job.durationMinutes, 0);
	log(
		`  field day: ${problem.jobs.length} jobs (${Math.round(work / 60)} h of work, ${excluded.length} excluded), ${problem.technicians.length} technicians (${problem.technicians.reduce((sum, t) => sum + t.shifts.length * t.dailyCapacityMinutes, 0) / 60} h of capacity)`,
	);
	const planSeconds: number[] = [];
	const baselineSeconds: number[] = [];
	let plan: FieldPlan | undefined;
	let baselinePlan: FieldPlan | undefined;
	for (let run = 0; run < Math.min(runs, 3); run++) {
		let started = performance.now();
		baselinePlan = await planHorizon(problem, { seed: 1, maxIterations: 0 });
		baselineSeconds.push((performance.now() - started) / 1000);
		started = performance.now();
		plan = await planHorizon(problem, { seed: 1, seconds: 4 });
		planSeconds.push((performance.now() - started) / 1000);
	}
	if (!plan || !baselinePlan) return [];
	log(`    plan: ${JSON.stringify(plan.kpis)} (${plan.iterations} iterations)`);
	log(`    construction only: ${JSON.stringify(baselinePlan.kpis)}`);
	const reasons = new Map<string, number>();
	for (const left of plan.unassigned) reasons.set(left.reason, (reasons.get(left.reason) ?? 0) + 1);
	log(`    left out: ${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(", ") || "none"}`);
	const live = plan.routes.map((route) => ({ technicianId: route.technicianId, shiftStart: route.shiftStart, jobIds: route.jobIds }));
	const hard = (await retime(problem, live)).violations.filter((violation) => violation.kind !== "sla");
	const site = problem.jobs[17].location;
	const emergency: FieldProblem = {
		...problem,
		jobs: [
			...problem.jobs,
			{
				id: "EMERGENCY-1",
				location: { latitude: site.latitude + 0.01, longitude: site.longitude - 0.01 },
				durationMinutes: 60,
				requiredSkills: problem.jobs[17].requiredSkills,
				priority: "emergency",
				sla: { respondBy: asOf + 11 * 3_600_000, resolveBy: asOf + 14 * 3_600_000 },
			},
		],
	};
	const insertMs: number[] = [];
	let inserted: Awaited<ReturnType<typeof insertUrgent>> | undefined;
	// The dispatcher names the emergency it raises; the day's own left-out emergencies are backlog, not what this insert is for.
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		inserted = await insertUrgent(emergency, live, { seed: 1, seconds: 0.15, urgentJobIds: ["EMERGENCY-1"] });
		insertMs.push(performance.now() - started);
	}
	// For comparison: without the name every left-out job of the top priority is urgent too, so the short search (0.15 s) runs for them.
	const unnamedMs: number[] = [];
	for (let run = 0; run < Math.min(runs, 3); run++) {
		const started = performance.now();
		await insertUrgent(emergency, live, { seed: 1, seconds: 0.15 });
		unnamedMs.push(performance.now() - started);
	}
	log(`    insert without naming the urgent job: median ${Math.round(summarize(unnamedMs).median)} ms (the short search runs for the backlog's emergencies)`);
	const placed = inserted?.assignments.find((assignment) => assignment.jobId === "EMERGENCY-1");
	log(
		`    emergency: ${placed ? `${placed.technicianId} at ${new Date(placed.start).toISOString()}, SLA breach ${placed.slaBreachMinutes} min, ${placed.score.reasons.join("; ")}` : "NOT PLACED"}; ${inserted?.changes.length ?? 0} other visit(s) changed`,
	);
	const planSummary = summarize(planSeconds);
	const baselineSummary = summarize(baselineSeconds);
	return [
		{
			benchmark: "field day 300 jobs / 25 technicians",
			metric: `plan wall time (${plan.kpis.assigned} assigned, cost ${Math.round(plan.kpis.cost)} vs ${Math.round(baselinePlan.kpis.cost)} construction only)`,
			unit: "s",
			value: planSummary,
			baseline: baselineSummary,
			baselineLabel: "construction only",
			ratio: planSummary.median / baselineSummary.median,
			target: "≤ 5 s, 0 hard violations",
			met: planSummary.max <= 5 && hard.length === 0,
		},
		{
			benchmark: "field day emergency insert",
			metric: `insert wall time (${placed ? `placed, ${placed.slaBreachMinutes} min late` : "not placed"})`,
			unit: "ms",
			value: summarize(insertMs),
			target: "≤ 200 ms",
			met: summarize(insertMs).median <= 200 && placed !== undefined,
		},
	];
}
