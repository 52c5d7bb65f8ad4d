/**
 * The billing service's storage on PostgreSQL (`fieldchain cloud serve --database-url postgres://...`):
 * the model repository, the billing store and the webhook store on one connection pool, each with
 * its own migrations table in the same database.
 */
import { PostgresRepository } from "../../../model/repository/postgres.js";
import { createPool, type Pool, redactDatabaseUrl } from "../../../platform/postgres.js";
import { PostgresWebhookStore } from "../../webhooks/postgres-store.js";
import type { WebhookStore } from "../../webhooks/types.js";
import type { BillingStorage } from "../storage.js";
import { PostgresBillingStore } from "./postgres.js";

export interface PostgresStorage extends BillingStorage {
	/** The webhook dispatcher's queue and delivery log, in the same database. */
	webhooks: WebhookStore;
	pool: Pool;
}

export async function openPostgresStorage(databaseUrl: string, options: { maxConnections?: number } = {}): Promise<PostgresStorage> {
	const pool = createPool(databaseUrl, { max: options.maxConnections ?? 10 });
	const opened: { close(): Promise<void> }[] = [];
	try {
		const repo = await PostgresRepository.open(pool);
		opened.push(repo);
		const store = await PostgresBillingStore.open(pool);
		opened.push(store);
		const webhooks = await PostgresWebhookStore.open(pool);
		return {
			repo,
			store,
			webhooks,
			pool,
			describe: `PostgreSQL ${redactDatabaseUrl(databaseUrl)}`,
			async close() {
				await webhooks.close();
				await store.close();
				await repo.close();
				await pool.end();
			},
		};
	} catch (error) {
		for (const part of opened.reverse()) await part.close();
		await pool.end();
		throw error;
	}
}
