/**
 * `fieldchain doctor` from the built CLI: exit 0 with warnings only, exit 1 when a check fails (a
 * configured serial port that is not there), and JSON that names each check and what to do.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, requireBuiltCli } from "../../test/support/gateway-process.js";

const dir = mkdtempSync(join(tmpdir(), "fc-doctor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function doctor(...args: string[]) {
	requireBuiltCli();
	const result = spawnSync(process.execPath, [CLI, "doctor", "--data-dir", dir, ...args], { encoding: "utf8", timeout: 60_000 });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("fieldchain doctor", () => {
	it("passes a hub with nothing configured (exit 0) and prints every check", () => {
		const { code, stdout } = doctor();
		expect(code).toBe(0);
		for (const check of ["clock", "disk", "serial", "tls", "uplink"]) expect(stdout).toContain(check);
	});

	it("fails (exit 1) on a configured serial port that is not there, saying what to do", () => {
		const config = join(dir, "gateway.json");
		writeFileSync(config, JSON.stringify({ serial: { ports: [{ path: "/dev/ttyUSB-nothing-here" }] } }));
		const { code, stdout } = doctor("--config", config, "--json");
		expect(code).toBe(1);
		const report = JSON.parse(stdout) as { ok: boolean; results: Array<{ check: string; status: string; detail: string; advice?: string }> };
		expect(report.ok).toBe(false);
		expect(report.results.find((result) => result.detail.includes("/dev/ttyUSB-nothing-here"))).toMatchObject({
			status: "fail",
			advice: expect.stringContaining("serial"),
		});
	});

	it("refuses a bad option with exit 2", () => {
		expect(doctor("--no-such-option").code).toBe(2);
	});
});
