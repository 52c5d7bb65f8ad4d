/**
 * Start/stop timers on tasks: the raw time a technician spends, kept on the gateway so it works
 * offline. One running entry per technician; starting another stops nothing silently, it refuses.
 * Approval and billing follow the execution model's TimeEntry rules in the billing service.
 */
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Outbox } from "../uplink/outbox.js";

export type TimeEntryKind = "work" | "travel";

export interface GatewayTimeEntry {
	id: string;
	technicianId: string;
	workOrderId: string;
	taskId: string;
	kind: TimeEntryKind;
	startedAt: number;
	endedAt: number | null;
}

interface Row {
	id: string;
	technician_id: string;
	work_order_id: string;
	task_id: string;
	kind: string;
	started_at: number;
	ended_at: number | null;
}

function fromRow(row: Row): GatewayTimeEntry {
	return {
		id: row.id,
		technicianId: row.technician_id,
		workOrderId: row.work_order_id,
		taskId: row.task_id,
		kind: row.kind as TimeEntryKind,
		startedAt: row.started_at,
		endedAt: row.ended_at,
	};
}

/** Where a finished entry goes for the cloud, in the same transaction (gateway/uplink/outbox.ts). */
export interface TimeEntryOutbox {
	outbox: Outbox;
	/** The evidence chain head now: the entry is sent only after the cloud holds the evidence before it. */
	chainHead: () => number;
}

export class TimeEntries {
	constructor(
		private readonly db: Database.Database,
		private readonly uplink?: TimeEntryOutbox,
	) {}

	running(technicianId: string): GatewayTimeEntry | undefined {
		const row = this.db.prepare("SELECT * FROM time_entries WHERE technician_id = ? AND ended_at IS NULL").get(technicianId) as Row | undefined;
		return row ? fromRow(row) : undefined;
	}

	start(technicianId: string, workOrderId: string, taskId: string, kind: TimeEntryKind, now: number): GatewayTimeEntry {
		const running = this.running(technicianId);
		if (running) {
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_RULE_REFUSED,
				`Technician ${technicianId} already has a running timer on task ${running.taskId} (entry ${running.id}).`,
				{
					hint: "Stop it first: POST .../time-entries/stop.",
				},
			);
		}
		const entry: GatewayTimeEntry = { id: randomUUID(), technicianId, workOrderId, taskId, kind, startedAt: now, endedAt: null };
		this.db
			.prepare("INSERT INTO time_entries (id, technician_id, work_order_id, task_id, kind, started_at) VALUES (?, ?, ?, ?, ?, ?)")
			.run(entry.id, technicianId, workOrderId, taskId, kind, now);
		return entry;
	}

	stop(technicianId: string, now: number): GatewayTimeEntry {
		const running = this.running(technicianId);
		if (!running) throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Technician ${technicianId} has no running timer.`);
		const stopped = { ...running, endedAt: Math.max(now, running.startedAt) };
		this.db.transaction(() => {
			this.db.prepare("UPDATE time_entries SET ended_at = ? WHERE id = ?").run(stopped.endedAt, running.id);
			this.uplink?.outbox.add({
				kind: "time-entry",
				recordId: stopped.id,
				workOrderId: stopped.workOrderId,
				taskId: stopped.taskId,
				payload: { ...stopped, afterChainSeq: this.uplink.chainHead() },
				createdAt: now,
			});
		})();
		return stopped;
	}

	forTask(workOrderId: string, taskId: string): GatewayTimeEntry[] {
		return (this.db.prepare("SELECT * FROM time_entries WHERE work_order_id = ? AND task_id = ? ORDER BY started_at").all(workOrderId, taskId) as Row[]).map(
			fromRow,
		);
	}
}
