import type { ModelSnapshot } from "../entities/kinds.js";
import { requireEntity } from "../rules/lookup.js";
import { assertCanCompleteTask, assertCanStartTask } from "../rules/task-rules.js";
import { taskMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, write } from "./context.js";

export function startTask(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	const task = requireEntity(snapshot, "task", id);
	taskMachine.assert(id, task.status, "in-progress");
	assertCanStartTask(snapshot, id);
	return { writes: [write("task", { ...taskMachine.transition(task, "in-progress", ctx), startedAt: ctx.now })] };
}

export function completeTask(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	const task = requireEntity(snapshot, "task", id);
	taskMachine.assert(id, task.status, "completed");
	assertCanCompleteTask(snapshot, id);
	return { writes: [write("task", { ...taskMachine.transition(task, "completed", ctx), completedAt: ctx.now })] };
}

export function cancelTask(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("task", taskMachine.transition(requireEntity(snapshot, "task", id), "cancelled", ctx))] };
}
