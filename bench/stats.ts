/** Summaries of repeated measurements, and the table `npm run bench` prints. */

export interface Summary {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function summarize(samples: readonly number[]): Summary {
	if (samples.length === 0) throw new Error("summarize: no samples");
	const sorted = [...samples].sort((a, b) => a - b);
	return { median: percentile(sorted, 50), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Percentile of an ascending array, by linear interpolation between closest ranks. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** One line of the results table: a figure beside the baseline measured in the same process. */
export interface Row {
	benchmark: string;
	metric: string;
	unit: string;
	value: Summary;
	baseline?: Summary;
	baselineLabel?: string;
	/** Printed as "value/baseline" of the medians. */
	ratio?: number;
	target?: string;
	/** undefined when the row has no target. */
	met?: boolean;
}

export function ratioOf(value: Summary, baseline: Summary): number {
	return value.median / baseline.median;
}

export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	const abs = Math.abs(value);
	if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
	if (abs >= 100) return value.toFixed(0);
	if (abs >= 10) return value.toFixed(1);
	if (abs >= 1) return value.toFixed(2);
	return value.toFixed(3);
}

function formatSummary(summary: Summary | undefined): string {
	if (!summary) return "";
	if (summary.runs === 1) return formatNumber(summary.median);
	return `${formatNumber(summary.median)} [${formatNumber(summary.min)}..${formatNumber(summary.max)}]`;
}

export function renderTable(rows: readonly Row[]): string {
	const header = ["benchmark", "metric", "median [min..max]", "baseline median [min..max]", "ratio", "target", "met"];
	const body = rows.map((row) => [
		row.benchmark,
		`${row.metric} (${row.unit})`,
		formatSummary(row.value),
		row.baseline ? `${formatSummary(row.baseline)} ${row.baselineLabel ?? ""}`.trimEnd() : "",
		row.ratio === undefined ? "" : row.ratio.toFixed(3),
		row.target ?? "",
		row.met === undefined ? "" : row.met ? "yes" : "NO",
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
	const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ");
	return [line(header), widths.map((width) => "-".repeat(width)).join("-+-"), ...body.map(line)].join("\n");
}

/** Runs `fn` `runs` times (after `warmup` discarded runs) and returns the samples. */
export async function repeat(runs: number, fn: (run: number) => number | Promise<number>, warmup = 1): Promise<number[]> {
	for (let i = 0; i < warmup; i++) await fn(-1 - i);
	const samples: number[] = [];
	for (let run = 0; run < runs; run++) samples.push(await fn(run));
	return samples;
}
