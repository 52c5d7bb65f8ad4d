import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../platform/clock.js";
import { silentLogger } from "../../../platform/logger.js";
import type { ReadingRow } from "../../store/reading-store.js";
import { SqliteReadingStore } from "../../store/sqlite-reading-store.js";
import { defaultCapacityConfig } from "./capacity-config.js";
import { CapacityGuard } from "./capacity-guard.js";
import { ReadingEviction } from "./reading-eviction.js";
import { ReadingSpans } from "./reading-spans.js";

const row = (deviceId: string, seq: number, receivedAt: number): ReadingRow => ({
	deviceId,
	bootId: "aa",
	seq,
	deviceTimeUs: 0,
	quantity: "resistance",
	value: 1,
	unit: "Ohm",
	flags: 0,
	channel: "",
	receivedAt,
});

function world() {
	const clock = new ManualClock();
	const store = new SqliteReadingStore({ path: ":memory:" });
	const db = store.database;
	const spans = new ReadingSpans(db);
	const disk = { used: 0, free: 1_000_000 };
	const alarms: Array<{ code: string; severity: string }> = [];
	const guard = new CapacityGuard({
		config: { ...defaultCapacityConfig(), quotaBytes: 1000, reserveBytes: 100, rawReadingMaxAgeMs: 60_000, checkIntervalMs: 1000 },
		probe: { usedBytes: () => disk.used, freeBytes: () => disk.free },
		eviction: new ReadingEviction(db),
		deviceHasActiveTask: (deviceId) => deviceId === "on-task",
		clock,
		logger: silentLogger(),
		onAlarm: (alarm) => alarms.push(alarm),
	});
	const count = (deviceId: string) => store.listReadings(deviceId, { bootId: "aa", limit: 10_000 }).length;
	return { clock, store, spans, disk, alarms, guard, count, db };
}

describe("CapacityGuard", () => {
	it("at the quota refuses readings of devices without a task, keeps those on a task, and raises an alarm once", () => {
		const { guard, disk, alarms } = world();
		guard.start();
		expect(guard.admit(row("idle", 1, 0))).toBeUndefined();
		disk.used = 1500;
		guard.check();
		expect(guard.level).toBe("quota");
		expect(guard.admit(row("on-task", 1, 0))).toBeUndefined();
		const refusal = guard.admit(row("idle", 2, 0));
		expect(refusal).toMatchObject({ reason: "quota", notify: true });
		expect(refusal?.message).toMatch(/quota/);
		// Told once every few seconds, not on every reading; counted every time.
		expect(guard.admit(row("idle", 3, 0))?.notify).toBe(false);
		expect(guard.status().refusedReadings.quota).toBe(2);
		expect(guard.refusesEvidence()).toBeUndefined();
		guard.check();
		expect(alarms.map((a) => a.code)).toEqual(["FC_CAPACITY_QUOTA"]);
		guard.stop();
	});

	it("when the disk is nearly full refuses every reading and evidence, then accepts again once space returns", () => {
		const { guard, disk, alarms } = world();
		disk.free = 50;
		guard.check();
		expect(guard.level).toBe("disk-full");
		expect(guard.admit(row("on-task", 1, 0))?.reason).toBe("disk-full");
		expect(guard.refusesEvidence()).toMatch(/nearly full/);
		disk.free = 1_000_000;
		guard.check();
		expect(guard.level).toBe("ok");
		expect(guard.admit(row("on-task", 2, 0))).toBeUndefined();
		expect(alarms.map((a) => [a.code, a.severity])).toEqual([
			["FC_CAPACITY_DISK_FULL", "critical"],
			["capacity-ok", "warning"],
		]);
	});

	it("ages out only old raw readings that matched no task, and only at the quota", () => {
		const { guard, disk, store, spans, count, clock, db } = world();
		const old = clock.now() - 120_000;
		const matched = [row("on-task", 1, old), row("on-task", 2, old)];
		store.commit([...matched, row("idle", 1, old), row("idle", 2, old), row("idle", 3, clock.now())], [], () => spans.record(matched));
		guard.check();
		expect(count("idle")).toBe(3);
		disk.used = 1500;
		guard.check();
		// The two old unmatched readings went; the recent one and the readings behind evidence stay.
		expect(count("idle")).toBe(1);
		expect(count("on-task")).toBe(2);
		expect(guard.status().agedOutReadings).toBe(2);
		// The ack watermark stays: a re-sent aged-out reading is still a duplicate.
		expect(store.loadBoot("idle", "aa").ackedUpTo).toBe(0);
		expect((db.prepare("SELECT count(*) FROM evidence_reading_spans").pluck().get() as number) > 0).toBe(true);
	});
});
