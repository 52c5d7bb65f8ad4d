import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { Aedes, type AedesOptions, type Client } from "aedes";
import { connectAsync, type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorCodes, type FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { decodeEnvelope, type Envelope, encodeEnvelope } from "../codec.js";
import { deviceDownTopic, deviceUpTopic } from "../topics.js";
import { connectMqttDeviceLink, type MqttDeviceLink, redactUrl } from "./mqtt-device-link.js";

interface TestBroker {
	url: string;
	broker: Aedes;
	clients: Client[];
	close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startBroker(options: AedesOptions = {}): Promise<TestBroker> {
	const broker = await Aedes.createBroker(options);
	const server: Server = createServer(broker.handle);
	server.listen(0, "127.0.0.1");
	await once(server, "listening");
	const address = server.address() as { port: number };
	const clients: Client[] = [];
	broker.on("client", (client) => clients.push(client));
	const close = async () => {
		await new Promise<void>((resolve) => broker.close(() => resolve()));
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	cleanups.push(close);
	return { url: `mqtt://127.0.0.1:${address.port}`, broker, clients, close };
}

async function hostClient(url: string): Promise<MqttClient> {
	const client = await connectAsync(url, { clientId: "host", reconnectPeriod: 0 });
	cleanups.push(() => client.endAsync(true));
	return client;
}

async function deviceLink(options: Parameters<typeof connectMqttDeviceLink>[0]): Promise<MqttDeviceLink> {
	const link = await connectMqttDeviceLink(options);
	cleanups.push(() => link.close());
	return link;
}

function nextMessage(client: MqttClient, topic: string): Promise<Buffer> {
	return new Promise((resolve) => {
		const onMessage = (received: string, payload: Buffer) => {
			if (received !== topic) return;
			client.off("message", onMessage);
			resolve(payload);
		};
		client.on("message", onMessage);
	});
}

async function rejection(promise: Promise<unknown>): Promise<FieldchainError> {
	try {
		await promise;
	} catch (error) {
		return error as FieldchainError;
	}
	throw new Error("expected a rejection");
}

describe("MqttDeviceLink", () => {
	it("publishes Envelopes on the up topic and receives them on the down topic, QoS 1", async () => {
		const { url, clients } = await startBroker();
		const host = await hostClient(url);
		await host.subscribeAsync(deviceUpTopic("mq-1"), { qos: 1 });
		const link = await deviceLink({ url, deviceId: "mq-1" });
		expect(link.transport).toBe("mqtt");
		expect(link.label).toBe("mq-1");
		expect(clients.map((client) => client.id)).toContain("mq-1");

		const up = nextMessage(host, deviceUpTopic("mq-1"));
		await link.send({ seq: 1, hello: { deviceId: "mq-1", protocolMajor: 1 } });
		expect(decodeEnvelope(await up).hello!.deviceId).toBe("mq-1");

		const down = once(link, "envelope") as Promise<[Envelope]>;
		await host.publishAsync(deviceDownTopic("mq-1"), Buffer.from(encodeEnvelope({ seq: 9, ack: { upToSeq: 3 } })), { qos: 1 });
		const [envelope] = await down;
		expect(envelope).toMatchObject({ seq: 9, body: "ack" });

		const linkError = once(link, "linkError") as Promise<[FieldchainError]>;
		await host.publishAsync(deviceDownTopic("mq-1"), Buffer.from([0xff, 0xff, 0xff]), { qos: 1 });
		expect((await linkError)[0].code).toBe(ErrorCodes.FC_PROTO_DECODE);
		expect(link.counters).toMatchObject({ framesIn: 2, framesOut: 1, undecodable: 1 });

		const raw = nextMessage(host, deviceUpTopic("mq-1"));
		await link.sendRaw(Uint8Array.of(1, 2, 3));
		expect([...(await raw)]).toEqual([1, 2, 3]);
	});

	it("keeps a message that arrives before anyone listens, e.g. a HostHello right after SUBSCRIBE", async () => {
		const { url, broker } = await startBroker();
		broker.on("subscribe", (subscriptions) => {
			if (subscriptions.some((subscription) => subscription.topic === deviceDownTopic("mq-2"))) {
				broker.publish(
					{
						cmd: "publish",
						topic: deviceDownTopic("mq-2"),
						payload: Buffer.from(encodeEnvelope({ seq: 1, hostHello: { protocolMajor: 1 } })),
						qos: 1,
						retain: false,
						dup: false,
					},
					() => {},
				);
			}
		});
		const link = await deviceLink({ url, deviceId: "mq-2" });
		await new Promise((resolve) => setTimeout(resolve, 100));
		const [envelope] = (await once(link, "envelope")) as [Envelope];
		expect(envelope.body).toBe("hostHello");
	});

	it("emits close when the broker drops the connection, and refuses sends afterwards", async () => {
		const { url, clients } = await startBroker();
		const link = await deviceLink({ url, deviceId: "mq-3" });
		const closed = once(link, "close");
		clients.find((client) => client.id === "mq-3")!.close();
		await closed;
		expect(link.closed).toBe(true);
		expect(isFieldchainError(await rejection(link.send({ seq: 1, heartbeat: {} })), ErrorCodes.FC_MQTT_CONNECT)).toBe(true);
	});

	it("connects with username = device id and the password, and maps a refusal to FC_MQTT_AUTH", async () => {
		const seen: { username?: string; password?: string }[] = [];
		const { url } = await startBroker({
			authenticate: (_client, username, password, done) => {
				seen.push({ username, password: password?.toString() });
				if (password?.toString() === "right") done(null, true);
				else done(Object.assign(new Error("Bad username or password"), { returnCode: 4 as const }), null);
			},
		});
		const error = await rejection(connectMqttDeviceLink({ url: url.replace("//", "//mq-4:wrong@"), deviceId: "mq-4", password: "wrong" }));
		expect(error.code).toBe(ErrorCodes.FC_MQTT_AUTH);
		expect(error.hint).toMatch(/password/);
		expect(error.message).not.toContain("wrong");
		const link = await deviceLink({ url, deviceId: "mq-4", password: "right" });
		expect(link.closed).toBe(false);
		expect(seen).toEqual([
			{ username: "mq-4", password: "wrong" },
			{ username: "mq-4", password: "right" },
		]);
	});

	it("rejects with FC_MQTT_CONNECT when no broker listens", async () => {
		const { url, close } = await startBroker();
		await close();
		cleanups.pop();
		const error = await rejection(connectMqttDeviceLink({ url, deviceId: "mq-5", connectTimeoutMs: 2000 }));
		expect(error.code).toBe(ErrorCodes.FC_MQTT_CONNECT);
		expect(error.hint).toMatch(/broker/);
	});

	it("refuses an invalid device id before connecting", async () => {
		const error = await rejection(connectMqttDeviceLink({ url: "mqtt://127.0.0.1:1", deviceId: "a/#" }));
		expect(error.code).toBe(ErrorCodes.FC_CONFIG_INVALID);
	});

	it("redacts the password of a URL", () => {
		expect(redactUrl("mqtt://dev:secret@host:1883")).toBe("mqtt://dev:***@host:1883");
		expect(redactUrl("mqtt://host:1883")).toBe("mqtt://host:1883");
	});
});
