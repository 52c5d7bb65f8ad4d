/**
 * gateway-memory: peak resident memory of the gateway process (the built CLI, Node-RED off) while
 * one simulated tool streams 5,000 readings/s over a real socat pty into durable storage. RSS is
 * sampled every 100 ms from /proc during the run and the kernel's own high-water mark (VmHWM) is
 * read at the end, so a peak between two samples still counts. Measured three ways: as the package
 * runs the gateway (the Node 24 it ships, bench/packaged-runtime.ts, with the memory settings of
 * scripts/package/gateway-env.sh), with the same settings on this machine's Node, and as a bare
 * `node dist/fieldchain.js gateway` on this machine's Node (npm's global install). The target is
 * on the first; without the shipped runtime here it falls back to the second and says so. Each
 * run also reports the gateway's CPU time per 1,000 readings (what the settings cost) and checks
 * every reading was stored. Baseline: the same process idle, after start-up, before the tool
 * connects. Target: peak <= 80 MB. Each row also splits the largest sample into anonymous memory (the
 * process's own heaps) and file-backed pages (mostly the node binary itself). Then
 * bench/worker-thread-cost.ts: what one worker thread adds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, freePort, spawnGateway } from "../test/support/gateway-process.js";
import { createPtyPair } from "../test/support/pty-pair.js";
import { type PackagedRuntime, packagedRuntime } from "./packaged-runtime.js";
import { countReadings } from "./peers/peer.js";
import { cpuMsOfAll } from "./peers/process-stats.js";
import { type Row, ratioOf, summarize } from "./stats.js";
import { benchWorkerThreadCost } from "./worker-thread-cost.js";

const RATE = 5000;
const SECONDS = 12;
const TARGET_PEAK_MB = 80;

/**
 * VmRSS and VmHWM of a process, in MB (1e6 bytes), and how the RSS splits: anonymous memory (heaps,
 * stacks: the process's own) and file-backed pages (the node binary, libraries and addons mapped
 * from disk, which a bare node has too and the kernel can drop and read again).
 */
function memoryOf(pid: number): { rssMb: number; peakMb: number; anonMb: number; fileMb: number } {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
	return { rssMb: field("VmRSS") / 1e6, peakMb: field("VmHWM") / 1e6, anonMb: field("RssAnon") / 1e6, fileMb: field("RssFile") / 1e6 };
}

async function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return child.exitCode;
	return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

interface MemoryRun {
	idleMb: number;
	sampledPeakMb: number;
	/** The split of the largest sample. */
	peakAnonMb: number;
	peakFileMb: number;
	peakMb: number;
	cpuMsPer1k: number;
}

interface Variant {
	label: string;
	packagedSettings: boolean;
	runtime?: PackagedRuntime;
	/** The run the target is judged on. */
	target: boolean;
}

async function runOnce(variant: Variant, log: (line: string) => void): Promise<MemoryRun> {
	const { packagedSettings, runtime } = variant;
	const dir = mkdtempSync(join(tmpdir(), "fieldchain-bench-memory-"));
	const pty = await createPtyPair();
	let gateway: ChildProcess | undefined;
	try {
		const port = await freePort();
		const started = await spawnGateway(["--data-dir", dir, "--serial", pty.hostEnd, "--no-mqtt", "--no-node-red", "--log-level", "warn"], port, {
			packagedSettings,
			runtime,
		});
		gateway = started.child;
		const pid = gateway.pid as number;
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const idle = memoryOf(pid);
		const idleMb = idle.rssMb;
		const idleCpuMs = cpuMsOfAll([pid]);
		const device = spawn(
			process.execPath,
			[CLI, "device", "simulate", "--serial", pty.deviceEnd, "--id", "bench-memory-1", "--rate", String(RATE), "--count", String(RATE * SECONDS)],
			{
				stdio: "ignore",
			},
		);
		let sampledPeakMb = 0;
		let peakAnonMb = Number.NaN;
		let peakFileMb = Number.NaN;
		const sampler = setInterval(() => {
			const sample = memoryOf(pid);
			if (sample.rssMb > sampledPeakMb) ({ rssMb: sampledPeakMb, anonMb: peakAnonMb, fileMb: peakFileMb } = sample);
		}, 100);
		const code = await exited(device);
		clearInterval(sampler);
		if (code !== 0) throw new Error(`gateway-memory: the simulated tool exited with ${code}`);
		const { peakMb } = memoryOf(pid);
		const cpuMsPer1k = ((cpuMsOfAll([pid]) - idleCpuMs) * 1000) / (RATE * SECONDS);
		gateway.kill("SIGTERM");
		await exited(gateway);
		// The tool exits once every reading is acked, and the gateway acks after the commit.
		const stored = countReadings(join(dir, "gateway.db"), RATE * SECONDS);
		if (stored.distinctUpTo !== RATE * SECONDS) throw new Error(`gateway-memory: ${stored.distinctUpTo} of ${RATE * SECONDS} readings stored`);
		log(
			`  gateway memory (${variant.label}): idle ${idleMb.toFixed(1)} MB (${idle.anonMb.toFixed(1)} anonymous, ${idle.fileMb.toFixed(1)} file-backed), sampled peak ${sampledPeakMb.toFixed(1)} MB (${peakAnonMb.toFixed(1)} anonymous, ${peakFileMb.toFixed(1)} file-backed), VmHWM ${peakMb.toFixed(1)} MB, CPU ${cpuMsPer1k.toFixed(0)} ms per 1,000 readings`,
		);
		return { idleMb, sampledPeakMb, peakAnonMb, peakFileMb, peakMb, cpuMsPer1k };
	} finally {
		if (gateway && gateway.exitCode === null) {
			gateway.kill("SIGTERM");
			await exited(gateway);
		}
		await pty.dispose();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function benchGatewayMemory(runs: number, log: (line: string) => void): Promise<Row[]> {
	const shipped = packagedRuntime();
	const here = `machine Node ${process.version}`;
	const variants: Variant[] = [];
	if ("missing" in shipped) log(`  the shipped runtime is not here (${shipped.missing}); the target is judged on ${here}`);
	else variants.push({ label: `as packaged: Node ${shipped.version} as shipped, packaged settings`, packagedSettings: true, runtime: shipped, target: true });
	variants.push({ label: `${here}, packaged settings`, packagedSettings: true, target: "missing" in shipped });
	variants.push({ label: `${here}, bare node`, packagedSettings: false, target: false });
	const rows: Row[] = [];
	for (const variant of variants) {
		const results: MemoryRun[] = [];
		for (let run = 0; run < Math.min(runs, 3); run++) results.push(await runOnce(variant, log));
		const peak = summarize(results.map((r) => r.peakMb));
		const idle = summarize(results.map((r) => r.idleMb));
		const cpu = summarize(results.map((r) => r.cpuMsPer1k));
		const anon = summarize(results.map((r) => r.peakAnonMb));
		const file = summarize(results.map((r) => r.peakFileMb));
		rows.push({
			benchmark: "gateway memory",
			metric: `peak RSS (MB), ${variant.label}`,
			unit: `${RATE.toLocaleString("en-US")} readings/s for ${SECONDS} s over a pty, Node-RED off, CPU ${cpu.median.toFixed(0)} ms per 1,000 readings; at the sampled peak ${anon.median.toFixed(1)} MB anonymous, ${file.median.toFixed(1)} MB file-backed`,
			value: peak,
			baseline: idle,
			baselineLabel: "(same gateway idle)",
			ratio: ratioOf(peak, idle),
			target: variant.target ? `<= ${TARGET_PEAK_MB}` : "",
			met: variant.target ? peak.median <= TARGET_PEAK_MB : undefined,
		});
	}
	// What taking evidence off the event loop with a worker thread would add to the figures above.
	rows.push(...(await benchWorkerThreadCost(runs, "missing" in shipped ? undefined : shipped, log)));
	return rows;
}
