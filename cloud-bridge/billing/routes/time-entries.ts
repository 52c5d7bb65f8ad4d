/** Time entries: record and submit, approve or reject (never one's own), list. */
import { approveTimeEntry, recordTime, rejectTimeEntry, submitTimeEntry } from "../../../model/actions/time-entries.js";
import { applyWrites } from "../../../model/repository/apply.js";
import type { BillingContext } from "../context.js";
import { advanceMilestones } from "../milestone-flow.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { TimeEntry } from "../openapi/entity-schemas.js";
import { bool, id, ms, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { checkTimeEntrySanity } from "../time-limits.js";
import { APPROVE, actor, checkVersion, FIELD, idParams, listOf, READ, reasonBody, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const createBody = obj(
	{
		taskId: id(),
		technicianId: id(),
		kind: oneOfValues(["work", "travel"]),
		billable: bool(),
		start: ms(),
		end: ms(),
		note: str({ maxLength: 2000 }),
		submit: bool(),
	},
	["note", "submit"],
);

export function timeEntryRoutes(ctx: BillingContext): RouteSpec[] {
	const decide = (operationId: string, summary: string, action: typeof approveTimeEntry): RouteSpec => ({
		method: "POST",
		url: `/v1/time-entries/:id/${operationId.startsWith("approve") ? "approve" : "reject"}`,
		operationId,
		summary,
		tag: "time",
		scopes: APPROVE,
		params: idParams,
		body: reasonBody,
		ifMatch: true,
		responses: { 200: { description: "The time entry as stored", schema: TimeEntry } },
		async handler(input) {
			const entry = await requireStored(ctx, "timeEntry", input.params.id);
			checkVersion(entry, input, false);
			const snapshot = await chainOf(ctx, "timeEntry", entry.id);
			const { reason } = input.body as { reason?: string };
			const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => action(s, entry.id, reason ?? "", c));
			const result = storedOf<"timeEntry">(stored, entry.id);
			await advanceMilestones(ctx, snapshot.workOrders[0]?.rootId ?? entry.workOrderId, actor(input));
			return ok(result, result.version);
		},
	});
	return [
		{
			method: "POST",
			url: "/v1/time-entries",
			operationId: "submitTimeEntry",
			summary: "Record time on a task; submitted for approval unless submit is false (then draft)",
			tag: "time",
			scopes: FIELD,
			body: createBody,
			responses: { 201: { description: "The time entry", schema: TimeEntry } },
			async handler(input) {
				const { submit, ...body } = input.body as {
					submit?: boolean;
					taskId: string;
					technicianId: string;
					kind: "work" | "travel";
					billable: boolean;
					start: number;
					end: number;
					note?: string;
				};
				const snapshot = await chainOf(ctx, "task", body.taskId);
				await checkTimeEntrySanity(ctx, body);
				const { result, stored } = await runAction(ctx, snapshot, actor(input), (s, c) => {
					const recorded = recordTime(s, body, c);
					if (submit === false) return recorded;
					const submitted = submitTimeEntry(applyWrites(s, recorded.writes), recorded.entry.id, c);
					return { entry: recorded.entry, writes: [...recorded.writes, ...submitted.writes] };
				});
				const entry = storedOf<"timeEntry">(stored, result.entry.id);
				return created(entry, entry.version);
			},
		},
		{
			method: "GET",
			url: "/v1/time-entries/:id",
			operationId: "getTimeEntry",
			summary: "One time entry",
			tag: "time",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The time entry", schema: TimeEntry } },
			async handler(input) {
				const entry = await requireStored(ctx, "timeEntry", input.params.id);
				return ok(entry, entry.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/time-entries",
			operationId: "listTimeEntries",
			summary: "Time entries of a work order",
			tag: "time",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Time entries by id", schema: listOf("timeEntries", TimeEntry) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ timeEntries: await ctx.repo.list("timeEntry", { workOrderId: input.params.id }) });
			},
		},
		{
			method: "POST",
			url: "/v1/time-entries/:id/submit",
			operationId: "submitDraftTimeEntry",
			summary: "Submit a draft time entry for approval",
			tag: "time",
			scopes: FIELD,
			params: idParams,
			body: obj(versionField, ["version"]),
			ifMatch: true,
			responses: { 200: { description: "The time entry as stored", schema: TimeEntry } },
			async handler(input) {
				const entry = await requireStored(ctx, "timeEntry", input.params.id);
				checkVersion(entry, input, false);
				const snapshot = await chainOf(ctx, "timeEntry", entry.id);
				const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => submitTimeEntry(s, entry.id, c));
				const result = storedOf<"timeEntry">(stored, entry.id);
				return ok(result, result.version);
			},
		},
		decide("approveTimeEntry", "Approve submitted time (recorded as an approval; never your own time)", approveTimeEntry),
		decide("rejectTimeEntry", "Reject submitted time with a reason", rejectTimeEntry),
	];
}
