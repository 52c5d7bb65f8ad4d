/**
 * Which stored readings are evidence already: a reading (device_id, boot_id, seq) becomes evidence
 * at most once, whether the ingest stamped it or a caller stamped it by hand. The fact lives in
 * evidence_reading_spans (migrations.ts version 4: runs of a boot's seqs, the rows the disk quota
 * also reads) and is written in the same transaction as the record, so it is as durable as the
 * record itself. Invariant: spans of one boot never overlap (each reading is stamped once), so the
 * span that starts last at or before a seq is the only one that can hold it.
 */
import type Database from "better-sqlite3";
import { ReadingSpans } from "../ingest/capacity/reading-spans.js";
import type { ReadingRow } from "../store/reading-store.js";

export class StampedReadings {
	private readonly spans: ReadingSpans;
	private readonly lastSpanFrom;

	constructor(db: Database.Database) {
		this.spans = new ReadingSpans(db);
		this.lastSpanFrom = db.prepare(
			`SELECT s.last_seq FROM evidence_reading_spans s JOIN boots b ON b.id = s.boot_ref
			WHERE b.device_id = ? AND b.boot_id = ? AND s.first_seq <= ? ORDER BY s.first_seq DESC LIMIT 1`,
		);
	}

	/** True when the reading is evidence already. */
	has(deviceId: string, bootId: string, seq: number): boolean {
		const row = this.lastSpanFrom.get(deviceId, bootId, seq) as { last_seq: number } | undefined;
		return row !== undefined && row.last_seq >= seq;
	}

	/** Inside the transaction that chains their records: these readings are evidence now. */
	record(stamped: readonly ReadingRow[]): void {
		if (stamped.length > 0) this.spans.record(stamped);
	}
}
