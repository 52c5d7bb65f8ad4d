/**
 * Versioned schema of the gateway's SQLite database, run by the platform's migration runner. Each
 * migration runs once, in order, inside a transaction; `PRAGMA user_version` records how far a
 * database has come (the gateway owns its file, and databases in the field already record it
 * there). Never edit a migration that has shipped: add the next one.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes } from "../../platform/errors.js";
import { latestVersion, migrateSqliteSchema, type SqliteSchema, sqliteSchemaVersion } from "../../platform/sqlite-migrations.js";

export interface Migration {
	version: number;
	description: string;
	sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		description: "devices, boots and readings",
		sql: `
			CREATE TABLE devices (
				device_id TEXT PRIMARY KEY,
				model TEXT NOT NULL,
				hardware_revision TEXT NOT NULL,
				firmware_version TEXT NOT NULL,
				serial_number TEXT NOT NULL,
				protocol_major INTEGER NOT NULL,
				protocol_minor INTEGER NOT NULL,
				capabilities TEXT NOT NULL,
				calibration TEXT,
				last_boot_id TEXT NOT NULL,
				transport TEXT NOT NULL,
				first_seen_at INTEGER NOT NULL,
				last_seen_at INTEGER NOT NULL,
				readings_stored INTEGER NOT NULL DEFAULT 0
			);
			-- One row per (device, boot): readings refer to it by a small integer, which keeps the
			-- readings index narrow and the insert rate high.
			CREATE TABLE boots (
				id INTEGER PRIMARY KEY,
				device_id TEXT NOT NULL,
				boot_id TEXT NOT NULL,
				acked_up_to INTEGER NOT NULL DEFAULT 0,
				UNIQUE (device_id, boot_id)
			);
			CREATE TABLE readings (
				boot_ref INTEGER NOT NULL REFERENCES boots (id),
				seq INTEGER NOT NULL,
				device_time_us INTEGER NOT NULL,
				quantity TEXT NOT NULL,
				value REAL, -- NULL when the device sent NaN
				unit TEXT NOT NULL,
				flags INTEGER NOT NULL,
				channel TEXT NOT NULL,
				received_at INTEGER NOT NULL,
				PRIMARY KEY (boot_ref, seq)
			) WITHOUT ROWID;
		`,
	},
	{
		version: 2,
		description: "active tasks, evidence chain, checkpoints and attachments",
		sql: `
			CREATE TABLE active_tasks (
				technician_id TEXT PRIMARY KEY,
				work_order_id TEXT NOT NULL,
				task_id TEXT NOT NULL,
				-- JSON array of the device ids this technician uses; [] means any.
				device_ids TEXT NOT NULL DEFAULT '[]',
				set_at INTEGER NOT NULL
			);
			-- One row per evidence record, in chain order. canonical is the exact signed-over bytes.
			-- Few indexes on purpose: evidence is written at reading rate. The id is unique by
			-- construction (UUIDv7) and lives in the canonical bytes too.
			CREATE TABLE evidence (
				chain_seq INTEGER PRIMARY KEY,
				id TEXT NOT NULL,
				work_order_id TEXT NOT NULL,
				task_id TEXT NOT NULL,
				checklist_item_id TEXT NOT NULL,
				kind TEXT NOT NULL,
				outcome TEXT NOT NULL,
				-- The canonical record bytes: what the hashes cover (content_hash = SHA-256 of them).
				canonical BLOB NOT NULL,
				entry_hash BLOB NOT NULL,
				created_at INTEGER NOT NULL
			);
			CREATE INDEX evidence_by_task ON evidence (task_id);
			CREATE TABLE evidence_checkpoints (
				chain_seq INTEGER PRIMARY KEY,
				canonical BLOB NOT NULL,
				created_at INTEGER NOT NULL
			);
			CREATE TABLE attachments (
				sha256 TEXT PRIMARY KEY,
				media_type TEXT NOT NULL,
				size INTEGER NOT NULL,
				data BLOB NOT NULL,
				created_at INTEGER NOT NULL
			);
			CREATE TABLE time_entries (
				id TEXT PRIMARY KEY,
				technician_id TEXT NOT NULL,
				work_order_id TEXT NOT NULL,
				task_id TEXT NOT NULL,
				kind TEXT NOT NULL,
				started_at INTEGER NOT NULL,
				ended_at INTEGER
			);
		`,
	},
	{
		version: 3,
		description: "evidence stored one row per commit (a batch of chained records) instead of one row per record",
		// One row per record cost more than hashing and signing together (an insert, an index
		// entry and ~100 bytes of row overhead per record); one row per group commit writes the
		// canonical bytes and little else. Lookups go through two small tables written once per
		// task per batch and once per satisfied checklist item. Layout: gateway/evidence/evidence-batches.ts.
		sql: `
			CREATE TABLE evidence_batches (
				first_seq INTEGER PRIMARY KEY,
				last_seq INTEGER NOT NULL,
				-- entry_hash of the record at last_seq: where the chain resumes after a restart.
				head_hash BLOB NOT NULL,
				-- The canonical records first_seq..last_seq, each after its length (uint32 big-endian).
				records BLOB NOT NULL
			);
			CREATE TABLE evidence_index (
				work_order_id TEXT NOT NULL,
				task_id TEXT NOT NULL,
				batch_seq INTEGER NOT NULL REFERENCES evidence_batches (first_seq),
				first_seq INTEGER NOT NULL,
				last_seq INTEGER NOT NULL,
				PRIMARY KEY (work_order_id, task_id, batch_seq)
			) WITHOUT ROWID;
			CREATE TABLE evidence_satisfied (
				task_id TEXT NOT NULL,
				checklist_item_id TEXT NOT NULL,
				PRIMARY KEY (task_id, checklist_item_id)
			) WITHOUT ROWID;
			INSERT INTO evidence_batches (first_seq, last_seq, head_hash, records)
				SELECT chain_seq, chain_seq, entry_hash, CAST(unhex(printf('%08X', length(canonical))) || canonical AS BLOB) FROM evidence;
			INSERT INTO evidence_index (work_order_id, task_id, batch_seq, first_seq, last_seq)
				SELECT work_order_id, task_id, chain_seq, chain_seq, chain_seq FROM evidence;
			INSERT OR IGNORE INTO evidence_satisfied (task_id, checklist_item_id)
				SELECT task_id, checklist_item_id FROM evidence WHERE outcome IN ('pass', 'recorded');
			DROP TABLE evidence;
		`,
	},
	{
		version: 4,
		description: "uplink: drain cursors per destination, the outbox of time entries and task changes, evidence reading spans",
		// Evidence and checkpoints need no copy in an outbox: they are already durable in chain order
		// (evidence_batches, evidence_checkpoints), so a cursor per destination is their outbox.
		// Everything else the cloud must receive is written to `outbox` in the same transaction as
		// its own row. Rules: README.md, "Store and forward (uplink)".
		sql: `
			CREATE TABLE uplink_cursors (
				destination TEXT PRIMARY KEY,
				-- Highest chain_seq sent at least once (no receipt yet for those above receipted_up_to).
				uploaded_up_to INTEGER NOT NULL DEFAULT 0,
				-- Highest chain_seq the destination's receipt covers: never sent again.
				receipted_up_to INTEGER NOT NULL DEFAULT 0,
				receipted_at INTEGER
			);
			CREATE TABLE outbox (
				id INTEGER PRIMARY KEY AUTOINCREMENT,
				-- "time-entry" or "task-status".
				kind TEXT NOT NULL,
				-- The idempotency key the destination dedups on (the time entry id, task id + version).
				record_id TEXT NOT NULL UNIQUE,
				work_order_id TEXT NOT NULL,
				task_id TEXT NOT NULL,
				payload TEXT NOT NULL,
				created_at INTEGER NOT NULL,
				attempts INTEGER NOT NULL DEFAULT 0,
				uploaded_at INTEGER,
				receipted_at INTEGER,
				last_error TEXT
			);
			CREATE INDEX outbox_pending ON outbox (id) WHERE receipted_at IS NULL;
			-- Runs of a boot's readings that became evidence: raw readings outside them matched no
			-- task and are the only ones the quota may age out. One row per boot per commit.
			CREATE TABLE evidence_reading_spans (
				boot_ref INTEGER NOT NULL,
				first_seq INTEGER NOT NULL,
				last_seq INTEGER NOT NULL,
				PRIMARY KEY (boot_ref, first_seq)
			) WITHOUT ROWID;
		`,
	},
	{
		version: 5,
		description: "downlink: the cloud's work orders cached offline, and conflicts between local and cloud changes",
		// Rules: gateway/uplink/downlink-merge.ts (cloud wins for plan data, the field for evidence,
		// time and task progress; both versions kept here and reported).
		sql: `
			CREATE TABLE downlink_cache (
				key TEXT PRIMARY KEY,
				body TEXT NOT NULL,
				fetched_at INTEGER NOT NULL
			);
			CREATE TABLE downlink_conflicts (
				id INTEGER PRIMARY KEY AUTOINCREMENT,
				entity TEXT NOT NULL,
				entity_id TEXT NOT NULL,
				field TEXT NOT NULL,
				local TEXT NOT NULL,
				cloud TEXT NOT NULL,
				resolution TEXT NOT NULL,
				at INTEGER NOT NULL
			);
		`,
	},
	{
		version: 6,
		description: "technician app sessions, time-entry submissions, task states and technician alerts",
		// IF NOT EXISTS: builds before this migration created these tables when their classes
		// started; a database from such a build keeps its rows.
		sql: `
			CREATE TABLE IF NOT EXISTS web_sessions (
				token_sha256 TEXT PRIMARY KEY,
				technician_id TEXT NOT NULL,
				created_at INTEGER NOT NULL,
				expires_at INTEGER NOT NULL
			);
			CREATE TABLE IF NOT EXISTS time_entry_submissions (
				time_entry_id TEXT PRIMARY KEY,
				submitted_at INTEGER NOT NULL
			);
			CREATE TABLE IF NOT EXISTS task_states (
				task_id TEXT PRIMARY KEY,
				work_order_id TEXT NOT NULL,
				status TEXT NOT NULL,
				started_at INTEGER,
				completed_at INTEGER,
				changed_by TEXT NOT NULL,
				changed_at INTEGER NOT NULL
			);
			CREATE TABLE IF NOT EXISTS alerts (
				id INTEGER PRIMARY KEY AUTOINCREMENT,
				severity TEXT NOT NULL,
				title TEXT NOT NULL,
				message TEXT NOT NULL,
				source TEXT NOT NULL,
				device_id TEXT,
				work_order_id TEXT,
				task_id TEXT,
				technician_id TEXT,
				data TEXT,
				created_at INTEGER NOT NULL
			);
		`,
	},
	{
		version: 7,
		description: "evidence: the work-order manifests each checkpoint signs (protocol/evidence/README.md, Completeness)",
		sql: `
			CREATE TABLE evidence_manifests (
				work_order_id TEXT NOT NULL,
				checkpoint_seq INTEGER NOT NULL,
				canonical BLOB NOT NULL,
				PRIMARY KEY (work_order_id, checkpoint_seq)
			) WITHOUT ROWID;
			CREATE INDEX evidence_manifests_checkpoint ON evidence_manifests (checkpoint_seq);
		`,
	},
	{
		version: 8,
		description: "field states: visit and work-order progress, deliverable sign-offs and time resubmissions made on the gateway (gateway/work/field-states.ts)",
		sql: `
			CREATE TABLE field_states (
				-- "appointment", "workOrder", "deliverable" or "timeEntry".
				entity TEXT NOT NULL,
				entity_id TEXT NOT NULL,
				status TEXT NOT NULL,
				-- JSON: the fields the change set (times, signer, the rejection a resubmission answers).
				data TEXT NOT NULL,
				changed_by TEXT NOT NULL,
				changed_at INTEGER NOT NULL,
				PRIMARY KEY (entity, entity_id)
			) WITHOUT ROWID;
		`,
	},
	{
		version: 9,
		description: "evidence batches written delta-packed (gateway/evidence/record-packing.ts)",
		// No table changes: rows already stored stay length-prefixed and are read as they are. The
		// version exists so that an older build, which could not unpack the new rows and would call
		// them damaged, refuses the database as one from a newer build instead.
		sql: `
			-- evidence_batches.records: length-prefixed (versions 3 to 8) or delta-packed (from 9), told apart by the first byte.
		`,
	},
];

const GATEWAY_SCHEMA: SqliteSchema = {
	userVersion: true,
	what: "the gateway tables",
	errorCode: ErrorCodes.FC_STORE_OPEN,
	migrations: MIGRATIONS.map(({ version, description, sql }) => ({ version, description, up: (db: Database) => db.exec(sql) })),
};

export function currentSchemaVersion(db: Database): number {
	return sqliteSchemaVersion(db, GATEWAY_SCHEMA);
}

/**
 * Brings the database up to `target` (default: the newest migration); returns the version reached.
 * A database from a newer build, or a step that fails, is an FC_STORE_OPEN error.
 */
export function migrate(db: Database, target = latestVersion(GATEWAY_SCHEMA)): number {
	return migrateSqliteSchema(db, GATEWAY_SCHEMA, target);
}
