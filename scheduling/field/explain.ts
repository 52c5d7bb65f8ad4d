/**
 * Why this technician, and why not at all: the score breakdown of one assignment, recomputed from
 * the same weights the search used, with sentences a dispatcher reads; and, for every job left out,
 * the first reason that holds of: nobody has the skills, the pinned technician is not working then,
 * a dependency cannot be met, nobody qualified can be there within its window, everyone qualified is
 * fully booked.
 */
import type { Routes } from "../core/routes.js";
import { type BuiltProblem, MINUTE, qualified, surplusLevels } from "./build.js";
import type { Assignment, FieldProblem, Unassigned } from "./types.js";

export function explainAssignment(problem: FieldProblem, built: BuiltProblem, v: number, j: number, startMinute: number, legMinutes: number): Assignment {
	const { weights } = built;
	const job = problem.jobs[j];
	const technician = problem.technicians[built.vehicles[v].technician];
	const start = built.toEpoch(startMinute);
	const end = start + job.durationMinutes * MINUTE;
	const reasons: string[] = [];
	const travel = legMinutes * weights.travelPerMinute;
	reasons.push(`${Math.round(legMinutes)} min drive from the previous stop`);
	let breach = 0;
	if (job.sla) {
		breach = Math.max(0, (start - job.sla.respondBy) / MINUTE, (end - job.sla.resolveBy) / MINUTE);
		if (breach > 0) reasons.push(`misses the ${job.priority} SLA by ${Math.round(breach)} min`);
		else reasons.push(`meets the SLA with ${formatMinutes(Math.min(job.sla.respondBy - start, job.sla.resolveBy - end) / MINUTE)} to spare`);
	}
	// The search charges lateness past min(respond by + duration, resolve by) on the finish; the same figure here.
	const sla = job.sla ? Math.max(0, startMinute + job.durationMinutes - built.core.lateAfter![j]) * weights.slaPerMinute[job.priority] : 0;
	const asap = startMinute * weights.asapPerMinute[job.priority];
	let preferred = 0;
	if (job.preferredTechnicianIds?.length) {
		if (job.preferredTechnicianIds.includes(technician.id)) reasons.push("the preferred technician");
		else {
			preferred = weights.notPreferred;
			reasons.push(`not the preferred technician (${job.preferredTechnicianIds.join(", ")})`);
		}
	}
	const surplus = surplusLevels(technician, job);
	const skillMatch = surplus * weights.perSurplusSkillLevel;
	for (const need of job.requiredSkills) {
		const have = technician.skills.find((skill) => skill.skill === need.skill);
		reasons.push(`has ${need.skill} level ${have?.level ?? 0} (needs ${need.level})`);
	}
	if (surplus > 0) reasons.push(`${surplus} skill level(s) above what the job needs`);
	if (job.pinned) reasons.push("pinned appointment");
	const round = (value: number) => Math.round(value * 100) / 100;
	return {
		jobId: job.id,
		technicianId: technician.id,
		start,
		end,
		travelMinutes: Math.round(legMinutes * 10) / 10,
		slaBreachMinutes: Math.round(breach * 10) / 10,
		score: {
			travel: round(travel),
			sla: round(sla),
			asap: round(asap),
			preferred: round(preferred),
			skillMatch: round(skillMatch),
			total: round(travel + sla + asap + preferred + skillMatch),
			reasons,
		},
	};
}

function formatMinutes(minutes: number): string {
	const whole = Math.max(0, Math.round(minutes));
	return whole >= 60 ? `${Math.floor(whole / 60)} h ${whole % 60} min` : `${whole} min`;
}

export function diagnoseUnassigned(problem: FieldProblem, built: BuiltProblem, state: Routes): Unassigned[] {
	const { core } = built;
	const S = core.stopCount;
	const J = core.jobCount;
	const out: Unassigned[] = [];
	const unplanned = new Set<number>();
	for (let j = 0; j < J; j++) if (state.routeOf[j] < 0) unplanned.add(j);
	for (const j of unplanned) {
		const job = problem.jobs[j];
		const skilled = problem.technicians.filter((technician) => qualified(technician, job));
		if (job.pinned) {
			const technician = problem.technicians.find((candidate) => candidate.id === job.pinned!.technicianId);
			if (!technician || !qualified(technician, job) || core.pinnedVehicle[j] < 0) {
				const why = !technician
					? "is not in the plan"
					: !qualified(technician, job)
						? "lacks a skill it needs"
						: `has no shift that holds ${new Date(job.pinned.start).toISOString()} for ${job.durationMinutes} min`;
				out.push({ jobId: job.id, reason: "pinned-unavailable", message: `pinned to ${job.pinned.technicianId}, who ${why}` });
				continue;
			}
		}
		if (skilled.length === 0) {
			const needs = job.requiredSkills.map((need) => `${need.skill} at level ${need.level} or more`).join(" and ");
			out.push({ jobId: job.id, reason: "no-skill", message: `no technician has ${needs}` });
			continue;
		}
		const blockedBy = (job.dependencies ?? []).find((dependency) => unplanned.has(built.jobIndex.get(dependency.predecessorId)!));
		if (blockedBy) {
			out.push({
				jobId: job.id,
				reason: "dependency",
				message: `depends on ${blockedBy.predecessorId} (${blockedBy.kind}), which could not be planned`,
			});
			continue;
		}
		// Could any allowed shift reach it alone, from home and back, within its window and the shift?
		let reachable = false;
		for (let v = 0; v < built.vehicles.length && !reachable; v++) {
			if (!core.allowed![v * J + j]) continue;
			const vehicle = built.vehicles[v];
			const home = J + v;
			const arrival = vehicle.shiftStart + built.travel[home * S + j];
			const start = Math.max(arrival, core.ready[j]);
			reachable =
				start <= core.due[j] && start + job.durationMinutes + built.travel[j * S + home] <= vehicle.latestReturn && job.durationMinutes <= core.capacity[v];
		}
		if (!reachable) {
			const window = job.window ? ` between ${new Date(job.window.start).toISOString()} and ${new Date(job.window.end).toISOString()}` : "";
			out.push({
				jobId: job.id,
				reason: "no-time",
				message: `no qualified technician (${skilled.length} have the skills) can be there${window} within a shift`,
			});
			continue;
		}
		if (job.dependencies?.length) {
			out.push({
				jobId: job.id,
				reason: "dependency",
				message: `its dependencies (${job.dependencies.map((d) => `${d.kind} ${d.predecessorId}`).join(", ")}) cannot be met with the time left`,
			});
			continue;
		}
		const deadline = job.window ? ` before ${new Date(job.window.end).toISOString()}` : "";
		out.push({ jobId: job.id, reason: "no-capacity", message: `the ${skilled.length} qualified technician(s) are fully booked${deadline}` });
	}
	return out;
}
