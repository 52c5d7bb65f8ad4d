/**
 * The packaging's moving parts that run without a device: the systemd units pass
 * `systemd-analyze verify` and stay at exposure <= 3.0 (scripts/package/check-unit.sh), and
 * fieldchain-update switches releases by symlink, backs up the data directory first and rolls a
 * release that never became healthy back to the previous one, leaving the data alone.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const update = join(root, "scripts", "package", "fieldchain-update.sh");
let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

describe("packaging", () => {
	it("has units that verify and an exposure score of 3.0 or less", () => {
		const out = execFileSync("bash", [join(root, "scripts", "package", "check-unit.sh")], { encoding: "utf8" });
		const score = Number(/exposure ([0-9.]+)/.exec(out)?.[1]);
		expect(score).toBeLessThanOrEqual(3.0);
	});

	it("switches releases by symlink after a backup, and rolls a failing one back with the data untouched", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-update-"));
		const home = join(dir, "opt");
		const data = join(dir, "data");
		const backups = join(dir, "backups");
		for (const version of ["1.0.0", "1.1.0"]) {
			mkdirSync(join(home, "releases", version, "bin"), { recursive: true });
			writeFileSync(join(home, "releases", version, "bin", "fieldchain"), "#!/bin/sh\n");
			chmodSync(join(home, "releases", version, "bin", "fieldchain"), 0o755);
		}
		mkdirSync(data);
		writeFileSync(join(data, "gateway.db"), "readings");
		const env = { ...process.env, FIELDCHAIN_HOME: home, FIELDCHAIN_DATA: data, FIELDCHAIN_BACKUPS: backups, FIELDCHAIN_NO_SYSTEMD: "1" };
		const run = (...args: string[]) => execFileSync("sh", [update, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

		run("switch", "1.0.0");
		run("mark-good");
		expect(readlinkSync(join(home, "current"))).toBe("releases/1.0.0");

		run("switch", "1.1.0");
		expect(readlinkSync(join(home, "current"))).toBe("releases/1.1.0");
		expect(readlinkSync(join(home, "previous"))).toBe("releases/1.0.0");
		expect(readFileSync(join(home, "pending"), "utf8").trim()).toBe("1.1.0");
		const backup = readdirSync(backups).find((name) => name.endsWith("-before-1.1.0"));
		expect(backup).toBeDefined();
		expect(readFileSync(join(backups, backup as string, "gateway.db"), "utf8")).toBe("readings");

		// 3 failed starts: the rollback unit runs this.
		writeFileSync(join(data, "gateway.db"), "readings and more");
		run("rollback", "--if-failed");
		expect(readlinkSync(join(home, "current"))).toBe("releases/1.0.0");
		expect(existsSync(join(home, "pending"))).toBe(false);
		expect(readFileSync(join(data, "gateway.db"), "utf8")).toBe("readings and more");
	});

	it("refuses to switch to a release that is not there", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-update-"));
		const env = { ...process.env, FIELDCHAIN_HOME: dir, FIELDCHAIN_NO_SYSTEMD: "1" };
		expect(() => execFileSync("sh", [update, "switch", "9.9.9"], { env, stdio: "pipe" })).toThrow();
	});
});
