import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { MemoryReadingStore } from "./memory-reading-store.js";
import { readingStoreContract } from "./reading-store.contract.js";
import { SqliteReadingStore } from "./sqlite-reading-store.js";
import { identity, row } from "./testing/rows.js";

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
