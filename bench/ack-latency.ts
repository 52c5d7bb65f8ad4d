/**
 * 3. Reading-to-ack latency at 10,000 readings/s: the ingest pipeline fed every millisecond with
 * the frames that are due (drift-corrected: due = elapsed time x rate), timing each reading from
 * the moment its bytes are fed to the moment the gateway writes the ack that covers its seq.
 * Baseline: the same paced feed into the same pipeline on MemoryReadingStore (no disk).
 */
import { BenchPipeline, makeReadingStream, type ReadingStream, type StoreKind } from "./fixtures.js";
import { percentile, type Row, ratioOf, summarize } from "./stats.js";

export const RATE = 10_000;
export const DURATION_S = 3;
const TARGET_P99_MS = 10;
const ACK_TIMEOUT_MS = 30_000;

interface LatencyRun {
	p50: number;
	p99: number;
	max: number;
	/** p99 counted from when each reading was due rather than fed: includes feed delay. */
	p99FromDue: number;
	achievedRate: number;
}

async function pacedRun(kind: StoreKind, stream: ReadingStream, count: number): Promise<LatencyRun> {
	const pipeline = new BenchPipeline(kind);
	try {
		await pipeline.start();
		const fedAt = new Float64Array(count);
		const latency = new Float64Array(count);
		const latencyFromDue = new Float64Array(count);
		let fed = 0;
		let covered = 0;
		let started = 0;
		let lastAckAt = 0;

		const done = new Promise<void>((resolve, reject) => {
			const timeout = setTimeout(() => reject(new Error(`ack latency (${kind}): only ${covered} of ${count} readings acked`)), ACK_TIMEOUT_MS);
			pipeline.onAck = (upTo) => {
				const now = performance.now();
				const last = Math.min(upTo, fed);
				for (let i = covered; i < last; i++) {
					latency[i] = now - fedAt[i];
					latencyFromDue[i] = now - (started + ((i + 1) * 1000) / RATE);
				}
				if (last > covered) covered = last;
				if (covered >= count) {
					lastAckAt = now;
					clearTimeout(timeout);
					resolve();
				}
			};
		});

		started = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			const due = Math.min(count, Math.floor(((now - started) * RATE) / 1000));
			if (due <= fed) return;
			const from = fed === 0 ? 0 : stream.frameEnd[fed - 1];
			fedAt.fill(now, fed, due);
			fed = due;
			if (fed >= count) clearInterval(ticker);
			pipeline.feed(stream.wire.subarray(from, stream.frameEnd[due - 1]));
		}, 1);
		try {
			await done;
		} finally {
			clearInterval(ticker);
		}

		latency.sort();
		latencyFromDue.sort();
		return {
			p50: percentile(latency, 50),
			p99: percentile(latency, 99),
			max: latency[count - 1],
			p99FromDue: percentile(latencyFromDue, 99),
			achievedRate: count / ((lastAckAt - started) / 1000),
		};
	} finally {
		await pipeline.dispose();
	}
}

export async function benchAckLatency(runs: number): Promise<Row[]> {
	const count = RATE * DURATION_S;
	const stream = makeReadingStream(count, 3);
	const disk: LatencyRun[] = [];
	const memory: LatencyRun[] = [];
	// Warm-up: one short run of each, so JIT compilation does not land in the first measurement.
	await pacedRun("sqlite", stream, RATE / 2);
	await pacedRun("memory", stream, RATE / 2);
	// Interleaved, so both stores see the same machine conditions.
	for (let run = 0; run < runs; run++) {
		disk.push(await pacedRun("sqlite", stream, count));
		memory.push(await pacedRun("memory", stream, count));
	}

	const row = (metric: string, unit: string, pick: (run: LatencyRun) => number, target?: string, meets?: (median: number) => boolean): Row => {
		const value = summarize(disk.map(pick));
		const baseline = summarize(memory.map(pick));
		return {
			benchmark: "3 ack latency @10k/s",
			metric,
			unit,
			value,
			baseline,
			baselineLabel: "(memory store)",
			ratio: ratioOf(value, baseline),
			target,
			met: meets?.(value.median),
		};
	};
	return [
		row("p50", "ms", (run) => run.p50),
		row(
			"p99",
			"ms",
			(run) => run.p99,
			"<= 10 ms",
			(median) => median <= TARGET_P99_MS,
		),
		row("max", "ms", (run) => run.max),
		row("p99 from due time", "ms, incl. feed delay", (run) => run.p99FromDue),
		row("achieved rate", `readings/s, ${count / 1000}k offered over ${DURATION_S} s`, (run) => run.achievedRate),
	];
}
