/**
 * Time entries: record (as a draft or submitted), submit, approve or reject (never one's own),
 * correct and resubmit a rejected one, list. A gateway records its timer's entries under the id
 * the gateway gave them, so the field and the office speak of one entry by one id.
 */
import {
	approveTimeEntry,
	editTimeEntry,
	recordTime,
	rejectTimeEntry,
	reopenTimeEntry,
	submitTimeEntry,
	type TimeEntryPatch,
} from "../../../model/actions/time-entries.js";
import { applyWrites } from "../../../model/repository/apply.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingEventType } from "../../events/billing-events.js";
import type { BillingContext } from "../context.js";
import { advanceMilestones } from "../milestone-flow.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { Approval, TimeEntry } from "../openapi/entity-schemas.js";
import { bool, id, ms, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { checkTimeEntrySanity } from "../time-limits.js";
import { APPROVE, actor, checkVersion, FIELD, idParams, listOf, READ, reasonBody, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const createBody = obj(
	{
		id: id(),
		taskId: id(),
		technicianId: id(),
		kind: oneOfValues(["work", "travel"]),
		billable: bool(),
		start: ms(),
		end: ms(),
		note: str({ maxLength: 2000 }),
		submit: bool(),
	},
	["id", "note", "submit"],
);

const correctionBody = obj({ ...versionField, start: ms(), end: ms(), kind: oneOfValues(["work", "travel"]), note: str({ maxLength: 2000 }) }, [
	"version",
	"start",
	"end",
	"kind",
	"note",
]);

/** The event a time entry's new status announces (stored with the change: transactional outbox). */
function timeEvent(status: string): BillingEventType | undefined {
	return status === "submitted"
		? "timeentry.submitted"
		: status === "approved"
			? "timeentry.approved"
			: status === "rejected"
				? "timeentry.rejected"
				: undefined;
}

function timeEvents(id: string) {
	return (entities: readonly import("../../../model/entities/kinds.js").AnyEntity[]) => {
		const entry = storedOf<"timeEntry">([...entities], id);
		const type = entry ? timeEvent(entry.status) : undefined;
		return type ? [{ type, data: { timeEntry: entry } }] : [];
	};
}

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
			const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => action(s, entry.id, reason ?? "", c), { events: timeEvents(entry.id) });
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
			summary: "Record time on a task; submitted for approval unless submit is false (then draft); id: the recorder's own id for it (a gateway's)",
			tag: "time",
			scopes: FIELD,
			body: createBody,
			responses: { 201: { description: "The time entry", schema: TimeEntry } },
			async handler(input) {
				const { submit, ...body } = input.body as {
					submit?: boolean;
					id?: string;
					taskId: string;
					technicianId: string;
					kind: "work" | "travel";
					billable: boolean;
					start: number;
					end: number;
					note?: string;
				};
				if (body.id !== undefined && (await ctx.repo.get("timeEntry", body.id)))
					throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Time entry ${body.id} already exists.`, { hint: "GET /v1/time-entries/{id} shows it." });
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
				const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => submitTimeEntry(s, entry.id, c), { events: timeEvents(entry.id) });
				const result = storedOf<"timeEntry">(stored, entry.id);
				return ok(result, result.version);
			},
		},
		{
			method: "POST",
			url: "/v1/time-entries/:id/resubmit",
			operationId: "resubmitTimeEntry",
			summary: "Correct a rejected time entry (start, end, kind, note; omitted fields stay) and submit it again, in one step",
			tag: "time",
			scopes: FIELD,
			params: idParams,
			body: correctionBody,
			ifMatch: true,
			responses: { 200: { description: "The time entry as stored, submitted again", schema: TimeEntry } },
			async handler(input) {
				const entry = await requireStored(ctx, "timeEntry", input.params.id);
				checkVersion(entry, input, false);
				if (entry.status !== "rejected") {
					throw new FieldchainError(
						ErrorCodes.FC_MODEL_ILLEGAL_TRANSITION,
						`Time entry ${entry.id} is ${entry.status}; only rejected time is corrected and resubmitted.`,
						{
							details: { entity: "timeEntry", id: entry.id, from: entry.status, to: "submitted" },
						},
					);
				}
				const { version: _version, ...patch } = input.body as TimeEntryPatch & { version?: number };
				const snapshot = await chainOf(ctx, "timeEntry", entry.id);
				const { stored } = await runAction(
					ctx,
					snapshot,
					actor(input),
					(s, c) => {
						const reopened = reopenTimeEntry(s, entry.id, c);
						let current = applyWrites(s, reopened.writes);
						const edited = editTimeEntry(current, entry.id, patch, c);
						current = applyWrites(current, edited.writes);
						return { writes: [...reopened.writes, ...edited.writes, ...submitTimeEntry(current, entry.id, c).writes] };
					},
					{ events: timeEvents(entry.id) },
				);
				const result = storedOf<"timeEntry">(stored, entry.id);
				return ok(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/approvals",
			operationId: "listApprovals",
			summary: "Decisions on a work order: time approvals and rejections (with their reasons), milestone approvals, margin overrides",
			tag: "time",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Approvals by id", schema: listOf("approvals", Approval) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ approvals: await ctx.repo.list("approval", { workOrderId: input.params.id }) });
			},
		},
		decide("approveTimeEntry", "Approve submitted time (recorded as an approval; never your own time)", approveTimeEntry),
		decide("rejectTimeEntry", "Reject submitted time with a reason", rejectTimeEntry),
	];
}
