/**
 * "Submit for approval" of a technician's stopped time entries. The finished entries already go to
 * the cloud through the uplink's outbox when they stop (time-entries.ts); approval happens in the
 * billing service. On the gateway a submission is a local mark, kept so the app can show which
 * entries the technician has handed in, online or not.
 */
import type Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { GatewayTimeEntry } from "./time-entries.js";

export interface AppTimeEntry extends GatewayTimeEntry {
	/** running, draft (stopped, not handed in) or submitted. */
	status: "running" | "draft" | "submitted";
	submittedAt: number | null;
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
}

function toEntry(row: Row): AppTimeEntry {
	return {
		id: row.id,
		technicianId: row.technician_id,
		workOrderId: row.work_order_id,
		taskId: row.task_id,
		kind: row.kind as GatewayTimeEntry["kind"],
		startedAt: row.started_at,
		endedAt: row.ended_at,
		status: row.ended_at === null ? "running" : row.submitted_at === null ? "draft" : "submitted",
		submittedAt: row.submitted_at,
	};
}

export class TimeSubmissions {
	constructor(private readonly db: Database.Database) {
		// Its table: gateway/store/migrations.ts, version 6.
	}

	/** The technician's entries that started in [from, to), oldest first. */
	list(technicianId: string, from: number, to: number): AppTimeEntry[] {
		const rows = this.db
			.prepare(
				`SELECT t.*, s.submitted_at FROM time_entries t LEFT JOIN time_entry_submissions s ON s.time_entry_id = t.id
				WHERE t.technician_id = ? AND t.started_at >= ? AND t.started_at < ? ORDER BY t.started_at`,
			)
			.all(technicianId, from, to) as Row[];
		return rows.map(toEntry);
	}

	/** Every gateway entry on these tasks, whoever recorded it. */
	forTasks(taskIds: readonly string[]): AppTimeEntry[] {
		if (taskIds.length === 0) return [];
		const rows = this.db
			.prepare(
				`SELECT t.*, s.submitted_at FROM time_entries t LEFT JOIN time_entry_submissions s ON s.time_entry_id = t.id
				WHERE t.task_id IN (SELECT value FROM json_each(?)) ORDER BY t.started_at`,
			)
			.all(JSON.stringify(taskIds)) as Row[];
		return rows.map(toEntry);
	}

	/** Marks the given stopped entries (or all stopped, unsubmitted ones of the technician) as submitted. */
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
			for (const entry of chosen) insert.run(entry.id, now);
		})();
		return this.list(technicianId, 0, Number.MAX_SAFE_INTEGER).filter((entry) => chosen.some((picked) => picked.id === entry.id));
	}
}
