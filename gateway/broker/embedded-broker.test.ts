import { once } from "node:events";
import type { MqttClient } from "mqtt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FieldchainError } from "../../platform/errors.js";
import { decodeEnvelope, type Envelope } from "../../protocol/codec.js";
import { deviceDownTopic, deviceUpTopic } from "../../protocol/topics.js";
import { hashPassword } from "../auth/password-hash.js";
import { MAX_MQTT_PAYLOAD, startEmbeddedBroker } from "./embedded-broker.js";
import type { MqttHostLink } from "./mqtt-host-link.js";
import { BrokerKit, envelopeBytes, PASSWORDS, testDevices } from "./testing/broker-kit.js";

const heartbeat = (seq: number) => ({ seq, heartbeat: { uptimeMs: seq * 1000 } });

function nextMessage(client: MqttClient): Promise<{ topic: string; payload: Buffer }> {
	return new Promise((resolve) => client.once("message", (topic, payload) => resolve({ topic, payload })));
}

function closeOf(client: MqttClient): Promise<void> {
	return new Promise((resolve) => client.once("close", () => resolve()));
}

describe("embedded MQTT broker", () => {
	let kit: BrokerKit;

	beforeEach(async () => {
		kit = await new BrokerKit().start();
	});

	afterEach(async () => {
		await kit.stop();
	});

	const forbidden = () => kit.logs.filter((line) => line.code === "FC_MQTT_FORBIDDEN");

	it("listens on loopback and hands a device's uplink to its MqttHostLinks link", async () => {
		expect(kit.embedded.address.host).toBe("127.0.0.1");
		expect(kit.port).toBeGreaterThan(0);
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		expect(link.transport).toBe("mqtt");
		expect(link.label).toBe("dev1");

		const received = once(link, "envelope");
		await device.publishAsync(deviceUpTopic("dev1"), envelopeBytes(heartbeat(7)), { qos: 1 });
		const [envelope] = (await received) as [Envelope];
		expect(envelope.seq).toBe(7);
		expect(envelope.heartbeat).toBeDefined();
		expect(link.counters.framesIn).toBe(1);
		expect(kit.logs.some((line) => line.msg === "MQTT device connected" && line.clientId === "dev1")).toBe(true);
	});

	it("sends gateway -> device Envelopes on the down topic at QoS 1", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		await device.subscribeAsync(deviceDownTopic("dev1"), { qos: 1 });
		const message = nextMessage(device);
		await link.send({ seq: 3, hostHello: { gatewayId: "gw", protocolMajor: 1 } });
		const { topic, payload } = await message;
		expect(topic).toBe(deviceDownTopic("dev1"));
		expect(decodeEnvelope(payload).hostHello?.gatewayId).toBe("gw");
		expect(link.counters.framesOut).toBe(1);
	});

	it("holds sends until the device subscribes, so an early answer is not lost", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = (await linked) as MqttHostLink;
		expect(link.subscribed).toBe(false);
		const sent = link.send(heartbeat(1));
		const message = nextMessage(device);
		await device.subscribeAsync(deviceDownTopic("dev1"), { qos: 1 });
		await sent;
		expect(decodeEnvelope((await message).payload).seq).toBe(1);
	});

	it("delivers uplinks sent before the down subscription", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		const received = once(link, "envelope");
		device.publish(deviceUpTopic("dev1"), envelopeBytes(heartbeat(1)));
		device.subscribe(deviceDownTopic("dev1"));
		expect(((await received) as [Envelope])[0].seq).toBe(1);
	});

	it("refuses a wrong password with return code 4, and never logs the password", async () => {
		await expect(kit.connect({ clientId: "dev1", username: "dev1", password: "not-the-password" })).rejects.toMatchObject({ code: 4 });
		await vi.waitFor(() =>
			expect(kit.logs.find((line) => line.code === "FC_MQTT_AUTH")).toMatchObject({ clientId: "dev1", reason: "wrong password", returnCode: 4 }),
		);
		expect(kit.links).toHaveLength(0);
		expect(kit.logText.join("")).not.toContain("not-the-password");
	});

	it("refuses unknown devices, devices without a password, and missing credentials with return code 4", async () => {
		await expect(kit.connect({ clientId: "ghost", username: "ghost", password: "whatever" })).rejects.toMatchObject({ code: 4 });
		await expect(kit.connect({ clientId: "nopw", username: "nopw", password: "" })).rejects.toMatchObject({ code: 4 });
		await expect(kit.connect({ clientId: "dev1" })).rejects.toMatchObject({ code: 4 });
		await expect(kit.connect({ clientId: "dev1", username: "dev1" })).rejects.toMatchObject({ code: 4 });
		await expect(kit.connect({ clientId: "x", username: "fieldchain/v1/devices/+/up", password: "x" })).rejects.toMatchObject({ code: 4 });
		const reasons = kit.logs.filter((line) => line.code === "FC_MQTT_AUTH").map((line) => line.reason);
		expect(reasons).toEqual([
			"unknown device",
			"the device has no MQTT password",
			"no username (the device id) was given",
			"no password was given",
			"unknown device",
		]);
		expect(kit.links).toHaveLength(0);
	});

	it("refuses a client id other than the username with return code 2", async () => {
		await expect(kit.connect({ clientId: "dev2", username: "dev1", password: PASSWORDS.dev1 })).rejects.toMatchObject({ code: 2 });
		await expect(kit.connect({ clientId: "", username: "dev1", password: PASSWORDS.dev1, clean: true })).rejects.toMatchObject({ code: 2 });
		expect(kit.links).toHaveLength(0);
	});

	it("drops a device that publishes to another device's up topic; nothing reaches the gateway", async () => {
		const dev2Linked = kit.nextLink();
		const dev2 = await kit.connectDevice("dev2");
		const dev2Link = await dev2Linked;
		const dev2Traffic: unknown[] = [];
		dev2Link.on("envelope", (envelope) => dev2Traffic.push(envelope));
		dev2Link.on("linkError", (error) => dev2Traffic.push(error));

		const dev1Linked = kit.nextLink();
		const dev1 = await kit.connectDevice("dev1");
		const dev1Link = await dev1Linked;
		const dev1Closed = once(dev1Link, "close");
		const dropped = closeOf(dev1);
		dev1.publish(deviceUpTopic("dev2"), envelopeBytes(heartbeat(666)));
		await dropped;
		await dev1Closed;
		expect(forbidden()).toEqual([expect.objectContaining({ clientId: "dev1", topic: deviceUpTopic("dev2") })]);

		// The real dev2 still gets through, and its first envelope is its own.
		const own = once(dev2Link, "envelope");
		await dev2.publishAsync(deviceUpTopic("dev2"), envelopeBytes(heartbeat(2)), { qos: 1 });
		await own;
		expect(dev2Traffic.map((item) => (item as Envelope).seq)).toEqual([2]);
	});

	it("refuses subscriptions to another device's down topic and to wildcards with SUBACK 0x80", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = (await linked) as MqttHostLink;
		for (const topic of [deviceDownTopic("dev2"), "fieldchain/v1/devices/+/down", "fieldchain/#", "#", deviceUpTopic("dev1")]) {
			await expect(device.subscribeAsync(topic, { qos: 1 })).rejects.toMatchObject({ packet: { granted: [128] } });
		}
		expect(forbidden().map((line) => line.topic)).toEqual([
			deviceDownTopic("dev2"),
			"fieldchain/v1/devices/+/down",
			"fieldchain/#",
			"#",
			deviceUpTopic("dev1"),
		]);
		expect(link.subscribed).toBe(false);
		// A refused subscription does not end the connection; the own down topic still works.
		const granted = await device.subscribeAsync(deviceDownTopic("dev1"), { qos: 1 });
		expect(granted[0].qos).toBe(1);
		expect(link.subscribed).toBe(true);
	});

	it("reports a malformed payload as linkError and counts it", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		const failed = once(link, "linkError");
		await device.publishAsync(deviceUpTopic("dev1"), Buffer.from([0xff, 0xff, 0xff]), { qos: 1 });
		const [error] = (await failed) as [FieldchainError];
		expect(error.code).toBe("FC_PROTO_DECODE");
		expect(link.counters.undecodable).toBe(1);
		expect(link.closed).toBe(false);
	});

	it("drops a device that publishes a retained message", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		const traffic: unknown[] = [];
		link.on("envelope", (envelope) => traffic.push(envelope));
		const dropped = closeOf(device);
		device.publish(deviceUpTopic("dev1"), envelopeBytes(heartbeat(1)), { retain: true });
		await dropped;
		expect(forbidden()).toEqual([expect.objectContaining({ clientId: "dev1", reason: "retained publishes are not allowed" })]);
		expect(traffic).toEqual([]);
	});

	it("accepts a payload of exactly 16384 bytes and drops devices that send more", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		const failed = once(link, "linkError");
		await device.publishAsync(deviceUpTopic("dev1"), Buffer.alloc(MAX_MQTT_PAYLOAD), { qos: 1 });
		await failed; // it arrived (and is no Envelope)

		const dropped = closeOf(device);
		device.publish(deviceUpTopic("dev1"), Buffer.alloc(MAX_MQTT_PAYLOAD + 1));
		await dropped;
		expect(forbidden()).toEqual([
			expect.objectContaining({ clientId: "dev1", reason: `payload of ${MAX_MQTT_PAYLOAD + 1} bytes exceeds ${MAX_MQTT_PAYLOAD}` }),
		]);

		// Far above the cap: the connection is cut while the packet is still streaming in.
		const big = await kit.connectDevice("dev1");
		const bigDropped = closeOf(big);
		big.publish(deviceUpTopic("dev1"), Buffer.alloc(1024 * 1024));
		await bigDropped;
		await vi.waitFor(() => expect(forbidden()).toHaveLength(2));
		expect(forbidden()[1].reason).toMatch(/exceeds the gateway's limit/);
		expect(link.counters.undecodable).toBe(1);
	});

	it("closes the old link and emits one new link when a device reconnects", async () => {
		const first = kit.nextLink();
		await kit.connectDevice("dev1");
		const oldLink = await first;
		const oldClosed = once(oldLink, "close");
		const second = kit.nextLink();
		const again = await kit.connectDevice("dev1");
		const newLink = await second;
		await oldClosed;
		expect(newLink).not.toBe(oldLink);
		expect(newLink.closed).toBe(false);
		expect(kit.links).toHaveLength(2);
		expect(kit.hostLinks.links).toEqual([newLink]);

		const received = once(newLink, "envelope");
		await again.publishAsync(deviceUpTopic("dev1"), envelopeBytes(heartbeat(9)), { qos: 1 });
		expect(((await received) as [Envelope])[0].seq).toBe(9);
	});

	it("resumes a persistent session's down subscription without a new SUBSCRIBE", async () => {
		const device = await kit.connectDevice("dev1", { clean: false });
		await device.subscribeAsync(deviceDownTopic("dev1"), { qos: 1 });
		await device.endAsync();
		const linked = kit.nextLink();
		const resumed = await kit.connectDevice("dev1", { clean: false });
		const link = (await linked) as MqttHostLink;
		expect(link.subscribed).toBe(true);
		const message = nextMessage(resumed);
		await link.send(heartbeat(5));
		expect(decodeEnvelope((await message).payload).seq).toBe(5);
	});

	it("closes the link with the device's connection, and the connection with link.close()", async () => {
		const linked = kit.nextLink();
		const device = await kit.connectDevice("dev1");
		const link = await linked;
		const deviceClosed = closeOf(device);
		await link.close();
		await deviceClosed;
		expect(link.closed).toBe(true);
		await expect(link.send(heartbeat(1))).rejects.toMatchObject({ code: "FC_MQTT_CONNECT" });
		await vi.waitFor(() => expect(kit.logs.some((line) => line.msg === "MQTT device disconnected" && line.clientId === "dev1")).toBe(true));

		const relinked = kit.nextLink();
		const again = await kit.connectDevice("dev1");
		const link2 = await relinked;
		const closed = once(link2, "close");
		await again.endAsync();
		await closed;
		expect(kit.hostLinks.links).toEqual([]);
	});
});

describe("embedded MQTT broker configuration", () => {
	const logger = new BrokerKit().logger;

	it("turns EADDRINUSE into FC_MQTT_CONNECT with a --mqtt hint", async () => {
		const first = await startEmbeddedBroker({ port: 0, devices: [], logger });
		try {
			const error = await startEmbeddedBroker({ port: first.address.port, devices: [], logger }).catch((caught: unknown) => caught);
			expect(error).toMatchObject({ code: "FC_MQTT_CONNECT", details: { errno: "EADDRINUSE" } });
			expect((error as Error).message).toContain("--mqtt HOST:PORT");
		} finally {
			await first.close();
		}
	});

	it("checks a device list at start", async () => {
		await expect(startEmbeddedBroker({ port: 0, devices: [{ id: "dev1", passwordHash: "plaintext" }], logger })).rejects.toMatchObject({
			code: "FC_CONFIG_INVALID",
			message: expect.stringMatching(/^Device "dev1": Malformed password hash/),
		});
		await expect(startEmbeddedBroker({ port: 0, devices: [{ id: "a/b" }], logger })).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
		await expect(startEmbeddedBroker({ port: 0, devices: [{ id: "a" }, { id: "a" }], logger })).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
	});

	it("takes an async lookup function", async () => {
		const [dev1] = await testDevices();
		const passwordHash = await hashPassword("lookup-pw", { ln: 10 });
		const embedded = await startEmbeddedBroker({
			port: 0,
			devices: async (id) => (id === "dev9" ? { id, passwordHash } : id === "dev1" ? dev1 : undefined),
			logger,
		});
		const kit = new BrokerKit();
		kit.embedded = embedded;
		try {
			const client = await kit.connect({ clientId: "dev9", username: "dev9", password: "lookup-pw" });
			expect(client.connected).toBe(true);
			await expect(kit.connect({ clientId: "dev9", username: "dev9", password: "nope" })).rejects.toMatchObject({ code: 4 });
		} finally {
			await kit.stop();
		}
	});
});
