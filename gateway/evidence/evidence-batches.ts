/**
 * How the gateway keeps its evidence chain in SQLite: one row per group commit (a batch of chained
 * records, in chain order), plus two small lookup tables. Writing one row per record cost more
 * than encoding, hashing and signing together; a batch row writes the canonical bytes and little
 * else. Schema: gateway/store/migrations.ts, version 3.
 *
 *   evidence_batches   first_seq, last_seq, head_hash (entry hash at last_seq), records
 *   evidence_index     one row per (work order, task, batch): where a task's records are
 *   evidence_satisfied one row per (task, checklist item) that valid evidence satisfies
 *
 * `records` holds the batch's canonical records in one of the layouts of record-packing.ts: new rows
 * are delta-packed (each record as runs against the one before it, about a third of the bytes);
 * rows of migration 3 and older builds stay length-prefixed (each record after its length as a
 * uint32 big-endian: `CAST(unhex(printf('%08X', length(canonical))) || canonical AS BLOB)` for
 * one record) and are read as they are, so no migration rewrites them.
 */
import type Database from "better-sqlite3";
import { RecordPacker, unpackRecords } from "./record-packing.js";

export { packRecords, unpackRecords } from "./record-packing.js";

/** One chained record on its way into a batch. */
export interface BatchEntry {
	chainSeq: number;
	bytes: Uint8Array;
	entryHash: Buffer;
	workOrderId: string;
	taskId: string;
}

export interface StoredRecord {
	chainSeq: number;
	bytes: Buffer;
}

interface TaskSpan {
	workOrderId: string;
	taskId: string;
	first: number;
	last: number;
}

interface BatchRow {
	first_seq: number;
	last_seq: number;
	records: Buffer;
}

export class EvidenceBatches {
	private readonly statements;
	private readonly packer = new RecordPacker();

	constructor(db: Database.Database) {
		this.statements = {
			insertBatch: db.prepare("INSERT INTO evidence_batches (first_seq, last_seq, head_hash, records) VALUES (?, ?, ?, ?)"),
			insertIndex: db.prepare("INSERT INTO evidence_index (work_order_id, task_id, batch_seq, first_seq, last_seq) VALUES (?, ?, ?, ?, ?)"),
			markSatisfied: db.prepare("INSERT OR IGNORE INTO evidence_satisfied (task_id, checklist_item_id) VALUES (?, ?)"),
			head: db.prepare("SELECT last_seq, head_hash FROM evidence_batches ORDER BY first_seq DESC LIMIT 1"),
			satisfied: db.prepare("SELECT checklist_item_id FROM evidence_satisfied WHERE task_id = ?").pluck(),
			taskBatches: db.prepare(`SELECT b.first_seq, b.last_seq, b.records FROM evidence_index i JOIN evidence_batches b ON b.first_seq = i.batch_seq
				WHERE i.work_order_id = ? AND i.task_id = ? ORDER BY i.batch_seq`),
			workOrderRange: db.prepare("SELECT min(first_seq) AS first, max(last_seq) AS last FROM evidence_index WHERE work_order_id = ?"),
			between: db.prepare("SELECT first_seq, last_seq, records FROM evidence_batches WHERE last_seq >= ? AND first_seq <= ? ORDER BY first_seq"),
		};
	}

	/** Stores entries (consecutive chain seqs, in order) as one batch row. Inside the caller's transaction. */
	append(entries: readonly BatchEntry[]): void {
		if (entries.length === 0) return;
		const first = entries[0].chainSeq;
		const last = entries[entries.length - 1];
		// SQLite copies the bound blob, so the packer's buffer is reused for the next batch.
		this.statements.insertBatch.run(first, last.chainSeq, last.entryHash, this.packer.pack(entries));
		// Usually one task per batch, in runs: look a task up only when it changes, and keep the
		// index one row per task whatever the mix.
		const byTask = new Map<string, TaskSpan>();
		let current: TaskSpan | undefined;
		for (const entry of entries) {
			if (current === undefined || current.taskId !== entry.taskId || current.workOrderId !== entry.workOrderId) {
				const key = `${entry.workOrderId}\u0000${entry.taskId}`;
				current = byTask.get(key);
				if (!current) {
					current = { workOrderId: entry.workOrderId, taskId: entry.taskId, first: entry.chainSeq, last: entry.chainSeq };
					byTask.set(key, current);
				}
			}
			current.last = entry.chainSeq;
		}
		for (const span of byTask.values()) this.statements.insertIndex.run(span.workOrderId, span.taskId, first, span.first, span.last);
	}

	markSatisfied(taskId: string, checklistItemId: string): void {
		this.statements.markSatisfied.run(taskId, checklistItemId);
	}

	/** The last stored record's seq and entry hash, or undefined for an empty chain. */
	head(): { chainSeq: number; entryHash: Buffer } | undefined {
		const row = this.statements.head.get() as { last_seq: number; head_hash: Buffer } | undefined;
		return row && { chainSeq: row.last_seq, entryHash: row.head_hash };
	}

	satisfiedItems(taskId: string): string[] {
		return this.statements.satisfied.all(taskId) as string[];
	}

	/**
	 * Every record of the batches that hold the task's records, in chain order. Records of other
	 * tasks in those batches come too: the caller decodes and filters (batches rarely mix tasks).
	 */
	batchRecordsOfTask(workOrderId: string, taskId: string): StoredRecord[] {
		return (this.statements.taskBatches.all(workOrderId, taskId) as BatchRow[]).flatMap((row) => unpackRecords(row.first_seq, row.last_seq, row.records));
	}

	/** The first and last chain seq holding the work order's records. */
	workOrderRange(workOrderId: string): { first: number; last: number } | undefined {
		const row = this.statements.workOrderRange.get(workOrderId) as { first: number | null; last: number | null };
		return row.first === null || row.last === null ? undefined : { first: row.first, last: row.last };
	}

	/** The records with chain seq from first to last, in order. */
	between(first: number, last: number): StoredRecord[] {
		const records: StoredRecord[] = [];
		for (const row of this.statements.between.all(first, last) as BatchRow[]) {
			for (const record of unpackRecords(row.first_seq, row.last_seq, row.records)) {
				if (record.chainSeq >= first && record.chainSeq <= last) records.push(record);
			}
		}
		return records;
	}
}
