/**
 * The gateway's schema on the platform runner: databases written by the gateway's own runner
 * (before it moved to platform/sqlite-migrations.ts) record their version in PRAGMA user_version
 * only, and must open and migrate exactly as they did.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { currentSchemaVersion, MIGRATIONS, migrate } from "./migrations.js";
import { SqliteReadingStore } from "./sqlite-reading-store.js";

const dir = mkdtempSync(join(tmpdir(), "fc-store-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LATEST = MIGRATIONS[MIGRATIONS.length - 1].version;

/** What the gateway's earlier runner did for each step: the SQL and user_version, in one transaction. */
function legacyMigrate(db: Database.Database, target: number): void {
	for (const migration of MIGRATIONS) {
		if (migration.version > target) break;
		db.transaction(() => {
			db.exec(migration.sql);
			db.pragma(`user_version = ${migration.version}`);
		})();
	}
}

function tableNames(db: Database.Database): string[] {
	return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

describe("gateway schema migrations", () => {
	it("migrates an empty database to the newest schema, and is idempotent", () => {
		const db = new Database(":memory:");
		migrate(db);
		expect(currentSchemaVersion(db)).toBe(LATEST);
		migrate(db);
		expect(currentSchemaVersion(db)).toBe(LATEST);
		db.close();
	});

	it("migrates from every earlier version without losing data", () => {
		for (const earlier of MIGRATIONS.slice(0, -1)) {
			const path = join(dir, `migrate-from-${earlier.version}.db`);
			const db = new Database(path);
			migrate(db, earlier.version);
			expect(currentSchemaVersion(db)).toBe(earlier.version);
			db.close();
			// Rows written by the version-1 schema, which every later migration must keep readable.
			const v1 = new Database(path);
			if (earlier.version === 1) {
				v1.prepare("INSERT INTO boots (id, device_id, boot_id, acked_up_to) VALUES (1, 'dev-1', 'b1', 1)").run();
				v1.prepare("INSERT INTO readings VALUES (1, 1, 5, 'voltage', 230, 'V', 0, '', 7)").run();
			}
			v1.close();
			const store = new SqliteReadingStore({ path });
			const check = new Database(path, { readonly: true });
			expect(currentSchemaVersion(check)).toBe(LATEST);
			check.close();
			if (earlier.version === 1) expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 1, storedAbove: [] });
			store.close();
		}
	});

	it("opens a database the earlier runner left at each version and brings it to the newest, keeping its rows", () => {
		for (let version = 1; version <= LATEST; version++) {
			const path = join(dir, `legacy-${version}.db`);
			const legacy = new Database(path);
			legacyMigrate(legacy, version);
			legacy.prepare("INSERT INTO boots (id, device_id, boot_id, acked_up_to) VALUES (1, 'dev-1', 'b1', 1)").run();
			legacy.prepare("INSERT INTO readings VALUES (1, 1, 5, 'voltage', 230, 'V', 0, '', 7)").run();
			legacy.close();

			const store = new SqliteReadingStore({ path });
			expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 1, storedAbove: [] });
			store.close();
			const db = new Database(path, { readonly: true });
			expect(currentSchemaVersion(db)).toBe(LATEST);
			// Same tables as a database the earlier runner built at the newest version: no bookkeeping table added.
			const reference = new Database(":memory:");
			legacyMigrate(reference, LATEST);
			expect(tableNames(db)).toEqual(tableNames(reference));
			reference.close();
			db.close();
		}
	});

	it("refuses a database from a newer build", () => {
		const db = new Database(":memory:");
		db.pragma(`user_version = ${LATEST + 1}`);
		let error: unknown;
		try {
			migrate(db);
		} catch (caught) {
			error = caught;
		}
		expect(isFieldchainError(error, "FC_STORE_OPEN")).toBe(true);
		expect(String((error as Error).message)).toContain(`schema version ${LATEST + 1}`);
		db.close();
	});

	it("rolls a failing step back and stays at the version before it", () => {
		const db = new Database(":memory:");
		migrate(db, 1);
		// Step 2 creates time_entries last; one already there makes it fail after its other tables.
		db.exec("CREATE TABLE time_entries (x)");
		expect(() => migrate(db)).toThrow(/Schema migration 2 of the gateway tables/);
		expect(currentSchemaVersion(db)).toBe(1);
		expect(tableNames(db)).not.toContain("active_tasks");
		db.close();
	});
});
