/**
 * The gateway's ack policy for fast recovery (protocol/README.md, "Fast recovery"): a reading
 * stored beyond a gap is acked at its commit with the same up_to_seq (a duplicate ack) and the
 * runs stored above the gap as selective ranges; nothing is acked before its commit; the ranges
 * fit the device's max_payload; a commit of an old boot is not acked under the new one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { type Envelope, type EnvelopeInit, encodeEnvelope } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { GroupCommitter, MAX_SACK_RANGES } from "../ingest/group-committer.js";
import { MemoryReadingStore } from "../store/memory-reading-store.js";
import { DeviceSession, sackLimit } from "./device-session.js";

const BOOT = Buffer.alloc(16, 7);
const settle = () => new Promise((resolve) => setImmediate(resolve));

let links: MemoryLink[] = [];
afterEach(async () => {
	for (const link of links) await link.close();
	links = [];
});

async function ready(maxPayload = 1024) {
	const [device, host] = createMemoryLinkPair(["device", "host"]);
	links.push(device);
	const store = new MemoryReadingStore();
	const pending: Array<() => void> = [];
	const committer = new GroupCommitter({ store, schedule: (flush) => pending.push(flush) });
	const session = new DeviceSession(host, { gatewayId: "gw", store, committer, clock: new ManualClock(), logger: silentLogger() });
	const acks: NonNullable<Envelope["ack"]>[] = [];
	device.on("envelope", (e) => {
		if (e.body === "ack") acks.push(e.ack!);
	});
	let seq = 0;
	const send = async (body: Omit<EnvelopeInit, "seq">) => {
		await device.send({ ...body, seq: ++seq });
		await settle();
	};
	const commit = () => {
		for (const flush of pending.splice(0)) flush();
	};
	const reading = (n: number) => send({ reading: { seq: n, deviceTimeUs: 1_000_000 + n, quantity: "voltage", value: n, unit: "V" } });
	session.start();
	await settle();
	await send({
		hello: { deviceId: "dev-1", protocolMajor: 1, protocolMinor: 1, maxPayload, bootId: BOOT, capabilities: [{ quantity: "voltage", unit: "V" }] },
	});
	commit();
	await settle();
	acks.length = 0;
	return { session, store, acks, send, commit, reading, device };
}

const ranges = (ack: NonNullable<Envelope["ack"]>) => (ack.sack ?? []).map((r) => [r.first ?? 0, r.last ?? 0]);

describe("selective acks at the gateway", () => {
	it("acks every commit beyond a gap with the same up_to_seq and the stored runs, and only after the commit", async () => {
		const g = await ready();
		await g.reading(1);
		await g.reading(2);
		expect(g.acks).toHaveLength(0); // not durable yet: no ack
		g.commit();
		await settle();
		expect(g.acks.map((a) => a.upToSeq)).toEqual([2]);
		expect(ranges(g.acks[0])).toEqual([]);
		// 3 is lost; 4 and 5 arrive in two commits: two duplicate acks at 2, each with what is stored above.
		await g.reading(4);
		expect(g.acks).toHaveLength(1);
		g.commit();
		await settle();
		await g.reading(5);
		await g.reading(7);
		g.commit();
		await settle();
		expect(g.acks.slice(1).map((a) => [a.upToSeq, ranges(a)])).toEqual([
			[2, [[4, 4]]],
			[
				2,
				[
					[4, 5],
					[7, 7],
				],
			],
		]);
		expect(Buffer.from(g.acks[2].bootId!).equals(BOOT)).toBe(true);
		// The re-sent 3 closes the first gap; 6 is still missing.
		await g.reading(3);
		g.commit();
		await settle();
		expect([g.acks[3].upToSeq, ranges(g.acks[3])]).toEqual([5, [[7, 7]]]);
		await g.reading(6);
		g.commit();
		await settle();
		expect([g.acks[4].upToSeq, ranges(g.acks[4])]).toEqual([7, []]);
		expect(g.session.counters.selectiveAcksSent).toBe(3);
		expect(g.store.countReadings()).toBe(7);
	});

	it("a duplicate of a reading stored beyond the gap is acked again (the device counts it), not stored again", async () => {
		const g = await ready();
		await g.reading(1);
		await g.reading(3);
		g.commit();
		await settle();
		await g.reading(3);
		g.commit();
		await settle();
		expect(g.acks.map((a) => [a.upToSeq, ranges(a)])).toEqual([
			[1, [[3, 3]]],
			[1, [[3, 3]]],
		]);
		expect(g.store.countReadings()).toBe(2);
	});

	it("sends at most the lowest runs that fit the device's max_payload", async () => {
		expect(sackLimit(0)).toBe(MAX_SACK_RANGES);
		expect(sackLimit(128)).toBe(4);
		const g = await ready(128);
		for (let n = 2; n <= 40; n += 2) await g.reading(n);
		g.commit();
		await settle();
		const ack = g.acks[g.acks.length - 1];
		expect(ack.upToSeq ?? 0).toBe(0);
		expect(ranges(ack)).toEqual([
			[2, 2],
			[4, 4],
			[6, 6],
			[8, 8],
		]);
		expect(encodeEnvelope({ seq: 4_000_000_000, ack: { ...ack, bootId: Buffer.alloc(64) } }).length).toBeLessThanOrEqual(128);
	});

	it("does not ack an old boot's commit under the new boot id", async () => {
		const g = await ready();
		await g.reading(1);
		// The device reboots before the commit: the commit's ack belongs to the old boot.
		await g.send({
			hello: { deviceId: "dev-1", protocolMajor: 1, maxPayload: 1024, bootId: Buffer.alloc(16, 9), capabilities: [{ quantity: "voltage", unit: "V" }] },
		});
		g.commit();
		await settle();
		for (const ack of g.acks) expect(Buffer.from(ack.bootId!).equals(BOOT) && (ack.upToSeq ?? 0) > 0).toBe(false);
	});
});
