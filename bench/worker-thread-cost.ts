/**
 * worker-thread cost: the resident memory one worker_threads Worker adds to a process, with the
 * gateway's packaged memory settings (scripts/package/gateway-env.sh), on the Node the package
 * ships and on this machine's. It prices the obvious way to take evidence encoding and hashing off
 * the event loop (issue "Performance side by side", section 3) against the gateway's memory
 * target. The worker does what such a worker would do at least: SHA-256 over 200,000 records of
 * the size of a reading record. A real one would also load the record encoder, so the figure is a
 * lower bound; its young generation is held to 3 MB, as --max-semi-space-size=1 holds the main
 * thread's. Baseline: the same process before the worker starts.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { withPackagedSettings } from "../test/support/gateway-process.js";
import type { PackagedRuntime } from "./packaged-runtime.js";
import { type Row, ratioOf, summarize } from "./stats.js";

const RECORDS = 200_000;
/** Canonical bytes of the benchmark's reading record (benchmark 4 reports the same size). */
const RECORD_BYTES = 285;

// CommonJS run with `node -e`: RSS in MB (1e6 bytes) from /proc, as the memory benchmark reads it.
const PROBE = `
const { Worker } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const rss = () => Number(/^VmRSS:\\s+(\\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))[1]) * 1024 / 1e6;
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
(async () => {
	await settle();
	const before = rss();
	const worker = new Worker(\`
		const { parentPort } = require("node:worker_threads");
		const { createHash } = require("node:crypto");
		parentPort.on("message", ({ records, size }) => {
			const record = Buffer.alloc(size, 7);
			let last;
			for (let i = 0; i < records; i++) { record.writeUInt32BE(i, 0); last = createHash("sha256").update(record).digest(); }
			parentPort.postMessage(last.length);
		});\`, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 3 } });
	await new Promise((resolve) => worker.once("online", resolve));
	await settle();
	const idle = rss();
	worker.postMessage({ records: ${RECORDS}, size: ${RECORD_BYTES} });
	await new Promise((resolve) => worker.once("message", resolve));
	await settle();
	const busy = rss();
	await worker.terminate();
	process.stdout.write(JSON.stringify({ before, idle, busy }));
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;

interface Probe {
	before: number;
	idle: number;
	busy: number;
}

async function probeOnce(execPath: string, env: Record<string, string>): Promise<Probe> {
	const { stdout } = await promisify(execFile)("sh", withPackagedSettings(execPath, ["-e", PROBE]), {
		env: { ...process.env, ...env },
		timeout: 60_000,
	});
	return JSON.parse(stdout) as Probe;
}

export async function benchWorkerThreadCost(runs: number, shipped: PackagedRuntime | undefined, log: (line: string) => void): Promise<Row[]> {
	const runtimes = [
		...(shipped ? [{ label: `Node ${shipped.version} as shipped`, execPath: shipped.execPath, env: shipped.env }] : []),
		{ label: `machine Node ${process.version}`, execPath: process.execPath, env: {} },
	];
	const rows: Row[] = [];
	for (const runtime of runtimes) {
		const probes: Probe[] = [];
		for (let run = 0; run < Math.min(runs, 3); run++) probes.push(await probeOnce(runtime.execPath, runtime.env));
		for (const probe of probes) {
			log(
				`  worker thread (${runtime.label}): ${probe.before.toFixed(1)} MB before, ${probe.idle.toFixed(1)} MB with an idle worker, ${probe.busy.toFixed(1)} MB after it hashed ${RECORDS.toLocaleString("en-US")} records`,
			);
		}
		const before = summarize(probes.map((p) => p.before));
		for (const [state, values] of [
			["idle", probes.map((p) => p.idle)],
			["busy", probes.map((p) => p.busy)],
		] as const) {
			const value = summarize(values);
			const added = summarize(values.map((v, i) => v - (probes[i] as Probe).before));
			rows.push({
				benchmark: "gateway memory",
				metric: `RSS with one ${state} worker thread (MB), ${runtime.label}`,
				unit: `packaged settings; ${added.median.toFixed(1)} MB added${state === "busy" ? `, after SHA-256 of ${RECORDS / 1000}k records of ${RECORD_BYTES} B` : ""}`,
				value,
				baseline: before,
				baselineLabel: "(same process, no worker)",
				ratio: ratioOf(value, before),
			});
		}
	}
	return rows;
}
