/** The SQLite ChainGapStore, on the billing store's connection (table billing_chain_gaps, sqlite-migrations.ts). */
import type { Database } from "better-sqlite3";
import type { AcknowledgeGapInput, AcknowledgeGapOutcome, ChainGapRecord, ChainGapStore, ChainPosition } from "./chain-gaps.js";
import type { StoredCheckpoint } from "./types.js";

/** The table and the index that finds a work order's records (migration 7). */
export const SQLITE_CHAIN_GAPS_SQL = `
	CREATE TABLE billing_chain_gaps (
		gateway_id TEXT NOT NULL,
		from_seq INTEGER NOT NULL,
		to_seq INTEGER NOT NULL CHECK (to_seq >= from_seq),
		observed_at INTEGER NOT NULL,
		reason TEXT,
		acknowledged_by TEXT,
		acknowledged_at INTEGER,
		PRIMARY KEY (gateway_id, from_seq)
	) WITHOUT ROWID;
	CREATE INDEX billing_chain_records_work_order ON billing_chain_records (work_order_id);
`;

export interface GapRow {
	gateway_id: string;
	from_seq: number | string;
	to_seq: number | string;
	observed_at: number | string;
	reason: string | null;
	acknowledged_by: string | null;
	acknowledged_at: number | string | null;
}

/** One row to a record, in both SQL backends (pg returns BIGINT as text). */
export const gapOf = (row: GapRow): ChainGapRecord => ({
	gatewayId: row.gateway_id,
	fromSeq: Number(row.from_seq),
	toSeq: Number(row.to_seq),
	observedAt: Number(row.observed_at),
	acknowledgement:
		row.acknowledged_at === null ? null : { reason: row.reason ?? "", acknowledgedBy: row.acknowledged_by ?? "", acknowledgedAt: Number(row.acknowledged_at) },
});

export class SqliteChainGaps implements ChainGapStore {
	private readonly sql;

	constructor(db: Database) {
		this.sql = {
			note: db.prepare(
				`INSERT INTO billing_chain_gaps (gateway_id, from_seq, to_seq, observed_at) VALUES (?, ?, ?, ?)
				 ON CONFLICT (gateway_id, from_seq) DO UPDATE SET to_seq = excluded.to_seq, observed_at = excluded.observed_at WHERE acknowledged_at IS NULL`,
			),
			list: db.prepare<[string], GapRow>("SELECT * FROM billing_chain_gaps WHERE gateway_id = ? ORDER BY from_seq"),
			get: db.prepare<[string, number], GapRow>("SELECT * FROM billing_chain_gaps WHERE gateway_id = ? AND from_seq = ?"),
			acknowledge: db.prepare(
				"UPDATE billing_chain_gaps SET reason = ?, acknowledged_by = ?, acknowledged_at = ? WHERE gateway_id = ? AND from_seq = ? AND to_seq = ? AND acknowledged_at IS NULL",
			),
			checkpoints: db.prepare<[string, number, number], { chain_seq: number; bytes: Buffer; key_id: string }>(
				"SELECT chain_seq, bytes, key_id FROM billing_checkpoints WHERE gateway_id = ? AND chain_seq BETWEEN ? AND ? ORDER BY chain_seq",
			),
			positions: db.prepare<[string], { gateway_id: string; chain_seq: number; record_id: string }>(
				"SELECT gateway_id, chain_seq, record_id FROM billing_chain_records WHERE work_order_id = ? ORDER BY gateway_id, chain_seq",
			),
		};
	}

	async noteChainGap(gatewayId: string, fromSeq: number, toSeq: number, at: number): Promise<void> {
		this.sql.note.run(gatewayId, fromSeq, toSeq, at);
	}

	async listChainGaps(gatewayId: string): Promise<ChainGapRecord[]> {
		return this.sql.list.all(gatewayId).map(gapOf);
	}

	async acknowledgeChainGap(input: AcknowledgeGapInput): Promise<AcknowledgeGapOutcome> {
		const changed = this.sql.acknowledge.run(input.reason, input.acknowledgedBy, input.acknowledgedAt, input.gatewayId, input.fromSeq, input.toSeq).changes;
		const row = this.sql.get.get(input.gatewayId, input.fromSeq);
		if (!row || Number(row.to_seq) !== input.toSeq || row.acknowledged_at === null) return { outcome: "unknown" };
		return { outcome: changed === 1 ? "acknowledged" : "already", gap: gapOf(row) };
	}

	async getCheckpoints(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredCheckpoint[]> {
		return this.sql.checkpoints.all(gatewayId, fromSeq, toSeq).map((row) => ({ chainSeq: row.chain_seq, bytes: new Uint8Array(row.bytes), keyId: row.key_id }));
	}

	async workOrderChainPositions(workOrderId: string): Promise<ChainPosition[]> {
		return this.sql.positions.all(workOrderId).map((row) => ({ gatewayId: row.gateway_id, chainSeq: row.chain_seq, recordId: row.record_id }));
	}
}
