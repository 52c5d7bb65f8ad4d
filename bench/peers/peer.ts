/**
 * What the peers bench needs from each way of doing the job (Node-RED flow, glue script,
 * fieldchain gateway): start it on the host end of a pty, say which processes are its cost, how
 * many readings it has stored so far, kill it with SIGKILL, stop it, and count what its database
 * holds. Invariant: counts come from the peer's own SQLite file on disk, opened after the peer's
 * processes have exited, never from what the peer says it did.
 */
import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";

export const PEER_NAMES = ["node-red", "glue", "fieldchain"] as const;
export type PeerName = (typeof PEER_NAMES)[number];

export const PEER_LABELS: Record<PeerName, string> = {
	"node-red": "Node-RED flow",
	glue: "Mosquitto glue script",
	fieldchain: "fieldchain gateway",
};

export interface StoredSoFar {
	stored: number;
	/** Wall clock (ms since the epoch) when the last one was stored. */
	lastStoredAtMs: number;
	/** Per stored reading: taken on the device -> INSERT completed, ms. */
	latenciesMs: number[];
}

export interface StoredCount {
	rows: number;
	/** Distinct seqs among them. */
	distinct: number;
	/** Distinct seqs from 1 to `upTo`. */
	distinctUpTo: number;
}

export interface RunningPeer {
	name: PeerName;
	/** Processes whose CPU time and memory are this peer's cost. */
	pids: number[];
	/** True when the device must wait for acks (fieldchain); the others get a fire-and-forget device. */
	acks: boolean;
	/** Progress pushed by the peer's probe; undefined for a peer whose progress the device's acks show. */
	storedSoFar?(): StoredSoFar;
	kill9(): Promise<void>;
	/** Stops the processes (gracefully unless already killed). */
	stop(): Promise<void>;
	/** After stop() or kill9(): what the database on disk holds. */
	countStored(upTo: number): StoredCount;
	dispose(): Promise<void>;
}

/** Counts a readings table with a `seq` column; opening read-write lets SQLite roll back a hot journal. */
export function countReadings(path: string, upTo: number): StoredCount {
	const db = new Database(path);
	try {
		const { rows, distinctSeqs } = db.prepare("SELECT count(*) AS rows, count(DISTINCT seq) AS distinctSeqs FROM readings").get() as {
			rows: number;
			distinctSeqs: number;
		};
		const distinctUpTo = db.prepare("SELECT count(DISTINCT seq) FROM readings WHERE seq <= ?").pluck().get(upTo) as number;
		return { rows, distinct: distinctSeqs, distinctUpTo };
	} finally {
		db.close();
	}
}

export async function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise((resolve) => child.once("exit", resolve));
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const done = exited(child);
	child.kill(signal);
	const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
	await done;
	clearTimeout(timer);
}

/** Follows the progress a child's stored-probe.cjs pushes over IPC; returns the figures so far. */
export function followProbe(child: ChildProcess): () => StoredSoFar {
	const progress: StoredSoFar = { stored: 0, lastStoredAtMs: 0, latenciesMs: [] };
	child.on("message", (message: { type?: string } & StoredSoFar) => {
		if (message?.type !== "progress") return;
		progress.stored = message.stored;
		progress.lastStoredAtMs = message.lastStoredAtMs;
		for (const latency of message.latenciesMs) progress.latenciesMs.push(latency);
	});
	return () => progress;
}

/** Resolves when the child sends { type: "ready" }; rejects when it exits first or takes too long. */
export function readyMessage(child: ChildProcess, what: string, output: string[], timeoutMs = 30_000): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${what} not ready in ${timeoutMs} ms:\n${output.join("")}`)), timeoutMs);
		child.on("message", (message: { type?: string }) => {
			if (message?.type !== "ready") return;
			clearTimeout(timer);
			resolve();
		});
		child.once("exit", (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`${what} exited (${code ?? signal}) before it was ready:\n${output.join("")}`));
		});
	});
}

/** Keeps a child's stdout and stderr for error messages. */
export function collectOutput(child: ChildProcess): string[] {
	const output: string[] = [];
	child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
	return output;
}
