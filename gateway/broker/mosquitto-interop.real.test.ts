/**
 * The embedded broker against a client we did not write: Debian's mosquitto_pub / mosquitto_sub.
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Envelope } from "../../protocol/codec.js";
import { deviceDownTopic, deviceUpTopic } from "../../protocol/topics.js";
import { BrokerKit, envelopeBytes, PASSWORDS } from "./testing/broker-kit.js";

interface Run {
	code: number | null;
	stdout: Buffer;
	stderr: string;
}

function run(command: string, args: string[], stdin?: Buffer): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
		const stdout: Buffer[] = [];
		let stderr = "";
		child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on("data", (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on("error", reject);
		child.on("close", (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr }));
		child.stdin.end(stdin);
	});
}

describe("mosquitto clients against the embedded broker", () => {
	let kit: BrokerKit;

	beforeAll(() => {
		for (const tool of ["mosquitto_pub", "mosquitto_sub"]) {
			const probe = spawnSync(tool, ["--help"]);
			if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
				throw new Error(`${tool} is not installed; these tests need a real MQTT client: apt-get install mosquitto-clients`);
			}
		}
	});

	beforeEach(async () => {
		kit = await new BrokerKit().start();
	});

	afterEach(async () => {
		await kit.stop();
	});

	const pub = (user: string, password: string, topic: string, extra: string[] = [], stdin?: Buffer) =>
		run("mosquitto_pub", ["-h", "127.0.0.1", "-p", String(kit.port), "-i", user, "-u", user, "-P", password, "-t", topic, ...extra], stdin);

	it("refuses a wrong password", async () => {
		const result = await pub("dev1", "wrong", deviceUpTopic("dev1"), ["-m", "x"]);
		expect(result.code).not.toBe(0);
		expect(result.stderr).toMatch(/not authori[sz]ed|bad user name or password/i);
		expect(kit.links).toHaveLength(0);
	});

	it("accepts the right password and delivers the Envelope to the gateway", async () => {
		const linked = kit.nextLink();
		const published = pub("dev1", PASSWORDS.dev1, deviceUpTopic("dev1"), ["-q", "1", "-s"], envelopeBytes({ seq: 42, heartbeat: { batteryPercent: 80 } }));
		const link = await linked;
		const [envelope] = (await once(link, "envelope")) as [Envelope];
		expect(envelope.seq).toBe(42);
		expect(envelope.heartbeat?.batteryPercent).toBe(80);
		expect(await published).toMatchObject({ code: 0 });
	});

	it("does not deliver dev1's publish to dev2's up topic", async () => {
		const traffic: string[] = [];
		kit.hostLinks.on("link", (link) => {
			link.on("envelope", () => traffic.push(`${link.label}: envelope`));
			link.on("linkError", () => traffic.push(`${link.label}: linkError`));
		});
		await pub("dev1", PASSWORDS.dev1, deviceUpTopic("dev2"), ["-m", "x"]);
		await pub("dev1", PASSWORDS.dev1, deviceUpTopic("dev2"), ["-q", "1", "-s"], envelopeBytes({ seq: 1, heartbeat: {} }));
		await vi.waitFor(() =>
			expect(kit.logs.filter((line) => line.code === "FC_MQTT_FORBIDDEN" && line.clientId === "dev1" && line.topic === deviceUpTopic("dev2"))).toHaveLength(2),
		);
		// What dev1 may do still arrives, so silence above is the ACL, not a dead pipe.
		await pub("dev1", PASSWORDS.dev1, deviceUpTopic("dev1"), ["-q", "1", "-m", "x"]);
		await vi.waitFor(() => expect(traffic).toEqual(["dev1: linkError"]));
	});

	it("refuses a client id that is not the username", async () => {
		const result = await run("mosquitto_pub", [
			"-h",
			"127.0.0.1",
			"-p",
			String(kit.port),
			"-i",
			"dev2",
			"-u",
			"dev1",
			"-P",
			PASSWORDS.dev1,
			"-t",
			deviceUpTopic("dev1"),
			"-m",
			"x",
		]);
		expect(result.code).not.toBe(0);
		expect(result.stderr).toMatch(/identifier rejected/i);
	});

	it("lets mosquitto_sub receive its own down topic and nobody else's", async () => {
		const args = (topic: string) => [
			"-h",
			"127.0.0.1",
			"-p",
			String(kit.port),
			"-i",
			"dev1",
			"-u",
			"dev1",
			"-P",
			PASSWORDS.dev1,
			"-t",
			topic,
			"-C",
			"1",
			"-W",
			"10",
			"-N",
		];
		const denied = await run("mosquitto_sub", args(deviceDownTopic("dev2")));
		expect(denied.stderr).toMatch(/denied/i);

		const linked = kit.nextLink();
		const sub = run("mosquitto_sub", args(deviceDownTopic("dev1")));
		const link = await linked;
		await link.send({ seq: 5, heartbeat: {} }); // held until mosquitto_sub's SUBSCRIBE is granted
		const result = await sub;
		expect(result.code).toBe(0);
		expect(result.stdout).toEqual(envelopeBytes({ seq: 5, heartbeat: {} }));
	});
});
