/**
 * CPU time and resident memory of a set of processes, read from /proc (Linux): what a peer's
 * processes cost, apart from the harness and the simulated tool that run in this process.
 * Invariant: a process that has gone away counts as zero, it never throws.
 */
import { readdirSync, readFileSync } from "node:fs";

/** USER_HZ: /proc reports CPU times in these ticks; 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process, in ms. */
function cpuMsOf(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		// Fields after "(comm)": state is [0], utime [11], stime [12].
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

export function cpuMsOfAll(pids: readonly number[]): number {
	return pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
}

/** VmRSS of one process, in MB (1e6 bytes). */
function rssMbOf(pid: number): number {
	try {
		const status = readFileSync(`/proc/${pid}/status`, "utf8");
		return (Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024) / 1e6;
	} catch {
		return 0;
	}
}

/** Samples the summed RSS of `pids` every `everyMs` until stopped; returns the peak in MB. */
export function sampleRss(pids: readonly number[], everyMs = 100): { stop(): number } {
	let peak = 0;
	const sample = () => {
		peak = Math.max(
			peak,
			pids.reduce((sum, pid) => sum + rssMbOf(pid), 0),
		);
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return peak;
		},
	};
}

/** The pid of a child of this process whose command line contains `needle` (e.g. a config path). */
export function findChildPid(needle: string): number | undefined {
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
			if (parent !== process.pid) continue;
			if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle)) return Number(entry);
		} catch {
			// gone meanwhile
		}
	}
	return undefined;
}
