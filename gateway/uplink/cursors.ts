/**
 * The evidence outbox is a cursor, not a copy: evidence and checkpoints are durable in chain
 * order already (gateway/evidence/evidence-batches.ts), so per destination the gateway keeps how
 * far the chain was sent (uploaded) and how far the destination's receipt covers (receipted).
 * Schema: gateway/store/migrations.ts, version 4 (uplink_cursors).
 */
import type Database from "better-sqlite3";
import type { UplinkProgress } from "../evidence/evidence-log.js";

export interface UplinkCursor extends UplinkProgress {
	destination: string;
	receiptedAt: number | null;
}

export class UplinkCursors {
	private readonly statements;
	private cached: UplinkCursor;

	constructor(
		db: Database.Database,
		readonly destination: string,
	) {
		db.prepare("INSERT OR IGNORE INTO uplink_cursors (destination) VALUES (?)").run(destination);
		this.statements = {
			get: db.prepare("SELECT uploaded_up_to, receipted_up_to, receipted_at FROM uplink_cursors WHERE destination = ?"),
			uploaded: db.prepare("UPDATE uplink_cursors SET uploaded_up_to = max(uploaded_up_to, ?) WHERE destination = ?"),
			receipted: db.prepare("UPDATE uplink_cursors SET receipted_up_to = ?, uploaded_up_to = max(uploaded_up_to, ?), receipted_at = ? WHERE destination = ?"),
		};
		this.cached = this.read();
	}

	/** The durable cursor, as of the last write (read once at start, then kept in step). */
	get current(): UplinkCursor {
		return this.cached;
	}

	markUploaded(upToSeq: number): void {
		if (upToSeq <= this.cached.uploadedUpTo) return;
		this.statements.uploaded.run(upToSeq, this.destination);
		this.cached = { ...this.cached, uploadedUpTo: upToSeq };
	}

	/**
	 * The destination's receipt covers the chain up to upToSeq. It may also move the cursor back
	 * (the destination lost data and says so): then the records after it are sent again.
	 */
	markReceipted(upToSeq: number, now: number): void {
		this.statements.receipted.run(upToSeq, upToSeq, now, this.destination);
		this.cached = this.read();
	}

	private read(): UplinkCursor {
		const row = this.statements.get.get(this.destination) as { uploaded_up_to: number; receipted_up_to: number; receipted_at: number | null };
		return { destination: this.destination, uploadedUpTo: row.uploaded_up_to, receiptedUpTo: row.receipted_up_to, receiptedAt: row.receipted_at };
	}
}
