import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { EvidenceChain } from "../../protocol/evidence/chain.js";
import { decodeRecord } from "../../protocol/evidence/record.js";
import { reading } from "../../protocol/evidence/testing/fixtures.js";
import { migrate } from "../store/migrations.js";
import { SqliteReadingStore } from "../store/sqlite-reading-store.js";
import { EvidenceBatches, packRecords, unpackRecords } from "./evidence-batches.js";

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

describe("evidence batch rows", () => {
	it("pack and unpack records of any length, numbered from the batch's first seq", () => {
		const records = [Buffer.alloc(0), Buffer.from("a"), Buffer.alloc(70_000, 7)].map((bytes) => ({ bytes }));
		const unpacked = unpackRecords(10, 12, packRecords(records));
		expect(unpacked.map((record) => [record.chainSeq, record.bytes.length])).toEqual([
			[10, 0],
			[11, 1],
			[12, 70_000],
		]);
	});

	it("refuse a damaged row with a coded error instead of returning fewer records", () => {
		const packed = packRecords([{ bytes: Buffer.from("abc") }, { bytes: Buffer.from("defg") }]);
		for (const damaged of [packed.subarray(0, packed.length - 1), Buffer.concat([packed, Buffer.from([0])])]) {
			let error: unknown;
			try {
				unpackRecords(1, 2, damaged);
			} catch (caught) {
				error = caught;
			}
			expect(isFieldchainError(error, "FC_STORE_CORRUPT")).toBe(true);
		}
		expect(() => unpackRecords(1, 3, packed)).toThrow(/damaged/);
	});
});

describe("schema version 3", () => {
	it("moves the per-record rows of version 2 into batches with the same bytes, head and satisfied items", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-batches-"));
		const path = join(dir, "gateway.db");
		const db = new Database(path);
		migrate(db, 2);
		const chain = new EvidenceChain();
		const insert = db.prepare(`INSERT INTO evidence (chain_seq, id, work_order_id, task_id, checklist_item_id, kind, outcome, canonical, entry_hash, created_at)
			VALUES (?, ?, ?, ?, ?, 'reading', ?, ?, ?, 0)`);
		const written = [1, 2, 3].map((n) => {
			const init = reading(n === 3 ? "WO-B" : "WO-A", n);
			const entry = chain.append(init);
			insert.run(
				entry.chainSeq,
				init.id,
				init.workOrderId,
				init.taskId,
				init.checklistItemId,
				n === 2 ? "pass" : "fail-out-of-range",
				Buffer.from(entry.bytes),
				entry.entryHash,
			);
			return entry;
		});
		db.close();

		const store = new SqliteReadingStore({ path }); // migrates to the newest version
		const batches = new EvidenceBatches(store.database);
		expect(batches.between(1, 3).map((record) => Buffer.from(record.bytes))).toEqual(written.map((entry) => Buffer.from(entry.bytes)));
		expect(batches.head()).toEqual({ chainSeq: 3, entryHash: written[2].entryHash });
		expect(batches.workOrderRange("WO-A")).toEqual({ first: 1, last: 2 });
		expect(batches.workOrderRange("WO-B")).toEqual({ first: 3, last: 3 });
		const taskOfSecond = decodeRecord(written[1].bytes).taskId ?? "";
		expect(batches.satisfiedItems(taskOfSecond)).toEqual([decodeRecord(written[1].bytes).checklistItemId]);
		store.close();
	});

	it("indexes a batch that mixes tasks once per task, with each task's own first and last seq", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-batches-"));
		const store = new SqliteReadingStore({ path: join(dir, "gateway.db") });
		const batches = new EvidenceBatches(store.database);
		const chain = new EvidenceChain();
		const entries = ["WO-A", "WO-B", "WO-A", "WO-B"].map((workOrderId, n) => {
			const init = reading(workOrderId, n + 1);
			const entry = chain.append(init);
			return { chainSeq: entry.chainSeq, bytes: entry.bytes, entryHash: entry.entryHash, workOrderId, taskId: init.taskId ?? "" };
		});
		store.database.transaction(() => batches.append(entries))();
		expect(batches.workOrderRange("WO-A")).toEqual({ first: 1, last: 3 });
		expect(batches.workOrderRange("WO-B")).toEqual({ first: 2, last: 4 });
		expect(batches.between(2, 3).map((record) => record.chainSeq)).toEqual([2, 3]);
		expect(batches.batchRecordsOfTask("WO-B", entries[1].taskId)).toHaveLength(4);
		store.close();
	});
});
