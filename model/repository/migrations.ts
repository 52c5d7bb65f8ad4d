/**
 * Versioned schema of the SQLite backend. Migrations only ever append: a released one is never
 * edited, because databases in the field have already run it. schema_version records each step.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes } from "../../platform/errors.js";
import { latestVersion, migrateSqliteSchema, type SqliteMigration, type SqliteSchema, sqliteSchemaVersion } from "../../platform/sqlite-migrations.js";

export type Migration = SqliteMigration;

/** Adds key columns copied out of the JSON document, backfilled for rows already stored. */
function addKeyColumns(db: Database, columns: Record<string, string>): void {
	for (const [column, path] of Object.entries(columns)) {
		db.exec(`ALTER TABLE entities ADD COLUMN ${column} TEXT`);
		db.exec(`UPDATE entities SET ${column} = CASE json_type(data, '${path}') WHEN 'text' THEN json_extract(data, '${path}') END`);
		db.exec(`CREATE INDEX entities_${column} ON entities (kind, ${column})`);
	}
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		description: "entities table: one JSON document per entity, keyed by kind and id",
		up(db) {
			db.exec(`
				CREATE TABLE entities (
					kind TEXT NOT NULL,
					id TEXT NOT NULL,
					version INTEGER NOT NULL CHECK (version >= 1),
					status TEXT,
					work_order_id TEXT,
					data TEXT NOT NULL CHECK (json_valid(data)),
					PRIMARY KEY (kind, id)
				) WITHOUT ROWID;
				CREATE INDEX entities_status ON entities (kind, status);
				CREATE INDEX entities_work_order_id ON entities (kind, work_order_id);
			`);
		},
	},
	{
		version: 2,
		description: "task, customer and technician key columns",
		up(db) {
			addKeyColumns(db, { task_id: "$.taskId", customer_id: "$.customerId", technician_id: "$.technicianId" });
		},
	},
	{
		version: 3,
		description: "root, site and approval-subject key columns; updated_at for sync",
		up(db) {
			addKeyColumns(db, { root_id: "$.rootId", site_id: "$.siteId", subject_id: "$.subjectId" });
			db.exec("ALTER TABLE entities ADD COLUMN updated_at INTEGER");
			db.exec("UPDATE entities SET updated_at = json_extract(data, '$.updatedAt')");
			db.exec("CREATE INDEX entities_updated_at ON entities (updated_at)");
		},
	},
	{
		version: 4,
		description: "partial indexes on the sparse key columns: most kinds leave them null",
		up(db) {
			// An index entry per row for a column most rows leave null cost ~20% of every insert (an
			// evidence row has no customer, technician, root, site or subject). `col = ?` implies
			// `col IS NOT NULL`, so the list queries use these as they used the full ones.
			for (const column of ["customer_id", "technician_id", "root_id", "site_id", "subject_id"]) {
				db.exec(`DROP INDEX entities_${column}`);
				db.exec(`CREATE INDEX entities_${column} ON entities (kind, ${column}) WHERE ${column} IS NOT NULL`);
			}
		},
	},
	{
		version: 5,
		description: "entities as a rowid table with a unique (kind, id), without a JSON check on every write",
		up(db) {
			// WITHOUT ROWID suits small rows; an entity's JSON is often a sixth of a page, which made
			// every insert and every secondary index entry (each carried the text key) dearer. The
			// json_valid CHECK re-parsed each document this code had just made with JSON.stringify.
			// Together ~20% of an evidence write in the billing service's ingest.
			db.exec(`
				CREATE TABLE entities_v5 (
					kind TEXT NOT NULL,
					id TEXT NOT NULL,
					version INTEGER NOT NULL CHECK (version >= 1),
					status TEXT,
					work_order_id TEXT,
					data TEXT NOT NULL,
					task_id TEXT,
					customer_id TEXT,
					technician_id TEXT,
					root_id TEXT,
					site_id TEXT,
					subject_id TEXT,
					updated_at INTEGER,
					UNIQUE (kind, id)
				);
				INSERT INTO entities_v5 (kind, id, version, status, work_order_id, data, task_id, customer_id, technician_id, root_id, site_id, subject_id, updated_at)
					SELECT kind, id, version, status, work_order_id, data, task_id, customer_id, technician_id, root_id, site_id, subject_id, updated_at FROM entities;
				DROP TABLE entities;
				ALTER TABLE entities_v5 RENAME TO entities;
				CREATE INDEX entities_status ON entities (kind, status);
				CREATE INDEX entities_work_order_id ON entities (kind, work_order_id);
				CREATE INDEX entities_task_id ON entities (kind, task_id);
				CREATE INDEX entities_updated_at ON entities (updated_at);
			`);
			for (const column of ["customer_id", "technician_id", "root_id", "site_id", "subject_id"]) {
				db.exec(`CREATE INDEX entities_${column} ON entities (kind, ${column}) WHERE ${column} IS NOT NULL`);
			}
		},
	},
	{
		version: 6,
		description: "no index on updated_at or status: no query reads them, and every write paid for them",
		up(db) {
			// Evidence arrives at ingest rate (hundreds a batch) and every row carried an entry in
			// both; together they were ~25% of an evidence write. No query orders or filters by
			// updated_at yet (a sync query that needs it adds its index), and a status filter reads
			// the kind's rows through the (kind, id) index: a service holds thousands of work orders,
			// not millions. A partial index leaving evidence out would not do: the list query binds
			// kind as a parameter, and SQLite uses a partial index only where it can prove the query
			// stays inside it.
			db.exec(`
				DROP INDEX entities_updated_at;
				DROP INDEX entities_status;
			`);
		},
	},
	{
		version: 7,
		description: "outbox: events written in the same transaction as the change they announce",
		up(db) {
			// seq orders the relay oldest first; relayed_at stays null until a relay has handed the
			// message on, so a crash between commit and delivery loses nothing.
			db.exec(`
				CREATE TABLE outbox (
					seq INTEGER PRIMARY KEY AUTOINCREMENT,
					id TEXT NOT NULL UNIQUE,
					type TEXT NOT NULL,
					occurred_at TEXT NOT NULL,
					data TEXT NOT NULL,
					relayed_at INTEGER
				);
				CREATE INDEX outbox_pending ON outbox (seq) WHERE relayed_at IS NULL;
			`);
		},
	},
];

const MODEL_SCHEMA: SqliteSchema = { table: "schema_version", what: "the model's tables", errorCode: ErrorCodes.FC_MODEL_MIGRATION, migrations: MIGRATIONS };

export const LATEST_SCHEMA_VERSION = latestVersion(MODEL_SCHEMA);

export function schemaVersion(db: Database): number {
	return sqliteSchemaVersion(db, MODEL_SCHEMA);
}

/** Brings the database to `target` (default: latest), one transaction per step. Returns the version. */
export function migrate(db: Database, target = LATEST_SCHEMA_VERSION, now: () => number = Date.now): number {
	return migrateSqliteSchema(db, MODEL_SCHEMA, target, now);
}
