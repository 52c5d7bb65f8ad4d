/** Tasks with their checklists: create, read, list, update while pending, lifecycle. */

import { fresh, write } from "../../../model/actions/context.js";
import { cancelTask, completeTask, startTask } from "../../../model/actions/tasks.js";
import type { Task } from "../../../model/entities/task.js";
import { explainCompleteTask, explainStartTask } from "../../../model/rules/task-rules.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { advanceMilestones } from "../milestone-flow.js";
import { chainOf, chainOfWorkOrder, requireStored, runAction, storedOf } from "../model-access.js";
import { ChecklistItem, Reason, Task as TaskSchema } from "../openapi/entity-schemas.js";
import { arr, bool, id, int, obj, oneOfValues, partial, str } from "../openapi/schema-helpers.js";
import { ADMIN, actor, checkVersion, definedOnly, FIELD, idParams, listOf, READ, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const skill = obj({ skill: str({ minLength: 1 }), level: int({ minimum: 1, maximum: 5 }) });
const taskFields = {
	sequence: int({ minimum: 0 }),
	title: str({ minLength: 1, maxLength: 500 }),
	requiredSkills: arr(skill),
	estimatedMinutes: int({ minimum: 0 }),
	checklist: arr(ChecklistItem, { maxItems: 500 }),
};
const createBody = obj({ id: id(), ...taskFields }, ["id", "sequence", "requiredSkills"]);
const patchBody = partial({ ...versionField, ...taskFields });
const statusBody = obj({ ...versionField, status: oneOfValues(["in-progress", "completed", "cancelled"]) }, ["version"]);
const checkBody = obj({ taskId: id(), canStart: bool(), canComplete: bool(), missingToStart: arr(Reason), missingToComplete: arr(Reason) });

export function taskRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/work-orders/:id/tasks",
			operationId: "createTask",
			summary: "Add a task with its checklist to a work order",
			tag: "work orders",
			scopes: ADMIN,
			params: idParams,
			body: createBody,
			responses: { 201: { description: "The task", schema: TaskSchema } },
			async handler(input) {
				const body = input.body as Partial<Task> & { title: string; estimatedMinutes: number; checklist: Task["checklist"] };
				const snapshot = await chainOfWorkOrder(ctx, input.params.id);
				const taskId = body.id ?? ctx.newId("task");
				if (await ctx.repo.get("task", taskId)) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Task ${taskId} already exists.`);
				const ids = new Set<string>();
				for (const item of body.checklist) {
					if (ids.has(item.id))
						throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `Checklist item id "${item.id}" appears twice.`, {
							hint: "Item ids are unique within a task.",
						});
					ids.add(item.id);
				}
				const task: Task = {
					...fresh(taskId, ctx.clock.now()),
					workOrderId: input.params.id,
					sequence: body.sequence ?? snapshot.tasks.filter((t) => t.workOrderId === input.params.id).length + 1,
					title: body.title,
					requiredSkills: body.requiredSkills ?? [],
					estimatedMinutes: body.estimatedMinutes,
					checklist: body.checklist,
					status: "pending",
					startedAt: null,
					completedAt: null,
				};
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("task", task)] }));
				const result = storedOf<"task">(stored, taskId);
				return created(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/tasks",
			operationId: "listTasks",
			summary: "Tasks of a work order",
			tag: "work orders",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Tasks by id", schema: listOf("tasks", TaskSchema) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ tasks: await ctx.repo.list("task", { workOrderId: input.params.id }) });
			},
		},
		{
			method: "GET",
			url: "/v1/tasks/:id",
			operationId: "getTask",
			summary: "One task with its checklist",
			tag: "work orders",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The task", schema: TaskSchema } },
			async handler(input) {
				const task = await requireStored(ctx, "task", input.params.id);
				return ok(task, task.version);
			},
		},
		{
			method: "GET",
			url: "/v1/tasks/:id/checks",
			operationId: "checkTask",
			summary: "What stands between the task and starting or completing it",
			tag: "work orders",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Reasons, empty when allowed", schema: checkBody } },
			async handler(input) {
				const snapshot = await chainOf(ctx, "task", input.params.id);
				const toStart = explainStartTask(snapshot, input.params.id);
				const toComplete = explainCompleteTask(snapshot, input.params.id);
				return ok({
					taskId: input.params.id,
					canStart: toStart.length === 0,
					canComplete: toComplete.length === 0,
					missingToStart: toStart,
					missingToComplete: toComplete,
				});
			},
		},
		{
			method: "PATCH",
			url: "/v1/tasks/:id",
			operationId: "updateTask",
			summary: "Change a pending task (title, sequence, skills, estimate, checklist); needs If-Match or version",
			tag: "work orders",
			scopes: ADMIN,
			params: idParams,
			body: patchBody,
			ifMatch: true,
			responses: { 200: { description: "The task as stored", schema: TaskSchema } },
			async handler(input) {
				const task = await requireStored(ctx, "task", input.params.id);
				checkVersion(task, input, true);
				if (task.status !== "pending") {
					throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Task ${task.id} is ${task.status}; only a pending task can be changed.`, {
						hint: "Cancel it and add a new task instead.",
					});
				}
				const snapshot = await chainOf(ctx, "task", task.id);
				const next: Task = { ...task, ...definedOnly(input.body as Partial<Task>), updatedAt: ctx.clock.now() };
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("task", next)] }));
				const result = storedOf<"task">(stored, task.id);
				return ok(result, result.version);
			},
		},
		{
			method: "POST",
			url: "/v1/tasks/:id/status",
			operationId: "moveTask",
			summary: "Start, complete or cancel a task under the model's rules (safety acknowledgements, evidence, timers)",
			tag: "work orders",
			scopes: FIELD,
			params: idParams,
			body: statusBody,
			ifMatch: true,
			responses: { 200: { description: "The task as stored", schema: TaskSchema } },
			async handler(input) {
				const { status } = input.body as { status: "in-progress" | "completed" | "cancelled" };
				const task = await requireStored(ctx, "task", input.params.id);
				checkVersion(task, input, false);
				const snapshot = await chainOf(ctx, "task", task.id);
				const action = status === "in-progress" ? startTask : status === "completed" ? completeTask : cancelTask;
				const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => action(s, task.id, c));
				const result = storedOf<"task">(stored, task.id);
				await advanceMilestones(ctx, snapshot.workOrders[0]?.rootId ?? task.workOrderId, actor(input));
				return ok(result, result.version);
			},
		},
	];
}
