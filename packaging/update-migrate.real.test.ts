/**
 * An update takes the new release's schema migrations before it switches (fieldchain-update switch):
 * two releases laid out as the package installs them, each running the built CLI
 * (`fieldchain gateway migrate`), and a real gateway database. A migration that fails leaves the old
 * release current and the data directory as the backup has it; one that succeeds is undone by a
 * rollback of the release that never became healthy, since the previous release cannot read the
 * newer schema (migrations are forward-only).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../gateway/store/migrations.js";

const root = join(import.meta.dirname, "..");
const update = join(root, "scripts", "package", "fieldchain-update.sh");
const newest = MIGRATIONS[MIGRATIONS.length - 1].version;
/** Step 8 creates field_states: a database that already has one fails at that step. */
const CLASH = { version: 8, table: "field_states" };
/** The schema the old release left: two steps before the clashing one, so one step commits before it fails. */
const OLD_SCHEMA = CLASH.version - 2;

let dir: string;
let home: string;
let data: string;
let backups: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fc-update-migrate-"));
	home = join(dir, "opt");
	data = join(dir, "data");
	backups = join(dir, "backups");
	for (const version of ["1.0.0", "1.1.0"]) installRelease(version);
	// The state an earlier install left: 1.0.0 current and healthy.
	symlinkSync("releases/1.0.0", join(home, "current"));
	mkdirSync(data, { mode: 0o700 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** releases/VERSION as package.sh lays it out: bin/fieldchain (the packaged launcher) and its gateway-env.sh, node/, app/ (the built CLI). */
function installRelease(version: string): void {
	const release = join(home, "releases", version);
	mkdirSync(join(release, "bin"), { recursive: true });
	copyFileSync(join(root, "scripts", "package", "fieldchain.sh"), join(release, "bin", "fieldchain"));
	chmodSync(join(release, "bin", "fieldchain"), 0o755);
	copyFileSync(join(root, "scripts", "package", "gateway-env.sh"), join(release, "bin", "gateway-env.sh"));
	mkdirSync(join(release, "node", "bin"), { recursive: true });
	symlinkSync(process.execPath, join(release, "node", "bin", "node"));
	symlinkSync(root, join(release, "app"));
}

/** A gateway database at OLD_SCHEMA with one device; `clash` adds the table step CLASH.version creates. */
function seedDatabase(options: { clash?: boolean } = {}): void {
	const db = new Database(join(data, "gateway.db"));
	migrate(db, OLD_SCHEMA);
	db.prepare(
		`INSERT INTO devices (device_id, model, hardware_revision, firmware_version, serial_number, protocol_major, protocol_minor,
			capabilities, last_boot_id, transport, first_seen_at, last_seen_at) VALUES ('IR-1', 'IR', 'A', '1.0.0', 'S1', 1, 0, '[]', 'b1', 'serial', 1, 1)`,
	).run();
	// A table by the name a later step creates (e.g. left by a development build): that step fails.
	if (options.clash) db.exec(`CREATE TABLE ${CLASH.table} (entity TEXT)`);
	db.close();
	chmodSync(join(data, "gateway.db"), 0o600);
}

function inspect(dataDir = data): { version: number; devices: string[]; tables: string[] } {
	const db = new Database(join(dataDir, "gateway.db"), { readonly: true, fileMustExist: true });
	try {
		return {
			version: db.pragma("user_version", { simple: true }) as number,
			devices: db.prepare("SELECT device_id FROM devices ORDER BY device_id").pluck().all() as string[],
			tables: db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[],
		};
	} finally {
		db.close();
	}
}

function run(...args: string[]) {
	const env = { ...process.env, FIELDCHAIN_HOME: home, FIELDCHAIN_DATA: data, FIELDCHAIN_BACKUPS: backups, FIELDCHAIN_NO_SYSTEMD: "1" };
	return spawnSync("sh", [update, ...args], { env, encoding: "utf8", timeout: 120_000 });
}

function link(name: string): string | undefined {
	return existsSync(join(home, name)) ? readlinkSync(join(home, name)) : undefined;
}

describe("fieldchain-update: migrations before the switch", () => {
	it("keeps the old release current and restores the data directory when a migration of the new one fails", () => {
		seedDatabase({ clash: true });
		const before = inspect();

		const result = run("switch", "1.1.0");

		expect(result.status, result.stderr).toBe(1);
		expect(result.stderr).toContain(`Schema migration ${CLASH.version}`);
		expect(result.stderr).toContain(`table ${CLASH.table} already exists`);
		expect(result.stderr).toContain("nothing switched (current: 1.0.0)");
		expect(link("current")).toBe("releases/1.0.0");
		expect(link("previous")).toBeUndefined();
		expect(existsSync(join(home, "pending"))).toBe(false);
		// The steps before the failing one had committed; the restore takes them back out.
		expect(before.version).toBe(OLD_SCHEMA);
		expect(inspect()).toEqual(before);
		expect(statSync(data).mode & 0o777).toBe(0o700);
		const [backup] = readdirSync(backups);
		expect(backup).toMatch(/-before-1\.1\.0$/);
		expect(inspect(join(backups, backup))).toEqual(before);
	});

	it("migrates, then switches; a rollback of the release that never became healthy brings back the data from before its migrations", () => {
		seedDatabase();

		const result = run("switch", "1.1.0");
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toContain(`schema migrated from version ${OLD_SCHEMA} to ${newest}`);
		expect(link("current")).toBe("releases/1.1.0");
		expect(link("previous")).toBe("releases/1.0.0");
		expect(inspect().version).toBe(newest);

		// The new release stored something, then failed 3 starts: the rollback unit runs this.
		const db = new Database(join(data, "gateway.db"));
		db.prepare("INSERT INTO boots (device_id, boot_id) VALUES ('IR-1', 'b2')").run();
		db.close();
		const rollback = run("rollback", "--if-failed");
		expect(rollback.status, rollback.stderr).toBe(0);
		expect(link("current")).toBe("releases/1.0.0");
		expect(inspect()).toMatchObject({ version: OLD_SCHEMA, devices: ["IR-1"] });
		const left = readdirSync(backups).find((name) => name.endsWith("-left-by-1.1.0"));
		expect(left, readdirSync(backups).join(", ")).toBeDefined();
		const kept = new Database(join(backups, left as string, "gateway.db"), { readonly: true });
		expect(kept.prepare("SELECT boot_id FROM boots ORDER BY boot_id").pluck().all()).toEqual(["b2"]);
		kept.close();
	});

	it("leaves the data alone on a rollback once the new release was healthy, and when its migrations changed nothing", () => {
		seedDatabase();
		expect(run("switch", "1.1.0").status).toBe(0);
		expect(run("mark-good").status).toBe(0);
		expect(existsSync(join(home, "pending.restore"))).toBe(false);
		// Back to 1.0.0 by hand at the newest schema: nothing to migrate, nothing to undo.
		const again = run("switch", "1.0.0");
		expect(again.status, again.stderr).toBe(0);
		expect(again.stderr).not.toContain("schema migrated");
		expect(run("rollback", "--if-failed").status).toBe(0);
		expect(link("current")).toBe("releases/1.1.0");
		expect(inspect()).toMatchObject({ version: newest, devices: ["IR-1"] });
		expect(readdirSync(backups).some((name) => name.includes("-left-by-"))).toBe(false);
	});

	it("switches a first install with no database yet, and takes no backup of an empty data directory", () => {
		rmSync(join(home, "current"));
		const result = run("switch", "1.0.0");
		expect(result.status, result.stderr).toBe(0);
		expect(link("current")).toBe("releases/1.0.0");
		expect(existsSync(backups)).toBe(false);
		expect(readdirSync(data)).toEqual([]);
	});

	it("refuses a database from a newer build and leaves it as it was", () => {
		seedDatabase();
		const db = new Database(join(data, "gateway.db"));
		db.pragma(`user_version = ${newest + 1}`);
		db.close();
		const before = readFileSync(join(data, "gateway.db"));
		const result = run("switch", "1.1.0");
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`schema version ${newest + 1}; this build knows up to ${newest}`);
		expect(link("current")).toBe("releases/1.0.0");
		expect(readFileSync(join(data, "gateway.db")).equals(before)).toBe(true);
	});
});

describe("fieldchain gateway migrate", () => {
	const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, "dist", "fieldchain.js"), "gateway", "migrate", ...args], { encoding: "utf8" });

	it("reports what it applied as JSON, and nothing the second time", () => {
		seedDatabase();
		const first = cli("--data-dir", data, "--json");
		expect(first.status, first.stderr).toBe(0);
		const report = JSON.parse(first.stdout);
		expect(report).toMatchObject({ database: join(data, "gateway.db"), from: OLD_SCHEMA, to: newest });
		const expected = MIGRATIONS.filter((step) => step.version > OLD_SCHEMA).map((step) => step.version);
		expect(report.applied.map((step: { version: number }) => step.version)).toEqual(expected);
		const second = cli("--data-dir", data);
		expect(second.status).toBe(0);
		expect(second.stdout).toContain(`at schema version ${newest}, the newest this build knows: nothing to migrate`);
	});

	it("exits 2 for a data directory that does not exist or a missing --data-dir, and 1 for a database open to other users", () => {
		const missing = cli("--data-dir", join(dir, "nope"));
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain("does not exist");
		expect(cli().status).toBe(2);
		seedDatabase();
		chmodSync(join(data, "gateway.db"), 0o644);
		const open = cli("--data-dir", data);
		expect(open.status).toBe(1);
		expect(open.stderr).toContain("chmod 600");
		expect(inspect().version).toBe(OLD_SCHEMA);
	});

	it("exits 1 with the cause for a file that is not a database", () => {
		execFileSync("sh", [
			"-c",
			`printf 'not a database at all, just text that is long enough' > '${join(data, "gateway.db")}' && chmod 600 '${join(data, "gateway.db")}'`,
		]);
		const result = cli("--data-dir", data);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain("not a database");
	});
});
