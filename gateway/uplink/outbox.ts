/**
 * The outbox of what is not evidence but must reach the cloud exactly once in effect: finished
 * time entries and their submission, task, visit and work-order status changes, deliverable sign-offs. A row is written in the same transaction as the change
 * itself (gateway/work/time-entries.ts, task-states.ts), so neither exists without the other;
 * the drain (gateway/uplink/drain.ts) sends rows in id order and marks them receipted.
 * `record_id` is the idempotency key the destination dedups on.
 */
import type Database from "better-sqlite3";

/**
 * time-entry: a stopped timer (a draft); time-submit / time-resubmit: the technician's Submit and the
 * correction of a rejected entry; task-status, appointment-status, work-order-status: progress;
 * deliverable-sign-off: the customer's signature signing a deliverable off.
 */
export type OutboxKind = "time-entry" | "task-status" | "time-submit" | "time-resubmit" | "appointment-status" | "work-order-status" | "deliverable-sign-off";

export interface OutboxEntry {
	id: number;
	kind: OutboxKind;
	recordId: string;
	workOrderId: string;
	taskId: string;
	payload: Record<string, unknown>;
	createdAt: number;
	attempts: number;
	uploadedAt: number | null;
	receiptedAt: number | null;
	lastError: string | null;
}

export interface OutboxInput {
	kind: OutboxKind;
	recordId: string;
	workOrderId: string;
	taskId: string;
	payload: Record<string, unknown>;
	createdAt: number;
}

interface Row {
	id: number;
	kind: OutboxKind;
	record_id: string;
	work_order_id: string;
	task_id: string;
	payload: string;
	created_at: number;
	attempts: number;
	uploaded_at: number | null;
	receipted_at: number | null;
	last_error: string | null;
}

function fromRow(row: Row): OutboxEntry {
	return {
		id: row.id,
		kind: row.kind,
		recordId: row.record_id,
		workOrderId: row.work_order_id,
		taskId: row.task_id,
		payload: JSON.parse(row.payload),
		createdAt: row.created_at,
		attempts: row.attempts,
		uploadedAt: row.uploaded_at,
		receiptedAt: row.receipted_at,
		lastError: row.last_error,
	};
}

export class Outbox {
	private readonly statements;

	constructor(db: Database.Database) {
		this.statements = {
			insert: db.prepare(
				"INSERT INTO outbox (kind, record_id, work_order_id, task_id, payload, created_at) VALUES (@kind, @recordId, @workOrderId, @taskId, @payload, @createdAt)",
			),
			pending: db.prepare("SELECT * FROM outbox WHERE receipted_at IS NULL ORDER BY id LIMIT ?"),
			attempt: db.prepare("UPDATE outbox SET attempts = attempts + 1, uploaded_at = coalesce(uploaded_at, ?) WHERE id = ?"),
			failed: db.prepare("UPDATE outbox SET last_error = ? WHERE id = ?"),
			receipted: db.prepare("UPDATE outbox SET receipted_at = ?, last_error = ? WHERE id = ?"),
			stats: db.prepare(
				"SELECT count(*) AS depth, min(created_at) AS oldest, coalesce(sum(length(payload)), 0) AS bytes FROM outbox WHERE receipted_at IS NULL",
			),
			forTask: db.prepare(
				"SELECT kind, count(*) AS total, count(uploaded_at) AS uploaded, count(receipted_at) AS receipted FROM outbox WHERE work_order_id = ? AND task_id = ? GROUP BY kind",
			),
			conflicts: db.prepare("SELECT * FROM outbox WHERE last_error LIKE 'conflict:%' ORDER BY id"),
		};
	}

	/** Call inside the transaction that writes the change itself. */
	add(input: OutboxInput): void {
		this.statements.insert.run({ ...input, payload: JSON.stringify(input.payload) });
	}

	pending(limit = 100): OutboxEntry[] {
		return (this.statements.pending.all(limit) as Row[]).map(fromRow);
	}

	noteAttempt(id: number, now: number): void {
		this.statements.attempt.run(now, id);
	}

	noteFailure(id: number, message: string): void {
		this.statements.failed.run(message, id);
	}

	/** Done: the destination holds it. `note` keeps what the destination said (a conflict, both versions). */
	markReceipted(id: number, now: number, note: string | null = null): void {
		this.statements.receipted.run(now, note, id);
	}

	stats(): { depth: number; oldestCreatedAt: number | null; bytes: number } {
		const row = this.statements.stats.get() as { depth: number; oldest: number | null; bytes: number };
		return { depth: row.depth, oldestCreatedAt: row.oldest, bytes: row.bytes };
	}

	statusOfTask(workOrderId: string, taskId: string): Record<string, { total: number; uploaded: number; receipted: number }> {
		const result: Record<string, { total: number; uploaded: number; receipted: number }> = {};
		for (const row of this.statements.forTask.all(workOrderId, taskId) as Array<{ kind: string; total: number; uploaded: number; receipted: number }>) {
			result[row.kind] = { total: row.total, uploaded: row.uploaded, receipted: row.receipted };
		}
		return result;
	}

	/** Changes the cloud refused or had changed too: both versions are kept in the row (payload and last_error). */
	conflicts(): OutboxEntry[] {
		return (this.statements.conflicts.all() as Row[]).map(fromRow);
	}
}
