/**
 * Data at rest stays private to the OS user that runs the service: customer signatures, photos,
 * readings, tokens and the signing key live in the data directory and its SQLite files. Created
 * directories are 0700 and files 0600 from the first start (with a umask of 077 on the service
 * processes, and explicit modes for library callers); a directory or database file that some
 * other user can reach is refused on start with FC_STORE_PERMISSIONS and the chmod that fixes it.
 * Invariant: nothing here widens or silently narrows an existing mode; it creates private or refuses.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { ErrorCodes, FieldchainError } from "./errors.js";

/** Group and other permission bits. */
const SHARED_BITS = 0o077;

/** For service processes (gateway, demo, billing): every file and directory they create is private. */
export function restrictUmask(): void {
	process.umask(0o077);
}

/** Creates the directory (and missing parents) 0700, then refuses it if another user can reach it. */
export function ensurePrivateDir(dir: string): void {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	checkPrivate(dir);
}

/**
 * A SQLite database file: created empty with mode 0600 when missing (SQLite then makes its -wal and
 * -shm files with the database's mode), and refused, with its -wal and -shm, if another user can read it.
 */
export function ensurePrivateDatabase(path: string): void {
	if (path === ":memory:" || path === "") return;
	closeSync(openSync(path, "a", 0o600));
	for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) checkPrivate(file);
}

/** Throws FC_STORE_PERMISSIONS when group or other users have any permission on the path. */
export function checkPrivate(path: string): void {
	const stat = statSync(path);
	const mode = stat.mode & 0o777;
	if ((mode & SHARED_BITS) === 0) return;
	const directory = stat.isDirectory();
	throw new FieldchainError(
		ErrorCodes.FC_STORE_PERMISSIONS,
		`The ${directory ? "data directory" : "database file"} ${path} is open to other users on this machine (mode ${mode.toString(8).padStart(4, "0")}); it holds customer data, so it must be private.`,
		{ hint: directory ? `chmod 700 ${path}` : `chmod 600 ${path}` },
	);
}
