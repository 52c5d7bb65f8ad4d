/**
 * The Node 24 leg's addon redirect (scripts/test-node24-addons.cjs): a process preloaded with it
 * loads the replacement build named for its Node ABI, and the build in node_modules otherwise, so the
 * machine Node's build is never the one replaced. A spy preloaded before it records which file
 * reaches Node's own process.dlopen.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const preload = join(root, "scripts", "test-node24-addons.cjs");
const installed = realpathSync(join(dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")), "build", "Release", "better_sqlite3.node"));
/** The build this process itself loads: node_modules' one, or in the Node 24 leg its Node 24 build. */
const loadable = (() => {
	const settings = JSON.parse(process.env.FIELDCHAIN_NODE24_ADDONS || "{}");
	return (settings.abi === process.versions.modules && settings.addons?.[installed]) || installed;
})();

let dir: string;
let replacement: string;
let spy: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fc-node24-addons-"));
	replacement = join(dir, "better_sqlite3-replacement.node");
	copyFileSync(loadable, replacement);
	spy = join(dir, "spy.cjs");
	writeFileSync(
		spy,
		"const dlopen = process.dlopen; globalThis.dlopened = []; process.dlopen = function (module, file, ...flags) { globalThis.dlopened.push(file); return dlopen.call(this, module, file, ...flags); };\n",
	);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Opens a database in a child process; reports the better-sqlite3 files that reached dlopen and whether it opened. */
function load(settings: unknown): { files: string[]; opened: boolean } {
	const script = `
		let opened = true;
		try { new (require("better-sqlite3"))(":memory:").prepare("select 1").get(); } catch { opened = false; }
		console.log(JSON.stringify({ files: globalThis.dlopened.filter((file) => file.includes("better_sqlite3")), opened }));`;
	const env = {
		...process.env,
		NODE_OPTIONS: `--require "${spy}" --require "${preload}"`,
		FIELDCHAIN_NODE24_ADDONS: settings === undefined ? "" : JSON.stringify(settings),
	};
	const result = spawnSync(process.execPath, ["-e", script], { cwd: root, env, encoding: "utf8" });
	expect(result.status, result.stderr).toBe(0);
	return JSON.parse(result.stdout);
}

describe("the Node 24 leg's addon redirect", () => {
	it("loads the replacement build when the process runs the Node ABI it was built for", () => {
		expect(load({ abi: process.versions.modules, addons: { [installed]: replacement } })).toEqual({ files: [replacement], opened: true });
	});

	it("keeps the installed build in a process on another Node (a test that starts the machine's node)", () => {
		expect(load({ abi: "1", addons: { [installed]: replacement } }).files).toEqual([installed]);
	});

	it("changes nothing without settings", () => {
		expect(load(undefined).files).toEqual([installed]);
	});
});
