/** The SQLite ManifestStore (manifests.ts), on the billing store's connection (table billing_manifests, sqlite-migrations.ts). */
import type { Database } from "better-sqlite3";
import type { ManifestStore, StoredManifest } from "./manifests.js";

/** The table (migration 8). */
export const SQLITE_MANIFESTS_SQL = `
	CREATE TABLE billing_manifests (
		gateway_id TEXT NOT NULL,
		checkpoint_seq INTEGER NOT NULL,
		work_order_id TEXT NOT NULL,
		bytes BLOB NOT NULL,
		PRIMARY KEY (gateway_id, checkpoint_seq, work_order_id)
	) WITHOUT ROWID;
`;

export interface ManifestRow {
	gateway_id: string;
	checkpoint_seq: number | string;
	work_order_id: string;
	bytes: Uint8Array;
}

/** One row to a manifest, in both SQL backends (pg returns BIGINT as text). */
export const manifestOf = (row: ManifestRow): StoredManifest => ({
	gatewayId: row.gateway_id,
	checkpointSeq: Number(row.checkpoint_seq),
	workOrderId: row.work_order_id,
	bytes: new Uint8Array(row.bytes),
});

export class SqliteManifests implements ManifestStore {
	private readonly sql;

	constructor(private readonly db: Database) {
		this.sql = {
			put: db.prepare("INSERT INTO billing_manifests (gateway_id, checkpoint_seq, work_order_id, bytes) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
			at: db.prepare<[string, number], ManifestRow>("SELECT * FROM billing_manifests WHERE gateway_id = ? AND checkpoint_seq = ? ORDER BY work_order_id"),
		};
	}

	async putManifests(manifests: readonly StoredManifest[]): Promise<void> {
		this.db.transaction(() => {
			for (const m of manifests) this.sql.put.run(m.gatewayId, m.checkpointSeq, m.workOrderId, Buffer.from(m.bytes));
		})();
	}

	async getManifests(gatewayId: string, checkpointSeq: number): Promise<StoredManifest[]> {
		return this.sql.at.all(gatewayId, checkpointSeq).map(manifestOf);
	}
}
