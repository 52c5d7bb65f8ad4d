/**
 * Schema of the SQLite billing store. It shares a database file with the model repository, which
 * records its own steps in schema_version; these are recorded in billing_schema_version. Only
 * append to the list: databases in the field have run the released steps.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes } from "../../../platform/errors.js";
import { latestVersion, migrateSqliteSchema, type SqliteSchema } from "../../../platform/sqlite-migrations.js";
import { SQLITE_CHAIN_GAPS_SQL } from "./chain-gaps-sqlite.js";
import { SQLITE_MANIFESTS_SQL } from "./manifests-sqlite.js";

interface Migration {
	version: number;
	description: string;
	sql: string;
}

const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		description: "tokens, enrollments, gateways, evidence chains, checkpoints, batch receipts",
		sql: `
			CREATE TABLE billing_tokens (
				id TEXT PRIMARY KEY,
				name TEXT NOT NULL,
				hash TEXT NOT NULL UNIQUE,
				scopes TEXT NOT NULL CHECK (json_valid(scopes)),
				gateway_id TEXT,
				created_at INTEGER NOT NULL,
				revoked_at INTEGER
			);
			CREATE INDEX billing_tokens_gateway ON billing_tokens (gateway_id);
			CREATE TABLE billing_enrollments (
				id TEXT PRIMARY KEY,
				hash TEXT NOT NULL UNIQUE,
				created_at INTEGER NOT NULL,
				expires_at INTEGER NOT NULL,
				used_at INTEGER,
				gateway_id TEXT
			);
			CREATE TABLE billing_gateways (
				id TEXT PRIMARY KEY,
				public_key TEXT NOT NULL,
				key_id TEXT NOT NULL,
				enrolled_at INTEGER NOT NULL,
				revoked_at INTEGER
			);
			CREATE TABLE billing_chain_heads (
				gateway_id TEXT PRIMARY KEY,
				head_seq INTEGER NOT NULL,
				head_hash TEXT NOT NULL,
				sealed_up_to INTEGER NOT NULL
			);
			CREATE TABLE billing_chain_records (
				gateway_id TEXT NOT NULL,
				chain_seq INTEGER NOT NULL,
				record_id TEXT NOT NULL,
				work_order_id TEXT NOT NULL,
				content_hash TEXT NOT NULL,
				entry_hash TEXT NOT NULL,
				bytes BLOB NOT NULL,
				PRIMARY KEY (gateway_id, chain_seq)
			) WITHOUT ROWID;
			CREATE TABLE billing_checkpoints (
				gateway_id TEXT NOT NULL,
				chain_seq INTEGER NOT NULL,
				key_id TEXT NOT NULL,
				bytes BLOB NOT NULL,
				PRIMARY KEY (gateway_id, chain_seq)
			) WITHOUT ROWID;
			CREATE TABLE billing_batches (
				gateway_id TEXT NOT NULL,
				batch_id TEXT NOT NULL,
				digest TEXT NOT NULL,
				received_at INTEGER NOT NULL,
				receipt TEXT NOT NULL CHECK (json_valid(receipt)),
				PRIMARY KEY (gateway_id, batch_id)
			) WITHOUT ROWID;
		`,
	},
	{
		version: 2,
		description: "chain records in a rowid table with a unique (gateway_id, chain_seq)",
		// WITHOUT ROWID suits small rows; a chain record carries its ~300 canonical bytes and two
		// hex hashes, so the key's B-tree held few rows a page and split often at ingest rate.
		sql: `
			CREATE TABLE billing_chain_records_v2 (
				gateway_id TEXT NOT NULL,
				chain_seq INTEGER NOT NULL,
				record_id TEXT NOT NULL,
				work_order_id TEXT NOT NULL,
				content_hash TEXT NOT NULL,
				entry_hash TEXT NOT NULL,
				bytes BLOB NOT NULL,
				UNIQUE (gateway_id, chain_seq)
			);
			INSERT INTO billing_chain_records_v2 (gateway_id, chain_seq, record_id, work_order_id, content_hash, entry_hash, bytes)
				SELECT gateway_id, chain_seq, record_id, work_order_id, content_hash, entry_hash, bytes FROM billing_chain_records ORDER BY gateway_id, chain_seq;
			DROP TABLE billing_chain_records;
			ALTER TABLE billing_chain_records_v2 RENAME TO billing_chain_records;
		`,
	},
	{
		version: 3,
		description: "gateways bound to the technicians they serve",
		// Gateways enrolled before the binding existed are bound to nobody until an admin binds them.
		sql: `ALTER TABLE billing_gateways ADD COLUMN technician_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(technician_ids));`,
	},
	{
		version: 4,
		description: "token expiry and last use",
		// Tokens made before expiry existed keep working (expires_at NULL) until revoked.
		sql: `
			ALTER TABLE billing_tokens ADD COLUMN expires_at INTEGER;
			ALTER TABLE billing_tokens ADD COLUMN last_used_at INTEGER;
		`,
	},
	{
		version: 5,
		description: "outbox of chain appends",
		// Events written in appendChain's transaction (evidence.accepted), relayed like the model's outbox.
		sql: `
			CREATE TABLE billing_outbox (
				seq INTEGER PRIMARY KEY AUTOINCREMENT,
				id TEXT NOT NULL UNIQUE,
				type TEXT NOT NULL,
				occurred_at TEXT NOT NULL,
				data TEXT NOT NULL CHECK (json_valid(data)),
				relayed_at INTEGER
			);
			CREATE INDEX billing_outbox_pending ON billing_outbox (seq) WHERE relayed_at IS NULL;
		`,
	},
	{
		version: 6,
		description: "schedule plans",
		// Proposed by POST /v1/schedule/plans, applied at most once; the body is the plan as the API answers it.
		sql: `
			CREATE TABLE billing_schedule_plans (
				id TEXT PRIMARY KEY,
				created_at INTEGER NOT NULL,
				created_by TEXT NOT NULL,
				basis TEXT NOT NULL,
				applied_at INTEGER,
				applied_by TEXT,
				body TEXT NOT NULL CHECK (json_valid(body))
			);
		`,
	},
	{ version: 7, description: "acknowledged chain gaps; chain records by work order", sql: SQLITE_CHAIN_GAPS_SQL },
	{ version: 8, description: "work-order manifests of the gateways' checkpoints", sql: SQLITE_MANIFESTS_SQL },
];

const BILLING_SCHEMA: SqliteSchema = {
	table: "billing_schema_version",
	what: "the billing tables",
	errorCode: ErrorCodes.FC_BILLING_STORE,
	migrations: MIGRATIONS.map(({ version, description, sql }) => ({ version, description, up: (db: Database) => db.exec(sql) })),
};

export const LATEST_BILLING_SCHEMA_VERSION = latestVersion(BILLING_SCHEMA);

/** Brings the billing tables to `target` (default: latest), one transaction per step. */
export function migrateBillingSchema(db: Database, now: () => number = Date.now, target = LATEST_BILLING_SCHEMA_VERSION): number {
	return migrateSqliteSchema(db, BILLING_SCHEMA, target, now);
}
