/** The PostgreSQL ChainGapStore, on the billing store's pool (table billing_chain_gaps, its own migration). */
import type { Pool, PostgresMigration } from "../../../platform/postgres.js";
import { storeError } from "../../../platform/postgres.js";
import type { AcknowledgeGapInput, AcknowledgeGapOutcome, ChainGapRecord, ChainGapStore, ChainPosition } from "./chain-gaps.js";
import { type GapRow, gapOf } from "./chain-gaps-sqlite.js";
import type { StoredCheckpoint } from "./types.js";

/** The gaps table and the index that finds a work order's records; `version` is the billing plan's next. */
export function chainGapsMigration(version: number): PostgresMigration {
	return {
		version,
		description: "acknowledged chain gaps; chain records by work order",
		async up(client) {
			await client.query(`
				CREATE TABLE billing_chain_gaps (
					gateway_id TEXT NOT NULL,
					from_seq BIGINT NOT NULL,
					to_seq BIGINT NOT NULL CHECK (to_seq >= from_seq),
					observed_at BIGINT NOT NULL,
					reason TEXT,
					acknowledged_by TEXT,
					acknowledged_at BIGINT,
					PRIMARY KEY (gateway_id, from_seq)
				);
				CREATE INDEX billing_chain_records_work_order ON billing_chain_records (work_order_id);
			`);
		},
	};
}

export class PostgresChainGaps implements ChainGapStore {
	constructor(private readonly pool: () => Pool) {}

	private async rows<R extends object>(doing: string, sql: string, params: unknown[]): Promise<R[]> {
		try {
			return (await this.pool().query<R>(sql, params)).rows;
		} catch (error) {
			throw storeError(error, doing);
		}
	}

	async noteChainGap(gatewayId: string, fromSeq: number, toSeq: number, at: number): Promise<void> {
		await this.rows(
			"noting a chain gap",
			`INSERT INTO billing_chain_gaps (gateway_id, from_seq, to_seq, observed_at) VALUES ($1, $2, $3, $4)
			 ON CONFLICT (gateway_id, from_seq) DO UPDATE SET to_seq = excluded.to_seq, observed_at = excluded.observed_at
			 WHERE billing_chain_gaps.acknowledged_at IS NULL`,
			[gatewayId, fromSeq, toSeq, at],
		);
	}

	async listChainGaps(gatewayId: string): Promise<ChainGapRecord[]> {
		return (await this.rows<GapRow>("listing chain gaps", "SELECT * FROM billing_chain_gaps WHERE gateway_id = $1 ORDER BY from_seq", [gatewayId])).map(gapOf);
	}

	async acknowledgeChainGap(input: AcknowledgeGapInput): Promise<AcknowledgeGapOutcome> {
		// One statement: the UPDATE's row lock decides which of two racing calls acknowledges.
		const updated = await this.rows<GapRow>(
			"acknowledging a chain gap",
			`UPDATE billing_chain_gaps SET reason = $1, acknowledged_by = $2, acknowledged_at = $3
			 WHERE gateway_id = $4 AND from_seq = $5 AND to_seq = $6 AND acknowledged_at IS NULL RETURNING *`,
			[input.reason, input.acknowledgedBy, input.acknowledgedAt, input.gatewayId, input.fromSeq, input.toSeq],
		);
		if (updated[0]) return { outcome: "acknowledged", gap: gapOf(updated[0]) };
		const [row] = await this.rows<GapRow>("reading a chain gap", "SELECT * FROM billing_chain_gaps WHERE gateway_id = $1 AND from_seq = $2", [
			input.gatewayId,
			input.fromSeq,
		]);
		if (!row || Number(row.to_seq) !== input.toSeq || row.acknowledged_at === null) return { outcome: "unknown" };
		return { outcome: "already", gap: gapOf(row) };
	}

	async getCheckpoints(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredCheckpoint[]> {
		const rows = await this.rows<{ chain_seq: string; bytes: Buffer; key_id: string }>(
			"reading checkpoints",
			"SELECT chain_seq, bytes, key_id FROM billing_checkpoints WHERE gateway_id = $1 AND chain_seq BETWEEN $2 AND $3 ORDER BY chain_seq",
			[gatewayId, fromSeq, toSeq],
		);
		return rows.map((row) => ({ chainSeq: Number(row.chain_seq), bytes: new Uint8Array(row.bytes), keyId: row.key_id }));
	}

	async workOrderChainPositions(workOrderId: string): Promise<ChainPosition[]> {
		const rows = await this.rows<{ gateway_id: string; chain_seq: string; record_id: string }>(
			"finding a work order's evidence records",
			`SELECT gateway_id, chain_seq, record_id FROM billing_chain_records WHERE work_order_id = $1 ORDER BY gateway_id COLLATE "C", chain_seq`,
			[workOrderId],
		);
		return rows.map((row) => ({ gatewayId: row.gateway_id, chainSeq: Number(row.chain_seq), recordId: row.record_id }));
	}
}
