/**
 * noisy-line: readings/s acked over a real socat pty with the simulator and the gateway's real
 * ingest (SQLite, full durability), through a proxy that garbles frames (test/support/noisy-line.ts):
 * 5% or 1% of the reading frames device -> host get garbage in front (lost whole), and 5% of the
 * frames host -> device (the acks) too. Each figure is a ratio to the clean line measured in the
 * same run, the runs interleaved so every scenario meets the same machine; the ratio shown is the
 * median of the per-run ratios. A protocol 1.0 device (resend timeout only) on the 5% line is
 * measured beside it, for the record. Every run must store every reading exactly once, or the
 * benchmark fails.
 */
import { type NoisyIngestOptions, type NoisyIngestResult, runNoisyIngest } from "../test/support/noisy-ingest.js";
import { percentile, type Row, summarize } from "./stats.js";

/** Readings per run: long enough that one probe or commit hiccup at the end does not decide the figure. */
const COUNT = 10_000;

interface Scenario {
	name: string;
	options: Omit<NoisyIngestOptions, "count" | "seed">;
	target?: number;
}

const SCENARIOS: Scenario[] = [
	{ name: "5% frames + 5% acks garbled", options: { deviceToHost: { garbleFrames: 0.05 }, hostToDevice: { garbleFrames: 0.05 } }, target: 0.5 },
	{ name: "1% frames + 5% acks garbled", options: { deviceToHost: { garbleFrames: 0.01 }, hostToDevice: { garbleFrames: 0.05 } }, target: 0.8 },
	{
		name: "5% + 5%, protocol 1.0 device",
		options: { deviceToHost: { garbleFrames: 0.05 }, hostToDevice: { garbleFrames: 0.05 }, faults: { noFastRetransmit: true } },
	},
];

async function once(options: NoisyIngestOptions): Promise<NoisyIngestResult> {
	const result = await runNoisyIngest(options);
	if (result.stored !== options.count || result.distinct !== options.count) {
		throw new Error(`noisy-line: ${result.stored} rows (${result.distinct} distinct) stored for ${options.count} readings; each must be stored exactly once`);
	}
	return result;
}

export async function benchNoisyLine(runs: number, log: (line: string) => void = () => {}): Promise<Row[]> {
	// Warm-up: JIT, the SQLite module and socat's first start stay out of the figures.
	await once({ count: 500, seed: 99 });
	const clean: number[] = [];
	const noisy = SCENARIOS.map(() => ({ rates: [] as number[], ratios: [] as number[], resent: [] as number[], garbled: [] as number[] }));
	for (let run = 0; run < runs; run++) {
		const seed = run + 1;
		const baseline = await once({ count: COUNT, seed });
		clean.push(baseline.readingsPerSecond);
		for (const [i, scenario] of SCENARIOS.entries()) {
			const result = await once({ count: COUNT, seed, ...scenario.options });
			noisy[i].rates.push(result.readingsPerSecond);
			noisy[i].ratios.push(result.readingsPerSecond / baseline.readingsPerSecond);
			noisy[i].resent.push(result.device.resent);
			noisy[i].garbled.push(result.line.garbledUp);
		}
		log(
			`  run ${run + 1}: clean ${Math.round(baseline.readingsPerSecond)}/s; ${SCENARIOS.map((s, i) => `${s.name} ${noisy[i].ratios[run].toFixed(2)}`).join("; ")}`,
		);
	}
	const cleanSummary = summarize(clean);
	const rows: Row[] = [
		{
			benchmark: "noisy-line (pty, simulator)",
			metric: "clean line",
			unit: `readings/s acked, ${COUNT} readings, stored once`,
			value: cleanSummary,
		},
	];
	for (const [i, scenario] of SCENARIOS.entries()) {
		const ratio = percentile(
			[...noisy[i].ratios].sort((a, b) => a - b),
			50,
		);
		const garbled = Math.round(
			percentile(
				[...noisy[i].garbled].sort((a, b) => a - b),
				50,
			),
		);
		const resent = Math.round(
			percentile(
				[...noisy[i].resent].sort((a, b) => a - b),
				50,
			),
		);
		rows.push({
			benchmark: "noisy-line (pty, simulator)",
			metric: scenario.name,
			unit: `readings/s acked; median ${garbled} frames garbled, ${resent} re-sent`,
			value: summarize(noisy[i].rates),
			baseline: cleanSummary,
			baselineLabel: "(clean line)",
			ratio,
			target: scenario.target === undefined ? undefined : `ratio >= ${scenario.target}`,
			met: scenario.target === undefined ? undefined : ratio >= scenario.target,
		});
	}
	return rows;
}
