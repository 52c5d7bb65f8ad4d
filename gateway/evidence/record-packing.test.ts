import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorCodes, isFieldchainError } from "../../platform/errors.js";
import { migrateSqliteSchema, type SqliteSchema } from "../../platform/sqlite-migrations.js";
import { EvidenceChain } from "../../protocol/evidence/chain.js";
import { reading } from "../../protocol/evidence/testing/fixtures.js";
import { currentSchemaVersion, MIGRATIONS, migrate } from "../store/migrations.js";
import { SqliteReadingStore } from "../store/sqlite-reading-store.js";
import { EvidenceBatches } from "./evidence-batches.js";
import { DELTA_MARK, packRecords, RecordPacker, unpackRecords } from "./record-packing.js";

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

function lengthPrefixed(records: readonly Uint8Array[]): Buffer {
	return Buffer.concat(
		records.flatMap((bytes) => {
			const length = Buffer.alloc(4);
			length.writeUInt32BE(bytes.length);
			return [length, Buffer.from(bytes)];
		}),
	);
}

function corruptionError(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	return undefined;
}

/** A run of real reading records, chained as the gateway chains them. */
function chainedReadings(n: number, workOrderId = "WO-A"): Buffer[] {
	const chain = new EvidenceChain();
	return Array.from({ length: n }, (_, i) => Buffer.from(chain.append(reading(workOrderId, i + 1)).bytes));
}

/** Records that look like a batch: variations of a few bases (bytes changed, cut, grown) and unrelated ones. */
const batchRecords = fc
	.tuple(
		fc.uint8Array({ minLength: 0, maxLength: 300 }),
		fc.array(fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 40 }), fc.integer({ min: -20, max: 20 })), { maxLength: 25 }),
	)
	.map(([base, changes]) =>
		changes.map(([at, patch, grow]) => {
			const bytes = Buffer.from(base);
			if (bytes.length > 0) Buffer.from(patch).copy(bytes, at % bytes.length);
			return grow >= 0 ? Buffer.concat([bytes, Buffer.alloc(grow, grow)]) : bytes.subarray(0, Math.max(0, bytes.length + grow));
		}),
	);

describe("evidence record packing", () => {
	it("gives back every record byte for byte, whatever the records (property)", () => {
		fc.assert(
			fc.property(fc.oneof(batchRecords, fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 })), (records) => {
				if (records.length === 0) return;
				const unpacked = unpackRecords(100, 99 + records.length, packRecords(records.map((bytes) => ({ bytes }))));
				expect(unpacked.map((record) => record.chainSeq)).toEqual(records.map((_, i) => 100 + i));
				expect(unpacked.map((record) => Buffer.from(record.bytes))).toEqual(records.map((bytes) => Buffer.from(bytes)));
			}),
			{ numRuns: 300 },
		);
	});

	it("stores a batch of real reading records in well under half the bytes of the length-prefixed layout", () => {
		const records = chainedReadings(500);
		const packed = packRecords(records.map((bytes) => ({ bytes })));
		expect(packed[0]).toBe(DELTA_MARK);
		expect(packed.length).toBeLessThan(lengthPrefixed(records).length * 0.45);
		expect(unpackRecords(1, 500, packed).map((record) => record.bytes)).toEqual(records);
	});

	it("reads rows of the length-prefixed layout as they are", () => {
		const records = [Buffer.alloc(0), Buffer.from("a"), Buffer.alloc(70_000, 7)];
		expect(unpackRecords(7, 9, lengthPrefixed(records)).map((record) => [record.chainSeq, Buffer.from(record.bytes)])).toEqual([
			[7, records[0]],
			[8, records[1]],
			[9, records[2]],
		]);
	});

	it("refuses every truncated, lengthened or miscounted delta row with FC_STORE_CORRUPT, never fewer records", () => {
		const records = chainedReadings(5);
		const packed = packRecords(records.map((bytes) => ({ bytes })));
		for (let cut = 1; cut < packed.length; cut++) {
			expect(
				isFieldchainError(
					corruptionError(() => unpackRecords(1, 5, packed.subarray(0, cut))),
					"FC_STORE_CORRUPT",
				),
			).toBe(true);
		}
		expect(
			isFieldchainError(
				corruptionError(() => unpackRecords(1, 5, Buffer.concat([packed, Buffer.from([0x05])]))),
				"FC_STORE_CORRUPT",
			),
		).toBe(true);
		expect(
			isFieldchainError(
				corruptionError(() => unpackRecords(1, 4, packed)),
				"FC_STORE_CORRUPT",
			),
		).toBe(true);
		expect(
			isFieldchainError(
				corruptionError(() => unpackRecords(1, 6, packed)),
				"FC_STORE_CORRUPT",
			),
		).toBe(true);
		// A run that copies past the end of the previous record, and one that says nothing.
		expect(
			isFieldchainError(
				corruptionError(() => unpackRecords(1, 2, Buffer.from([DELTA_MARK, 1, 0, 1, 9, 3, 3, 0]))),
				"FC_STORE_CORRUPT",
			),
		).toBe(true);
		expect(
			isFieldchainError(
				corruptionError(() => unpackRecords(1, 1, Buffer.from([DELTA_MARK, 1, 0, 0]))),
				"FC_STORE_CORRUPT",
			),
		).toBe(true);
		// A length no row of this size can hold is refused before anything is allocated for it.
		expect(
			isFieldchainError(
				corruptionError(() => unpackRecords(1, 1, Buffer.from([DELTA_MARK, 0xff, 0xff, 0xff, 0x7f]))),
				"FC_STORE_CORRUPT",
			),
		).toBe(true);
	});

	it("reuses its buffer: each packed batch is complete before the next is packed", () => {
		const packer = new RecordPacker();
		const first = Buffer.from(packer.pack(chainedReadings(3, "WO-A").map((bytes) => ({ bytes }))));
		const second = packer.pack(chainedReadings(400, "WO-B").map((bytes) => ({ bytes })));
		expect(unpackRecords(1, 3, first).map((record) => record.bytes)).toEqual(chainedReadings(3, "WO-A"));
		expect(unpackRecords(1, 400, second)).toHaveLength(400);
	});

	it("a database of schema version 8 keeps its length-prefixed rows readable beside new delta rows, and an older build then refuses it", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-packing-"));
		const path = join(dir, "gateway.db");
		const chain = new EvidenceChain();
		const entries = [1, 2, 3, 4, 5].map((n) => {
			const init = reading("WO-A", n);
			const entry = chain.append(init);
			return { chainSeq: entry.chainSeq, bytes: entry.bytes, entryHash: entry.entryHash, workOrderId: "WO-A", taskId: init.taskId ?? "" };
		});
		// Records 1-2 as a version-8 build stored them.
		const old = new Database(path);
		migrate(old, 8);
		old
			.prepare("INSERT INTO evidence_batches (first_seq, last_seq, head_hash, records) VALUES (1, 2, ?, ?)")
			.run(entries[1].entryHash, lengthPrefixed(entries.slice(0, 2).map((entry) => entry.bytes)));
		old.prepare("INSERT INTO evidence_index (work_order_id, task_id, batch_seq, first_seq, last_seq) VALUES ('WO-A', ?, 1, 1, 2)").run(entries[0].taskId);
		old.close();

		const store = new SqliteReadingStore({ path }); // migrates to the newest version
		expect(currentSchemaVersion(store.database)).toBeGreaterThanOrEqual(9);
		const batches = new EvidenceBatches(store.database);
		expect(batches.head()).toEqual({ chainSeq: 2, entryHash: entries[1].entryHash });
		store.database.transaction(() => batches.append(entries.slice(2)))();
		const stored = store.database.prepare("SELECT records FROM evidence_batches WHERE first_seq = 3").pluck().get() as Buffer;
		expect(stored[0]).toBe(DELTA_MARK);
		expect(batches.between(1, 5).map((record) => Buffer.from(record.bytes))).toEqual(entries.map((entry) => Buffer.from(entry.bytes)));
		expect(batches.batchRecordsOfTask("WO-A", entries[0].taskId).map((record) => record.chainSeq)).toEqual([1, 2, 3, 4, 5]);
		store.close();

		// A build that knows up to version 8 cannot read delta rows: it refuses the file instead of calling its evidence damaged.
		const olderBuild: SqliteSchema = {
			userVersion: true,
			what: "the gateway tables",
			errorCode: ErrorCodes.FC_STORE_OPEN,
			migrations: MIGRATIONS.filter((m) => m.version <= 8).map(({ version, description, sql }) => ({
				version,
				description,
				up: (db: Database.Database) => db.exec(sql),
			})),
		};
		const reopened = new Database(path);
		expect(
			isFieldchainError(
				corruptionError(() => migrateSqliteSchema(reopened, olderBuild)),
				"FC_STORE_OPEN",
			),
		).toBe(true);
		reopened.close();
	});
});
