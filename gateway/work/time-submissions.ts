/**
 * The technician's time entries with their one lifecycle, shared with the billing service under
 * one id: a stopped timer is a draft (here and, through the outbox, in billing); only the
 * technician's Submit submits it; the office approves or rejects it there, and its decision comes
 * back with the downlink's plan (office-state.ts); a rejected entry is corrected and resubmitted here.
 *
 * Status, merged: running while the timer runs; the office's approved/invoiced is final; the
 * office's rejected stands until the technician resubmits in answer to that rejection; otherwise
 * submitted once the technician (or the office) submitted it, else draft.
 * Invariant: every local change is written with its outbox entry in one transaction.
 */
import type Database from "better-sqlite3";
import type { TimeEntryStatus } from "../../model/entities/time-entry.js";
import { billedHours } from "../../model/rules/billable-time.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { FieldStates } from "./field-states.js";
import { latestTimeDecision, type OfficeDecision, officeTimeEntry } from "./office-state.js";
import type { GatewayTimeEntry, TimeEntryOutbox } from "./time-entries.js";
import type { WorkOrders } from "./work-orders.js";

export interface AppTimeEntry extends GatewayTimeEntry {
	status: Exclude<TimeEntryStatus, never>;
	/** The technician's last (re)submission, epoch ms. */
	submittedAt: number | null;
	/** The office's reason when it rejected the entry (kept while a resubmission waits). */
	rejectionReason: string | null;
	decidedAt: number | null;
	decidedBy: string | null;
	/** Billing holds the latest local change (false while it waits in the outbox). */
	synced: boolean;
	/** Hours an invoice bills for it (billable-time.ts). */
	billedHours: number | null;
}

interface Row {
	id: string;
	technician_id: string;
	work_order_id: string;
	task_id: string;
	kind: string;
	started_at: number;
	ended_at: number | null;
	submitted_at: number | null;
	pending: number;
}

export interface Correction {
	startedAt?: number;
	endedAt?: number;
	kind?: GatewayTimeEntry["kind"];
}

const SELECT = `SELECT t.*, s.submitted_at,
	(SELECT count(*) FROM outbox o WHERE o.receipted_at IS NULL AND (o.record_id = t.id OR o.record_id = 'time-submit:' || t.id
		OR o.record_id LIKE 'time-resubmit:' || t.id || ':%')) AS pending
	FROM time_entries t LEFT JOIN time_entry_submissions s ON s.time_entry_id = t.id`;

export class TimeSubmissions {
	constructor(
		private readonly db: Database.Database,
		private readonly workOrders?: WorkOrders,
		private readonly fieldStates?: FieldStates,
		private readonly uplink?: TimeEntryOutbox,
	) {
		// Its tables: gateway/store/migrations.ts, versions 6 (submissions) and 8 (field_states).
	}

	private toEntry(row: Row): AppTimeEntry {
		const snapshot = this.workOrders?.snapshot;
		const office = snapshot ? officeTimeEntry(snapshot, row.id) : undefined;
		const decision: OfficeDecision | undefined = snapshot ? latestTimeDecision(snapshot, row.id) : undefined;
		const resubmission = this.fieldStates?.get("timeEntry", row.id);
		const local: TimeEntryStatus = row.ended_at === null ? "running" : row.submitted_at === null ? "draft" : "submitted";
		let status: TimeEntryStatus = local;
		if (local !== "running" && office) {
			if (office.status === "approved" || office.status === "invoiced") status = office.status;
			else if (office.status === "rejected") status = resubmission && resubmission.data.answers === decision?.id ? "submitted" : "rejected";
			else if (office.status === "submitted") status = "submitted";
		}
		const rejected = decision?.decision === "rejected";
		return {
			id: row.id,
			technicianId: row.technician_id,
			workOrderId: row.work_order_id,
			taskId: row.task_id,
			kind: row.kind as GatewayTimeEntry["kind"],
			startedAt: row.started_at,
			endedAt: row.ended_at,
			status,
			submittedAt: row.submitted_at,
			rejectionReason: rejected ? (decision?.reason ?? "") : null,
			decidedAt: decision?.decidedAt ?? null,
			decidedBy: decision?.approverId ?? null,
			synced: row.pending === 0,
			billedHours: row.ended_at === null ? null : billedHours(row.ended_at - row.started_at),
		};
	}

	/** The technician's entries that started in [from, to), oldest first. */
	list(technicianId: string, from: number, to: number): AppTimeEntry[] {
		const rows = this.db
			.prepare(`${SELECT} WHERE t.technician_id = ? AND t.started_at >= ? AND t.started_at < ? ORDER BY t.started_at`)
			.all(technicianId, from, to) as Row[];
		return rows.map((row) => this.toEntry(row));
	}

	/** Every gateway entry on these tasks, whoever recorded it. */
	forTasks(taskIds: readonly string[]): AppTimeEntry[] {
		if (taskIds.length === 0) return [];
		const rows = this.db.prepare(`${SELECT} WHERE t.task_id IN (SELECT value FROM json_each(?)) ORDER BY t.started_at`).all(JSON.stringify(taskIds)) as Row[];
		return rows.map((row) => this.toEntry(row));
	}

	one(technicianId: string, id: string): AppTimeEntry {
		const row = this.db.prepare(`${SELECT} WHERE t.id = ? AND t.technician_id = ?`).get(id, technicianId) as Row | undefined;
		if (!row) throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Technician ${technicianId} has no time entry ${id}.`);
		return this.toEntry(row);
	}

	/** Submits the given stopped entries (or every draft of the technician); billing gets each submission through the outbox. */
	submit(technicianId: string, now: number, ids?: readonly string[]): AppTimeEntry[] {
		const all = this.list(technicianId, 0, Number.MAX_SAFE_INTEGER);
		const chosen = ids ? all.filter((entry) => ids.includes(entry.id)) : all.filter((entry) => entry.status === "draft");
		if (ids) {
			const unknown = ids.filter((id) => !all.some((entry) => entry.id === id));
			if (unknown.length > 0) throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Technician ${technicianId} has no time entries ${unknown.join(", ")}.`);
			const running = chosen.filter((entry) => entry.status === "running");
			if (running.length > 0)
				throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Time entry ${running[0].id} is still running.`, {
					hint: "Stop the timer before submitting.",
				});
		}
		const insert = this.db.prepare("INSERT OR IGNORE INTO time_entry_submissions (time_entry_id, submitted_at) VALUES (?, ?)");
		this.db.transaction(() => {
			for (const entry of chosen) {
				// Submitted already (here or by the office), decided or rejected: Submit changes nothing for it.
				if (entry.status !== "draft" || insert.run(entry.id, now).changes === 0) continue;
				this.uplink?.outbox.add({
					kind: "time-submit",
					recordId: `time-submit:${entry.id}`,
					workOrderId: entry.workOrderId,
					taskId: entry.taskId,
					payload: { timeEntryId: entry.id, at: now, afterChainSeq: this.uplink.chainHead() },
					createdAt: now,
				});
			}
		})();
		return this.list(technicianId, 0, Number.MAX_SAFE_INTEGER).filter((entry) => chosen.some((picked) => picked.id === entry.id));
	}

	/** Corrects a rejected entry and submits it again (billing: POST /v1/time-entries/{id}/resubmit). */
	resubmit(technicianId: string, id: string, correction: Correction, now: number): AppTimeEntry {
		const entry = this.one(technicianId, id);
		const decision = this.workOrders ? latestTimeDecision(this.workOrders.snapshot, id) : undefined;
		if (entry.status !== "rejected" || !decision) {
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_ILLEGAL_TRANSITION,
				`Time entry ${id} is ${entry.status}; only time the office rejected is corrected and resubmitted.`,
				{
					hint: entry.status === "draft" ? "Submit it instead." : "Nothing to do until the office decides.",
					details: { entity: "timeEntry", id, from: entry.status, to: "submitted" },
				},
			);
		}
		const startedAt = correction.startedAt ?? entry.startedAt;
		const endedAt = correction.endedAt ?? (entry.endedAt as number);
		const kind = correction.kind ?? entry.kind;
		if (!(endedAt >= startedAt))
			throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `The corrected time entry ${id} ends (${endedAt}) before it starts (${startedAt}).`);
		this.db.transaction(() => {
			this.db.prepare("UPDATE time_entries SET started_at = ?, ended_at = ?, kind = ? WHERE id = ?").run(startedAt, endedAt, kind, id);
			this.db
				.prepare(
					"INSERT INTO time_entry_submissions (time_entry_id, submitted_at) VALUES (?, ?) ON CONFLICT (time_entry_id) DO UPDATE SET submitted_at = excluded.submitted_at",
				)
				.run(id, now);
			this.fieldStates?.put({
				entity: "timeEntry",
				entityId: id,
				status: "submitted",
				data: { answers: decision.id },
				changedBy: technicianId,
				changedAt: now,
			});
			this.uplink?.outbox.add({
				kind: "time-resubmit",
				recordId: `time-resubmit:${id}:${decision.id}`,
				workOrderId: entry.workOrderId,
				taskId: entry.taskId,
				payload: { timeEntryId: id, start: startedAt, end: endedAt, kind, at: now, afterChainSeq: this.uplink.chainHead() },
				createdAt: now,
			});
		})();
		return this.one(technicianId, id);
	}
}
