/** The OIDC link store beside the console's user store: same SQLite connection, same pool, or memory. */
import type { Database } from "better-sqlite3";
import type { Pool } from "../../../platform/postgres.js";
import type { BillingStorage } from "../../billing/storage.js";
import { consoleStoreBeside } from "../users/open-store.js";
import { MemoryOidcLinkStore, type OidcLinkStore } from "./link-store.js";
import { PostgresOidcLinkStore } from "./postgres-links.js";
import { SqliteOidcLinkStore } from "./sqlite-links.js";

const opened = new WeakMap<BillingStorage, OidcLinkStore>();

export function oidcLinksBeside(storage: BillingStorage): OidcLinkStore {
	const known = opened.get(storage);
	if (known) return known;
	// Opening the user store first migrates console_users, which the links reference.
	const users = consoleStoreBeside(storage);
	const pool = (storage as { pool?: Pool }).pool;
	const db = (storage.repo as { db?: Database }).db;
	const links = pool ? new PostgresOidcLinkStore(pool, () => users.listUsers()) : db ? new SqliteOidcLinkStore(db) : new MemoryOidcLinkStore();
	opened.set(storage, links);
	return links;
}
