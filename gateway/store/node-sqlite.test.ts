/**
 * The reading store's contract on Node's built-in node:sqlite (through node-sqlite-compat.ts), the
 * judge of whether it could replace better-sqlite3. Skipped on a Node without node:sqlite (20);
 * `npm run test:node24` runs it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeSqlite, openNodeSqlite } from "./node-sqlite-compat.js";
import { readingStoreContract } from "./reading-store.contract.js";
import { SqliteReadingStore } from "./sqlite-reading-store.js";
import { identity, row } from "./testing/rows.js";

const available = nodeSqlite() !== undefined;
const dir = mkdtempSync(join(tmpdir(), "fc-node-sqlite-"));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if (available) {
	const paths = new WeakMap<object, string>();
	readingStoreContract("node:sqlite on disk", {
		create() {
			const path = join(dir, `store-${counter++}.db`);
			const store = new SqliteReadingStore({ path, open: openNodeSqlite });
			paths.set(store, path);
			return store;
		},
		reopen(store) {
			const path = paths.get(store)!;
			store.close();
			const reopened = new SqliteReadingStore({ path, open: openNodeSqlite });
			paths.set(reopened, path);
			return reopened;
		},
	});
}

describe.skipIf(!available)("node:sqlite adapter", () => {
	it("rolls a failed commit back whole, as better-sqlite3 does", () => {
		const store = new SqliteReadingStore({ path: join(dir, "rollback.db"), open: openNodeSqlite });
		store.recordHello(identity());
		expect(() =>
			store.commit([row(1), row(2)], [], () => {
				throw new Error("crash between writes");
			}),
		).toThrow();
		expect(store.countReadings()).toBe(0);
		expect(store.commit([row(1)], [])).toEqual({ inserted: 1, duplicates: 0 });
		store.close();
	});
});
