/**
 * The gateway's TLS listeners against real TLS clients and a throw-away CA made by openssl: curl
 * to the local API over HTTPS (and /red, Node-RED's editor, on the same port), mosquitto_pub to the
 * mqtts listener with a device password, plaintext clients refused on both TLS ports, the session
 * cookie marked Secure, and renewed certificates served without a restart (file change and
 * reloadTls, which SIGHUP calls), a broken renewal keeping the old one.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { deviceUpTopic } from "../protocol/topics.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { createTestCa, peerSerial, type TestCa } from "./support/tls-ca.js";
import { waitFor } from "./support/wait.js";

const DEVICE = "meter-7";
const DEVICE_PASSWORD = "device-password-7";
const PIN = "482913";

let ca: TestCa;
let caPem: Buffer;
let files: { keyFile: string; certFile: string };
let gateway: GatewayFixture;
let httpsPort: number;
let mqttsPort: number;

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(command, args, { timeout: 20_000 }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

beforeAll(async () => {
	ca = createTestCa();
	caPem = readFileSync(ca.caFile);
	files = ca.issue("1001");
	const passwordHash = await hashPassword(DEVICE_PASSWORD, { ln: 10 });
	const pinHash = await hashPassword(PIN, { ln: 10 });
	gateway = await startGateway((config) => {
		const tls = { keyFile: files.keyFile, certFile: files.certFile };
		config.http = { host: "127.0.0.1", port: 0, tls };
		config.mqtt = { host: "127.0.0.1", port: 0, tls };
		config.devices = [{ id: DEVICE, passwordHash }];
		config.webApp = { technicians: [{ id: "tech-ana", pinHash }], sessionHours: 12 };
		config.nodeRed = {
			users: [{ username: "engineer", passwordHash: bcrypt.hashSync("editor-password", 4), permissions: "*" }],
			credentialSecret: "a-test-secret-of-some-length",
		};
	});
	httpsPort = gateway.gateway.httpAddress?.port ?? 0;
	mqttsPort = gateway.gateway.mqttAddress?.port ?? 0;
});

afterAll(async () => {
	await gateway?.stop();
	ca?.dispose();
});

describe("local API over HTTPS", () => {
	it("answers curl --cacert on /healthz", async () => {
		const result = await run("curl", ["-sS", "--cacert", ca.caFile, `https://127.0.0.1:${httpsPort}/healthz`]);
		expect(result.stderr).toBe("");
		expect(JSON.parse(result.stdout)).toMatchObject({ status: "ok" });
	});

	it("serves the embedded Node-RED editor at /red over the same TLS port", async () => {
		const result = await run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", ca.caFile, `https://127.0.0.1:${httpsPort}/red/`]);
		expect(result.stdout).toBe("200");
		const settings = await run("curl", ["-sS", "--cacert", ca.caFile, `https://127.0.0.1:${httpsPort}/red/auth/login`]);
		expect(JSON.parse(settings.stdout)).toMatchObject({ type: "credentials" });
	});

	it("refuses plaintext HTTP on the TLS port", async () => {
		const result = await run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", `http://127.0.0.1:${httpsPort}/healthz`]);
		expect(result.code).not.toBe(0);
		expect(result.stdout).not.toBe("200");
	});

	it("marks the session cookie Secure when signed in over TLS", async () => {
		const result = await run("curl", [
			"-sS",
			"-i",
			"--cacert",
			ca.caFile,
			"-H",
			"content-type: application/json",
			"-d",
			JSON.stringify({ pin: PIN }),
			`https://127.0.0.1:${httpsPort}/api/v1/session`,
		]);
		expect(result.stdout).toMatch(/^HTTP\/1\.1 201/);
		const cookie = /^set-cookie: (.*)$/im.exec(result.stdout)?.[1] ?? "";
		expect(cookie).toMatch(/^fc_session=/);
		expect(cookie).toMatch(/; Secure\b/);
		expect(cookie).toMatch(/; HttpOnly\b/);
	});
});

describe("client certificates (http.tls.caFile + requestClientCert)", () => {
	it("serves only clients with a certificate from the configured CA", async () => {
		const server = ca.issue("6006", { keyFile: `${ca.dir}/mtls.key`, certFile: `${ca.dir}/mtls.crt` });
		const client = ca.issueClient("technician-laptop");
		const mtls = await startGateway((config) => {
			config.http = { host: "127.0.0.1", port: 0, tls: { ...server, caFile: ca.caFile, requestClientCert: true } };
		});
		try {
			const url = `https://127.0.0.1:${mtls.gateway.httpAddress?.port}/healthz`;
			const without = await run("curl", ["-sS", "--cacert", ca.caFile, url]);
			expect(without.code).not.toBe(0);
			const withCert = await run("curl", ["-sS", "--cacert", ca.caFile, "--cert", client.certFile, "--key", client.keyFile, url]);
			expect(JSON.parse(withCert.stdout)).toMatchObject({ status: "ok" });
		} finally {
			await mtls.stop();
		}
	});
});

describe("MQTT over TLS (mqtts)", () => {
	const publish = (extra: string[]) =>
		run("mosquitto_pub", [
			"-h",
			"127.0.0.1",
			"-p",
			String(mqttsPort),
			"-i",
			DEVICE,
			"-u",
			DEVICE,
			"-P",
			DEVICE_PASSWORD,
			"-t",
			deviceUpTopic(DEVICE),
			"-m",
			"x",
			...extra,
		]);

	it("lets a device in with --cafile and its password", async () => {
		const result = await publish(["--cafile", ca.caFile]);
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
		await waitFor("the device's TLS connection in the log", () =>
			gateway.logs.some((line) => line.includes("MQTT device connected") && line.includes(DEVICE)) ? true : undefined,
		);
	});

	it("refuses a wrong password over TLS", async () => {
		const result = await run("mosquitto_pub", [
			"-h",
			"127.0.0.1",
			"-p",
			String(mqttsPort),
			"--cafile",
			ca.caFile,
			"-i",
			DEVICE,
			"-u",
			DEVICE,
			"-P",
			"wrong",
			"-t",
			deviceUpTopic(DEVICE),
			"-m",
			"x",
		]);
		expect(result.code).not.toBe(0);
	});

	it("refuses a plaintext client on the TLS port", async () => {
		const result = await publish([]);
		expect(result.code).not.toBe(0);
	});
});

describe("certificate reload without restart", () => {
	it("serves a renewed certificate once its files change, on both listeners", async () => {
		expect(await peerSerial(httpsPort, caPem)).toBe("1001");
		expect(await peerSerial(mqttsPort, caPem)).toBe("1001");
		ca.issue("2002", files);
		await waitFor("the renewed certificate on the HTTPS port", async () => ((await peerSerial(httpsPort, caPem)) === "2002" ? true : undefined), 20_000);
		await waitFor("the renewed certificate on the mqtts port", async () => ((await peerSerial(mqttsPort, caPem)) === "2002" ? true : undefined), 20_000);
	});

	it("reloads at once on reloadTls (what SIGHUP calls), and keeps the old certificate when the new files are broken", async () => {
		ca.issue("3003", files);
		expect(gateway.gateway.reloadTls("test")).toBe(true);
		expect(await peerSerial(httpsPort, caPem)).toBe("3003");
		expect(await peerSerial(mqttsPort, caPem)).toBe("3003");

		const goodKey = readFileSync(files.keyFile);
		writeFileSync(files.keyFile, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
		expect(gateway.gateway.reloadTls("test")).toBe(false);
		expect(gateway.logs.some((line) => line.includes("TLS reload failed"))).toBe(true);
		expect(gateway.logs.some((line) => line.includes("not a key"))).toBe(false);
		expect(await peerSerial(httpsPort, caPem)).toBe("3003");
		writeFileSync(files.keyFile, goodKey);
	});
});
