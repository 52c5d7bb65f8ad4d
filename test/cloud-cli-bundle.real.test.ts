/**
 * The built CLI (dist/fieldchain.js; `npm test` builds it first) running the billing service as a
 * real child process: bootstrap tokens against the database file, refuse a public address before
 * any token exists, serve on loopback, enroll a gateway over HTTP, stop on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedGateway } from "../cloud-bridge/billing/testing/gateway-sim.js";
import { CLI, type CliRun, runCli } from "./support/gateway-process.js";

const dir = mkdtempSync(join(tmpdir(), "fc-cli-cloud-"));
let server: ChildProcess | undefined;

beforeAll(() => {
	if (!existsSync(CLI)) throw new Error("dist/fieldchain.js is missing: run node scripts/build.mjs (npm test does).");
});
afterAll(async () => {
	if (server && server.exitCode === null) {
		const exited = new Promise((resolve) => server?.once("exit", resolve));
		server.kill("SIGKILL");
		await exited;
	}
	rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], timeoutMs = 30_000): Promise<CliRun> {
	return runCli(args, dir, timeoutMs);
}

/** Starts `cloud serve` and resolves with its URL from the banner. */
function serve(args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		server = spawn(process.execPath, [CLI, "cloud", "serve", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
		let out = "";
		const timer = setTimeout(() => reject(new Error(`cloud serve printed no URL in 20 s: ${out}`)), 20_000);
		server.stdout?.on("data", (chunk) => {
			out += chunk;
			const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
			if (url) {
				clearTimeout(timer);
				resolve(url);
			}
		});
		server.once("exit", (code) => reject(new Error(`cloud serve exited with ${code}: ${out}`)));
	});
}

describe("fieldchain cloud", () => {
	it("bootstraps tokens from the database file, serves on loopback and enrolls a gateway", async () => {
		const refused = await run(["cloud", "serve", "--host", "0.0.0.0", "--port", "0", "--db", "billing.sqlite"]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("Refusing to listen on 0.0.0.0 before any token exists");

		const badScope = await run(["cloud", "token", "create", "--scope", "root", "--db", "billing.sqlite"]);
		expect(badScope.code).toBe(1);
		expect(badScope.stderr).toContain('Unknown scope "root"');

		const admin = await run(["cloud", "token", "create", "--scope", "admin", "--name", "ops", "--db", "billing.sqlite"]);
		expect(admin.code).toBe(0);
		const token = admin.stdout.trim();
		expect(token).toMatch(/^fcb_[A-Za-z0-9_-]{43}$/);
		const enrollment = (await run(["cloud", "enrollment", "create", "--db", "billing.sqlite"])).stdout.trim();
		expect(enrollment).toMatch(/^fce_/);

		const url = await serve(["--port", "0", "--db", "billing.sqlite"]);
		expect((await fetch(`${url}/v1/gateways`)).status).toBe(401);
		const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string };
		expect(openapi.openapi).toBe("3.1.0");
		const gateway = new SimulatedGateway("van-12");
		const enrolled = await fetch(`${url}/v1/gateways/enroll`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ enrollmentToken: enrollment, gatewayId: "van-12", publicKey: gateway.publicKeyBase64 }),
		});
		expect(enrolled.status).toBe(201);
		const listed = (await (await fetch(`${url}/v1/gateways`, { headers: { authorization: `Bearer ${token}` } })).json()) as { gateways: { id: string }[] };
		expect(listed.gateways.map((g) => g.id)).toEqual(["van-12"]);

		const exited = new Promise<number | null>((resolve) => server?.once("exit", resolve));
		server?.kill("SIGTERM");
		expect(await exited).toBe(0);
	}, 60_000);
});
