/**
 * The TLS rules of `fieldchain gateway` as an operator meets them, through the built CLI: a fresh
 * token from `gateway token create`, short tokens refused at config load, any listener off loopback
 * without TLS refused before it listens unless --insecure-plaintext (then a loud warning), and
 * SIGHUP reloading a renewed certificate in a running gateway.
 *
 * Nothing here listens off loopback: the off-loopback address is 203.0.113.1 (TEST-NET-3, RFC 5737,
 * never a local address), so a start that gets past the checks fails to bind instead of listening.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, freePort, kill9, requireBuiltCli, runCli } from "./support/gateway-process.js";
import { createTestCa, peerSerial, type TestCa } from "./support/tls-ca.js";
import { waitFor } from "./support/wait.js";

const OFF_LOOPBACK = "203.0.113.1";
let dir: string;
let ca: TestCa;
let token: string;

function writeConfig(name: string, config: unknown): string {
	const file = join(dir, name);
	writeFileSync(file, JSON.stringify(config));
	return file;
}

beforeAll(async () => {
	requireBuiltCli();
	dir = mkdtempSync(join(tmpdir(), "fc-tls-cli-"));
	ca = createTestCa();
	token = (await runCli(["gateway", "token", "create"], dir)).stdout.trim();
});

afterAll(() => {
	ca?.dispose();
	rmSync(dir, { recursive: true, force: true });
});

describe("gateway token create", () => {
	it("prints 32 random bytes as base64url, a new one each time", async () => {
		const second = await runCli(["gateway", "token", "create"], dir);
		expect(second.code).toBe(0);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(Buffer.from(token, "base64url")).toHaveLength(32);
		expect(second.stdout.trim()).not.toBe(token);
	});
});

describe("http.token strength", () => {
	it("refuses a short token when the config is loaded, saying how to make one", async () => {
		const config = writeConfig("short.json", { http: { host: "127.0.0.1", port: 0, token: "s3cret-but-short" }, mqtt: false });
		const result = await runCli(["gateway", "--data-dir", join(dir, "short"), "--config", config], dir);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("http.token");
		expect(result.stderr).toContain("fieldchain gateway token create");
		expect(result.stderr).not.toContain("s3cret-but-short");
	});
});

describe("off loopback without TLS", () => {
	it("refuses the local API before listening", async () => {
		const config = writeConfig("http-off.json", { http: { host: OFF_LOOPBACK, port: 0, token }, mqtt: false });
		const result = await runCli(["gateway", "--data-dir", join(dir, "http-off"), "--config", config, "--no-node-red"], dir);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/Refusing to serve the local API on 203\.0\.113\.1:0 without TLS/);
		expect(result.stderr).toMatch(/http\.tls/);
		expect(result.stderr).toMatch(/--insecure-plaintext/);
	});

	it("refuses the MQTT broker before listening", async () => {
		const result = await runCli(["gateway", "--data-dir", join(dir, "mqtt-off"), "--no-http", "--mqtt", `${OFF_LOOPBACK}:0`], dir);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/Refusing to serve the MQTT broker on 203\.0\.113\.1:0 without TLS/);
		expect(result.stderr).toMatch(/mqtt\.tls/);
	});

	it("with --insecure-plaintext gets past the check and warns loudly (then the bind fails on this unassigned address)", async () => {
		const result = await runCli(["gateway", "--data-dir", join(dir, "insecure"), "--no-http", "--mqtt", `${OFF_LOOPBACK}:0`, "--insecure-plaintext"], dir);
		const output = result.stdout + result.stderr;
		expect(output).not.toMatch(/Refusing to serve/);
		expect(output).toMatch(/"level":40.*INSECURE: the MQTT broker serves plaintext on 203\.0\.113\.1/);
		expect(output).toMatch(/Cannot listen for MQTT on 203\.0\.113\.1:0/);
	});

	it("with --insecure-plaintext warns for the local API too", async () => {
		const config = writeConfig("http-insecure.json", { http: { host: OFF_LOOPBACK, port: 0, token }, mqtt: false, insecurePlaintext: true });
		const result = await runCli(["gateway", "--data-dir", join(dir, "http-insecure"), "--config", config, "--no-node-red"], dir);
		const output = result.stdout + result.stderr;
		expect(output).toMatch(/INSECURE: the local API serves plaintext on 203\.0\.113\.1/);
		expect(output).not.toContain(token);
	});
});

describe("SIGHUP", () => {
	let child: ChildProcess | undefined;
	afterAll(async () => {
		if (child) await kill9(child);
	});

	it("makes a running gateway serve its renewed certificate", async () => {
		const files = ca.issue("4004", { keyFile: join(dir, "api.key"), certFile: join(dir, "api.crt") });
		const caPem = readFileSync(ca.caFile);
		const port = await freePort();
		const config = writeConfig("tls.json", { http: { host: "127.0.0.1", port, tls: files }, mqtt: false });
		const running = spawn(process.execPath, [CLI, "gateway", "--data-dir", join(dir, "sighup"), "--config", config], { stdio: ["ignore", "pipe", "pipe"] });
		child = running;
		const output: string[] = [];
		running.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
		running.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
		await waitFor("the gateway's HTTPS listener", () => (output.join("").includes("local API listening") ? true : undefined), 20_000);
		expect(await peerSerial(port, caPem)).toBe("4004");

		ca.issue("5005", files);
		running.kill("SIGHUP");
		await waitFor("a reload on SIGHUP in the log", () => (/"reason":"SIGHUP".*TLS certificate reloaded/.test(output.join("")) ? true : undefined), 20_000);
		expect(await peerSerial(port, caPem)).toBe("5005");
		expect(running.exitCode).toBeNull();
	});
});
