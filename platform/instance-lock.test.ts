/** One process per data directory: a live holder refuses a second one; a dead holder's lock is taken over. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isFieldchainError } from "./errors.js";
import { acquireInstanceLock, LOCK_FILE } from "./instance-lock.js";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "fc-lock-"));
	dirs.push(dir);
	return dir;
}
const holder = (pid: number) => `${JSON.stringify({ pid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z", command: "fieldchain start" })}\n`;

/** A pid no process has (a holder killed with kill -9 leaves such a pid behind). */
function deadPid(): number {
	for (let pid = 4_000_000; ; pid--) {
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === "ESRCH") return pid;
		}
	}
}

describe("instance lock", () => {
	it("refuses while the holder runs, naming it, and leaves its lock alone", () => {
		const dir = dataDir();
		// The parent of this worker is a live Node process.
		writeFileSync(join(dir, LOCK_FILE), holder(process.ppid));
		let error: unknown;
		try {
			acquireInstanceLock(dir, "fieldchain start");
		} catch (e) {
			error = e;
		}
		expect(isFieldchainError(error, "FC_INSTANCE_LOCKED")).toBe(true);
		expect((error as Error).message).toMatch(
			new RegExp(`Another fieldchain \\(fieldchain start, process ${process.ppid}, since .*nothing in it was touched.*kill ${process.ppid}`),
		);
		expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(holder(process.ppid));
	});

	it("takes over the lock of a holder that is gone (kill -9), and releases only its own", () => {
		const dir = dataDir();
		writeFileSync(join(dir, LOCK_FILE), holder(deadPid()));
		const lock = acquireInstanceLock(dir, "fieldchain start");
		expect(JSON.parse(readFileSync(lock.path, "utf8"))).toMatchObject({ pid: process.pid });
		lock.release();
		expect(existsSync(lock.path)).toBe(false);
		// A fresh directory: taken at once; a lock replaced by someone else is not removed by our release.
		const again = acquireInstanceLock(dir, "fieldchain start");
		writeFileSync(again.path, holder(process.ppid));
		again.release();
		expect(readFileSync(again.path, "utf8")).toBe(holder(process.ppid));
	});
});
