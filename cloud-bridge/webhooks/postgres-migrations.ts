/**
 * Versioned schema of the webhook tables in PostgreSQL, recorded in `webhook_schema_version` so they
 * share a database with the model (`schema_version`) and the billing store. Only append.
 */
import { ErrorCodes } from "../../platform/errors.js";
import { type MigrationPlan, migratePostgres, type Pool, type PostgresMigration } from "../../platform/postgres.js";

export const POSTGRES_WEBHOOK_MIGRATIONS: readonly PostgresMigration[] = [
	{
		version: 1,
		description: "webhook subscriptions, deliveries and the attempt log",
		async up(client) {
			// Ids are compared byte-wise (COLLATE "C") so pages come in the same order as in the other
			// backends whatever the database's default collation is.
			await client.query(`
				CREATE TABLE webhook_subscriptions (
					id TEXT COLLATE "C" PRIMARY KEY,
					url TEXT NOT NULL,
					event_types TEXT[] NOT NULL,
					description TEXT,
					secret TEXT NOT NULL,
					created_at BIGINT NOT NULL
				);
				CREATE TABLE webhook_deliveries (
					id TEXT COLLATE "C" PRIMARY KEY,
					subscription_id TEXT NOT NULL,
					event_id TEXT NOT NULL,
					event_type TEXT NOT NULL,
					body TEXT NOT NULL,
					status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
					attempts INTEGER NOT NULL DEFAULT 0,
					next_attempt_at BIGINT,
					created_at BIGINT NOT NULL,
					updated_at BIGINT NOT NULL,
					last_status_code INTEGER,
					last_error TEXT,
					UNIQUE (subscription_id, event_id)
				);
				CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
				CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at, id);
				CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at, id);
				CREATE TABLE webhook_attempts (
					delivery_id TEXT COLLATE "C" NOT NULL REFERENCES webhook_deliveries (id),
					attempt INTEGER NOT NULL,
					started_at BIGINT NOT NULL,
					duration_ms INTEGER NOT NULL,
					status_code INTEGER,
					error TEXT,
					outcome TEXT NOT NULL CHECK (outcome IN ('succeeded', 'retrying', 'failed')),
					next_attempt_at BIGINT,
					PRIMARY KEY (delivery_id, attempt)
				);
			`);
		},
	},
	{
		version: 2,
		description: "webhook redeliveries: who put a failed delivery back in the queue, and when",
		async up(client) {
			await client.query(`
				CREATE TABLE webhook_redeliveries (
					seq BIGSERIAL PRIMARY KEY,
					delivery_id TEXT COLLATE "C" NOT NULL REFERENCES webhook_deliveries (id),
					requested_at BIGINT NOT NULL,
					requested_by TEXT NOT NULL,
					attempts_before INTEGER NOT NULL
				);
				CREATE INDEX webhook_redeliveries_delivery ON webhook_redeliveries (delivery_id, requested_at);
			`);
		},
	},
];

export const WEBHOOK_MIGRATION_PLAN: MigrationPlan = {
	table: "webhook_schema_version",
	migrations: POSTGRES_WEBHOOK_MIGRATIONS,
	errorCode: ErrorCodes.FC_WEBHOOK_MIGRATION,
	what: "webhook",
};

export function migrateWebhooksPostgres(pool: Pool, target?: number, now?: () => number): Promise<number> {
	return migratePostgres(pool, WEBHOOK_MIGRATION_PLAN, target, now);
}
