import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { consoleStoreContract } from "./console-store.contract.js";
import { MemoryConsoleStore } from "./memory-store.js";
import { LATEST_CONSOLE_SCHEMA_VERSION, SqliteConsoleStore } from "./sqlite-store.js";

consoleStoreContract("memory", async () => new MemoryConsoleStore());
consoleStoreContract("SQLite", async () => new SqliteConsoleStore(new BetterSqlite3(":memory:")));

describe("SQLite console schema", () => {
	it("records its steps in console_schema_version and keeps users across a reopen", async () => {
		const file = join(mkdtempSync(join(tmpdir(), "fc-console-")), "c.sqlite");
		const db = new BetterSqlite3(file);
		const store = new SqliteConsoleStore(db);
		await store.createUser({
			id: "u1",
			username: "alice",
			displayName: "A",
			role: "admin",
			passwordHash: null,
			technicianId: null,
			createdAt: 1,
			disabledAt: null,
		});
		db.close();
		const again = new BetterSqlite3(file);
		expect((again.prepare("SELECT MAX(version) AS v FROM console_schema_version").get() as { v: number }).v).toBe(LATEST_CONSOLE_SCHEMA_VERSION);
		expect(await new SqliteConsoleStore(again).findUserByUsername("alice")).toMatchObject({ id: "u1" });
		again.close();
	});
});
