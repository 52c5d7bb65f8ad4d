/**
 * Time entry actions. Content may change only while running or draft; from submission on, only the
 * status moves, and an approved entry never changes again except to be marked invoiced.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Approval } from "../entities/approval.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { TimeKind } from "../entities/technician.js";
import type { TimeEntry } from "../entities/time-entry.js";
import { requireEntity } from "../rules/lookup.js";
import { timeEntryMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, fresh, write } from "./context.js";

export interface NewTimeEntry {
	/** The id the entry was given where it was recorded (a gateway's timer): one id end to end. */
	id?: string;
	taskId: string;
	technicianId: string;
	kind: TimeKind;
	billable: boolean;
	note?: string;
}

function newEntry(snapshot: ModelSnapshot, input: NewTimeEntry, start: number, end: number | null, ctx: ActionContext): TimeEntry {
	const task = requireEntity(snapshot, "task", input.taskId);
	requireEntity(snapshot, "technician", input.technicianId);
	if (task.status === "cancelled") {
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Cannot record time on task ${task.id}: it is cancelled.`);
	}
	if (end !== null && !(end >= start)) throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `Time entry on task ${task.id} ends before it starts.`);
	return {
		...fresh(input.id ?? ctx.newId("timeEntry"), ctx.now),
		workOrderId: task.workOrderId,
		taskId: task.id,
		technicianId: input.technicianId,
		kind: input.kind,
		billable: input.billable,
		start,
		end,
		status: end === null ? "running" : "draft",
		note: input.note ?? "",
	};
}

export function startTimer(snapshot: ModelSnapshot, input: NewTimeEntry, ctx: ActionContext): ActionResult & { entry: TimeEntry } {
	const entry = newEntry(snapshot, input, ctx.now, null, ctx);
	return { entry, writes: [write("timeEntry", entry)] };
}

/** Time recorded after the fact, straight into draft. */
export function recordTime(
	snapshot: ModelSnapshot,
	input: NewTimeEntry & { start: number; end: number },
	ctx: ActionContext,
): ActionResult & { entry: TimeEntry } {
	const entry = newEntry(snapshot, input, input.start, input.end, ctx);
	return { entry, writes: [write("timeEntry", entry)] };
}

export function stopTimer(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	const entry = requireEntity(snapshot, "timeEntry", id);
	const next = { ...timeEntryMachine.transition(entry, "draft", ctx), end: Math.max(ctx.now, entry.start) };
	return { writes: [write("timeEntry", next)] };
}

export type TimeEntryPatch = Partial<Pick<TimeEntry, "start" | "end" | "kind" | "billable" | "note">>;

export function editTimeEntry(snapshot: ModelSnapshot, id: string, patch: TimeEntryPatch, ctx: ActionContext): ActionResult {
	const entry = requireEntity(snapshot, "timeEntry", id);
	if (entry.status === "approved" || entry.status === "invoiced") {
		throw new FieldchainError(ErrorCodes.FC_MODEL_IMMUTABLE, `Time entry ${id} is ${entry.status}; approved time never changes.`, {
			hint: "Record a correcting entry instead.",
		});
	}
	if (entry.status !== "draft" && entry.status !== "running") {
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Time entry ${id} is ${entry.status}; only draft or running time can be edited.`, {
			hint: entry.status === "rejected" ? "Reopen it to draft first." : "Ask the approver to reject it first.",
		});
	}
	const next: TimeEntry = { ...entry, ...patch, updatedAt: ctx.now };
	if ((next.end === null) !== (next.status === "running") || (next.end !== null && next.end < next.start)) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `Time entry ${id}: the edit leaves a bad start/end (${next.start}..${next.end}).`);
	}
	return { writes: [write("timeEntry", next)] };
}

export function submitTimeEntry(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("timeEntry", timeEntryMachine.transition(requireEntity(snapshot, "timeEntry", id), "submitted", ctx))] };
}

function decide(snapshot: ModelSnapshot, id: string, decision: "approved" | "rejected", reason: string, ctx: ActionContext) {
	const entry = requireEntity(snapshot, "timeEntry", id);
	timeEntryMachine.assert(id, entry.status, decision);
	if (ctx.actorId === entry.technicianId) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Technician ${ctx.actorId} cannot decide on their own time entry ${id}.`);
	}
	const approval: Approval = {
		...fresh(ctx.newId("approval"), ctx.now),
		workOrderId: entry.workOrderId,
		kind: "time-entry",
		subjectId: id,
		decision,
		approverId: ctx.actorId,
		decidedAt: ctx.now,
		reason,
	};
	return { approval, writes: [write("timeEntry", timeEntryMachine.transition(entry, decision, ctx)), write("approval", approval)] };
}

export function approveTimeEntry(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult & { approval: Approval } {
	return decide(snapshot, id, "approved", reason, ctx);
}

export function rejectTimeEntry(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult & { approval: Approval } {
	return decide(snapshot, id, "rejected", reason, ctx);
}

export function reopenTimeEntry(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("timeEntry", timeEntryMachine.transition(requireEntity(snapshot, "timeEntry", id), "draft", ctx))] };
}
