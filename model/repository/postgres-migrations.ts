/**
 * Versioned schema of the PostgreSQL backend, recorded in `schema_version` (the same name the
 * SQLite backend uses; the billing and webhook stores keep their own tables beside it). Only
 * append: a released step is never edited, because databases in the field have already run it.
 */
import { ErrorCodes } from "../../platform/errors.js";
import { type MigrationPlan, migratePostgres, type Pool, type PostgresMigration } from "../../platform/postgres.js";

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
	{
		version: 1,
		description: "entities table: one JSON document per entity with indexed key columns",
		async up(client) {
			// `json`, not `jsonb`: it keeps the document's exact text, so what is read back is
			// byte for byte what was written (jsonb would reorder keys and renormalise numbers).
			// Filters use the key columns, never the document.
			await client.query(`
				CREATE TABLE entities (
					kind TEXT NOT NULL,
					id TEXT NOT NULL,
					version INTEGER NOT NULL CHECK (version >= 1),
					data JSON NOT NULL,
					updated_at BIGINT,
					status TEXT,
					work_order_id TEXT,
					task_id TEXT,
					customer_id TEXT,
					technician_id TEXT,
					root_id TEXT,
					site_id TEXT,
					subject_id TEXT,
					PRIMARY KEY (kind, id)
				);
				CREATE INDEX entities_status ON entities (kind, status);
				CREATE INDEX entities_work_order_id ON entities (kind, work_order_id);
				CREATE INDEX entities_task_id ON entities (kind, task_id);
				CREATE INDEX entities_customer_id ON entities (kind, customer_id);
				CREATE INDEX entities_technician_id ON entities (kind, technician_id);
				CREATE INDEX entities_root_id ON entities (kind, root_id);
				CREATE INDEX entities_site_id ON entities (kind, site_id);
				CREATE INDEX entities_subject_id ON entities (kind, subject_id);
				CREATE INDEX entities_updated_at ON entities (updated_at);
			`);
		},
	},
	{
		version: 2,
		description: "outbox: events written in the same transaction as the change they announce",
		async up(client) {
			await client.query(`
				CREATE TABLE outbox (
					seq BIGSERIAL PRIMARY KEY,
					id TEXT NOT NULL UNIQUE,
					type TEXT NOT NULL,
					occurred_at TEXT NOT NULL,
					data JSON NOT NULL,
					relayed_at BIGINT
				);
				CREATE INDEX outbox_pending ON outbox (seq) WHERE relayed_at IS NULL;
			`);
		},
	},
	{
		version: 3,
		description: "partial indexes on the sparse key columns: most kinds leave them null",
		async up(client) {
			// As the SQLite backend's version 4: an evidence row (500 per ingest batch) has no customer,
			// technician, root, site or subject, and a full index still takes an entry for each null.
			// `col = $n` implies `col IS NOT NULL` (= is strict), so the list queries use these as they
			// used the full ones. Rebuilt in the migration's transaction: the table is locked meanwhile.
			for (const column of ["customer_id", "technician_id", "root_id", "site_id", "subject_id"]) {
				await client.query(`DROP INDEX entities_${column}`);
				await client.query(`CREATE INDEX entities_${column} ON entities (kind, ${column}) WHERE ${column} IS NOT NULL`);
			}
		},
	},
];

export const LATEST_POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;

export const MODEL_MIGRATION_PLAN: MigrationPlan = {
	table: "schema_version",
	migrations: POSTGRES_MIGRATIONS,
	errorCode: ErrorCodes.FC_MODEL_MIGRATION,
	what: "model",
};

export function migrateModelPostgres(pool: Pool, target?: number, now?: () => number): Promise<number> {
	return migratePostgres(pool, MODEL_MIGRATION_PLAN, target, now);
}
