/**
 * Versioned schema of the webhook tables in SQLite, recorded in `webhook_schema_version` so they can
 * share one database file with the model (`schema_version`) and the billing store. Only append.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes } from "../../platform/errors.js";
import { latestVersion, migrateSqliteSchema, type SqliteMigration, type SqliteSchema } from "../../platform/sqlite-migrations.js";

export type SqliteWebhookMigration = SqliteMigration;

export const SQLITE_WEBHOOK_MIGRATIONS: readonly SqliteWebhookMigration[] = [
	{
		version: 1,
		description: "webhook subscriptions, deliveries and the attempt log",
		up(db) {
			db.exec(`
				CREATE TABLE webhook_subscriptions (
					id TEXT PRIMARY KEY,
					url TEXT NOT NULL,
					event_types TEXT NOT NULL CHECK (json_valid(event_types)),
					description TEXT,
					secret TEXT NOT NULL,
					created_at INTEGER NOT NULL
				);
				CREATE TABLE webhook_deliveries (
					id TEXT PRIMARY KEY,
					subscription_id TEXT NOT NULL,
					event_id TEXT NOT NULL,
					event_type TEXT NOT NULL,
					body TEXT NOT NULL,
					status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
					attempts INTEGER NOT NULL DEFAULT 0,
					next_attempt_at INTEGER,
					created_at INTEGER NOT NULL,
					updated_at INTEGER NOT NULL,
					last_status_code INTEGER,
					last_error TEXT,
					UNIQUE (subscription_id, event_id)
				);
				CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
				CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at, id);
				CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at, id);
				CREATE TABLE webhook_attempts (
					delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
					attempt INTEGER NOT NULL,
					started_at INTEGER NOT NULL,
					duration_ms INTEGER NOT NULL,
					status_code INTEGER,
					error TEXT,
					outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'retrying', 'failed')),
					next_attempt_at INTEGER,
					PRIMARY KEY (delivery_id, attempt)
				) WITHOUT ROWID;
			`);
		},
	},
	{
		version: 2,
		description: "webhook redeliveries: who put a failed delivery back in the queue, and when",
		up(db) {
			db.exec(`
				CREATE TABLE webhook_redeliveries (
					seq INTEGER PRIMARY KEY AUTOINCREMENT,
					delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
					requested_at INTEGER NOT NULL,
					requested_by TEXT NOT NULL,
					attempts_before INTEGER NOT NULL
				);
				CREATE INDEX webhook_redeliveries_delivery ON webhook_redeliveries (delivery_id, requested_at);
			`);
		},
	},
];

const WEBHOOK_SCHEMA: SqliteSchema = {
	table: "webhook_schema_version",
	what: "the webhook tables",
	errorCode: ErrorCodes.FC_WEBHOOK_MIGRATION,
	migrations: SQLITE_WEBHOOK_MIGRATIONS,
};

export const LATEST_SQLITE_WEBHOOK_VERSION = latestVersion(WEBHOOK_SCHEMA);

/** Brings the webhook tables to `target` (default: latest), one transaction per step. */
export function migrateWebhooksSqlite(db: Database, target = LATEST_SQLITE_WEBHOOK_VERSION, now: () => number = Date.now): number {
	return migrateSqliteSchema(db, WEBHOOK_SCHEMA, target, now);
}
