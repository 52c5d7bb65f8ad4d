/** The impact store contract on memory and on SQLite (a fresh in-memory database each). */
import Database from "better-sqlite3";
import { impactStoreContract } from "./impact-store.contract.js";
import { MemoryImpactStore } from "./memory.js";
import { SqliteImpactStore } from "./sqlite.js";

impactStoreContract("memory", async () => ({ store: new MemoryImpactStore(), close: async () => {} }));
impactStoreContract("sqlite", async () => {
	const db = new Database(":memory:");
	return {
		store: new SqliteImpactStore(db),
		close: async () => {
			db.close();
		},
	};
});
