import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { MemoryReadingStore } from "./memory-reading-store.js";
import { currentSchemaVersion, MIGRATIONS, migrate } from "./migrations.js";
import { identity, readingStoreContract, row } from "./reading-store.contract.js";
import { SqliteReadingStore } from "./sqlite-reading-store.js";

const dir = mkdtempSync(join(tmpdir(), "fc-store-"));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

readingStoreContract("memory", { create: () => new MemoryReadingStore() });

const paths = new WeakMap<object, string>();
readingStoreContract("sqlite on disk", {
	create() {
		const path = join(dir, `store-${counter++}.db`);
		const store = new SqliteReadingStore({ path });
		paths.set(store, path);
		return store;
	},
	reopen(store) {
		const path = paths.get(store)!;
		store.close();
		const reopened = new SqliteReadingStore({ path });
		paths.set(reopened, path);
		return reopened;
	},
});

describe("SqliteReadingStore", () => {
	it("migrates an empty database to the newest schema, and is idempotent", () => {
		const db = new Database(":memory:");
		migrate(db);
		expect(currentSchemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
		migrate(db);
		expect(currentSchemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
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
			expect(currentSchemaVersion(new Database(path, { readonly: true }))).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
			if (earlier.version === 1) expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 1, storedAbove: [] });
			store.close();
		}
	});

	it("says what to do when the data directory cannot be used", () => {
		// A regular file where a directory should be: mkdir fails with ENOTDIR.
		const notADirectory = join(dir, "plain-file");
		writeFileSync(notADirectory, "");
		let error: unknown;
		try {
			new SqliteReadingStore({ path: join(notADirectory, "sub", "x.db") });
		} catch (caught) {
			error = caught;
		}
		expect(isFieldchainError(error, "FC_STORE_OPEN")).toBe(true);
		expect(String((error as Error).message)).toContain("--data-dir");
	});

	it("refuses writes after close with a coded error", () => {
		const store = new SqliteReadingStore({ path: ":memory:" });
		store.recordHello(identity());
		store.close();
		expect(() => store.commit([row(1)], [])).toThrow(/closed/);
	});
});
