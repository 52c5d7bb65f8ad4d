/**
 * One running process per data directory: `fieldchain start` takes `fieldchain.lock` in its data
 * directory before it touches anything there (pty links, databases, --fresh), so a second start
 * fails at once with FC_INSTANCE_LOCKED and the running one's files stay as they are.
 * The lock file names its holder (pid, host, start time). A holder that is gone (kill -9, a
 * power cut) leaves a stale file: it is taken over when its pid no longer runs on this host.
 * Invariant: the lock is created with an atomic link() of a complete file, never written in
 * place, so a reader never sees half a lock; it is removed only by the process that holds it.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { ErrorCodes, FieldchainError } from "./errors.js";

export const LOCK_FILE = "fieldchain.lock";

interface Holder {
	pid: number;
	host: string;
	startedAt: string;
	command: string;
}

export interface InstanceLock {
	readonly path: string;
	/** Removes the lock if this process still holds it (safe to call twice). */
	release(): void;
}

/** Takes the data directory's lock (the directory must exist) or throws FC_INSTANCE_LOCKED naming the holder. */
export function acquireInstanceLock(dataDir: string, command: string): InstanceLock {
	const path = join(dataDir, LOCK_FILE);
	const mine: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
	const text = `${JSON.stringify(mine)}\n`;
	const temp = `${path}.${process.pid}.tmp`;
	writeFileSync(temp, text, { mode: 0o600 });
	try {
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				linkSync(temp, path);
				return held(path, text);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
			}
			const holder = readHolder(path);
			if (holder && isRunning(holder)) throw lockedError(dataDir, holder);
			// Stale (its process is gone) or unreadable: replace it atomically, then check we won a race with another starter.
			renameSync(temp, path);
			writeFileSync(temp, text, { mode: 0o600 });
			if (readFileSync(path, "utf8") === text) return held(path, text);
		}
		const holder = readHolder(path);
		throw lockedError(dataDir, holder ?? { pid: 0, host: "?", startedAt: "?", command: "?" });
	} finally {
		rmSync(temp, { force: true });
	}
}

function held(path: string, text: string): InstanceLock {
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		try {
			if (readFileSync(path, "utf8") === text) rmSync(path, { force: true });
		} catch {
			// Already gone (the directory was removed): nothing to release.
		}
	};
	process.once("exit", release);
	return { path, release };
}

function readHolder(path: string): Holder | undefined {
	try {
		const holder = JSON.parse(readFileSync(path, "utf8")) as Holder;
		return typeof holder.pid === "number" ? holder : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Alive on this host: signal 0 reaches it (EPERM: it runs as another user, still alive), and where
 * /proc tells, it is still a Node process (after a reboot its pid may belong to anything).
 */
function isRunning(holder: Holder): boolean {
	if (holder.host !== hostname()) return true;
	if (holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
	try {
		return /node|fieldchain/.test(readFileSync(`/proc/${holder.pid}/cmdline`, "utf8"));
	} catch {
		return true;
	}
}

function lockedError(dataDir: string, holder: Holder): FieldchainError {
	const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
	return new FieldchainError(
		ErrorCodes.FC_INSTANCE_LOCKED,
		`Another fieldchain (${holder.command}, ${where}, since ${holder.startedAt}) is using the data directory ${dataDir}; nothing in it was touched.`,
		{
			hint: `Stop that one first (Ctrl-C in its terminal, or kill ${holder.pid}), or start this one with another --data-dir.`,
			details: { pid: holder.pid, host: holder.host },
		},
	);
}
