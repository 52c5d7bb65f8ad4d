/**
 * The packaged `fieldchain` command (scripts/package/fieldchain.sh) as package.sh lays it out, with
 * a stand-in for the shipped Node that prints what it was started with: `fieldchain gateway` gets
 * the memory settings of gateway-env.sh, every other command runs bare, and the environment wins.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
let dir: string;
let launcher: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), "fc-launcher-"));
	const release = join(dir, "release");
	mkdirSync(join(release, "bin"), { recursive: true });
	mkdirSync(join(release, "node", "bin"), { recursive: true });
	copyFileSync(join(root, "scripts", "package", "fieldchain.sh"), join(release, "bin", "fieldchain"));
	chmodSync(join(release, "bin", "fieldchain"), 0o755);
	copyFileSync(join(root, "scripts", "package", "gateway-env.sh"), join(release, "bin", "gateway-env.sh"));
	// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a template
	writeFileSync(join(release, "node", "bin", "node"), '#!/bin/sh\necho "MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}"\nfor a in "$@"; do echo "$a"; done\n');
	chmodSync(join(release, "node", "bin", "node"), 0o755);
	// As installed: /usr/bin/fieldchain is a symlink to the release's launcher.
	launcher = join(dir, "fieldchain");
	symlinkSync(join(release, "bin", "fieldchain"), launcher);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}): string[] {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "MALLOC_ARENA_MAX" && k !== "FIELDCHAIN_GATEWAY_NODE_FLAGS"));
	return execFileSync(launcher, args, { env: { ...clean, ...env }, encoding: "utf8" })
		.trimEnd()
		.split("\n");
}

describe("the packaged fieldchain command", () => {
	it("runs the gateway with the memory settings, before the script, arguments kept as given", () => {
		const out = run(["gateway", "--config", "/etc/fieldchain/gateway.json", "a b"]);
		expect(out[0]).toBe("MALLOC_ARENA_MAX=2");
		expect(out.slice(1, 3)).toEqual(["--max-semi-space-size=1", "--v8-pool-size=1"]);
		expect(out[3]).toMatch(/release\/bin\/\.\.\/app\/dist\/fieldchain\.js$/);
		expect(out.slice(4)).toEqual(["gateway", "--config", "/etc/fieldchain/gateway.json", "a b"]);
	});

	it("runs every other command bare", () => {
		const out = run(["doctor", "--json"]);
		expect(out[0]).toBe("MALLOC_ARENA_MAX=unset");
		expect(out[1]).toMatch(/app\/dist\/fieldchain\.js$/);
		expect(out.slice(2)).toEqual(["doctor", "--json"]);
	});

	it("lets the environment override or drop the settings", () => {
		expect(run(["gateway"], { FIELDCHAIN_GATEWAY_NODE_FLAGS: "--max-semi-space-size=4", MALLOC_ARENA_MAX: "8" }).slice(0, 3)).toEqual([
			"MALLOC_ARENA_MAX=8",
			"--max-semi-space-size=4",
			expect.stringMatching(/fieldchain\.js$/),
		]);
		expect(run(["gateway"], { FIELDCHAIN_GATEWAY_NODE_FLAGS: "" })[1]).toMatch(/fieldchain\.js$/);
	});
});
