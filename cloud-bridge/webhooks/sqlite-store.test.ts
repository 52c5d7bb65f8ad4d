import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteRepository } from "../../model/repository/sqlite.js";
import { isFieldchainError } from "../../platform/errors.js";
import { LATEST_SQLITE_WEBHOOK_VERSION, SQLITE_WEBHOOK_MIGRATIONS } from "./sqlite-migrations.js";
import { SqliteWebhookStore } from "./sqlite-store.js";
import { webhookStoreContract } from "./webhook-store.contract.js";

const dir = mkdtempSync(join(tmpdir(), "fc-webhooks-"));
let n = 0;
const nextPath = () => join(dir, `webhooks-${++n}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

webhookStoreContract("sqlite (on disk, WAL)", () => new SqliteWebhookStore(nextPath()));

describe("SqliteWebhookStore", () => {
	it("shares one database file with the model repository, each with its own schema version", async () => {
		const path = nextPath();
		const repo = new SqliteRepository(path);
		const store = new SqliteWebhookStore(repo.db);
		await store.createSubscription({
			id: "S1",
			url: "https://example.test/h",
			eventTypes: ["invoice.created"],
			description: null,
			createdAt: 1,
			secret: "whsec_x",
		});
		const versions = repo.db
			.prepare("SELECT (SELECT MAX(version) FROM schema_version) AS model, (SELECT MAX(version) FROM webhook_schema_version) AS webhooks")
			.get();
		expect(versions).toEqual({ model: expect.any(Number), webhooks: LATEST_SQLITE_WEBHOOK_VERSION });
		await store.close();
		expect(repo.db.open).toBe(true); // a shared connection stays open
		await repo.close();
		const again = new SqliteWebhookStore(path);
		expect((await again.listSubscriptions()).map((s) => s.id)).toEqual(["S1"]);
		await again.close();
	});

	it("numbers migrations 1..n and refuses a database from a newer build", () => {
		expect(SQLITE_WEBHOOK_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_WEBHOOK_MIGRATIONS.map((_, i) => i + 1));
		const db = new BetterSqlite3(":memory:");
		new SqliteWebhookStore(db);
		db.prepare("INSERT INTO webhook_schema_version VALUES (?, 'future', 0)").run(LATEST_SQLITE_WEBHOOK_VERSION + 1);
		try {
			new SqliteWebhookStore(db);
			expect.unreachable();
		} catch (error) {
			expect(isFieldchainError(error, "FC_WEBHOOK_MIGRATION")).toBe(true);
		}
		db.close();
	});
});
