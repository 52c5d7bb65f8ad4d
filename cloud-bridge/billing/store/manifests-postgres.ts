/** The PostgreSQL ManifestStore (manifests.ts), on the billing store's pool (table billing_manifests). */
import type { Pool, PostgresMigration } from "../../../platform/postgres.js";
import { storeError } from "../../../platform/postgres.js";
import type { ManifestStore, StoredManifest } from "./manifests.js";
import { type ManifestRow, manifestOf } from "./manifests-sqlite.js";

export function manifestsMigration(version: number): PostgresMigration {
	return {
		version,
		description: "work-order manifests of the gateways' checkpoints",
		async up(client) {
			await client.query(`
				CREATE TABLE billing_manifests (
					gateway_id TEXT NOT NULL,
					checkpoint_seq BIGINT NOT NULL,
					work_order_id TEXT NOT NULL,
					bytes BYTEA NOT NULL,
					PRIMARY KEY (gateway_id, checkpoint_seq, work_order_id)
				);
			`);
		},
	};
}

export class PostgresManifests implements ManifestStore {
	constructor(private readonly pool: () => Pool) {}

	private async rows<R extends object>(doing: string, sql: string, params: unknown[]): Promise<R[]> {
		try {
			return (await this.pool().query<R>(sql, params)).rows;
		} catch (error) {
			throw storeError(error, doing);
		}
	}

	async putManifests(manifests: readonly StoredManifest[]): Promise<void> {
		if (manifests.length === 0) return;
		// One statement: all or nothing, and of two racing batches the first row is kept.
		await this.rows(
			"storing work-order manifests",
			`INSERT INTO billing_manifests (gateway_id, checkpoint_seq, work_order_id, bytes)
			 SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bytea[]) ON CONFLICT DO NOTHING`,
			[
				manifests.map((m) => m.gatewayId),
				manifests.map((m) => m.checkpointSeq),
				manifests.map((m) => m.workOrderId),
				manifests.map((m) => Buffer.from(m.bytes)),
			],
		);
	}

	async getManifests(gatewayId: string, checkpointSeq: number): Promise<StoredManifest[]> {
		const rows = await this.rows<ManifestRow>(
			"reading work-order manifests",
			"SELECT * FROM billing_manifests WHERE gateway_id = $1 AND checkpoint_seq = $2 ORDER BY work_order_id",
			[gatewayId, checkpointSeq],
		);
		return rows.map(manifestOf);
	}
}
