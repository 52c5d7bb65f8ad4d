/**
 * npm run bench:peers [-- --runs N] [-- --only node-red,glue,fieldchain] [-- --count N] [-- --window S] [-- --json]
 *   [-- --latency-rate R] [-- --latency-count N] [-- --kill-after N] [-- --kill-rate R]
 *
 * The same job done three ways in one run — one simulated tool streaming protocol v1 readings over
 * a socat pty into SQLite on disk: the Node-RED flow a user would build (the baseline), a
 * Mosquitto glue script, and the fieldchain gateway. Per peer: readings/s stored when the tool
 * streams --count readings as fast as it can (a peer slower than that is measured over the first
 * --window seconds), p99 latency (taken -> stored) at a steady rate every peer keeps up with (10/s,
 * a typical tool), peak RSS and CPU per 1,000 readings of the peer's processes, and a kill -9
 * mid-stream: readings the tool believed delivered against readings in the database. Every figure is a ratio to the Node-RED flow
 * measured in the same process; the runs of the peers are interleaved.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { measureFdatasyncMs } from "../disk.js";
import { type Row, renderTable, summarize } from "../stats.js";
import { type KillRunResult, MAX_RATE, type PeerRunResult, runKill, runPeer } from "./harness.js";
import { nodeRedExtrasMissing } from "./node-red-peer.js";
import { PEER_LABELS, PEER_NAMES, type PeerName } from "./peer.js";

const { values } = parseArgs({
	options: {
		json: { type: "boolean", default: false },
		runs: { type: "string", default: "1" },
		only: { type: "string" },
		count: { type: "string", default: "20000" },
		window: { type: "string", default: "30" },
		"latency-rate": { type: "string", default: "10" },
		"latency-count": { type: "string", default: "300" },
		"kill-after": { type: "string", default: "1000" },
		"kill-rate": { type: "string", default: "100" },
	},
});

function positiveInteger(name: string, value: string | undefined): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer, not ${value}`);
	return number;
}

const runs = positiveInteger("runs", values.runs);
const count = positiveInteger("count", values.count);
const windowMs = positiveInteger("window", values.window) * 1000;
const latencyRate = positiveInteger("latency-rate", values["latency-rate"]);
const latencyCount = positiveInteger("latency-count", values["latency-count"]);
const killAfter = positiveInteger("kill-after", values["kill-after"]);
const killRate = positiveInteger("kill-rate", values["kill-rate"]);
if (latencyRate > MAX_RATE || killRate > MAX_RATE) throw new Error(`rates are at most ${MAX_RATE} readings/s`);
const peers = (values.only?.split(",") ?? [...PEER_NAMES]) as PeerName[];
for (const peer of peers) if (!PEER_NAMES.includes(peer)) throw new Error(`unknown peer ${peer}; choose from ${PEER_NAMES.join(", ")}`);

const log = (line: string) => (values.json ? process.stderr.write(`${line}\n`) : console.log(line));

const missing = peers.includes("node-red") ? nodeRedExtrasMissing() : undefined;
if (missing) throw new Error(`The Node-RED baseline cannot run: ${missing}`);

// One INSERT per reading costs at least one fdatasync on the Node-RED and glue paths: print what one costs here.
log(
	`peers bench: ${cpus().length} cpus (${cpus()[0]?.model ?? "unknown"}), load ${loadavg()[0].toFixed(1)}, node ${process.version}, fdatasync ${measureFdatasyncMs().toFixed(2)} ms, ${runs} run(s)`,
);

const throughput = new Map<PeerName, PeerRunResult[]>(peers.map((peer) => [peer, []]));
const latency = new Map<PeerName, PeerRunResult[]>(peers.map((peer) => [peer, []]));
const kills = new Map<PeerName, KillRunResult[]>(peers.map((peer) => [peer, []]));

const partial = (result: PeerRunResult) =>
	result.complete
		? ""
		: `; ${result.storedInRun} of ${result.count} stored in the run, ${result.stored.rows} rows (${result.stored.distinct} distinct) after it stopped`;

for (let run = 0; run < runs; run++) {
	for (const peer of peers) {
		const result = await runPeer(peer, { count, windowMs, seed: run + 1 });
		throughput.get(peer)!.push(result);
		log(
			`  run ${run + 1} ${peer}: ${Math.round(result.readingsPerSecond)} readings/s, ${result.peakRssMb.toFixed(0)} MB, ${result.cpuMsPer1000.toFixed(0)} ms CPU/1000${partial(result)}`,
		);
	}
	for (const peer of peers) {
		const result = await runPeer(peer, { count: latencyCount, rate: latencyRate, seed: run + 100 });
		latency.get(peer)!.push(result);
		log(`  run ${run + 1} ${peer} at ${latencyRate}/s: p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms${partial(result)}`);
	}
	for (const peer of peers) {
		const result = await runKill(peer, { killAfter, rate: killRate, seed: run + 200 });
		kills.get(peer)!.push(result);
		log(`  run ${run + 1} ${peer} kill -9: believed delivered ${result.believedDelivered}, stored ${result.storedOfBelieved}, lost ${result.lost}`);
	}
}

const baselinePeer: PeerName | undefined = peers.includes("node-red") ? "node-red" : undefined;
const metric = (
	name: string,
	unit: string,
	results: Map<PeerName, PeerRunResult[]>,
	pick: (result: PeerRunResult) => number,
	target?: (peer: PeerName, ratio: number) => { target: string; met: boolean } | undefined,
): Row[] =>
	peers.map((peer) => {
		const value = summarize(results.get(peer)!.map(pick));
		const baseline = baselinePeer && peer !== baselinePeer ? summarize(results.get(baselinePeer)!.map(pick)) : undefined;
		const ratio = baseline ? value.median / baseline.median : undefined;
		return {
			benchmark: `peers: ${PEER_LABELS[peer]}`,
			metric: name,
			unit,
			value,
			baseline,
			baselineLabel: baseline ? "(Node-RED flow)" : undefined,
			ratio,
			...(ratio !== undefined ? target?.(peer, ratio) : undefined),
		};
	});

const rows: Row[] = [
	...metric(
		"readings/s stored",
		`tool at full speed, ${count.toLocaleString("en-US")} readings or ${windowMs / 1000} s`,
		throughput,
		(r) => r.readingsPerSecond,
		(peer, ratio) => (peer === "fieldchain" ? { target: "ratio >= 10", met: ratio >= 10 } : undefined),
	),
	...metric(
		"p99 latency (ms)",
		`taken -> stored (fieldchain: -> ack at the tool), ${latencyRate}/s for ${latencyCount.toLocaleString("en-US")} readings`,
		latency,
		(r) => r.latencyMs.p99,
	),
	...metric("peak RSS (MB)", "all of the peer's processes, full speed", throughput, (r) => r.peakRssMb),
	...metric("CPU ms per 1,000 readings", "all of the peer's processes, full speed", throughput, (r) => r.cpuMsPer1000),
];

const killRows = peers.map((peer) => {
	const results = kills.get(peer)!;
	return {
		peer: PEER_LABELS[peer],
		believedDelivered: results.map((r) => r.believedDelivered),
		stored: results.map((r) => r.storedOfBelieved),
		lost: results.map((r) => r.lost),
	};
});

if (values.json) {
	console.log(JSON.stringify({ rows, kill: killRows, throughput: Object.fromEntries(throughput), latency: Object.fromEntries(latency) }, null, 2));
} else {
	console.log(`\n${renderTable(rows)}\n`);
	console.log(
		`kill -9 after ${killAfter.toLocaleString("en-US")} readings taken at ${killRate}/s: readings the tool believed delivered / of them stored / lost`,
	);
	for (const row of killRows) console.log(`  ${row.peer.padEnd(22)} ${row.believedDelivered.join(",")} / ${row.stored.join(",")} / ${row.lost.join(",")}`);
}
