/**
 * gateway-memory: peak resident memory of the gateway process (the built CLI, Node-RED off) while
 * one simulated tool streams 5,000 readings/s over a real socat pty into durable storage. RSS is
 * sampled every 100 ms from /proc during the run and the kernel's own high-water mark (VmHWM) is
 * read at the end, so a peak between two samples still counts. Baseline: the same process idle,
 * after start-up, before the tool connects. Target: peak <= 80 MB.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, freePort, spawnGateway } from "../test/support/gateway-process.js";
import { createPtyPair } from "../test/support/pty-pair.js";
import { type Row, ratioOf, summarize } from "./stats.js";

const RATE = 5000;
const SECONDS = 12;
const TARGET_PEAK_MB = 80;

/** VmRSS and VmHWM of a process, in MB (1e6 bytes). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
	const status = readFileSync(`/proc/${pid}/status`, "utf8");
	const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
	return { rssMb: field("VmRSS") / 1e6, peakMb: field("VmHWM") / 1e6 };
}

async function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return child.exitCode;
	return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

interface MemoryRun {
	idleMb: number;
	sampledPeakMb: number;
	peakMb: number;
}

async function runOnce(log: (line: string) => void): Promise<MemoryRun> {
	const dir = mkdtempSync(join(tmpdir(), "fieldchain-bench-memory-"));
	const pty = await createPtyPair();
	let gateway: ChildProcess | undefined;
	try {
		const port = await freePort();
		const started = await spawnGateway(["--data-dir", dir, "--serial", pty.hostEnd, "--no-mqtt", "--no-node-red", "--log-level", "warn"], port);
		gateway = started.child;
		const pid = gateway.pid as number;
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const idleMb = memoryOf(pid).rssMb;
		const device = spawn(
			process.execPath,
			[CLI, "device", "simulate", "--serial", pty.deviceEnd, "--id", "bench-memory-1", "--rate", String(RATE), "--count", String(RATE * SECONDS)],
			{
				stdio: "ignore",
			},
		);
		let sampledPeakMb = 0;
		const sampler = setInterval(() => {
			sampledPeakMb = Math.max(sampledPeakMb, memoryOf(pid).rssMb);
		}, 100);
		const code = await exited(device);
		clearInterval(sampler);
		if (code !== 0) throw new Error(`gateway-memory: the simulated tool exited with ${code}`);
		const { peakMb } = memoryOf(pid);
		log(`  gateway memory: idle ${idleMb.toFixed(1)} MB, sampled peak ${sampledPeakMb.toFixed(1)} MB, VmHWM ${peakMb.toFixed(1)} MB`);
		return { idleMb, sampledPeakMb, peakMb };
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
	const results: MemoryRun[] = [];
	for (let run = 0; run < Math.min(runs, 3); run++) results.push(await runOnce(log));
	const peak = summarize(results.map((r) => r.peakMb));
	const idle = summarize(results.map((r) => r.idleMb));
	return [
		{
			benchmark: "gateway memory",
			metric: "peak RSS (MB)",
			unit: `${RATE.toLocaleString("en-US")} readings/s for ${SECONDS} s over a pty, Node-RED off`,
			value: peak,
			baseline: idle,
			baselineLabel: "(same gateway idle)",
			ratio: ratioOf(peak, idle),
			target: `<= ${TARGET_PEAK_MB}`,
			met: peak.median <= TARGET_PEAK_MB,
		},
	];
}
