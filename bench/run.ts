/**
 * npm run bench [-- --json] [-- --runs N] [-- --only decode,ingest,latency,evidence,billing-ingest,billing-postgres,uplink,vrptw,field-day,memory] [-- --uplink-records N]
 *   [-- --vrptw-dir DIR] [-- --vrptw-full]
 *
 * Every figure is the median of several runs (with min and max), printed beside a baseline
 * measured in the same process. Nothing is written to the repository; SQLite databases live in
 * temporary directories that are removed after each run. --json prints the results as JSON on
 * stdout instead of the table.
 */
import { statfsSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measureFdatasyncMs } from "./disk.js";
import { type Row, renderTable } from "./stats.js";

// Loaded only when their turn comes: the decode loop measured slower (about 40%) once the whole
// gateway and the evidence code were loaded beside it, as V8 then sees more shapes at the shared
// protobufjs call sites. Each benchmark should meet the code as a process that needs it would.
const BENCHMARKS = {
	decode: async (runs: number) => (await import("./frame-decode.js")).benchFrameDecode(runs),
	ingest: async (runs: number) => (await import("./durable-ingest.js")).benchDurableIngest(runs),
	latency: async (runs: number) => (await import("./ack-latency.js")).benchAckLatency(runs),
	evidence: async (runs: number) => (await import("./evidence-stamping.js")).benchEvidenceStamping(runs),
	"billing-ingest": async (runs: number) => (await import("./evidence-ingest.js")).benchEvidenceIngest(runs),
	"billing-postgres": async (runs: number) => (await import("./billing-postgres.js")).benchBillingPostgres(runs, log),
	uplink: async (runs: number) => (await import("./uplink-drain.js")).benchUplinkDrain(runs, uplinkRecords, log),
	"noisy-line": async (runs: number) => (await import("./noisy-line.js")).benchNoisyLine(runs, log),
	vrptw: async () => (await import("./vrptw.js")).benchVrptw({ dir: vrptwDir, full: values["vrptw-full"] === true, workers: 2, seed: 1, log }),
	"field-day": async (runs: number) => (await import("./field-day.js")).benchFieldDay(runs, log),
	"node-sqlite": async (runs: number) => (await import("./node-sqlite.js")).benchNodeSqlite(runs, log),
	"write-volume": async (runs: number) => (await import("./write-volume.js")).benchWriteVolume(runs),
	memory: async (runs: number) => (await import("./gateway-memory.js")).benchGatewayMemory(runs, log),
	impact: async (runs: number) => (await import("./impact.js")).benchImpact(runs, log),
} as const;
type BenchmarkName = keyof typeof BENCHMARKS;

const { values } = parseArgs({
	options: {
		json: { type: "boolean", default: false },
		runs: { type: "string", default: "5" },
		only: { type: "string" },
		// Records queued for the uplink catch-up benchmark (default 1,000,000).
		"uplink-records": { type: "string", default: "1000000" },
		// VRPTW instances (solomon/, homberger_200/, BKS.json); the figure is skipped when absent. --vrptw-full: every instance (about 20 min).
		"vrptw-dir": { type: "string", default: join(import.meta.dirname, "..", "..", "shared", "bench-data", "vrptw") },
		"vrptw-full": { type: "boolean", default: false },
	},
});
const uplinkRecords = Number(values["uplink-records"]);
const vrptwDir = values["vrptw-dir"];
if (!Number.isInteger(uplinkRecords) || uplinkRecords < 1000)
	throw new Error(`--uplink-records must be an integer of 1000 or more, not ${values["uplink-records"]}`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
const selected = (values.only?.split(",") ?? Object.keys(BENCHMARKS)) as BenchmarkName[];
for (const name of selected) if (!(name in BENCHMARKS)) throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(BENCHMARKS).join(", ")}`);

const FILESYSTEMS = new Map([
	[0xef53, "ext4"],
	[0x58465342, "xfs"],
	[0x9123683e, "btrfs"],
	[0x01021994, "tmpfs"],
	[0x794c7630, "overlayfs"],
]);
const tmpType = statfsSync(tmpdir()).type;
const machine = {
	cpu: cpus()[0]?.model ?? "unknown",
	cpus: cpus().length,
	node: process.version,
	date: new Date().toISOString(),
	tmpdir: `${tmpdir()} (${FILESYSTEMS.get(tmpType) ?? `fs type 0x${tmpType.toString(16)}`})`,
	/** Median fdatasync of a 4 KiB append there: what one durable group commit costs at least. */
	fdatasyncMs: measureFdatasyncMs(),
	runs,
};
const log = (line: string) => {
	if (values.json) process.stderr.write(`${line}\n`);
	else console.log(line);
};

log(`fieldchain bench — ${machine.date}`);
log(`machine: ${machine.cpu} x ${machine.cpus}, Node ${machine.node}`);
log(`SQLite in ${machine.tmpdir}, fdatasync of 4 KiB: median ${machine.fdatasyncMs.toFixed(3)} ms`);
log(`each figure: median [min..max] of ${runs} runs; baselines measured in the same process\n`);

const rows: Row[] = [];
const started = performance.now();
for (const name of selected) {
	const benchStarted = performance.now();
	log(`running ${name}...`);
	rows.push(...(await BENCHMARKS[name](runs)));
	log(`  ${name} took ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`);
}
const totalSeconds = (performance.now() - started) / 1000;

if (values.json) {
	console.log(JSON.stringify({ machine, totalSeconds, results: rows }, null, 2));
} else {
	console.log(`\n${renderTable(rows)}\n`);
	const targets = rows.filter((row) => row.met !== undefined);
	console.log(`targets met: ${targets.filter((row) => row.met).length} of ${targets.length}; total ${totalSeconds.toFixed(1)} s`);
}
