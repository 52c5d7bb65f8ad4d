/**
 * VRPTW benchmark figures: the gap to the best-known total distance (BKS.json, `_distance` keys for
 * Solomon, the vehicles-first costs for Gehring & Homberger, which publish no distance-only ones)
 * at 1 s and 10 s per Solomon instance and at 10 s per 200-customer instance, every answer checked
 * by bench/vrptw-check.ts. The baseline, measured in the same run, is construction alone (regret
 * insertion plus local search). Instances run on worker threads, two at a time by default.
 *
 * The data set is not in the repository: --vrptw-dir (default ../shared/bench-data/vrptw from the
 * repository root). Without it the figure is skipped with a message. The default is a subset (one
 * Solomon instance per class, three 200-customer ones, about a minute); --vrptw-full runs all 56
 * Solomon instances at 1 s and 10 s and all 60 200-customer ones at 10 s (about 20 minutes).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Row } from "./stats.js";
import type { VrptwOutcome, VrptwTask } from "./vrptw-worker.js";

const SOLOMON_SUBSET = ["C101", "C201", "R101", "R201", "RC101", "RC201"];
const HOMBERGER_SUBSET = ["c1_2_1", "r1_2_1", "rc2_2_1"];

export interface VrptwBenchOptions {
	dir: string;
	full: boolean;
	workers: number;
	seed: number;
	log: (line: string) => void;
}

export async function benchVrptw(options: VrptwBenchOptions): Promise<Row[]> {
	const { dir, log } = options;
	if (!existsSync(join(dir, "solomon")) || !existsSync(join(dir, "BKS.json"))) {
		log(`  vrptw: skipped, no benchmark instances at ${dir} (pass --vrptw-dir DIR, a folder with solomon/, homberger_200/ and BKS.json)`);
		return [];
	}
	const bks = JSON.parse(readFileSync(join(dir, "BKS.json"), "utf8")) as Record<string, { best_known_cost: number }>;
	const names = (folder: string, subset: string[]) =>
		existsSync(join(dir, folder))
			? readdirSync(join(dir, folder))
					.filter((file) => file.endsWith(".txt"))
					.map((file) => basename(file, ".txt"))
					.filter((name) => options.full || subset.includes(name))
					.sort()
			: [];
	const solomon = names("solomon", SOLOMON_SUBSET);
	const homberger = names("homberger_200", HOMBERGER_SUBSET);
	const tasks: VrptwTask[] = [
		...homberger.map((name) => ({ file: join(dir, "homberger_200", `${name}.txt`), seconds: 10, seed: options.seed })),
		...solomon.map((name) => ({ file: join(dir, "solomon", `${name}.txt`), seconds: 10, seed: options.seed })),
		...solomon.map((name) => ({ file: join(dir, "solomon", `${name}.txt`), seconds: 1, seed: options.seed })),
		...solomon.map((name) => ({ file: join(dir, "solomon", `${name}.txt`), seconds: 0, seed: options.seed, maxIterations: 0 })),
	];
	const totalSeconds = tasks.reduce((sum, task) => sum + task.seconds, 0);
	log(
		`  vrptw: ${solomon.length} Solomon + ${homberger.length} Gehring–Homberger instances, ${tasks.length} runs on ${options.workers} worker(s), about ${Math.ceil(totalSeconds / options.workers)} s`,
	);
	const outcomes = await runPool(tasks, options.workers, (outcome) => {
		const name = basename(outcome.file, ".txt");
		const gap = gapOf(bks, name, outcome.distance);
		const budget = outcome.seconds === 0 ? "construction" : `${outcome.seconds} s`;
		log(
			`    ${name.padEnd(8)} ${budget.padEnd(12)} ${outcome.distance.toFixed(2).padStart(9)} ${String(outcome.vehicles).padStart(3)} veh  gap ${gap.toFixed(2).padStart(6)} %  ${outcome.iterations} it${outcome.problems.length || outcome.unserved ? `  INFEASIBLE: ${outcome.problems.slice(0, 3).join("; ")}` : ""}`,
		);
	});
	const rows: Row[] = [];
	const gaps = (set: string, seconds: number) =>
		outcomes.filter((o) => o.file.includes(`${set}/`) && o.seconds === seconds).map((o) => gapOf(bks, basename(o.file, ".txt"), o.distance));
	const summary = (values: number[]) => ({ median: mean(values), min: Math.min(...values), max: Math.max(...values), runs: values.length });
	const baseline = gaps("solomon", 0);
	const baselineSummary = baseline.length ? summary(baseline) : undefined;
	const gapRow = (set: string, label: string, seconds: number, averageTarget: number, worstTarget?: number) => {
		const values = gaps(set, seconds);
		if (values.length === 0) return;
		const value = summary(values);
		rows.push({
			benchmark: `vrptw ${label} ${seconds} s`,
			metric: `mean gap to BKS [best..worst] over ${values.length}`,
			unit: "%",
			value,
			...(baselineSummary && set === "solomon"
				? { baseline: baselineSummary, baselineLabel: "construction only", ratio: value.median / baselineSummary.median }
				: {}),
			target: `mean ≤ ${averageTarget}%${worstTarget === undefined ? "" : `, worst ≤ ${worstTarget}%`}`,
			met: value.median <= averageTarget && (worstTarget === undefined || value.max <= worstTarget),
		});
	};
	gapRow("solomon", "Solomon", 1, 5);
	gapRow("solomon", "Solomon", 10, 3, 8);
	gapRow("homberger_200", "200-customer", 10, 8);
	const bad = outcomes.filter((o) => o.problems.length > 0 || o.unserved > 0).length;
	rows.push({
		benchmark: "vrptw checked answers",
		metric: "infeasible or incomplete answers",
		unit: "count",
		value: { median: bad, min: bad, max: bad, runs: outcomes.length },
		target: "0",
		met: bad === 0,
	});
	return rows;
}

function gapOf(bks: Record<string, { best_known_cost: number }>, name: string, distance: number): number {
	const best = (bks[`${name}_distance`] ?? bks[name])?.best_known_cost;
	return best ? ((Math.round(distance * 100) / 100 - best) / best) * 100 : Number.NaN;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Runs the tasks on `size` worker threads, longest first; reports each outcome as it arrives. */
async function runPool(tasks: VrptwTask[], size: number, onOutcome: (outcome: VrptwOutcome) => void): Promise<VrptwOutcome[]> {
	const queue = [...tasks];
	const outcomes: VrptwOutcome[] = [];
	// Workers run the TypeScript source through tsx's loader, registered inside each worker first
	// (loader hooks of the main thread do not reach worker threads on Node 20).
	const source = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(new URL("./vrptw-worker.ts", import.meta.url).href)}); });`;
	const workers = Array.from({ length: Math.min(size, tasks.length) }, () => new Worker(source, { eval: true }));
	try {
		await Promise.all(
			workers.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						const next = () => {
							const task = queue.shift();
							if (!task) return resolve();
							worker.postMessage(task);
						};
						worker.on("message", (outcome: VrptwOutcome) => {
							outcomes.push(outcome);
							onOutcome(outcome);
							next();
						});
						worker.on("error", reject);
						next();
					}),
			),
		);
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
	return outcomes;
}
