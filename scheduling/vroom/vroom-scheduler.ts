/**
 * A Scheduler backed by a VROOM server (vroom-express, `POST {baseUrl}` with VROOM's JSON input),
 * for fleets that outgrow the built-in engine. The problem goes over as VROOM jobs and vehicles on
 * our own travel matrix (so both engines see the same times); the answer comes back as job
 * sequences per technician shift and is timed, scored and explained by the same code as the
 * built-in engine's (field/plan.ts toPlan), so plans of both read the same.
 *
 * VROOM has skills without levels: each (skill, level) a technician reaches becomes one integer
 * skill, and a job needs the integers of its (skill, required level) pairs. Pins become a one-instant
 * window plus a skill only that technician has. VROOM has no cross-route dependencies: a problem
 * with dependencies is refused (use the built-in engine).
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type BuiltProblem, buildFieldProblem, qualified } from "../field/build.js";
import { toPlan } from "../field/plan.js";
import { greatCircleTravel, type TravelTimeSource } from "../field/travel.js";
import type { FieldPlan, FieldProblem, SolveOptions } from "../field/types.js";
import type { Scheduler } from "../scheduler.js";

export interface VroomInput {
	vehicles: { id: number; start_index: number; end_index: number; capacity: number[]; skills: number[]; time_window: [number, number]; description: string }[];
	jobs: {
		id: number;
		location_index: number;
		service: number;
		delivery: number[];
		skills: number[];
		priority: number;
		time_windows?: [number, number][];
		description: string;
	}[];
	matrices: { car: { durations: number[][] } };
}

const PRIORITY = { emergency: 100, high: 60, normal: 30, low: 0 } as const;

/** VROOM's input for a built problem: stop indices are matrix indices, times in seconds from the horizon start. */
export function toVroomInput(problem: FieldProblem, built: BuiltProblem): VroomInput {
	if (problem.jobs.some((job) => job.dependencies?.length))
		throw new FieldchainError(ErrorCodes.FC_SCHEDULE_INPUT, "the VROOM engine cannot honour dependencies between jobs", {
			hint: "Plan problems with dependencies with the built-in engine.",
		});
	const { core } = built;
	const S = core.stopCount;
	const J = core.jobCount;
	const seconds = (minutes: number) => Math.round(minutes * 60);
	const skillIds = new Map<string, number>();
	const skillId = (key: string) => {
		let id = skillIds.get(key);
		if (id === undefined) {
			id = skillIds.size + 1;
			skillIds.set(key, id);
		}
		return id;
	};
	const durations = Array.from({ length: S }, (_, a) => Array.from({ length: S }, (_, b) => seconds(built.travel[a * S + b])));
	const vehicles = built.vehicles.map((vehicle, v) => {
		const technician = problem.technicians[vehicle.technician];
		const skills = technician.skills.flatMap((have) => Array.from({ length: have.level }, (_, level) => skillId(`${have.skill}:${level + 1}`)));
		skills.push(skillId(`technician:${technician.id}`));
		return {
			id: v + 1,
			start_index: J + v,
			end_index: J + core.vehicleCount + v,
			capacity: [Math.round(core.capacity[v])],
			skills,
			time_window: [seconds(vehicle.shiftStart), seconds(vehicle.latestReturn)] as [number, number],
			description: `${technician.id}@${built.toEpoch(vehicle.shiftStart)}`,
		};
	});
	const jobs = problem.jobs.map((job, j) => {
		const skills = job.requiredSkills.map((need) => skillId(`${need.skill}:${need.level}`));
		if (job.pinned) skills.push(skillId(`technician:${job.pinned.technicianId}`));
		const window: [number, number] | undefined = core.due[j] < 1e6 || core.ready[j] > 0 ? [seconds(core.ready[j]), seconds(core.due[j])] : undefined;
		return {
			id: j + 1,
			location_index: j,
			service: seconds(job.durationMinutes),
			delivery: [Math.round(job.durationMinutes)],
			skills,
			priority: PRIORITY[job.priority],
			...(window ? { time_windows: [window] } : {}),
			description: job.id,
		};
	});
	return { vehicles, jobs, matrices: { car: { durations } } };
}

export function vroomScheduler(baseUrl: string, travel: TravelTimeSource = greatCircleTravel(), fetchImpl: typeof fetch = fetch): Scheduler {
	return {
		engine: "vroom",
		async plan(problem: FieldProblem, _options?: SolveOptions): Promise<FieldPlan> {
			const started = performance.now();
			const built = await buildFieldProblem(problem, travel);
			const input = toVroomInput(problem, built);
			const response = await fetchImpl(baseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }).catch(
				(error: unknown) => {
					throw new FieldchainError(ErrorCodes.FC_SCHEDULE_ENGINE, `the VROOM server at ${baseUrl} cannot be reached: ${String(error)}`);
				},
			);
			const answer = (await response.json().catch(() => null)) as {
				code?: number;
				error?: string;
				routes?: { vehicle: number; steps: { type: string; id?: number }[] }[];
			} | null;
			if (!response.ok || answer?.code !== 0 || !Array.isArray(answer.routes))
				throw new FieldchainError(ErrorCodes.FC_SCHEDULE_ENGINE, `the VROOM server at ${baseUrl} answered ${response.status}: ${answer?.error ?? "no routes"}`);
			const routes: number[][] = built.vehicles.map(() => []);
			for (const route of answer.routes) {
				const v = route.vehicle - 1;
				if (!routes[v]) throw new FieldchainError(ErrorCodes.FC_SCHEDULE_ENGINE, `the VROOM server answered with unknown vehicle ${route.vehicle}`);
				for (const step of route.steps) if (step.type === "job" && step.id !== undefined) routes[v].push(step.id - 1);
			}
			// Trust, but verify: a job VROOM gave a technician without the skills would be a mapping error.
			for (const [v, jobs] of routes.entries())
				for (const j of jobs)
					if (!qualified(problem.technicians[built.vehicles[v].technician], problem.jobs[j]))
						throw new FieldchainError(ErrorCodes.FC_SCHEDULE_ENGINE, `the VROOM server gave job ${problem.jobs[j].id} to a technician without its skills`);
			return toPlan(problem, built, routes, (performance.now() - started) / 1000, 0);
		},
	};
}
