/**
 * TimeSync end to end over a memory link: the simulator, a device without a real-time clock (three
 * years behind), asks the gateway for its time after the hello exchange, sets its clock from the
 * synchronised answer, and its readings stop being flagged as implausible. An unsynchronised
 * gateway's answer is not taken.
 */
import { afterEach, describe, expect, it } from "vitest";
import { seededRandom } from "../firmware-host/simulator/prng.js";
import { SimulatedDevice } from "../firmware-host/simulator/simulated-device.js";
import { clockBootAnchor } from "../gateway/clock/boot-anchor.js";
import { DeviceTimeCheck } from "../gateway/clock/device-time.js";
import { GatewayTime } from "../gateway/clock/gateway-time.js";
import { GroupCommitter } from "../gateway/ingest/group-committer.js";
import { DeviceSession } from "../gateway/session/device-session.js";
import { MemoryReadingStore } from "../gateway/store/memory-reading-store.js";
import type { ReadingRow } from "../gateway/store/reading-store.js";
import { ManualClock } from "../platform/clock.js";
import { silentLogger } from "../platform/logger.js";
import { createMemoryLinkPair } from "../protocol/transport/memory-link.js";

const THREE_YEARS = 3 * 365 * 86_400_000;
const stops: Array<() => void> = [];
afterEach(() => {
	for (const stop of stops.splice(0)) stop();
});

async function run(synchronised: boolean) {
	const clock = new ManualClock(Date.UTC(2026, 0, 15, 9));
	const time = new GatewayTime({ clock, anchor: clockBootAnchor(clock) });
	time.setKernelSynchronised(synchronised);
	const store = new MemoryReadingStore();
	const committer = new GroupCommitter({ store, schedule: (flush) => queueMicrotask(flush) });
	const [deviceEnd, hostEnd] = createMemoryLinkPair();
	const session = new DeviceSession(hostEnd, { gatewayId: "gw", store, committer, clock, logger: silentLogger(), time, deviceTime: new DeviceTimeCheck() });
	const rows: ReadingRow[] = [];
	session.on("reading", (row) => rows.push(row));
	const device = new SimulatedDevice({ deviceId: "mm-1", clock, random: seededRandom(7), rate: 10, clockErrorMs: -THREE_YEARS, syncTime: true });
	stops.push(() => device.stop());
	const synced: number[] = [];
	device.on("timeSynced", (error) => synced.push(error));
	device.attach(deviceEnd);
	session.start();
	for (let i = 0; i < 100; i++) {
		clock.advance(10);
		for (let j = 0; j < 5; j++) await new Promise((resolve) => setImmediate(resolve));
	}
	return { rows, synced };
}

describe("TimeSync with the simulator", () => {
	it("sets a clockless device's clock from a synchronised gateway, and its readings become plausible", async () => {
		const { rows, synced } = await run(true);
		expect(synced).toEqual([0]);
		expect(rows.length).toBeGreaterThan(3);
		const last = rows.at(-1)!;
		expect(Math.abs(last.deviceTimeUs / 1000 - last.receivedAt)).toBeLessThan(200);
		expect(last.deviceTimeImplausible ?? false).toBe(false);
	});

	it("keeps its own clock when the gateway says its time is unsynchronised", async () => {
		const { rows, synced } = await run(false);
		expect(synced).toEqual([]);
		expect(rows.length).toBeGreaterThan(3);
		expect(rows.every((row) => row.deviceTimeImplausible === true)).toBe(true);
	});
});
