/**
 * The approver's queue: submitted time entries grouped by work order, each with its task (what
 * was to be done, its checklist) and the evidence recorded on that task (readings, photos,
 * signatures); and bulk approval of a selection. Bulk approval never decides an entry of the
 * approver's own (the console user's linked technician, or the caller's own name): those are
 * refused one by one, while the rest go ahead.
 */
import { approveTimeEntry } from "../../../model/actions/time-entries.js";
import type { TimeEntry as TimeEntryEntity } from "../../../model/entities/time-entry.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { advanceMilestones } from "../milestone-flow.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { Evidence, Task, TimeEntry, WorkOrder } from "../openapi/entity-schemas.js";
import { arr, bool, id, nullable, obj, str } from "../openapi/schema-helpers.js";
import { ADMIN, APPROVE, actor, RELEASE } from "./common.js";
import type { HandlerInput } from "./route-spec.js";
import { ok, type RouteSpec } from "./route-spec.js";

const queueSchema = obj({
	workOrders: arr(
		obj({
			workOrder: WorkOrder,
			entries: arr(obj({ timeEntry: TimeEntry, task: nullable(Task), evidence: arr(Evidence), own: bool() })),
		}),
	),
});

const outcomeSchema = obj({
	approved: arr(TimeEntry),
	refused: arr(obj({ id: id(), code: str(), message: str() })),
});

/** True when the caller would be deciding on their own time. */
export function isOwnEntry(input: Pick<HandlerInput, "request" | "principal">, entry: Pick<TimeEntryEntity, "technicianId">): boolean {
	const linked = input.request.consoleUser?.technicianId;
	return entry.technicianId === linked || entry.technicianId === input.principal?.name;
}

export function approvalQueueRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/approvals/time-entries",
			operationId: "listTimeApprovalQueue",
			summary: "Submitted time entries waiting for a decision, grouped by work order, with their task and evidence",
			tag: "time",
			// Office roles only: a gateway's token (workorders:read) must not list other technicians' time.
			scopes: [...APPROVE, ...RELEASE, ...ADMIN],
			responses: { 200: { description: "Work orders with submitted time, by work-order id", schema: queueSchema } },
			async handler(input) {
				const entries = await ctx.repo.list("timeEntry", { status: "submitted" });
				const byOrder = new Map<string, TimeEntryEntity[]>();
				for (const entry of entries) byOrder.set(entry.workOrderId, [...(byOrder.get(entry.workOrderId) ?? []), entry]);
				const workOrders = [];
				for (const [workOrderId, list] of [...byOrder].sort(([a], [b]) => (a < b ? -1 : 1))) {
					const workOrder = await requireStored(ctx, "workOrder", workOrderId);
					const tasks = await ctx.repo.list("task", { workOrderId });
					const evidence = await ctx.repo.list("evidence", { workOrderId });
					workOrders.push({
						workOrder,
						entries: list
							.sort((a, b) => a.start - b.start)
							.map((timeEntry) => ({
								timeEntry,
								task: tasks.find((t) => t.id === timeEntry.taskId) ?? null,
								evidence: evidence.filter((e) => e.taskId === timeEntry.taskId),
								own: isOwnEntry(input, timeEntry),
							})),
					});
				}
				return ok({ workOrders });
			},
		},
		{
			method: "POST",
			url: "/v1/approvals/time-entries/approve",
			operationId: "approveTimeEntries",
			summary: "Approve several submitted time entries; entries of your own, or no longer submitted, are refused one by one",
			tag: "time",
			scopes: APPROVE,
			body: obj({ ids: arr(id(), { minItems: 1, maxItems: 200, uniqueItems: true }), reason: str({ maxLength: 2000 }) }, ["reason"]),
			responses: { 200: { description: "What was approved and what was refused, and why", schema: outcomeSchema } },
			async handler(input) {
				const { ids, reason } = input.body as { ids: string[]; reason?: string };
				const approved = [];
				const refused = [];
				const roots = new Set<string>();
				for (const entryId of ids) {
					try {
						const entry = await requireStored(ctx, "timeEntry", entryId);
						if (isOwnEntry(input, entry)) {
							throw new FieldchainError(ErrorCodes.FC_CONSOLE_OWN_ENTRY, `Time entry ${entryId} is your own; someone else has to decide on it.`);
						}
						if (entry.status !== "submitted") {
							throw new FieldchainError(ErrorCodes.FC_MODEL_ILLEGAL_TRANSITION, `Time entry ${entryId} is ${entry.status}, not submitted.`);
						}
						const snapshot = await chainOf(ctx, "timeEntry", entry.id);
						const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => approveTimeEntry(s, entry.id, reason ?? "", c), {
							events: (entities) => [{ type: "timeentry.approved", data: { timeEntry: storedOf<"timeEntry">([...entities], entry.id) } }],
						});
						approved.push(storedOf<"timeEntry">(stored, entry.id));
						roots.add(snapshot.workOrders[0]?.rootId ?? entry.workOrderId);
					} catch (error) {
						if (!(error instanceof FieldchainError)) throw error;
						refused.push({ id: entryId, code: error.code, message: error.message });
					}
				}
				for (const root of roots) await advanceMilestones(ctx, root, actor(input));
				return ok({ approved, refused });
			},
		},
	];
}
