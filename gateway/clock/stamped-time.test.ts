/**
 * Stamping carries the clock into evidence: a reading's record has the time quality, source and
 * monotonic anchor the reading arrived with and its implausible-device-time flag (format 2), and
 * a since-boot device time reports no skew. Chain order is chain_seq, whatever the times say.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { ReadingFlag } from "../../protocol/codec.js";
import { loadOrCreateGatewayKey } from "../../protocol/evidence/keys.js";
import { decodeRecord, TimeQuality } from "../../protocol/evidence/record.js";
import { EvidenceBatches } from "../evidence/evidence-batches.js";
import { EvidenceLog } from "../evidence/evidence-log.js";
import { SqliteReadingStore } from "../store/sqlite-reading-store.js";
import { identity, row } from "../store/testing/rows.js";
import { ActiveTasks } from "../work/active-tasks.js";
import { WorkOrders } from "../work/work-orders.js";
import { clockBootAnchor } from "./boot-anchor.js";
import { GatewayTime, type TimeStamp } from "./gateway-time.js";

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

describe("stamped evidence time", () => {
	it("writes quality, source, monotonic anchor and the implausible flag into reading records, in chain order", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-stamp-time-"));
		const store = new SqliteReadingStore({ path: join(dir, "gateway.db") });
		store.recordHello(identity({ deviceId: "dev-1", capabilities: [] }));
		const workOrders = new WorkOrders(
			baseSnapshot({
				workOrders: [make.workOrder({ status: "in-progress" })],
				tasks: [
					make.task({
						checklist: [
							items.insulation({ requirement: { kind: "reading", quantity: "resistance", unit: "Ohm", min: null, max: 1, calibratedDevice: false } }),
						],
					}),
				],
			}),
		);
		const activeTasks = new ActiveTasks(store.database, workOrders);
		activeTasks.set("TECH1", "WO1", "T1", 0);
		const clock = new ManualClock();
		const time = new GatewayTime({ clock, anchor: clockBootAnchor(clock, Buffer.alloc(16, 0xb0)) });
		const log = new EvidenceLog({
			db: store.database,
			batches: new EvidenceBatches(store.database),
			gatewayId: "gw-1",
			key: loadOrCreateGatewayKey(dir),
			workOrders,
			activeTasks,
			device: (id) => store.getDevice(id),
			clock,
			time,
			logger: silentLogger(),
		});
		const bootId = Buffer.alloc(16, 0xb0);
		// The second reading arrived with a wall time a day behind the first: chain order still follows arrival.
		const stamps: TimeStamp[] = [
			{ timeMs: 1_768_467_600_000, quality: "trusted-source", source: "gnss:gnss-1", bootId, monotonicMs: 70_000 },
			{ timeMs: 1_768_467_600_000 - 86_400_000, quality: "unsynchronised", source: "", bootId, monotonicMs: 71_000 },
		];
		const rows = [
			{ ...row(1, { deviceId: "dev-1", quantity: "resistance", unit: "Ohm", value: 5 }), receivedAt: stamps[0].timeMs, time: stamps[0] },
			{
				...row(2, {
					deviceId: "dev-1",
					quantity: "resistance",
					unit: "Ohm",
					value: 0.5,
					flags: ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT,
					deviceTimeUs: 9_000_000,
				}),
				receivedAt: stamps[1].timeMs,
				time: stamps[1],
				deviceTimeImplausible: true,
			},
		];
		store.commit(rows, [], () => log.stampReadings(rows));
		const records = new EvidenceBatches(store.database).between(1, 2).map((entry) => decodeRecord(entry.bytes));
		expect(records.map((r) => Number(r.chainSeq))).toEqual([1, 2]);
		expect(records[0]).toMatchObject({ timeQuality: TimeQuality.TIME_QUALITY_TRUSTED_SOURCE, timeSource: "gnss:gnss-1", formatVersion: 2 });
		expect(Number(records[0].monotonic?.offsetMs)).toBe(70_000);
		expect(Buffer.from(records[0].monotonic?.bootId ?? []).equals(bootId)).toBe(true);
		expect(records[1]).toMatchObject({ timeQuality: TimeQuality.TIME_QUALITY_UNSYNCHRONISED, deviceTimeImplausible: true });
		// A since-boot device time says nothing about the device's clock against the gateway's.
		expect(Number(records[1].clockSkewMs)).toBe(0);
		store.close();
	});
});
