/**
 * The simulator's fast recovery (protocol/README.md, "Fast recovery"): a reading the host never
 * got is re-sent after two duplicate acks, long before the resend timeout; with selective acks
 * only the missing reading is re-sent; without them (an older host) it goes back to
 * up_to_seq + 1 once; a lost last reading is recovered by the tail-loss probe.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { type Envelope, ReadingFlag, type SeqRange } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import type { SimulatedDeviceOptions } from "./options.js";
import { seededRandom } from "./prng.js";
import { SimulatedDevice } from "./simulated-device.js";

const RESENT = ReadingFlag.READING_FLAG_RESENT;

function flush(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** A host that stores readings, may lose chosen transmissions, and acks each burst with or without selective ranges. */
class SackHost {
	readonly stored = new Set<number>();
	readonly arrivals: { seq: number; resent: boolean; at: number }[] = [];
	readonly acks: { upTo: number; sack: SeqRange[] }[] = [];
	/** Seqs whose next transmission is lost (each entry: how many transmissions to lose). */
	readonly lose = new Map<number, number>();
	private seq = 0;
	private queued = false;
	private bootId: Uint8Array | undefined;
	private readonly t0: number;

	constructor(
		private readonly link: MemoryLink,
		private readonly clock: ManualClock,
		private readonly selective: boolean,
	) {
		link.on("envelope", (e) => this.receive(e));
		this.t0 = clock.monotonic();
	}

	greet(): Promise<void> {
		return this.link.send({ seq: ++this.seq, hostHello: { gatewayId: "sack-host", protocolMajor: 1, protocolMinor: 1, maxPayload: 1024 } });
	}

	get upTo(): number {
		let n = 0;
		while (this.stored.has(n + 1)) n++;
		return n;
	}

	private receive(envelope: Envelope): void {
		if (envelope.body === "hello") this.bootId = envelope.hello!.bootId ?? undefined;
		if (envelope.body !== "reading") return;
		const r = envelope.reading!;
		const seq = r.seq ?? 0;
		const losses = this.lose.get(seq) ?? 0;
		if (losses > 0) {
			this.lose.set(seq, losses - 1);
			return;
		}
		this.arrivals.push({ seq, resent: ((r.flags ?? 0) & RESENT) !== 0, at: this.clock.monotonic() - this.t0 });
		this.stored.add(seq);
		if (this.queued) return;
		this.queued = true;
		queueMicrotask(() => {
			this.queued = false;
			const upTo = this.upTo;
			const sack: SeqRange[] = [];
			if (this.selective) {
				const above = [...this.stored].filter((s) => s > upTo + 1).sort((a, b) => a - b);
				for (const s of above) {
					const last = sack[sack.length - 1];
					if (last && last.last === s - 1) last.last = s;
					else sack.push({ first: s, last: s });
				}
			}
			this.acks.push({ upTo, sack });
			this.link.send({ seq: ++this.seq, ack: { upToSeq: upTo, bootId: this.bootId, sack } }).catch(() => {});
		});
	}
}

let devices: SimulatedDevice[] = [];
afterEach(() => {
	for (const d of devices) d.stop();
	devices = [];
});

async function rig(selective: boolean, options: Partial<SimulatedDeviceOptions> = {}) {
	const clock = new ManualClock();
	const device = new SimulatedDevice({ deviceId: "sim-fr", clock, random: seededRandom(7), rate: 100, resendTimeoutMs: 1000, ...options });
	devices.push(device);
	const [deviceEnd, hostEnd] = createMemoryLinkPair();
	const host = new SackHost(hostEnd, clock, selective);
	device.attach(deviceEnd);
	await flush();
	await host.greet();
	await flush();
	const run = async (ms: number, step = 5) => {
		for (let t = 0; t < ms; t += step) {
			clock.advance(step);
			await flush();
		}
	};
	return { clock, device, host, run };
}

describe("fast retransmit with selective acks", () => {
	it("re-sends only the lost reading, after two duplicate acks and well before the resend timeout", async () => {
		const { device, host, run } = await rig(true);
		host.lose.set(5, 1);
		await run(200);
		const again = host.arrivals.filter((a) => a.seq === 5);
		expect(again).toHaveLength(1);
		expect(again[0].resent).toBe(true);
		// Readings come every 10 ms: the 2nd duplicate ack follows reading 7, so 5 is back within a few readings, not after 1 s.
		expect(again[0].at).toBeLessThan(100);
		// Nothing but the missing reading went twice.
		const seqs = host.arrivals.map((a) => a.seq);
		expect(seqs.length).toBe(new Set(seqs).size);
		expect(device.stats.fastRetransmits).toBeGreaterThanOrEqual(1);
		expect(device.stats.resent).toBe(1);
	});

	it("re-sends a reading again when its re-sent copy is lost too, one round trip later", async () => {
		const { host, run } = await rig(true);
		host.lose.set(5, 2);
		await run(300);
		const again = host.arrivals.filter((a) => a.seq === 5);
		expect(again).toHaveLength(1);
		expect(again[0].at).toBeLessThan(200);
		expect(host.upTo).toBeGreaterThan(20);
	});

	it("recovers several gaps of one stream and stores every reading exactly once", async () => {
		const { device, host, run } = await rig(true, { count: 300 });
		for (const seq of [3, 40, 41, 42, 100, 101, 250]) host.lose.set(seq, 1);
		await run(4000);
		expect(host.upTo).toBe(300);
		const dup = host.arrivals.filter((a, i) => host.arrivals.findIndex((b) => b.seq === a.seq) !== i);
		expect(dup.slice(0, 10)).toEqual([]);
		expect(host.arrivals).toHaveLength(300);
		expect(device.stats.unacked).toBe(0);
	});

	it("recovers a lost last reading with a tail-loss probe before the resend timeout", async () => {
		const { device, host, run } = await rig(true, { count: 20 });
		host.lose.set(20, 1);
		await run(800);
		expect(host.upTo).toBe(20);
		expect(device.stats.probes).toBeGreaterThanOrEqual(1);
	});
});

describe("fast retransmit with a host that sends no selective acks (protocol 1.0 gateway)", () => {
	it("goes back to up_to_seq + 1 once, before the resend timeout", async () => {
		const { device, host, run } = await rig(false);
		host.lose.set(5, 1);
		await run(200);
		const again = host.arrivals.filter((a) => a.seq === 5);
		expect(again).toHaveLength(1);
		expect(again[0].resent).toBe(true);
		expect(again[0].at).toBeLessThan(100);
		expect(device.stats.fastRetransmits).toBe(1);
	});
});

describe("a protocol 1.0 device (noFastRetransmit)", () => {
	it("waits for the resend timeout", async () => {
		const { host, run } = await rig(true, { faults: { noFastRetransmit: true } });
		host.lose.set(5, 1);
		await run(900);
		expect(host.arrivals.some((a) => a.seq === 5)).toBe(false);
		await run(400);
		expect(host.arrivals.some((a) => a.seq === 5)).toBe(true);
	});
});
