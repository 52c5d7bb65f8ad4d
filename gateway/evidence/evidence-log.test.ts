import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { verifyCheckpoint } from "../../protocol/evidence/checkpoint.js";
import { loadOrCreateGatewayKey } from "../../protocol/evidence/keys.js";
import { decodeCheckpoint, decodeRecord } from "../../protocol/evidence/record.js";
import { GroupCommitter } from "../ingest/group-committer.js";
import { SqliteReadingStore } from "../store/sqlite-reading-store.js";
import { identity, row } from "../store/testing/rows.js";
import { ActiveTasks } from "../work/active-tasks.js";
import { WorkOrders } from "../work/work-orders.js";
import { EvidenceBatches } from "./evidence-batches.js";
import { EvidenceLog } from "./evidence-log.js";

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

function setup(sealEveryRecords = 1000) {
	dir = mkdtempSync(join(tmpdir(), "fc-evlog-"));
	const store = new SqliteReadingStore({ path: join(dir, "gateway.db") });
	store.recordHello(identity({ deviceId: "dev-1", capabilities: [] }));
	const workOrders = new WorkOrders(
		baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress" })],
			tasks: [
				make.task({
					checklist: [
						items.insulation({ requirement: { kind: "reading", quantity: "resistance", unit: "Ohm", min: null, max: 0.01, calibratedDevice: false } }),
					],
				}),
			],
		}),
	);
	const activeTasks = new ActiveTasks(store.database, workOrders);
	activeTasks.set("TECH1", "WO1", "T1", 0);
	const clock = new ManualClock();
	const key = loadOrCreateGatewayKey(dir);
	const log = new EvidenceLog({
		db: store.database,
		batches: new EvidenceBatches(store.database),
		gatewayId: "gw-1",
		key,
		workOrders,
		activeTasks,
		device: (id) => store.getDevice(id),
		clock,
		logger: silentLogger(),
		sealEveryRecords,
		sealEveryMs: 500,
	});
	const commit = (seqs: number[]) =>
		store.commit(
			seqs.map((seq) => row(seq, { deviceId: "dev-1", quantity: "resistance", unit: "Ohm" })),
			[],
			() => log.stampReadings(seqs.map((seq) => row(seq, { deviceId: "dev-1", quantity: "resistance", unit: "Ohm" }))),
		);
	return { store, log, clock, key, commit };
}

describe("EvidenceLog", () => {
	it("chains one record per matched reading and seals by count and by time with a valid signature", () => {
		const { store, log, clock, key, commit } = setup(3);
		commit([1, 2]);
		expect(log.headSeq).toBe(2);
		expect(log.forTask("WO1", "T1").map((view) => view.sealed)).toEqual([false, false]);
		commit([3]);
		expect(log.forTask("WO1", "T1").every((view) => view.sealed)).toBe(true);
		commit([4]);
		clock.advance(500);
		const checkpoints = store.database.prepare("SELECT canonical FROM evidence_checkpoints ORDER BY chain_seq").pluck().all() as Buffer[];
		expect(checkpoints.map((bytes) => decodeCheckpoint(bytes).chainSeq)).toEqual([3, 4]);
		expect(checkpoints.every((bytes) => verifyCheckpoint(bytes, key.publicKeyRaw))).toBe(true);
		const record = decodeRecord(new EvidenceBatches(store.database).between(1, 1)[0].bytes);
		expect(record).toMatchObject({ workOrderId: "WO1", taskId: "T1", checklistItemId: "insulation", technicianId: "TECH1", quantity: "resistance" });
		store.close();
	});

	it("takes the chain back from the database after a rolled-back transaction: no gap, no fork", () => {
		const { store, log, commit } = setup();
		commit([1]);
		expect(() =>
			store.database.transaction(() => {
				log.stampReadings([row(2, { deviceId: "dev-1", quantity: "resistance", unit: "Ohm" })]);
				throw new Error("disk full");
			})(),
		).toThrow("disk full");
		expect(log.headSeq).toBe(2); // in memory only
		log.reload();
		expect(log.headSeq).toBe(1);
		commit([2]);
		const stored = new EvidenceBatches(store.database).between(1, 10);
		expect(stored.map((record) => record.chainSeq)).toEqual([1, 2]);
		const second = decodeRecord(stored[1].bytes);
		// Each commit above is its own batch, whose head hash is its last record's entry hash.
		const firstHash = store.database.prepare("SELECT head_hash FROM evidence_batches WHERE last_seq = 1").pluck().get() as Buffer;
		expect(Buffer.from(second.prevHash).equals(firstHash)).toBe(true);
		store.close();
	});

	it("stamps a reading re-sent while its first copy is still queued once", () => {
		const { store, log } = setup();
		const committer = new GroupCommitter({ store, stamp: (rows) => log.stampReadings(rows), schedule: () => {} });
		const acks: number[] = [];
		const reading = row(1, { deviceId: "dev-1", quantity: "resistance", unit: "Ohm" });
		committer.submit(reading, (ackedUpTo) => acks.push(ackedUpTo));
		committer.submit({ ...reading }, (ackedUpTo) => acks.push(ackedUpTo));
		committer.flush();
		expect(log.headSeq).toBe(1);
		expect(committer.stats).toMatchObject({ inserted: 1, duplicates: 1 });
		expect(acks).toEqual([1, 1]); // both copies acked, once stored
		store.close();
	});

	it("refuses evidence the checklist item does not ask for, in the domain's error codes", () => {
		const { store, log, commit } = setup();
		commit([1]);
		const task = make.task({ checklist: [items.insulation()] });
		const note = { technicianId: "TECH1", workOrderId: "WO1", task, kind: "note" as const, text: "n" };
		expect(() => log.add({ ...note, checklistItemId: "insulation" })).toThrow(expect.objectContaining({ code: "FC_EVIDENCE_INVALID" }));
		expect(() => log.add({ ...note, checklistItemId: "nope" })).toThrow(expect.objectContaining({ code: "FC_MODEL_NOT_FOUND" }));
		expect(log.headSeq).toBe(1);
		store.close();
	});

	it("stores the records of one commit as one batch and finds them by task and by chain range", () => {
		const { store, log, commit } = setup();
		commit([1, 2, 3]);
		commit([4]);
		expect(store.database.prepare("SELECT first_seq, last_seq FROM evidence_batches ORDER BY first_seq").all()).toEqual([
			{ first_seq: 1, last_seq: 3 },
			{ first_seq: 4, last_seq: 4 },
		]);
		expect(log.forTask("WO1", "T1").map((view) => view.chainSeq)).toEqual([1, 2, 3, 4]);
		expect(log.forTask("WO1", "other")).toEqual([]);
		expect(log.range(1, 3).map((view) => [view.chainSeq, view.kind, view.outcome])).toEqual([
			[2, "reading", "fail-out-of-range"],
			[3, "reading", "fail-out-of-range"],
		]);
		store.close();
	});
});
