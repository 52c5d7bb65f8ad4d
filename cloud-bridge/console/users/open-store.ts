/**
 * The console's user store beside the billing storage, in the same place: the SQLite file's
 * connection, the PostgreSQL pool, or memory for a memory service.
 */
import type { Database } from "better-sqlite3";
import type { Pool } from "../../../platform/postgres.js";
import type { BillingStorage } from "../../billing/storage.js";
import { MemoryConsoleStore } from "./memory-store.js";
import { PostgresConsoleStore } from "./postgres-store.js";
import { SqliteConsoleStore } from "./sqlite-store.js";
import type { ConsoleStore } from "./types.js";

const opened = new WeakMap<BillingStorage, ConsoleStore>();

export function consoleStoreBeside(storage: BillingStorage): ConsoleStore {
	const known = opened.get(storage);
	if (known) return known;
	const pool = (storage as { pool?: Pool }).pool;
	const db = (storage.repo as { db?: Database }).db;
	const store = pool ? new PostgresConsoleStore(pool) : db ? new SqliteConsoleStore(db) : new MemoryConsoleStore();
	opened.set(storage, store);
	return store;
}
