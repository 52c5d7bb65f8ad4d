import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { ErrorCodes, isFieldchainError } from "../../platform/errors.js";
import { CommandStatus, EventKind, ProtocolErrorCode, ReadingFlag } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import type { SimulatedDeviceOptions } from "./options.js";
import { seededRandom } from "./prng.js";
import { capabilityFor, createValueGenerator, QUANTITIES } from "./quantities.js";
import { SimulatedDevice } from "./simulated-device.js";
import { TestHost } from "./testing/test-host.js";

const RESENT = ReadingFlag.READING_FLAG_RESENT;

/** Lets every queued microtask (link deliveries, acks) run. */
function flush(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

interface Rig {
	clock: ManualClock;
	device: SimulatedDevice;
	deviceEnd: MemoryLink;
	hostEnd: MemoryLink;
	host: TestHost;
	/** Moves time in small steps so acks get back to the device between readings, as on a wire. */
	run(ms: number, stepMs?: number): Promise<void>;
	/** A fresh link pair with the device attached to it and the host using it. */
	reconnect(): Promise<void>;
}

let devices: SimulatedDevice[] = [];
afterEach(() => {
	for (const device of devices) device.stop();
	devices = [];
});

async function rig(options: Partial<SimulatedDeviceOptions> = {}, hostOptions: { autoAck?: boolean; hello?: boolean } = {}): Promise<Rig> {
	const clock = new ManualClock();
	const device = new SimulatedDevice({ deviceId: "sim-1", clock, random: seededRandom(42), ...options });
	devices.push(device);
	const [deviceEnd, hostEnd] = createMemoryLinkPair();
	const host = new TestHost(hostEnd, { autoAck: hostOptions.autoAck });
	const r: Rig = {
		clock,
		device,
		deviceEnd,
		hostEnd,
		host,
		async run(ms, stepMs = 10) {
			for (let elapsed = 0; elapsed < ms; elapsed += stepMs) {
				clock.advance(Math.min(stepMs, ms - elapsed));
				await flush();
			}
		},
		async reconnect() {
			const [d, h] = createMemoryLinkPair();
			r.deviceEnd = d;
			r.hostEnd = h;
			host.use(h);
			device.attach(d);
			await flush();
		},
	};
	device.attach(deviceEnd);
	await flush();
	if (hostOptions.hello ?? true) {
		await host.hostHello();
		await flush();
	}
	return r;
}

describe("SimulatedDevice handshake", () => {
	it("sends an unprompted Hello on attach and streams only after the HostHello", async () => {
		const { host, run } = await rig({ calibration: { certificateId: "CAL-7", calibratedAt: 1000, dueAt: 2000 } }, { hello: false });
		const hellos = host.of("hello");
		expect(hellos).toHaveLength(1);
		const hello = hellos[0].hello!;
		expect(hello).toMatchObject({ deviceId: "sim-1", model: "FC-SIM-1", protocolMajor: 1, protocolMinor: 1, maxPayload: 1024, window: 8 });
		expect(hello.capabilities).toEqual([expect.objectContaining({ quantity: "resistance", unit: "Ohm" })]);
		expect(hello.calibration).toMatchObject({ certificateId: "CAL-7", calibratedAt: 1000, dueAt: 2000 });
		expect(hello.bootId).toHaveLength(16);

		await run(1000);
		expect(host.readings).toHaveLength(0);

		await host.hostHello();
		await flush();
		expect(host.of("hello")).toHaveLength(2);
		await run(1000);
		expect(host.uniqueSeqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it("repeats the unprompted Hello every helloRetryMs until the host greets it", async () => {
		const { host, run } = await rig({ helloRetryMs: 2000 }, { hello: false });
		await run(4500, 100);
		expect(host.of("hello")).toHaveLength(3);
		await host.hostHello();
		await run(6000, 100);
		expect(host.of("hello")).toHaveLength(4);
	});

	it("streams at once with streamWithoutHostHello", async () => {
		const { host, run } = await rig({ streamWithoutHostHello: true }, { hello: false });
		await run(500);
		expect(host.readings).toHaveLength(5);
	});

	it("answers a HostHello of another major with Hello and CODE_PROTOCOL_VERSION, then stays silent", async () => {
		const { host, device, run } = await rig({}, { hello: false });
		const errors: unknown[] = [];
		device.on("protocolError", (error) => errors.push(error));
		const helloSeq = await host.hostHello(2);
		await run(2000);
		expect(host.of("hello")).toHaveLength(2);
		const error = host.of("error")[0].error!;
		expect(error.code).toBe(ProtocolErrorCode.CODE_PROTOCOL_VERSION);
		expect(error.relatedSeq).toBe(helloSeq);
		expect(host.readings).toHaveLength(0);
		expect(host.of("commandResult")).toHaveLength(0);
		await host.command({ getStatus: {} });
		await run(6000);
		expect(host.of("commandResult")).toHaveLength(0);
		expect(host.of("heartbeat")).toHaveLength(0);
		expect(isFieldchainError(errors[0], ErrorCodes.FC_PROTO_VERSION)).toBe(true);
	});

	it("numbers its envelopes 1, 2, 3, ... and sends a heartbeat every 5 s", async () => {
		const { host, run } = await rig({ count: 3 });
		await run(10_000, 100);
		expect(host.envelopes.map((envelope) => envelope.seq)).toEqual(host.envelopes.map((_, index) => index + 1));
		const heartbeats = host.of("heartbeat");
		expect(heartbeats).toHaveLength(2);
		expect(heartbeats[0].heartbeat).toMatchObject({ unackedReadings: 0, batteryPercent: 100 });
	});
});

describe("SimulatedDevice streaming and acks", () => {
	it("takes exactly `count` readings, seq from 1, device time from the clock, then reports allAcked", async () => {
		const { host, device, clock, run } = await rig({ count: 25, rate: 10 });
		const start = clock.now();
		let allAcked = 0;
		device.on("allAcked", () => allAcked++);
		const done = device.whenAllAcked();
		await run(5000);
		await done;
		expect(host.readings.map((reading) => reading.seq)).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
		expect(host.readings[0].deviceTimeUs).toBe((start + 100) * 1000);
		expect(host.readings[0]).toMatchObject({ quantity: "resistance", unit: "Ohm" });
		expect(host.readings.every((reading) => !reading.flags)).toBe(true);
		expect(allAcked).toBe(1);
		expect(device.stats).toMatchObject({ generated: 25, sent: 25, resent: 0, ackedUpTo: 25, unacked: 0, streaming: false });
	});

	it("generates high rates in batches with few timers", async () => {
		const { host, device, clock, run } = await rig({ count: 20_000, rate: 20_000 });
		await run(1000, 10);
		expect(clock.pendingTimers).toBeLessThan(5);
		await run(100, 10);
		expect(host.uniqueSeqs()).toHaveLength(20_000);
		expect(device.stats).toMatchObject({ generated: 20_000, unacked: 0, resent: 0 });
		const times = host.readings.map((reading) => reading.deviceTimeUs as number);
		expect(times.every((time, index) => index === 0 || time >= times[index - 1])).toBe(true);
		expect(times[1] - times[0]).toBe(50);
	});

	it("forgets acked readings and ignores acks for another boot", async () => {
		const { host, device, run } = await rig({ rate: 10 }, { autoAck: false });
		const acked: number[] = [];
		device.on("acked", (upTo) => acked.push(upTo));
		await run(1000);
		expect(device.stats.unacked).toBe(10);
		await host.ack(4, new Uint8Array(16).fill(7));
		await flush();
		expect(device.stats.unacked).toBe(10);
		await host.ack(4, device.bootId);
		await flush();
		expect(device.stats).toMatchObject({ unacked: 6, ackedUpTo: 4 });
		await host.ack(7);
		await flush();
		expect(device.stats).toMatchObject({ unacked: 3, ackedUpTo: 7 });
		await host.ack(1000);
		await flush();
		expect(device.stats).toMatchObject({ unacked: 0, ackedUpTo: 10 });
		expect(acked).toEqual([4, 7, 10]);
	});

	it("resends every unacked reading with RESENT after resendTimeoutMs without ack progress", async () => {
		// The resend timeout alone, as a protocol 1.0 device has it (the tail-loss probe would re-send 5 sooner: fast-retransmit.test.ts).
		const { host, device, run } = await rig({ rate: 10, count: 5, resendTimeoutMs: 1000, faults: { noFastRetransmit: true } }, { autoAck: false });
		await run(500);
		expect(host.readings.map((reading) => reading.seq)).toEqual([1, 2, 3, 4, 5]);
		await host.ack(2);
		// Reading 3 was sent at 300 ms, the ack came at 500 ms: the resend is due at 1500 ms.
		await run(990);
		expect(host.readings).toHaveLength(5);
		await run(20);
		const resent = host.readings.slice(5);
		expect(resent.map((reading) => reading.seq)).toEqual([3, 4, 5]);
		expect(resent.every((reading) => reading.flags === RESENT)).toBe(true);
		expect(device.stats.resent).toBe(3);
		await host.ack(5);
		await run(5000);
		expect(host.readings).toHaveLength(8);
	});

	it("resends unacked readings on a new link after the hello exchange, including ones never sent", async () => {
		const r = await rig({ rate: 10 }, { autoAck: false });
		await r.run(500);
		await r.host.ack(3);
		await flush();
		await r.hostEnd.close();
		expect(r.device.link).toBeUndefined();
		await r.run(300); // readings 6..8 are taken while no link is attached
		await r.reconnect();
		expect(r.host.of("hello")).toHaveLength(3);
		await r.run(50);
		expect(r.host.readings).toHaveLength(5);
		await r.host.hostHello();
		await flush();
		const replay = r.host.readings.slice(5);
		expect(replay.map((reading) => reading.seq)).toEqual([4, 5, 6, 7, 8]);
		expect(replay.map((reading) => reading.flags ?? 0)).toEqual([RESENT, RESENT, 0, 0, 0]);
	});

	it("stops measuring when the unacked buffer is full, says so once, and resumes after an ack", async () => {
		const { host, device, run } = await rig({ rate: 10, maxUnacked: 5, resendTimeoutMs: 60_000 }, { autoAck: false });
		let fullEvents = 0;
		device.on("bufferFull", () => fullEvents++);
		await run(2000);
		expect(device.stats).toMatchObject({ generated: 5, unacked: 5 });
		const events = host.of("event");
		expect(events).toHaveLength(1);
		expect(events[0].event!.kind).toBe(EventKind.KIND_BUFFER_FULL);
		expect(fullEvents).toBe(1);
		await host.ack(5);
		await run(1000);
		expect(device.stats.generated).toBe(10);
		expect(fullEvents).toBe(2);
	});
});

describe("SimulatedDevice commands", () => {
	async function result(r: Rig, command: Parameters<TestHost["command"]>[0]) {
		const seq = await r.host.command(command);
		await flush();
		const found = r.host.of("commandResult").find((envelope) => envelope.commandResult!.commandSeq === seq);
		expect(found).toBeDefined();
		return found!.commandResult!;
	}

	it("stop_streaming and start_streaming pause and resume readings", async () => {
		const r = await rig({ rate: 10 });
		await r.run(500);
		expect((await result(r, { stopStreaming: {} })).status).toBe(CommandStatus.STATUS_OK);
		await r.run(1000);
		expect(r.host.readings).toHaveLength(5);
		expect((await result(r, { startStreaming: { quantity: "voltage" } })).status).toBe(CommandStatus.STATUS_INVALID_ARGUMENT);
		expect((await result(r, { startStreaming: { quantity: "resistance" } })).status).toBe(CommandStatus.STATUS_OK);
		await r.run(500);
		expect(r.host.uniqueSeqs()).toHaveLength(10);
	});

	it("identify answers OK and is reported", async () => {
		const r = await rig();
		const seen: string[] = [];
		r.device.on("command", (name) => seen.push(name));
		expect(await result(r, { identify: { durationMs: 500 } })).toMatchObject({ status: CommandStatus.STATUS_OK });
		expect(seen).toEqual(["identify"]);
	});

	it("set_rate accepts (0, 100000] and refuses the rest", async () => {
		const r = await rig({ rate: 10 });
		for (const bad of [0, -1, 100_001, Number.NaN]) {
			expect((await result(r, { setRate: { readingsPerSecond: bad } })).status).toBe(CommandStatus.STATUS_INVALID_ARGUMENT);
		}
		expect((await result(r, { setRate: { readingsPerSecond: 100 } })).status).toBe(CommandStatus.STATUS_OK);
		await r.run(1000);
		expect(r.host.uniqueSeqs().length).toBeGreaterThanOrEqual(99);
		expect(r.device.stats.rate).toBe(100);
	});

	it("get_status fills DeviceStatus", async () => {
		const r = await rig({ rate: 10 }, { autoAck: false });
		await r.run(300);
		const status = (await result(r, { getStatus: {} })).deviceStatus!;
		expect(status).toMatchObject({ streaming: true, readingsPerSecond: 10, unackedReadings: 3, nextReadingSeq: 4, uptimeMs: 300, batteryPercent: 100 });
	});

	it("reboot is refused while readings are unacked, then starts a new boot with seq 1", async () => {
		const r = await rig({ rate: 10 }, { autoAck: false });
		await r.run(300);
		expect((await result(r, { reboot: {} })).status).toBe(CommandStatus.STATUS_BUSY);
		expect((await result(r, { stopStreaming: {} })).status).toBe(CommandStatus.STATUS_OK);
		await r.host.ack(3);
		await flush();
		const oldBoot = r.device.bootId;
		expect((await result(r, { reboot: {} })).status).toBe(CommandStatus.STATUS_OK);
		await flush();
		expect(Buffer.compare(r.device.bootId, oldBoot)).not.toBe(0);
		expect(r.host.of("hello").at(-1)!.hello!.bootId).toEqual(r.device.bootId);
		expect(r.host.of("event").at(-1)!.event!.kind).toBe(EventKind.KIND_BOOT);
		await result(r, { startStreaming: {} });
		await r.run(200);
		expect(r.host.uniqueSeqs(r.device.bootId)).toEqual([1, 2]);
	});

	it("answers an empty command with STATUS_UNSUPPORTED", async () => {
		const r = await rig();
		expect((await result(r, {})).status).toBe(CommandStatus.STATUS_UNSUPPORTED);
	});
});

describe("SimulatedDevice faults", () => {
	it("counts garbage, corrupt and dropped frames, and resends until everything is acked", async () => {
		const { host, device, run } = await rig({ rate: 100, count: 200, resendTimeoutMs: 200, faults: { garbage: 0.1, corrupt: 0.1, drop: 0.1 } });
		await run(20_000, 20);
		await device.whenAllAcked(0);
		const stats = device.stats;
		expect(stats.garbage).toBeGreaterThan(0);
		expect(stats.corrupt).toBeGreaterThan(0);
		expect(stats.dropped).toBeGreaterThan(0);
		expect(stats.resent).toBeGreaterThan(0);
		expect(host.uniqueSeqs()).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
		// Over an unframed link every garbage and corrupt message is undecodable, never a wrong reading.
		expect(host.linkErrors).toHaveLength(stats.garbage + stats.corrupt);
		expect(host.linkErrors.every((error) => error.code === ErrorCodes.FC_PROTO_DECODE)).toBe(true);
	});

	it("never applies faults to the hello", async () => {
		const { host } = await rig({ faults: { garbage: 1, corrupt: 1, drop: 1 } });
		expect(host.of("hello")).toHaveLength(2);
		expect(host.linkErrors).toHaveLength(0);
	});
});

describe("SimulatedDevice options", () => {
	const bad: [string, Partial<SimulatedDeviceOptions>][] = [
		["deviceId", { deviceId: "a/b" }],
		["deviceId", { deviceId: "" }],
		["quantity", { quantity: "humidity" }],
		["rate", { rate: 0 }],
		["rate", { rate: 100_001 }],
		["count", { count: 1.5 }],
		["count", { count: -1 }],
		["resendTimeoutMs", { resendTimeoutMs: 0 }],
		["maxUnacked", { maxUnacked: 0 }],
		["faults.garbage", { faults: { garbage: 1.5 } }],
		["faults.corrupt", { faults: { corrupt: -0.1 } }],
		["faults.drop", { faults: { drop: Number.NaN } }],
		["calibration.dueAt", { calibration: { dueAt: -5 } }],
		["bootId", { bootId: new Uint8Array(0) }],
	];
	it.each(bad)("refuses a bad %s with FC_CONFIG_INVALID naming the field", (field, options) => {
		let caught: unknown;
		try {
			new SimulatedDevice({ deviceId: "sim-1", ...options });
		} catch (error) {
			caught = error;
		}
		expect(isFieldchainError(caught, ErrorCodes.FC_CONFIG_INVALID)).toBe(true);
		expect((caught as Error).message).toContain(field);
	});

	it("keeps generated values inside the tool's range, at its resolution, for any seed", () => {
		fc.assert(
			fc.property(fc.constantFrom(...QUANTITIES), fc.integer(), (quantity, seed) => {
				const capability = capabilityFor(quantity);
				const next = createValueGenerator(quantity, seededRandom(seed));
				for (let i = 0; i < 200; i++) {
					const value = next();
					const steps = value / capability.resolution!;
					if (value < capability.rangeMin! || value > capability.rangeMax! || Math.abs(steps - Math.round(steps)) > 1e-6) return false;
				}
				return true;
			}),
		);
	});
});
