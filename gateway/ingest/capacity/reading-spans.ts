/**
 * Remembers which readings became evidence, as runs of seqs per device boot (one row per run per
 * commit, not per reading), so the quota can tell raw readings that matched no task (the only
 * ones it may age out) from the readings behind evidence. Table: migrations.ts version 4.
 */
import type Database from "better-sqlite3";
import type { ReadingRow } from "../../store/reading-store.js";

export class ReadingSpans {
	private readonly insert;

	constructor(db: Database.Database) {
		this.insert = db.prepare(
			"INSERT OR IGNORE INTO evidence_reading_spans (boot_ref, first_seq, last_seq) SELECT id, ?, ? FROM boots WHERE device_id = ? AND boot_id = ?",
		);
	}

	/** Inside the commit's transaction, with the readings that were stamped (in commit order). */
	record(stamped: readonly ReadingRow[]): void {
		let run: { deviceId: string; bootId: string; first: number; last: number } | undefined;
		for (const row of stamped) {
			if (run && run.deviceId === row.deviceId && run.bootId === row.bootId && row.seq === run.last + 1) {
				run.last = row.seq;
				continue;
			}
			if (run) this.insert.run(run.first, run.last, run.deviceId, run.bootId);
			run = { deviceId: row.deviceId, bootId: row.bootId, first: row.seq, last: row.seq };
		}
		if (run) this.insert.run(run.first, run.last, run.deviceId, run.bootId);
	}
}
