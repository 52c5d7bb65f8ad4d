/**
 * The built CLI loads Node's own modules with require(), not an ESM import (scripts/build.mjs,
 * "builtins-as-require"). An ESM import of a builtin reads every export at link time, lazy getters
 * included, and on Node 24 importing node:http so pulls in undici, http2 and worker_threads: about
 * 2 MB more resident in a gateway that uses none of them. Checked on the bundle's text and on a
 * running gateway (on the Node 24 leg of the suite, where the getters exist, this is what bites).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI } from "./support/gateway-process.js";

const dir = mkdtempSync(join(tmpdir(), "fc-bundle-builtins-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the bundle's Node builtins", () => {
	it("are never imported as ES modules, except the banner's createRequire", () => {
		expect(existsSync(CLI), "dist/fieldchain.js is missing: run node scripts/build.mjs (npm test does)").toBe(true);
		const offenders: string[] = [];
		for (const file of readdirSync(dirname(CLI)).filter((name) => name.endsWith(".js"))) {
			const text = readFileSync(join(dirname(CLI), file), "utf8").replace("import { createRequire as __fcCreateRequire } from 'node:module';", "");
			for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](node:[a-z0-9_/]+)["']/g)) offenders.push(`${file}: ${match[1]}`);
		}
		expect(offenders).toEqual([]);
	});

	it("a running gateway has not loaded undici (fetch, WebSocket) through node:http", async () => {
		const probe = join(dir, "probe.cjs");
		const out = join(dir, "modules.json");
		// Written once the gateway has started (its database exists), then the gateway is stopped.
		writeFileSync(
			probe,
			`const fs = require("node:fs");
const timer = setInterval(() => {
	if (!fs.existsSync(${JSON.stringify(join(dir, "data", "gateway.db"))})) return;
	clearInterval(timer);
	setTimeout(() => fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)), 500).unref();
}, 50);
timer.unref();
`,
		);
		const child = spawn(
			process.execPath,
			["--require", probe, CLI, "gateway", "--data-dir", join(dir, "data"), "--no-mqtt", "--no-node-red", "--no-http", "--log-level", "warn"],
			{
				stdio: ["ignore", "ignore", "pipe"],
			},
		);
		let stderr = "";
		child.stderr?.on("data", (chunk) => {
			stderr += chunk;
		});
		const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
		try {
			const deadline = Date.now() + 20_000;
			while (!existsSync(out) && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
			expect(existsSync(out), `the gateway did not start: ${stderr}`).toBe(true);
		} finally {
			child.kill("SIGTERM");
			await exited;
		}
		const loaded = JSON.parse(readFileSync(out, "utf8")) as string[];
		expect(loaded).toContain("NativeModule net");
		expect(loaded.filter((name) => /undici/.test(name))).toEqual([]);
	});
});
