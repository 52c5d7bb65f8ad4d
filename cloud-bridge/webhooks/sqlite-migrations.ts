/**
 * Versioned schema of the webhook tables in SQLite, recorded in `webhook_schema_version` so they can
 * share one database file with the model (`schema_version`) and the billing store. Only append.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../protocol/errors.js";

export interface SqliteWebhookMigration {
	version: number;
	description: string;
	up(db: Database): void;
}

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
];

export const LATEST_SQLITE_WEBHOOK_VERSION = SQLITE_WEBHOOK_MIGRATIONS[SQLITE_WEBHOOK_MIGRATIONS.length - 1].version;

export function webhookSchemaVersion(db: Database): number {
	db.exec("CREATE TABLE IF NOT EXISTS webhook_schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
	const row = db.prepare("SELECT MAX(version) AS v FROM webhook_schema_version").get() as { v: number | null };
	return row.v ?? 0;
}

/** Brings the webhook tables to `target` (default: latest), one transaction per step. */
export function migrateWebhooksSqlite(db: Database, target = LATEST_SQLITE_WEBHOOK_VERSION, now: () => number = Date.now): number {
	const current = webhookSchemaVersion(db);
	if (current > LATEST_SQLITE_WEBHOOK_VERSION) {
		throw new FieldchainError(ErrorCodes.FC_WEBHOOK_MIGRATION, `The webhook tables are at schema version ${current}; this build knows up to ${LATEST_SQLITE_WEBHOOK_VERSION}.`, {
			hint: "Upgrade fieldchain before opening this database.",
		});
	}
	const record = db.prepare("INSERT INTO webhook_schema_version (version, description, applied_at) VALUES (?, ?, ?)");
	for (const migration of SQLITE_WEBHOOK_MIGRATIONS) {
		if (migration.version <= current || migration.version > target) continue;
		try {
			db.transaction(() => {
				migration.up(db);
				record.run(migration.version, migration.description, now());
			})();
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_WEBHOOK_MIGRATION, `Webhook schema migration ${migration.version} (${migration.description}) failed.`, { cause });
		}
	}
	return webhookSchemaVersion(db);
}
