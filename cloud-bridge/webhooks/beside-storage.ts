/**
 * The webhook store that belongs with the billing service's storage: the same database, so the
 * delivery queue is as durable as the data it reports on. PostgreSQL storage brings its own
 * (`webhooks`); SQLite storage shares its file and connection; memory storage gets memory.
 */

import { MemoryRepository } from "../../model/repository/memory.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { BillingStorage } from "../billing/storage.js";
import { MemoryWebhookStore } from "./memory-store.js";
import type { WebhookStore } from "./types.js";

export async function webhookStoreBeside(storage: BillingStorage & { webhooks?: WebhookStore }): Promise<WebhookStore> {
	if (storage.webhooks) return storage.webhooks;
	if (storage.repo instanceof MemoryRepository) return new MemoryWebhookStore();
	// Loaded only here: memory and PostgreSQL deployments never load the native SQLite module.
	const { SqliteRepository } = await import("../../model/repository/sqlite.js");
	if (storage.repo instanceof SqliteRepository) {
		const { SqliteWebhookStore } = await import("./sqlite-store.js");
		return new SqliteWebhookStore(storage.repo.db);
	}
	throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `No webhook store goes with ${storage.describe}.`, {
		hint: "Give the storage a `webhooks` store of the same database.",
	});
}
