/**
 * The README's bench session ("Flashing, monitoring and testing tools") runs as written against
 * the simulator, line by line in a shell, with `fieldchain` being the built CLI: it once signed for
 * `--hardware FC-MM1` and flashed a simulator that calls itself FC-SIM-1, which refuses the image.
 * The only thing added is a pause after each background line (a person typing the next one).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitedAndDrained } from "./support/child-exit.js";
import { CLI, requireBuiltCli } from "./support/gateway-process.js";
import { requireSocat } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function benchSession(): string[] {
	const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
	const block = /A bench session, runnable as written against the simulator[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
	if (!block) throw new Error("README.md has no bench session block under 'Flashing, monitoring and testing tools'");
	return block.split("\n").filter((line) => line.trim() !== "");
}

describe("README bench session", () => {
	it("runs as written against the simulator (--hardware FC-MM1 included)", { timeout: 240_000 }, async () => {
		requireBuiltCli();
		requireSocat();
		const lines = benchSession();
		expect(lines.some((line) => line.includes("--hardware FC-MM1"))).toBe(true);
		const script = [
			"set -e",
			`fieldchain() { "${process.execPath}" "${CLI}" "$@"; }`,
			"trap 'kill $(jobs -p) 2>/dev/null || true' EXIT",
			...lines.flatMap((line) => (/&\s*(#.*)?$/.test(line) ? [line, "sleep 3"] : [line])),
		].join("\n");
		const child = spawn("bash", ["-c", script], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
		let output = "";
		child.stdout.on("data", (chunk: Buffer) => {
			output += chunk;
		});
		child.stderr.on("data", (chunk: Buffer) => {
			output += chunk;
		});
		const { code } = await exitedAndDrained(child);
		expect(code, output).toBe(0);
		expect(output).toContain("done: 1.5.0 is installed and confirmed");
		expect(output).toMatch(/CONFORMS: \d+ passed, 0 failed/);
		expect(existsSync(join(dir, "conformance.xml"))).toBe(true);
		// The conformance run test-booted 1.6.0 and rolled it back: the flashed 1.5.0 is what runs.
		expect(JSON.parse(readFileSync(join(dir, "sim.json"), "utf8")).state).toMatchObject({ primary: { version: "1.5.0", hardware: "FC-MM1" } });
	});
});
