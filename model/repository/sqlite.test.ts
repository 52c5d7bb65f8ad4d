import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { make } from "../testing/builders.js";
import { repositoryContract } from "./repository.contract.js";
import { SqliteRepository } from "./sqlite.js";

const dir = mkdtempSync(join(tmpdir(), "fieldchain-model-"));
let n = 0;
const nextPath = () => join(dir, `repo-${++n}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

repositoryContract("sqlite (on disk, WAL)", () => new SqliteRepository(nextPath()));

describe("SqliteRepository on disk", () => {
	it("uses WAL and keeps data across reopen", async () => {
		const path = nextPath();
		const repo = new SqliteRepository(path);
		expect(repo.db.pragma("journal_mode", { simple: true })).toBe("wal");
		await repo.put("task", { ...make.task(), version: 0 });
		await repo.close();
		const again = new SqliteRepository(path);
		expect((await again.get("task", "T1"))?.version).toBe(1);
		await again.close();
	});

	it("detects a lost update between two connections to one file", async () => {
		const path = nextPath();
		const a = new SqliteRepository(path);
		const b = new SqliteRepository(path);
		await a.put("task", { ...make.task(), version: 0 });
		const readByB = (await b.get("task", "T1"))!;
		await a.put("task", { ...readByB, title: "A wins" });
		try {
			await b.put("task", { ...readByB, title: "B loses" });
			expect.unreachable();
		} catch (error) {
			expect(isFieldchainError(error, "FC_MODEL_VERSION_CONFLICT")).toBe(true);
		}
		expect((await b.get("task", "T1"))?.title).toBe("A wins");
		await a.close();
		await b.close();
	});
});
