import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { type Envelope, type EnvelopeInit, ProtocolErrorCode } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { GroupCommitter } from "../ingest/group-committer.js";
import { MemoryReadingStore } from "../store/memory-reading-store.js";
import { DeviceRegistry } from "./device-registry.js";
import { DeviceSession } from "./device-session.js";

const BOOT = Buffer.alloc(16, 7);
const settle = () => new Promise((resolve) => setImmediate(resolve));

interface Harness {
	device: MemoryLink;
	received: Envelope[];
	session: DeviceSession;
	store: MemoryReadingStore;
	clock: ManualClock;
	commit: () => void;
	registry: DeviceRegistry;
	send: (envelope: Omit<EnvelopeInit, "seq">) => Promise<void>;
}

let open: Harness[] = [];
afterEach(async () => {
	for (const harness of open) await harness.device.close();
	open = [];
});

function harness(options: { expectedDeviceId?: string } = {}): Harness {
	const [device, host] = createMemoryLinkPair(["device", "host"]);
	const store = new MemoryReadingStore();
	const pending: Array<() => void> = [];
	const committer = new GroupCommitter({ store, schedule: (flush) => pending.push(flush) });
	const clock = new ManualClock();
	const session = new DeviceSession(host, { gatewayId: "gw-test", store, committer, clock, logger: silentLogger(), helloTimeoutMs: 1000, ...options });
	const registry = new DeviceRegistry(silentLogger(), () => clock.now());
	registry.track(session);
	const received: Envelope[] = [];
	device.on("envelope", (envelope) => received.push(envelope));
	let seq = 0;
	const h: Harness = {
		device,
		received,
		session,
		store,
		clock,
		registry,
		commit: () => {
			for (const flush of pending.splice(0)) flush();
		},
		send: async (envelope) => {
			await device.send({ ...envelope, seq: ++seq });
			await settle();
		},
	};
	open.push(h);
	session.start();
	return h;
}

const hello = (overrides: Record<string, unknown> = {}) => ({ hello: { deviceId: "meter-1", model: "M1", protocolMajor: 1, bootId: BOOT, ...overrides } });
const reading = (seq: number) => ({ reading: { seq, deviceTimeUs: 1_000 + seq, quantity: "voltage", value: 230 + seq / 100, unit: "V" } });
const acks = (h: Harness) => h.received.filter((e) => e.body === "ack").map((e) => e.ack!.upToSeq ?? 0);

describe("DeviceSession", () => {
	it("opens with host_hello and answers a hello with an ack of the boot (0 when nothing is stored)", async () => {
		const h = harness();
		await settle();
		expect(h.received[0].body).toBe("hostHello");
		expect(h.received[0].hostHello).toMatchObject({ gatewayId: "gw-test", protocolMajor: 1 });
		await h.send(hello());
		expect(h.session.state).toBe("ready");
		expect(acks(h)).toEqual([0]);
		expect(Buffer.from(h.received.at(-1)!.ack!.bootId!)).toEqual(BOOT);
		expect(h.registry.live("meter-1")?.connected).toBe(true);
	});

	it("acks a reading only after the group commit that stores it", async () => {
		const h = harness();
		await h.send(hello());
		await h.send(reading(1));
		await h.send(reading(2));
		expect(acks(h)).toEqual([0]);
		expect(h.store.countReadings()).toBe(0);
		h.commit();
		await settle();
		expect(h.store.countReadings()).toBe(2);
		expect(acks(h)).toEqual([0, 2]);
	});

	it("does not store or ack readings that come before the hello, and asks for the hello again", async () => {
		const h = harness();
		await h.send(reading(1));
		h.commit();
		await settle();
		expect(h.store.countReadings()).toBe(0);
		expect(h.session.counters.readingsBeforeHello).toBe(1);
		expect(h.received.filter((e) => e.body === "hostHello")).toHaveLength(2);
		expect(acks(h)).toEqual([]);
	});

	it("refuses another protocol major version with an Error and ignores the device afterwards", async () => {
		const h = harness();
		await h.send(hello({ protocolMajor: 2 }));
		expect(h.session.state).toBe("refused");
		const error = h.received.find((e) => e.body === "error")!.error!;
		expect(error.code).toBe(ProtocolErrorCode.CODE_PROTOCOL_VERSION);
		expect(error.message).toMatch(/v2.*v1/);
		await h.send(reading(1));
		h.commit();
		expect(h.store.countReadings()).toBe(0);
		expect(h.session.lastError?.code).toBe("FC_PROTO_VERSION");
	});

	it("refuses a hello without boot_id or with an id that cannot be used in topics", async () => {
		for (const bad of [{ bootId: Buffer.alloc(0) }, { deviceId: "a/b" }, { deviceId: "" }]) {
			const h = harness();
			await h.send(hello(bad));
			expect(h.session.state).toBe("refused");
			expect(h.received.find((e) => e.body === "error")!.error!.code).toBe(ProtocolErrorCode.CODE_BAD_MESSAGE);
		}
	});

	it("on an authenticated link, refuses a hello that claims another device id", async () => {
		const h = harness({ expectedDeviceId: "meter-2" });
		await h.send(hello());
		expect(h.session.state).toBe("refused");
		expect(h.session.lastError?.code).toBe("FC_MQTT_FORBIDDEN");
	});

	it("asks again with growing delays while a device only sends garbage, counting the damage", async () => {
		const h = harness();
		await h.device.sendRaw(Buffer.from([0xff, 0xff, 0xff]));
		await settle();
		expect(h.session.counters.protocolErrors).toBe(1);
		h.clock.advance(1000);
		await settle();
		expect(h.session.counters.helloRetries).toBe(1);
		h.clock.advance(1999);
		await settle();
		expect(h.session.counters.helloRetries).toBe(1);
		h.clock.advance(1);
		await settle();
		expect(h.session.counters.helloRetries).toBe(2);
		expect(h.received.filter((e) => e.body === "hostHello")).toHaveLength(3);
		// A real device that then says hello is accepted.
		await h.send(hello());
		expect(h.session.state).toBe("ready");
		h.clock.advance(60_000);
		expect(h.session.counters.helloRetries).toBe(2);
	});

	it("after a gateway restart, tells the device at once how far its boot is stored", async () => {
		const first = harness();
		await first.send(hello());
		for (const seq of [1, 2, 3, 5]) await first.send(reading(seq));
		first.commit();
		await settle();
		// A new session on the same store (the gateway came back) acks the stored prefix on hello.
		const [device, host] = createMemoryLinkPair();
		const committer = new GroupCommitter({ store: first.store, schedule: () => {} });
		const session = new DeviceSession(host, { gatewayId: "gw", store: first.store, committer, clock: first.clock, logger: silentLogger() });
		const received: Envelope[] = [];
		device.on("envelope", (e) => received.push(e));
		session.start();
		await device.send({ seq: 1, ...hello() });
		await settle();
		expect(received.filter((e) => e.body === "ack").map((e) => e.ack!.upToSeq)).toEqual([3]);
		await device.close();
	});

	it("correlates commands with their results and times out unanswered ones", async () => {
		const h = harness();
		await h.send(hello());
		const pending = h.session.sendCommand({ identify: { durationMs: 500 } });
		await settle();
		const command = h.received.find((e) => e.body === "command")!;
		await h.send({ commandResult: { commandSeq: command.seq, status: 1, message: "blinking" } });
		await expect(pending).resolves.toMatchObject({ status: 1, message: "blinking" });

		const unanswered = h.session.sendCommand({ getStatus: {} }, 2000);
		h.clock.advance(2000);
		await expect(unanswered).rejects.toMatchObject({ code: "FC_PROTO_TIMEOUT" });
	});

	it("shows the device detached when the link closes, keeping its counters", async () => {
		const h = harness();
		await h.send(hello());
		await h.send(reading(1));
		await h.device.close();
		await settle();
		const live = h.registry.live("meter-1")!;
		expect(live.connected).toBe(false);
		expect(live.counters.readingsReceived).toBe(1);
		expect(h.session.state).toBe("closed");
	});
});
