/**
 * Another process holding the gateway database's write lock (a sqlite3 shell, an export, a backup)
 * must not freeze the gateway: SQLite's busy wait is synchronous in better-sqlite3, so it blocks
 * the event loop for as long as busy_timeout. With a short one, a blocked group commit fails fast,
 * nothing of it is acked, the device re-sends, and /healthz keeps answering. Measured with a
 * second process holding BEGIN IMMEDIATE for 3 s while a device streams over the embedded broker
 * of `fieldchain gateway` (a child process, so its event loop is not this test's).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runMqttSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { allStoredSeqs, gapsAndDuplicates, getJson } from "./support/gateway-fixture.js";
import { freePort } from "./support/gateway-process.js";
import { runSourceCli, type SourceCli } from "./support/source-cli.js";
import { waitFor } from "./support/wait.js";

const HOLD_MS = 3000;
const LOCKER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
setTimeout(() => { db.exec("COMMIT"); db.close(); process.stdout.write("released\\n"); }, ${HOLD_MS});
`;

let gateway: SourceCli | undefined;
let simulator: SimulatorHandle | undefined;
const dir = mkdtempSync(join(tmpdir(), "fc-lock-"));

afterAll(async () => {
	await simulator?.stop();
	await gateway?.stop();
	rmSync(dir, { recursive: true, force: true });
});

it("answers /healthz promptly while another process holds the write lock, and loses nothing acked", { timeout: 60_000 }, async () => {
	const configFile = join(dir, "gateway.json");
	writeFileSync(configFile, JSON.stringify({ devices: [{ id: "meter-1", passwordHash: await hashPassword("secret") }] }));
	const [httpPort, mqttPort] = [await freePort(), await freePort()];
	const dataDir = join(dir, "data");
	gateway = runSourceCli(["gateway", "--data-dir", dataDir, "--config", configFile, "--http", `127.0.0.1:${httpPort}`, "--mqtt", `127.0.0.1:${mqttPort}`]);
	await gateway.waitFor(/gateway started/);
	const base = `http://127.0.0.1:${httpPort}`;
	const count = 800;
	simulator = await runMqttSimulator({ url: `mqtt://127.0.0.1:${mqttPort}`, deviceId: "meter-1", password: "secret", rate: 100, count, resendTimeoutMs: 300 });
	await waitFor("the first readings stored", async () =>
		(await getJson<{ readingsStored: number }>(`${base}/healthz`)).body.readingsStored > 0 ? true : undefined,
	);

	// /healthz is polled from before the lock is taken until the locking process has exited.
	const latencies: number[] = [];
	let locking = true;
	const poller = (async () => {
		while (locking) {
			const started = performance.now();
			const { status } = await getJson(`${base}/healthz`);
			latencies.push(performance.now() - started);
			expect(status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	})();
	const locker = spawn(process.execPath, ["-e", LOCKER, join(dataDir, "gateway.db")], {
		cwd: join(import.meta.dirname, ".."),
		stdio: ["ignore", "pipe", "inherit"],
	});
	let lockerOut = "";
	locker.stdout.on("data", (chunk: Buffer) => {
		lockerOut += chunk;
	});
	await new Promise((resolve) => locker.once("exit", resolve));
	locking = false;
	await poller;
	expect(lockerOut).toContain("released");
	// Before: a commit waiting on the lock held the event loop for up to busy_timeout (5 s).
	expect(Math.max(...latencies)).toBeLessThan(500);
	expect(latencies.length).toBeGreaterThan(10);

	await simulator.done;
	expect(gapsAndDuplicates(await allStoredSeqs(base, "meter-1"), count)).toEqual({ missing: [], duplicates: [], extra: [] });
});
