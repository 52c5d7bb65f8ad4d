import { describe, expect, it } from "vitest";
import { FieldchainError } from "../../platform/errors.js";
import { MemoryReadingStore } from "../store/memory-reading-store.js";
import { identity, row } from "../store/testing/rows.js";
import { GroupCommitter } from "./group-committer.js";

function setup() {
	const store = new MemoryReadingStore();
	store.recordHello(identity());
	const pending: Array<() => void> = [];
	const committer = new GroupCommitter({ store, schedule: (flush) => pending.push(flush) });
	const runScheduled = () => {
		for (const flush of pending.splice(0)) flush();
	};
	return { store, committer, runScheduled };
}

describe("GroupCommitter", () => {
	it("acks nothing before the commit, and the contiguous watermark after it", () => {
		const { store, committer, runScheduled } = setup();
		const acks: number[] = [];
		// A session passes the same listener for every reading of a boot.
		const ack = (upTo: number) => acks.push(upTo);
		for (const seq of [1, 2, 3, 5]) committer.submit(row(seq), ack);
		expect(acks).toEqual([]);
		expect(store.countReadings()).toBe(0);
		runScheduled();
		expect(store.countReadings()).toBe(4);
		// One notification per listener per commit: seq 4 is missing, so 3 is the watermark.
		expect(acks).toEqual([3]);
		expect(store.loadBoot("dev-1", "b1")).toEqual({ ackedUpTo: 3, storedAbove: [5] });
	});

	it("fills a gap when the missing reading is re-sent", () => {
		const { committer, runScheduled } = setup();
		const acks: number[] = [];
		// A session passes the same listener for every reading of a boot.
		const ack = (upTo: number) => acks.push(upTo);
		for (const seq of [1, 3, 4]) committer.submit(row(seq), ack);
		runScheduled();
		committer.submit(row(2), ack);
		runScheduled();
		expect(acks).toEqual([1, 4]);
	});

	it("re-acks duplicates without writing them again", () => {
		const { store, committer, runScheduled } = setup();
		const acks: number[] = [];
		// A session passes the same listener for every reading of a boot.
		const ack = (upTo: number) => acks.push(upTo);
		committer.submit(row(1), ack);
		runScheduled();
		committer.submit(row(1), ack);
		committer.submit(row(1), ack);
		runScheduled();
		expect(acks).toEqual([1, 1]);
		expect(store.countReadings()).toBe(1);
		expect(committer.stats.duplicates).toBe(2);
	});

	it("flushes at once when the batch is full", () => {
		const store = new MemoryReadingStore();
		const committer = new GroupCommitter({ store, maxBatch: 3, schedule: () => {} });
		for (const seq of [1, 2, 3]) committer.submit(row(seq), () => {});
		expect(store.countReadings()).toBe(3);
	});

	it("acks nothing when the store fails, and recovers from the disk state", () => {
		const { store, committer, runScheduled } = setup();
		const acks: number[] = [];
		// A session passes the same listener for every reading of a boot.
		const ack = (upTo: number) => acks.push(upTo);
		const errors: FieldchainError[] = [];
		committer.on("commitError", (error) => errors.push(error));
		const realCommit = store.commit.bind(store);
		store.commit = () => {
			throw new FieldchainError("FC_STORE_WRITE", "disk full");
		};
		committer.submit(row(1), ack);
		runScheduled();
		expect(acks).toEqual([]);
		expect(errors.map((e) => e.code)).toEqual(["FC_STORE_WRITE"]);
		store.commit = realCommit;
		committer.submit(row(1), ack);
		runScheduled();
		expect(acks).toEqual([1]);
		expect(store.countReadings()).toBe(1);
	});

	it("keeps boots of one device apart", () => {
		const { committer, runScheduled } = setup();
		const acks: string[] = [];
		const ackB1 = (upTo: number) => acks.push(`b1:${upTo}`);
		const ackB2 = (upTo: number) => acks.push(`b2:${upTo}`);
		committer.submit(row(1, { bootId: "b1" }), ackB1);
		committer.submit(row(1, { bootId: "b2" }), ackB2);
		committer.submit(row(2, { bootId: "b2" }), ackB2);
		runScheduled();
		expect(acks.sort()).toEqual(["b1:1", "b2:2"]);
	});
});
