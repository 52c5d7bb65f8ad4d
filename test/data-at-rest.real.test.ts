/**
 * Data at rest through the real command line (from source, as child processes): `fieldchain
 * gateway`, `fieldchain cloud serve` and `fieldchain start` create their data directory 0700 and
 * their SQLite files (with -wal and -shm) 0600 from the first start, and a gateway whose data
 * directory or database was widened refuses to start with FC_STORE_PERMISSIONS and the chmod to run.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSourceCli, type SourceCli } from "./support/source-cli.js";

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const running: SourceCli[] = [];
const dirs: string[] = [];

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "fc-rest-"));
	// The parent is the test's; make it as open as a home directory often is, so only what fieldchain creates is measured.
	chmodSync(dir, 0o755);
	dirs.push(dir);
	return dir;
}

function cli(args: string[], cwd?: string): SourceCli {
	const run = runSourceCli(args, { cwd });
	running.push(run);
	return run;
}

function expectPrivate(files: string[]): void {
	for (const file of files) {
		expect(existsSync(file), file).toBe(true);
		expect(mode(file), file).toBe(statSync(file).isDirectory() ? "700" : "600");
	}
}

afterEach(async () => {
	await Promise.allSettled(running.splice(0).map((run) => run.stop()));
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data at rest", () => {
	it("fieldchain gateway: data dir 0700, gateway.db and its -wal/-shm 0600; a widened dir or database is refused", { timeout: 60_000 }, async () => {
		const data = join(tempDir(), "data");
		const args = ["gateway", "--data-dir", data, "--no-mqtt", "--http", "127.0.0.1:0"];
		const first = cli(args);
		await first.waitFor(/gateway started/);
		const db = join(data, "gateway.db");
		expectPrivate([data, db, `${db}-wal`, `${db}-shm`, join(data, "gateway-ed25519.key"), join(data, "gateway-id")]);
		await first.stop();

		chmodSync(data, 0o755);
		const widenedDir = cli(args);
		expect(await widenedDir.exited()).toBe(1);
		expect(widenedDir.output()).toContain("FC_STORE_PERMISSIONS");
		expect(widenedDir.output()).toContain(`chmod 700 ${data}`);

		chmodSync(data, 0o700);
		chmodSync(db, 0o644);
		const widenedDb = cli(args);
		expect(await widenedDb.exited()).toBe(1);
		expect(widenedDb.output()).toContain(`chmod 600 ${db}`);
	});

	it("fieldchain cloud serve: the default .fieldchain-data 0700 and billing.sqlite 0600", { timeout: 60_000 }, async () => {
		const cwd = tempDir();
		const serve = cli(["cloud", "serve", "--port", "0"], cwd);
		await serve.waitFor(/fieldchain billing service on/);
		const data = join(cwd, ".fieldchain-data");
		const db = join(data, "billing.sqlite");
		expectPrivate([data, db, `${db}-wal`, `${db}-shm`]);
		await serve.stop();

		chmodSync(db, 0o640);
		const widened = cli(["cloud", "serve", "--port", "0"], cwd);
		expect(await widened.exited()).toBe(1);
		expect(widened.output()).toContain(`chmod 600 ${db}`);
	});

	it("fieldchain start: the demo's data directory, gateway.db and billing.sqlite are private", { timeout: 90_000 }, async () => {
		const data = join(tempDir(), "demo");
		const start = cli(["start", "--data-dir", data, "--http", "127.0.0.1:0", "--mqtt", "127.0.0.1:0", "--billing", "127.0.0.1:0", "--log-level", "warn"]);
		await start.waitFor(/Press Ctrl-C to stop/, 80_000);
		expectPrivate([data, join(data, "gateway.db"), join(data, "billing.sqlite"), join(data, "node-red")]);
	});
});
