import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteRepository } from "../../../model/repository/sqlite.js";
import { billingStoreContract } from "./billing-store.contract.js";
import { SqliteBillingStore } from "./sqlite.js";
import { migrateBillingSchema } from "./sqlite-migrations.js";

const dir = mkdtempSync(join(tmpdir(), "fc-billing-store-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

billingStoreContract("SQLite", () => new SqliteBillingStore(join(dir, `store-${++n}.sqlite`)));

describe("SQLite billing store beside the model repository", () => {
	it("shares one file and connection with the repository, each with its own migrations table", async () => {
		const file = join(dir, "shared.sqlite");
		const repo = new SqliteRepository(file);
		const store = new SqliteBillingStore(repo.db);
		await store.createToken({ id: "t", name: "n", hash: "a".repeat(64), scopes: ["admin"], gatewayId: null, createdAt: 1, revokedAt: null });
		const tables = repo.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%schema_version'").pluck().all();
		expect(tables.sort()).toEqual(["billing_schema_version", "schema_version"]);
		await store.close();
		expect(repo.db.open).toBe(true);
		await repo.close();
		// Reopening runs no migration twice and keeps the data.
		const again = new SqliteBillingStore(file);
		expect(await again.countTokens()).toBe(1);
		await again.close();
	});

	it("keeps chain records written by schema 1 when it moves them to schema 2", async () => {
		const file = join(dir, "from-v1.sqlite");
		const db = new BetterSqlite3(file);
		expect(migrateBillingSchema(db, Date.now, 1)).toBe(1);
		db.prepare("INSERT INTO billing_chain_records VALUES ('gw-1', 1, 'r1', 'WO1', ?, ?, ?)").run("c".repeat(64), "e".repeat(64), Buffer.from([0, 1, 2, 255]));
		db.close();
		const store = new SqliteBillingStore(file);
		expect(await store.getChainRecords("gw-1", 1, 5)).toEqual([
			{ chainSeq: 1, recordId: "r1", workOrderId: "WO1", contentHash: "c".repeat(64), entryHash: "e".repeat(64), bytes: new Uint8Array([0, 1, 2, 255]) },
		]);
		await store.close();
	});
});
