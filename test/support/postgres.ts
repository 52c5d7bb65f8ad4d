/**
 * A throw-away PostgreSQL server for tests, started from Debian's server binaries
 * (/usr/lib/postgresql/<version>/bin) in a temporary directory on a free loopback port.
 *
 * It stops by itself: the server runs under a small shell supervisor that reads our stdin, so when
 * the test process closes it (stop()) or dies (even by kill -9), the supervisor sees end-of-file,
 * asks PostgreSQL for a fast shutdown and removes the directory. A lifetime cap bounds it too.
 *
 * PostgreSQL refuses to run as root; when we are root, initdb and the server run as the `postgres`
 * system user (made by the Debian package), which is given the temporary directory.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PostgresServer {
	/** Connection URL of the `postgres` database (superuser `postgres`, trust auth on loopback). */
	readonly url: string;
	readonly port: number;
	/** The PostgreSQL major version the binaries report, e.g. 15. */
	readonly majorVersion: number;
	/** The temporary directory (data, socket, log); gone after stop(). */
	readonly dir: string;
	/** Creates an empty database and returns its URL: one per test keeps tests independent. */
	createDatabase(name?: string): Promise<string>;
	/**
	 * Creates an empty schema in the `postgres` database and returns a URL whose connections have
	 * only it on their search path: as independent as a database for code that names no schema,
	 * and a hundred times cheaper to make (a few ms, against half a second for CREATE DATABASE).
	 */
	createSchema(name?: string): Promise<string>;
	/** Fast shutdown, then the directory is removed. Safe to call twice. */
	stop(): Promise<void>;
}

export interface StartPostgresOptions {
	/** The server shuts itself down after this long even if nobody stops it (default 15 min). */
	maxLifetimeMs?: number;
	/** How long to wait for the server to accept connections (default 30 s). */
	startTimeoutMs?: number;
}

const INSTALL_HINT = "PostgreSQL's server binaries are not installed: apt-get install -y postgresql (scripts/test-deps.sh and CI do this).";

/** The bin directory of the newest PostgreSQL installed from Debian's packages. */
export function findPostgresBinaries(root = "/usr/lib/postgresql"): { bin: string; majorVersion: number } {
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "initdb")) && existsSync(join(root, name, "bin", "postgres")))
				.map(Number)
				.sort((a, b) => b - a)
		: [];
	if (versions.length === 0) throw new Error(`${INSTALL_HINT} Looked for ${root}/<version>/bin/initdb and postgres.`);
	return { bin: join(root, String(versions[0]), "bin"), majorVersion: versions[0] };
}

/** uid/gid to run PostgreSQL as: ours, unless we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	try {
		const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
		const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
		return { uid, gid };
	} catch {
		throw new Error(`PostgreSQL refuses to run as root and there is no "postgres" system user to run it as. ${INSTALL_HINT}`);
	}
}

async function freeLoopbackPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const address = probe.address();
			probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
		});
	});
}

function tail(path: string, bytes = 4000): string {
	try {
		const text = readFileSync(path, "utf8");
		return text.slice(-bytes);
	} catch {
		return "(no server log)";
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The supervisor: starts the server, waits for end-of-file on stdin (or the lifetime cap), then
 * shuts the server down fast (SIGINT) and removes the directory once the server had started (a
 * failed start keeps it, so the caller can read the log and retry on another port). `$1` data dir, `$2` log file,
 * `$3` lifetime in seconds, `$4` temp dir, `$5`.. the server command.
 */
const SUPERVISOR = `
data="$1"; log="$2"; life="$3"; dir="$4"; shift 4
"$@" >"$log" 2>&1 </dev/null &
pg=$!
trap 'kill -INT $pg 2>/dev/null' INT TERM
timeout "$life" cat >/dev/null
kill -INT $pg 2>/dev/null
wait $pg
[ -e "$dir/ready" ] && rm -rf "$dir"
exit 0
`;

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
	const { bin, majorVersion } = findPostgresBinaries();
	const user = serverUser();
	const maxLifetimeMs = options.maxLifetimeMs ?? 15 * 60_000;
	const startTimeoutMs = options.startTimeoutMs ?? 30_000;
	const dir = mkdtempSync(join(tmpdir(), "fc-pg-"));
	const data = join(dir, "data");
	const socketDir = join(dir, "socket");
	mkdirSync(socketDir);
	if (user) {
		chownSync(dir, user.uid, user.gid);
		chownSync(socketDir, user.uid, user.gid);
	}
	const spawnAs = { ...(user ?? {}), env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, LC_ALL: "C", TZ: "UTC" } };

	try {
		// Trust auth is fine: the server listens on 127.0.0.1 and a socket only we can reach, for minutes.
		execFileSync(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"], {
			...spawnAs,
			stdio: ["ignore", "ignore", "pipe"],
		});
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
		throw new Error(`initdb failed: ${stderr.trim()}`);
	}

	// A port picked here may be taken before the server binds it; try a few.
	let lastFailure = "";
	for (let tries = 0; tries < 3; tries++) {
		const port = await freeLoopbackPort();
		const log = join(dir, `postgres-${port}.log`);
		const serverArgs = [
			join(bin, "postgres"),
			"-D",
			data,
			"-p",
			String(port),
			"-c",
			"listen_addresses=127.0.0.1",
			"-c",
			`unix_socket_directories=${socketDir}`,
			// Speed over durability: the data dies with the test.
			"-c",
			"fsync=off",
			"-c",
			"synchronous_commit=off",
			"-c",
			"full_page_writes=off",
			"-c",
			"shared_buffers=16MB",
			"-c",
			"max_connections=50",
			"-c",
			"logging_collector=off",
		];
		const supervisor: ChildProcess = spawn("sh", ["-c", SUPERVISOR, "fc-postgres", data, log, String(Math.ceil(maxLifetimeMs / 1000)), dir, ...serverArgs], {
			...spawnAs,
			stdio: ["pipe", "ignore", "ignore"],
		});
		const exited = new Promise<void>((resolve) => supervisor.once("exit", () => resolve()));
		let hasExited = false;
		void exited.then(() => {
			hasExited = true;
		});
		// The supervisor must not keep the test process alive, nor die with an unhandled EPIPE.
		supervisor.stdin?.on("error", () => {});
		supervisor.unref();

		const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
		const deadline = Date.now() + startTimeoutMs;
		let ready = false;
		while (!hasExited && Date.now() < deadline) {
			const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
			try {
				await client.connect();
				await client.query("SELECT 1");
				ready = true;
			} catch {
				await sleep(50);
			} finally {
				await client.end().catch(() => {});
			}
			if (ready) break;
		}
		if (ready) {
			writeFileSync(join(dir, "ready"), "");
			let stopped: Promise<void> | undefined;
			let databases = 0;
			let schemas = 0;
			return {
				url,
				port,
				majorVersion,
				dir,
				async createDatabase(name = `test_${++databases}`) {
					if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Database name "${name}" must be lower-case letters, digits and underscores.`);
					const admin = new pg.Client({ connectionString: url });
					await admin.connect();
					try {
						await admin.query(`CREATE DATABASE ${name}`);
					} finally {
						await admin.end();
					}
					return `postgres://postgres@127.0.0.1:${port}/${name}`;
				},
				async createSchema(name = `test_schema_${++schemas}`) {
					if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Schema name "${name}" must be lower-case letters, digits and underscores.`);
					const admin = new pg.Client({ connectionString: url });
					await admin.connect();
					try {
						await admin.query(`CREATE SCHEMA ${name}`);
					} finally {
						await admin.end();
					}
					return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
				},
				stop() {
					stopped ??= (async () => {
						supervisor.stdin?.end();
						const timer = setTimeout(() => supervisor.kill("SIGKILL"), 10_000);
						await exited;
						clearTimeout(timer);
						rmSync(dir, { recursive: true, force: true });
					})();
					return stopped;
				},
			};
		}
		lastFailure = tail(log);
		supervisor.stdin?.end();
		if (!hasExited) {
			const timer = setTimeout(() => supervisor.kill("SIGKILL"), 5000);
			await exited;
			clearTimeout(timer);
		}
		if (!/could not bind|Address already in use/i.test(lastFailure)) break;
	}
	rmSync(dir, { recursive: true, force: true });
	throw new Error(`PostgreSQL did not start within ${startTimeoutMs} ms. Server log:\n${lastFailure}`);
}
