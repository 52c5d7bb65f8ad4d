/**
 * Ages out raw readings that matched no task (no evidence span covers them), oldest first, in
 * small chunks so ingest is never held up for long. Evidence, checkpoints, time entries, the
 * outbox and the readings behind evidence are never touched. The boot's ack watermark stays, so
 * a device that re-sends an aged-out reading is still answered as a duplicate.
 */
import type Database from "better-sqlite3";

export class ReadingEviction {
	private readonly deleteChunk;

	constructor(db: Database.Database) {
		this.deleteChunk = db.prepare(`
			DELETE FROM readings WHERE (boot_ref, seq) IN (
				SELECT r.boot_ref, r.seq FROM readings r
				WHERE r.received_at < ?
					AND NOT EXISTS (SELECT 1 FROM evidence_reading_spans s WHERE s.boot_ref = r.boot_ref AND s.first_seq <= r.seq AND s.last_seq >= r.seq)
				ORDER BY r.received_at LIMIT ?)`);
	}

	/** Deletes up to `limit` unmatched readings received before cutoffMs; returns how many. */
	ageOut(cutoffMs: number, limit = 5000): number {
		return this.deleteChunk.run(cutoffMs, limit).changes;
	}
}
