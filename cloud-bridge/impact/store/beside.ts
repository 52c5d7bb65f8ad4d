/**
 * The impact store that belongs with the billing service's model repository: the same SQLite file
 * and connection, the same PostgreSQL pool, or memory. One per repository.
 */
import { MemoryRepository } from "../../../model/repository/memory.js";
import type { Repository } from "../../../model/repository/types.js";
import { MemoryImpactStore } from "./memory.js";
import type { ImpactStore } from "./types.js";

const stores = new WeakMap<Repository, Promise<ImpactStore>>();

export function impactStoreBeside(repo: Repository): Promise<ImpactStore> {
	let store = stores.get(repo);
	if (!store) {
		store = open(repo);
		stores.set(repo, store);
	}
	return store;
}

async function open(repo: Repository): Promise<ImpactStore> {
	if (repo instanceof MemoryRepository) return new MemoryImpactStore();
	// Loaded only for the backend in use: memory and PostgreSQL never load the native SQLite module.
	if ("db" in repo) {
		const { SqliteImpactStore } = await import("./sqlite.js");
		return new SqliteImpactStore((repo as unknown as { db: import("better-sqlite3").Database }).db);
	}
	if ("pool" in repo) {
		const { PostgresImpactStore } = await import("./postgres.js");
		return PostgresImpactStore.open((repo as unknown as { pool: import("../../../platform/postgres.js").Pool }).pool);
	}
	return new MemoryImpactStore();
}
