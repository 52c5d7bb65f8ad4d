/**
 * Time over the device protocol on a real session (memory link): HostHello's quality, TimeRequest
 * answered with TimeSync, a GNSS tool's TimeSync trusted only when configured, and device time
 * skew and plausibility when the gateway's wall clock jumps by a day.
 */
import { afterEach, describe, expect, it } from "vitest";
import { JumpingClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { type Envelope, type EnvelopeInit, ReadingFlag } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { GroupCommitter } from "../ingest/group-committer.js";
import { DeviceSession } from "../session/device-session.js";
import { MemoryReadingStore } from "../store/memory-reading-store.js";
import type { ReadingRow } from "../store/reading-store.js";
import { clockBootAnchor } from "./boot-anchor.js";
import { DeviceTimeCheck } from "./device-time.js";
import { GatewayTime } from "./gateway-time.js";

const DAY = 86_400_000;
const settle = () => new Promise((resolve) => setImmediate(resolve));
/** The true time in these tests; the gateway's wall clock starts right and then jumps. */
const TRUE_START = Date.UTC(2026, 0, 15, 9, 0, 0);

let links: MemoryLink[] = [];
afterEach(async () => {
	for (const link of links) await link.close();
	links = [];
});

function harness(trustedDevices: string[] = []) {
	const [device, host] = createMemoryLinkPair(["device", "host"]);
	links.push(device);
	const clock = new JumpingClock(TRUE_START);
	const time = new GatewayTime({ clock, anchor: clockBootAnchor(clock), trustedDevices });
	const store = new MemoryReadingStore();
	const committer = new GroupCommitter({ store, schedule: () => {} });
	const session = new DeviceSession(host, { gatewayId: "gw-t", store, committer, clock, logger: silentLogger(), time, deviceTime: new DeviceTimeCheck() });
	const received: Envelope[] = [];
	const rows: ReadingRow[] = [];
	device.on("envelope", (envelope) => received.push(envelope));
	session.on("reading", (row) => rows.push(row));
	let seq = 0;
	const send = async (envelope: Omit<EnvelopeInit, "seq">) => {
		await device.send({ ...envelope, seq: ++seq });
		await settle();
		return seq;
	};
	session.start();
	return { clock, time, session, received, rows, send };
}

const hello = (deviceId: string) => ({ hello: { deviceId, model: "M", protocolMajor: 1, bootId: Buffer.alloc(16, 3) } });
const reading = (seq: number, deviceTimeMs: number, flags = 0) => ({
	reading: { seq, deviceTimeUs: deviceTimeMs * 1000, quantity: "voltage", value: 230, unit: "V", flags },
});

describe("time over the device protocol", () => {
	it("says how far its time can be trusted in HostHello and answers TimeRequest with TimeSync", async () => {
		const h = harness();
		await settle();
		expect(h.received[0].hostHello).toMatchObject({ hostTimeUs: TRUE_START * 1000, hostTimeQuality: 1 });
		await h.send(hello("mm-1"));
		const requestSeq = await h.send({ timeRequest: { deviceTimeUs: 42_000_000 } });
		const answer = h.received.find((envelope) => envelope.body === "timeSync")?.timeSync;
		expect(answer).toMatchObject({ timeUs: TRUE_START * 1000, quality: 1, requestSeq, requestDeviceTimeUs: 42_000_000 });
	});

	it("takes a GNSS tool's time only from a device it was configured to trust", async () => {
		const h = harness(["gnss-1"]);
		await h.send(hello("mm-untrusted"));
		await h.send({ timeSync: { timeUs: (TRUE_START + DAY) * 1000, quality: 2, source: "gnss" } });
		expect(h.time.stamp()).toMatchObject({ quality: "unsynchronised", timeMs: TRUE_START });
		expect(h.time.untrustedOffers).toBe(1);

		const trusted = harness(["gnss-1"]);
		await trusted.send(hello("gnss-1"));
		// A trusted tool that says its own clock is unsynchronised is not taken either.
		await trusted.send({ timeSync: { timeUs: (TRUE_START + 5000) * 1000, quality: 1 } });
		expect(trusted.time.stamp().quality).toBe("unsynchronised");
		await trusted.send({ timeSync: { timeUs: (TRUE_START + 5000) * 1000, quality: 2, source: "gnss", uncertaintyMs: 1 } });
		expect(trusted.time.stamp()).toMatchObject({ quality: "trusted-source", source: "gnss:gnss-1", timeMs: TRUE_START + 5000 });
		expect(trusted.received.at(-1)?.body).not.toBe("timeSync");
	});

	it("reports a device's skew against the trusted time, unmoved by a ±1 day wall-clock jump", async () => {
		const h = harness(["gnss-1"]);
		await h.send(hello("gnss-1"));
		await h.send({ timeSync: { timeUs: TRUE_START * 1000, quality: 2, source: "gnss" } });
		// The device's clock is right; 1 s later the gateway's wall clock jumps a day ahead, then a day behind.
		h.clock.advance(1000);
		h.clock.jumpWall(DAY);
		await h.send(reading(1, TRUE_START + 1000));
		h.clock.advance(1000);
		h.clock.jumpWall(-2 * DAY);
		await h.send(reading(2, TRUE_START + 2000));
		expect(h.rows.map((row) => row.deviceTimeUs / 1000 - row.receivedAt)).toEqual([0, 0]);
		expect(h.rows.map((row) => row.deviceTimeImplausible ?? false)).toEqual([false, false]);
		expect(h.rows[1].time).toMatchObject({ quality: "trusted-source", monotonicMs: TRUE_START + 2000 });
	});

	it("flags an unset device clock and a device clock that jumps, never a since-boot clock or the gateway's own jump", async () => {
		const h = harness();
		await h.send(hello("mm-1"));
		await h.send(reading(1, 0, 0));
		await h.send(reading(2, Date.UTC(2000, 0, 1)));
		h.clock.advance(1000);
		h.clock.jumpWall(DAY);
		await h.send(reading(3, 5_000, ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT));
		h.clock.advance(1000);
		await h.send(reading(4, 6_000, ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT));
		h.clock.advance(1000);
		// The device's own clock jumps an hour ahead between two readings taken a second apart.
		await h.send(reading(5, 3_607_000, ReadingFlag.READING_FLAG_CLOCK_SINCE_BOOT));
		expect(h.rows.map((row) => row.deviceTimeImplausible ?? false)).toEqual([true, true, false, false, true]);
	});
});
