/**
 * Opening the service's storage: the model repository plus the billing store. `{ db: FILE }` keeps
 * both in one SQLite file on one connection; `{ databaseUrl }` goes to PostgreSQL
 * (store/postgres-storage.ts).
 */

import { MemoryRepository } from "../../model/repository/memory.js";
import type { Repository } from "../../model/repository/types.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { ensurePrivateDatabase } from "../../platform/private-data.js";
import { MemoryBillingStore } from "./store/memory.js";
import type { BillingStore } from "./store/types.js";

export interface BillingStorage {
	repo: Repository;
	store: BillingStore;
	/** Where the data lives, for the start banner (never a password). */
	describe: string;
	close(): Promise<void>;
}

export type BillingStorageOptions =
	| { db: string; databaseUrl?: undefined }
	| { databaseUrl: string; db?: undefined }
	| { memory: true; db?: undefined; databaseUrl?: undefined };

export function memoryBillingStorage(): BillingStorage {
	const repo = new MemoryRepository();
	const store = new MemoryBillingStore();
	return {
		repo,
		store,
		describe: "memory (nothing is kept after exit)",
		async close() {
			await store.close();
			await repo.close();
		},
	};
}

export async function openBillingStorage(options: BillingStorageOptions): Promise<BillingStorage> {
	if ("memory" in options && options.memory) return memoryBillingStorage();
	if (options.db !== undefined && options.databaseUrl !== undefined) {
		throw new FieldchainError(ErrorCodes.FC_BILLING_CONFIG, "Give either --db or --database-url, not both.");
	}
	if (options.databaseUrl !== undefined) {
		if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
			throw new FieldchainError(ErrorCodes.FC_BILLING_CONFIG, "--database-url must be a postgres:// or postgresql:// URL.");
		}
		// Loaded here, not at the top, like SQLite below: only a PostgreSQL deployment loads pg.
		const { openPostgresStorage } = await import("./store/postgres-storage.js");
		return openPostgresStorage(options.databaseUrl);
	}
	if (!options.db) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFIG, "--db needs a file name.", { hint: "For example --db billing.sqlite." });
	// Loaded here, not at the top: importing the service must not load the native SQLite module.
	const { SqliteRepository } = await import("../../model/repository/sqlite.js");
	const { SqliteBillingStore } = await import("./store/sqlite.js");
	// Customer data at rest: the database 0600 (and its -wal, -shm), refused on start if widened.
	ensurePrivateDatabase(options.db);
	const repo = new SqliteRepository(options.db);
	let store: BillingStore;
	try {
		store = new SqliteBillingStore(repo.db);
	} catch (error) {
		await repo.close();
		throw error;
	}
	return {
		repo,
		store,
		describe: `SQLite ${options.db}`,
		async close() {
			await store.close();
			await repo.close();
		},
	};
}
