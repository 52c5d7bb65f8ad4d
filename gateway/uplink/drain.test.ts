import { generateKeyPairSync } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { EvidenceChain } from "../../protocol/evidence/chain.js";
import { signCheckpoint } from "../../protocol/evidence/checkpoint.js";
import { EvidenceKind } from "../../protocol/evidence/record.js";
import { EvidenceBatches } from "../evidence/evidence-batches.js";
import { migrate } from "../store/migrations.js";
import { UplinkCursors } from "./cursors.js";
import { Drain, type DrainState } from "./drain.js";
import { Outbox } from "./outbox.js";
import { SealedSpans } from "./sealed-spans.js";
import { MemoryTransport } from "./transport/memory-transport.js";

const { privateKey } = generateKeyPairSync("ed25519");

/** A gateway database with `count` chained records, sealed every `sealEvery`. */
function chainedDatabase(count: number, sealEvery: number): Database.Database {
	const db = new Database(":memory:");
	migrate(db);
	const batches = new EvidenceBatches(db);
	const chain = new EvidenceChain();
	const insertCheckpoint = db.prepare("INSERT INTO evidence_checkpoints (chain_seq, canonical, created_at) VALUES (?, ?, ?)");
	for (let i = 1; i <= count; i++) {
		const c = chain.append({
			id: `0190f5c2-7e00-7000-8000-${i.toString(16).padStart(12, "0")}`,
			gatewayId: "gw-1",
			workOrderId: "WO1",
			taskId: "T1",
			checklistItemId: "i1",
			technicianId: "TECH1",
			kind: EvidenceKind.KIND_NOTE,
			text: `note ${i}`,
			gatewayTimeMs: 1_764_000_000_000 + i,
		});
		batches.append([{ chainSeq: c.chainSeq, bytes: c.bytes, entryHash: c.entryHash, workOrderId: "WO1", taskId: "T1" }]);
		if (i % sealEvery === 0 || i === count) {
			const checkpoint = signCheckpoint(
				{ gatewayId: "gw-1", chainSeq: i, headHash: c.entryHash, recordCount: i, createdAtMs: 1_764_000_000_000 + i, keyId: Buffer.alloc(32) },
				privateKey,
			);
			insertCheckpoint.run(i, Buffer.from(checkpoint.bytes), 1_764_000_000_000 + i);
		}
	}
	return db;
}

let clock: ManualClock;
let transport: MemoryTransport;
let drain: Drain | undefined;
let states: DrainState[];

beforeEach(() => {
	clock = new ManualClock();
	transport = new MemoryTransport();
	states = [];
});
afterEach(async () => {
	await drain?.stop();
	drain = undefined;
});

function startDrain(db: Database.Database, options: { batchRecords?: number } = {}) {
	const cursors = new UplinkCursors(db, transport.destination);
	const outbox = new Outbox(db);
	drain = new Drain({
		gatewayId: "gw-1",
		spans: new SealedSpans(db, new EvidenceBatches(db)),
		cursors,
		outbox,
		transport,
		clock,
		logger: silentLogger(),
		batchRecords: options.batchRecords ?? 250,
		retry: { initialDelayMs: 100, maxDelayMs: 1000 },
		breaker: { failureThreshold: 3, openMs: 2000, maxOpenMs: 8000 },
		random: () => 0,
		onState: (state) => states.push(state),
	});
	drain.start();
	return { cursors, outbox, drain };
}

/** Lets the drain's promise chain run (the memory transport answers on the next microtask). */
async function settle(rounds = 50): Promise<void> {
	for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("Drain", () => {
	it("sends the sealed chain in order, in whole checkpoint spans, and stops at the receipt", async () => {
		const db = chainedDatabase(1000, 100);
		const { cursors } = startDrain(db);
		await settle();
		expect(transport.head).toBe(1000);
		expect(transport.received).toBe(1000);
		expect(cursors.current).toMatchObject({ uploadedUpTo: 1000, receiptedUpTo: 1000 });
		expect(drain?.state).toBe("idle");
	});

	it("retries with backoff while the destination is down, opens the breaker, and delivers everything once when it is back", async () => {
		const db = chainedDatabase(500, 100);
		transport.down = true;
		const { cursors } = startDrain(db);
		await settle();
		expect(drain?.stats.failuresByReason.network).toBe(1);
		clock.advance(100);
		await settle();
		clock.advance(200);
		await settle();
		expect(drain?.stats.consecutiveFailures).toBe(3);
		expect(drain?.breaker.state).toBe("open");
		expect(states).toContain("circuit-open");
		// While open, nothing is tried.
		clock.advance(1000);
		await settle();
		expect(drain?.stats.consecutiveFailures).toBe(3);
		transport.down = false;
		clock.advance(5000);
		await settle();
		expect(transport.head).toBe(500);
		expect(transport.received).toBe(500);
		expect(cursors.current.receiptedUpTo).toBe(500);
		expect(drain?.breaker.state).toBe("closed");
	});

	it("a lost response is retried as the same batch: the destination counts a duplicate, holds one copy", async () => {
		const db = chainedDatabase(300, 100);
		transport.loseResponses = 1;
		const { cursors } = startDrain(db, { batchRecords: 300 });
		await settle();
		expect(cursors.current).toMatchObject({ uploadedUpTo: 300, receiptedUpTo: 0 });
		clock.advance(100);
		await settle();
		expect(transport.head).toBe(300);
		expect(transport.received).toBe(600);
		expect(cursors.current.receiptedUpTo).toBe(300);
	});

	it("resumes from the durable receipt after a restart", async () => {
		const db = chainedDatabase(400, 100);
		const first = startDrain(db);
		await settle();
		await first.drain.stop();
		const before = transport.received;
		// Restarted over the same database: nothing is sent again.
		startDrain(db);
		await settle();
		expect(transport.received).toBe(before);
		expect(new UplinkCursors(db, transport.destination).current.receiptedUpTo).toBe(400);
	});

	it("resends from the destination's head when the destination is behind the receipt cursor", async () => {
		const db = chainedDatabase(500, 100);
		const first = startDrain(db);
		await settle();
		await first.drain.stop();
		// The destination lost its tail (restored from a backup), and more evidence is due.
		for (let seq = 201; seq <= 500; seq++) transport.chain.delete(seq);
		new UplinkCursors(db, transport.destination).markReceipted(400, clock.now());
		const second = startDrain(db);
		await settle();
		expect(transport.head).toBe(500);
		expect(second.cursors.current.receiptedUpTo).toBe(500);
	});

	it("never skips a batch the destination refuses: the cursor stays, an alarm is raised, it is retried", async () => {
		const db = chainedDatabase(200, 100);
		transport.chain.set(50, "not the gateway's record");
		const alarms: string[] = [];
		const cursors = new UplinkCursors(db, transport.destination);
		drain = new Drain({
			gatewayId: "gw-1",
			spans: new SealedSpans(db, new EvidenceBatches(db)),
			cursors,
			outbox: new Outbox(db),
			transport,
			clock,
			logger: silentLogger(),
			batchRecords: 100,
			retry: { initialDelayMs: 100, maxDelayMs: 100 },
			random: () => 0,
			onAlarm: (code) => alarms.push(code),
		});
		drain.start();
		await settle();
		clock.advance(100);
		await settle();
		expect(cursors.current.receiptedUpTo).toBe(0);
		expect(alarms).toEqual(["uplink-rejected", "uplink-rejected"]);
		expect(drain.stats.failuresByReason.rejected).toBe(2);
	});

	it("sends outbox entries after the evidence chained before them, once each; a conflict keeps both versions", async () => {
		const db = chainedDatabase(100, 100);
		const outbox = new Outbox(db);
		outbox.add({
			kind: "time-entry",
			recordId: "te-1",
			workOrderId: "WO1",
			taskId: "T1",
			payload: { afterChainSeq: 100, start: 1, end: 2 },
			createdAt: clock.now(),
		});
		outbox.add({
			kind: "task-status",
			recordId: "ts-1",
			workOrderId: "WO1",
			taskId: "T1",
			payload: { afterChainSeq: 100, status: "completed" },
			createdAt: clock.now(),
		});
		transport.conflicts.set("ts-1", { status: "cancelled" });
		transport.loseResponses = 0;
		startDrain(db);
		await settle();
		expect([...transport.outbox.keys()]).toEqual(["te-1"]);
		expect(outbox.stats().depth).toBe(0);
		expect(outbox.conflicts().map((entry) => entry.recordId)).toEqual(["ts-1"]);
		expect(outbox.conflicts()[0].lastError).toContain("cancelled");
	});

	it("an outbox entry waits for its evidence to be receipted", async () => {
		const db = chainedDatabase(100, 100);
		const outbox = new Outbox(db);
		outbox.add({ kind: "time-entry", recordId: "te-2", workOrderId: "WO1", taskId: "T1", payload: { afterChainSeq: 150 }, createdAt: clock.now() });
		startDrain(db);
		await settle();
		expect(transport.outbox.size).toBe(0);
		expect(outbox.stats().depth).toBe(1);
	});
});
