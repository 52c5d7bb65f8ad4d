/**
 * The scheduling engine's one interface: a field-service problem in, a plan out. The built-in
 * engine (scheduling/core, TypeScript) implements it; an external engine for fleets that outgrow
 * it implements the same interface by translating the problem to its own API and the answer back
 * (scheduling/vroom/vroom-scheduler.ts does so for a VROOM server over its JSON API). Callers —
 * the service's plan routes, the command line, the bench — hold a Scheduler, never an engine.
 */
import { type PlanContext, planHorizon } from "./field/plan.js";
import type { FieldPlan, FieldProblem, SolveOptions } from "./field/types.js";

export interface Scheduler {
	/** Which engine answers ("built-in", "vroom"), for logs and plan metadata. */
	readonly engine: string;
	plan(problem: FieldProblem, options?: SolveOptions): Promise<FieldPlan>;
}

export function builtInScheduler(context: PlanContext = {}): Scheduler {
	return { engine: "built-in", plan: (problem, options) => planHorizon(problem, options, context) };
}
