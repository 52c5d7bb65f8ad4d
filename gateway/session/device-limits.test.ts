/**
 * A misbehaving device cannot grow the gateway's memory: each misbehaviour (seq gaps, boot-id
 * churn, hello storms, id churn) is driven many times over a real DeviceSession on an in-memory
 * link, and the state it would grow stays under its bound, with the excess counted as protocol
 * errors; a well-behaved device on the same gateway is still stored and acked.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import type { Envelope, EnvelopeInit } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { MAX_GAP_RUNS } from "../ingest/boot-watermark.js";
import { GroupCommitter, MAX_TRACKED_BOOTS } from "../ingest/group-committer.js";
import { MemoryReadingStore } from "../store/memory-reading-store.js";
import { DeviceRegistry } from "./device-registry.js";
import { DeviceSession } from "./device-session.js";
import { HELLO_BUDGET, MAX_REMEMBERED_DEVICES } from "./limits.js";

const settle = () => new Promise((resolve) => setImmediate(resolve));

let links: MemoryLink[] = [];
afterEach(async () => {
	for (const link of links) await link.close();
	links = [];
});

function gatewaySide() {
	const store = new MemoryReadingStore();
	const committer = new GroupCommitter({ store });
	const clock = new ManualClock();
	const registry = new DeviceRegistry(silentLogger(), () => clock.now());
	return { store, committer, clock, registry };
}

type Side = ReturnType<typeof gatewaySide>;

function connect(side: Side) {
	const [device, host] = createMemoryLinkPair(["device", "host"]);
	links.push(device);
	const session = new DeviceSession(host, { gatewayId: "gw", store: side.store, committer: side.committer, clock: side.clock, logger: silentLogger() });
	side.registry.track(session);
	const received: Envelope[] = [];
	device.on("envelope", (envelope) => received.push(envelope));
	session.start();
	let seq = 0;
	const send = (envelope: Omit<EnvelopeInit, "seq">) => device.send({ ...envelope, seq: ++seq });
	const acks = () => received.filter((envelope) => envelope.body === "ack").map((envelope) => envelope.ack?.upToSeq ?? 0);
	return { device, session, received, send, acks };
}

const hello = (deviceId: string, bootId: Buffer) => ({ hello: { deviceId, model: "M", protocolMajor: 1, bootId } });
const reading = (seq: number) => ({ reading: { seq, deviceTimeUs: seq, quantity: "voltage", value: 230, unit: "V" } });
const boot = (n: number) => {
	const id = Buffer.alloc(16);
	id.writeUInt32BE(n, 0);
	return id;
};

describe("a misbehaving device's memory is bounded", () => {
	it("seq gaps: runs above a gap stop at the bound; the excess is refused (not stored, not acked) and counted", async () => {
		const side = gatewaySide();
		const bad = connect(side);
		await bad.send(hello("gappy", boot(1)));
		await settle();
		const sent = MAX_GAP_RUNS + 500;
		for (let i = 1; i <= sent; i++) void bad.send(reading(2 * i)); // 2, 4, 6, ...: a gap before each
		await settle();
		await settle();
		const watermark = side.committer.watermark("gappy", boot(1).toString("hex"));
		expect(watermark.gapRuns).toBeLessThanOrEqual(MAX_GAP_RUNS);
		expect(watermark.ackedUpTo).toBe(0);
		expect(side.store.countReadings()).toBe(MAX_GAP_RUNS);
		expect(side.committer.stats.refusedGaps).toBe(sent - MAX_GAP_RUNS);
		expect(bad.session.counters.protocolErrors).toBe(sent - MAX_GAP_RUNS);

		// Filling the gaps (the device re-sends) closes the runs and moves the ack on.
		for (let seq = 1; seq <= 2 * sent; seq++) void bad.send(reading(seq));
		await settle();
		await settle();
		expect(watermark.gapRuns).toBe(0);
		expect(bad.acks().at(-1)).toBe(2 * sent);
	});

	it("boot-id churn: the watermarks kept in memory stay under the bound", async () => {
		const side = gatewaySide();
		const churn = MAX_TRACKED_BOOTS + 300;
		for (let n = 1; n <= churn; n++) {
			// One link per few boots (the hello budget), like a device rebooting over and over.
			const bad = connect(side);
			await bad.send(hello("churner", boot(n)));
			await bad.send(reading(1));
			await settle();
			expect(side.committer.trackedBoots).toBeLessThanOrEqual(MAX_TRACKED_BOOTS);
			await bad.device.close();
		}
		await settle();
		expect(side.committer.trackedBoots).toBeLessThanOrEqual(MAX_TRACKED_BOOTS);
		// An evicted boot is loaded from the store again: its readings are still acked, not stored twice.
		const again = connect(side);
		await again.send(hello("churner", boot(1)));
		await again.send(reading(1));
		await settle();
		await settle();
		expect(again.acks()).toEqual([1, 1]);
		expect(side.store.countReadings()).toBe(churn);
	});

	it("hello storm: a session answers a few hellos per window and counts the rest as protocol errors", async () => {
		const side = gatewaySide();
		const bad = connect(side);
		const storm = 2000;
		for (let n = 1; n <= storm; n++) void bad.send(hello("stormy", boot(n)));
		await settle();
		await settle();
		expect(bad.acks()).toHaveLength(HELLO_BUDGET.perWindow);
		expect(bad.session.counters.protocolErrors).toBe(storm - HELLO_BUDGET.perWindow);
		expect(side.committer.trackedBoots).toBeLessThanOrEqual(HELLO_BUDGET.perWindow);
		// The next window answers again.
		side.clock.advance(HELLO_BUDGET.windowMs);
		await bad.send(hello("stormy", boot(1)));
		await settle();
		expect(bad.acks()).toHaveLength(HELLO_BUDGET.perWindow + 1);
	});

	it("id churn: a link keeps its first id, and the registry forgets the devices gone longest", async () => {
		const side = gatewaySide();
		const bad = connect(side);
		await bad.send(hello("first", boot(1)));
		await bad.send(hello("second", boot(1)));
		await settle();
		expect(bad.session.identity?.deviceId).toBe("first");
		expect(side.registry.live("second")).toBeUndefined();
		expect(bad.session.counters.protocolErrors).toBe(1);

		for (let n = 1; n <= MAX_REMEMBERED_DEVICES + 200; n++) {
			const link = connect(side);
			await link.send(hello(`id-${n}`, boot(n)));
			await settle();
			await link.device.close();
			side.clock.advance(1);
		}
		expect(side.registry.size).toBeLessThanOrEqual(MAX_REMEMBERED_DEVICES);
		// The oldest went, the newest and the connected one stay.
		expect(side.registry.live("id-1")).toBeUndefined();
		expect(side.registry.live(`id-${MAX_REMEMBERED_DEVICES + 200}`)?.connected).toBe(false);
		expect(side.registry.live("first")?.connected).toBe(true);
	});

	it("a well-behaved device next to a misbehaving one is stored and acked", async () => {
		const side = gatewaySide();
		const bad = connect(side);
		const good = connect(side);
		await bad.send(hello("gappy", boot(9)));
		await good.send(hello("good", boot(1)));
		for (let i = 1; i <= MAX_GAP_RUNS + 50; i++) {
			void bad.send(reading(3 * i));
			void good.send(reading(i));
		}
		await settle();
		await settle();
		expect(good.acks().at(-1)).toBe(MAX_GAP_RUNS + 50);
		expect(side.store.listReadings("good", { limit: 5000 })).toHaveLength(MAX_GAP_RUNS + 50);
	});
});
