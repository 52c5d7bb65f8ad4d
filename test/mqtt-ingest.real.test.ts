/**
 * Simulator <-> gateway through the gateway's embedded aedes broker, and the broker's security
 * checked with a real Mosquitto client.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runMqttSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { isFieldchainError } from "../platform/errors.js";
import { encodeEnvelope } from "../protocol/codec.js";
import { allStoredSeqs, type GatewayFixture, gapsAndDuplicates, getJson, startGateway } from "./support/gateway-fixture.js";

const run = promisify(execFile);
let gateway: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let hashes: { a: string; b: string };

beforeAll(async () => {
	hashes = { a: await hashPassword("secret-a"), b: await hashPassword("secret-b") };
	try {
		await run("mosquitto_pub", ["--help"]).catch((error: { code?: string | number }) => {
			if (error.code === "ENOENT") throw error;
		});
	} catch {
		throw new Error("mosquitto_pub is not installed: apt-get install -y mosquitto-clients");
	}
});

afterEach(async () => {
	await simulator?.stop();
	await gateway?.stop();
	simulator = gateway = undefined;
});

async function startMqttGateway() {
	gateway = await startGateway((config) => {
		config.mqtt = { host: "127.0.0.1", port: 0 };
		config.devices = [
			{ id: "mqtt-a", passwordHash: hashes.a },
			{ id: "mqtt-b", passwordHash: hashes.b },
		];
	});
	return { gateway, url: `mqtt://127.0.0.1:${gateway.gateway.mqttAddress!.port}`, port: gateway.gateway.mqttAddress!.port };
}

describe("MQTT ingest through the embedded broker", () => {
	it("stores 5,000 readings exactly once from an MQTT device", async () => {
		const { gateway, url } = await startMqttGateway();
		simulator = await runMqttSimulator({ url, deviceId: "mqtt-a", password: "secret-a", rate: 5000, count: 5000, resendTimeoutMs: 1000 });
		await simulator.done;
		const seqs = await allStoredSeqs(gateway.baseUrl, "mqtt-a");
		expect(gapsAndDuplicates(seqs, 5000)).toEqual({ missing: [], duplicates: [], extra: [] });
		const { body } = await getJson<{ devices: Array<Record<string, unknown>> }>(`${gateway.baseUrl}/api/v1/devices`);
		expect(body.devices[0]).toMatchObject({ id: "mqtt-a", connected: true, transport: "mqtt", readingsStored: 5000 });
	});

	it("refuses a device with a wrong password", async () => {
		const { url } = await startMqttGateway();
		const error = await runMqttSimulator({ url, deviceId: "mqtt-a", password: "wrong", count: 1 }).catch((caught: unknown) => caught);
		expect(isFieldchainError(error, "FC_MQTT_AUTH")).toBe(true);
	});

	it("refuses mosquitto_pub with a wrong password", async () => {
		const { port } = await startMqttGateway();
		const result = await run("mosquitto_pub", [
			"-h",
			"127.0.0.1",
			"-p",
			String(port),
			"-i",
			"mqtt-a",
			"-u",
			"mqtt-a",
			"-P",
			"wrong",
			"-t",
			"fieldchain/v1/devices/mqtt-a/up",
			"-m",
			"x",
		]).catch((error: { code: number; stderr: string }) => error);
		expect((result as { code: number }).code).not.toBe(0);
		expect((result as { stderr: string }).stderr.toLowerCase()).toMatch(/not authori[sz]ed|bad user name or password/);
	});

	it("never lets a device publish readings as another device", async () => {
		const { gateway, port } = await startMqttGateway();
		// mqtt-b, correctly authenticated, publishes a valid hello on mqtt-a's topic.
		const hello = Buffer.from(encodeEnvelope({ seq: 1, hello: { deviceId: "mqtt-a", protocolMajor: 1, bootId: Buffer.alloc(16, 1) } }));
		const args = [
			"-h",
			"127.0.0.1",
			"-p",
			String(port),
			"-i",
			"mqtt-b",
			"-u",
			"mqtt-b",
			"-P",
			"secret-b",
			"-q",
			"1",
			"-t",
			"fieldchain/v1/devices/mqtt-a/up",
			"-s",
		];
		await mosquittoPub(args, hello);
		await new Promise((resolve) => setTimeout(resolve, 300));
		const { body } = await getJson<{ devices: unknown[] }>(`${gateway.baseUrl}/api/v1/devices`);
		expect(body.devices).toEqual([]);
		expect(gateway.logs.some((line) => line.includes("FC_MQTT_FORBIDDEN") && line.includes("mqtt-b"))).toBe(true);

		// The same message on its own topic, claiming to be mqtt-a, is refused by the session.
		const ownTopic = args.map((arg) => (arg === "fieldchain/v1/devices/mqtt-a/up" ? "fieldchain/v1/devices/mqtt-b/up" : arg));
		await mosquittoPub(ownTopic, hello);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect((await getJson<{ devices: unknown[] }>(`${gateway.baseUrl}/api/v1/devices`)).body.devices).toEqual([]);
		expect(gateway.logs.some((line) => line.includes("authenticated as"))).toBe(true);
	});
});

function mosquittoPub(args: string[], stdin: Buffer): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const child = spawn("mosquitto_pub", args, { stdio: ["pipe", "ignore", "ignore"] });
		child.on("error", reject);
		child.on("exit", (code) => resolve(code));
		child.stdin.end(stdin);
	});
}
