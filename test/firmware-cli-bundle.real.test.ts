/**
 * The built CLI (dist/fieldchain.js, made by `node scripts/build.mjs`; `npm test` builds it first):
 * firmware keygen/sign/inspect, the simulator with a state file, and device flash over a pty, each
 * a real child process. Also checks that johnny-five stays out of the bundle and loads only on its path.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, type CliRun, runCli } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-cli-fw-"));
let pty: PtyPair | undefined;
let simulator: ChildProcess | undefined;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/fieldchain.js is missing: run node scripts/build.mjs (npm test does).");
});
afterAll(async () => {
	if (simulator && simulator.exitCode === null) {
		const exited = new Promise((resolve) => simulator!.once("exit", resolve));
		simulator.kill("SIGINT");
		await exited;
	}
	await pty?.dispose();
	rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], timeoutMs = 30_000): Promise<CliRun> {
	return runCli(args, dir, timeoutMs);
}

describe("the bundled CLI", () => {
	it("makes a key, signs, inspects, and refuses a changed image", async () => {
		writeFileSync(join(dir, "app.bin"), Buffer.alloc(50_000, 0x5a));
		expect((await run(["firmware", "keygen", "release.key"])).stdout).toMatch(/key hash: {4}[0-9a-f]{64}/);
		const signed = await run(["firmware", "sign", "--key", "release.key", "--version", "1.1.0+3", "--hardware", "FC-SIM-1", "app.bin", "app.img"]);
		expect(signed.stdout).toMatch(/app\.img: version 1\.1\.0\+3 for FC-SIM-1, payload 50000 bytes/);
		const inspected = await run(["firmware", "inspect", "app.img", "--public-key", "release.key.pub"]);
		expect(inspected.code).toBe(0);
		expect(inspected.stdout).toMatch(/tlv {6}0x24 ED25519 {3}64 B/);
		expect(inspected.stdout).toContain("valid: SHA-256 matches, Ed25519 signature verifies with the given public key");
		const bytes = readFileSync(join(dir, "app.img"));
		bytes[1000] ^= 1;
		writeFileSync(join(dir, "bad.img"), bytes);
		const bad = await run(["firmware", "inspect", "bad.img", "--json"]);
		expect(bad.code).toBe(1);
		expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, header: { version: "1.1.0+3" } });
	});

	it("flashes the simulator (state file, trusted key) over a pty and the state file shows the new image", async () => {
		pty = await createPtyPair();
		const state = join(dir, "sim-state.json");
		simulator = spawn(
			process.execPath,
			[
				CLI,
				"device",
				"simulate",
				"--serial",
				pty.deviceEnd,
				"--id",
				"cli-sim",
				"--state",
				state,
				"--trusted-key",
				"release.key.pub",
				"--firmware-version",
				"1.0.0",
			],
			{ cwd: dir, stdio: "ignore" },
		);
		const flashed = await run(["device", "flash", "--serial", pty.hostEnd, "app.img"]);
		expect(flashed.stderr).toBe("");
		expect(flashed.stdout).toMatch(/upload 100%/);
		expect(flashed.stdout).toContain("confirmed 1.1.0+3");
		expect(flashed.code).toBe(0);
		expect(JSON.parse(readFileSync(state, "utf8")).state).toMatchObject({ primary: { version: "1.1.0+3", hardware: "FC-SIM-1" }, primaryConfirmed: true });
		const again = await run(["device", "flash", "--serial", pty.hostEnd, "--json", "app.img"]);
		expect(again.stdout).toContain('"outcome":"already-running"');
	});

	it("keeps johnny-five out of the bundle and loads it only for `device johnny-five`", async () => {
		const bundle = readFileSync(CLI, "utf8");
		expect(bundle).not.toMatch(/lib\/board\.pins\.js|Johnny-Five/);
		writeFileSync(join(dir, "sensors.json"), JSON.stringify({ sensors: [{ kind: "sensor", pin: "A0", quantity: "voltage", unit: "V" }] }));
		const result = await run([
			"device",
			"johnny-five",
			"--board",
			join(dir, "no-board"),
			"--sensors",
			"sensors.json",
			"--id",
			"j5",
			"--mqtt",
			"mqtt://127.0.0.1:9",
		]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/FC_SERIAL_OPEN: Cannot open the board's port .*no-board/);
	});
});
