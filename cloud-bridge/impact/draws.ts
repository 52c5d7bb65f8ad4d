/**
 * The Monte-Carlo loop of the cost ranges over flat typed arrays, split by samples across threads.
 * Invariant: sample s gives the same three numbers whichever thread draws it and however the
 * samples are split. Every draw advances mulberry32's state by the same constant, so the state
 * sample s starts from is seed + s × drawsPerSample × constant (mod 2³²) and a thread can start
 * there directly; within a sample, terms are added in task order exactly as one sequential pass would.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** Per task: history start, history length, index after its last part (in tasksInt); five coefficients (in tasksCoef). */
export const TASK_INTS = 3;
export const TASK_COEFS = 5;
/** Per part: ratio start, ratio length (in partsInt); quantity, unit price before, after (in partsCoef). */
export const PART_INTS = 2;
export const PART_COEFS = 3;

export interface DrawProgram {
	tasksInt: Int32Array;
	/** extra ms after the change, cost per ms before, after, rate per ms before, after. */
	tasksCoef: Float64Array;
	partsInt: Int32Array;
	partsCoef: Float64Array;
	/** Recorded durations (ms), each task kind's run stored once. */
	histories: Float64Array;
	/** Used/estimated ratios, each SKU's run stored once. */
	ratios: Float64Array;
}

export interface SampleFigures {
	labour: Float64Array;
	revenue: Float64Array;
	impact: Float64Array;
}

/** Below this many draws (samples × (tasks + parts)) a second thread costs more to start than it saves. */
const PARALLEL_FROM = 20_000_000;

export interface DrawOptions {
	/** Threads to draw on, the calling one included (default: the cores, at most four). */
	threads?: number;
	/** Fewer draws than this stay on the calling thread. */
	parallelFrom?: number;
}

/** Draws samples 0..n-1. */
export async function drawSamples(program: DrawProgram, seed: number, n: number, options: DrawOptions = {}): Promise<SampleFigures> {
	const out: SampleFigures = { labour: new Float64Array(n), revenue: new Float64Array(n), impact: new Float64Array(n) };
	const perSample = program.tasksInt.length / TASK_INTS + program.partsInt.length / PART_INTS;
	const threads = options.threads ?? Math.min(4, availableParallelism());
	const parts = perSample * n < (options.parallelFrom ?? PARALLEL_FROM) ? 1 : Math.max(1, Math.min(threads, n));
	if (parts === 1) {
		drawRange(program, seed, 0, n, out.labour, out.revenue, out.impact);
		return out;
	}
	// The calling thread draws the first share while the workers draw the rest.
	const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.round((i * n) / parts));
	const others = Promise.all(bounds.slice(1, -1).map((from, i) => drawInWorker(program, seed, from, bounds[i + 2])));
	drawRange(program, seed, 0, bounds[1], out.labour, out.revenue, out.impact);
	for (const [i, figures] of (await others).entries()) {
		const at = bounds[i + 1];
		out.labour.set(figures.labour, at);
		out.revenue.set(figures.revenue, at);
		out.impact.set(figures.impact, at);
	}
	return out;
}

/**
 * Workers stay for the next plan (starting one costs more than a small plan's draws), unreferenced
 * while idle so they never keep the process alive.
 */
const idle: Worker[] = [];
const MAX_IDLE = 4;

function drawInWorker(program: DrawProgram, seed: number, from: number, to: number): Promise<SampleFigures> {
	const worker = idle.pop() ?? startWorker();
	worker.ref();
	return new Promise((resolve, reject) => {
		const done = () => {
			worker.off("message", onMessage);
			worker.off("error", onError);
			worker.off("exit", onExit);
		};
		const onMessage = (figures: SampleFigures) => {
			done();
			worker.unref();
			if (idle.length < MAX_IDLE) idle.push(worker);
			else void worker.terminate();
			resolve(figures);
		};
		const onError = (error: Error) => {
			done();
			void worker.terminate();
			reject(error);
		};
		const onExit = (code: number) => {
			done();
			reject(new Error(`a Monte-Carlo worker exited (code ${code}) before it reported its samples`));
		};
		worker.on("message", onMessage);
		worker.once("error", onError);
		worker.once("exit", onExit);
		worker.postMessage({ program, seed, from, to });
	});
}

function startWorker(): Worker {
	// The worker evaluates drawRange's own source: no module to resolve, bundled or not.
	const source = `const { parentPort } = require("node:worker_threads");
const drawRange = ${drawRange.toString()};
parentPort.on("message", (d) => {
	const n = d.to - d.from;
	const out = { labour: new Float64Array(n), revenue: new Float64Array(n), impact: new Float64Array(n) };
	drawRange(d.program, d.seed, d.from, d.to, out.labour, out.revenue, out.impact, d.from);
	parentPort.postMessage(out, [out.labour.buffer, out.revenue.buffer, out.impact.buffer]);
});`;
	return new Worker(source, { eval: true });
}

/**
 * Samples from..to-1 into labour/revenue/impact at index s - offset. Self-contained (no outer
 * names): workers run its source text. mulberry32 is inlined, as the loop runs samples × draws
 * times and must neither allocate nor call. Two samples are drawn side by side (their states
 * perSample draws apart): each keeps its own sums in task order, and the two chains of additions
 * overlap in the processor instead of waiting on each other. An odd last sample draws a spare
 * partner that is not stored.
 */
export function drawRange(
	p: DrawProgram,
	seed: number,
	from: number,
	to: number,
	labour: Float64Array,
	revenue: Float64Array,
	impact: Float64Array,
	offset = 0,
): void {
	const TI = p.tasksInt;
	const TC = p.tasksCoef;
	const PI = p.partsInt;
	const PC = p.partsCoef;
	const H = p.histories;
	const R = p.ratios;
	const T = TI.length / 3;
	const perSample = T + PI.length / 2;
	// Math.imul wraps the products mod 2³²: the state after that many draws of the constant.
	const jump = Math.imul(perSample, 0x6d2b79f5) >>> 0;
	for (let s = from; s < to; s += 2) {
		let a = ((seed >>> 0) + (Math.imul(s * perSample, 0x6d2b79f5) >>> 0)) >>> 0;
		let b = (a + jump) >>> 0;
		let costA = 0;
		let costBeforeA = 0;
		let revBeforeA = 0;
		let revAfterA = 0;
		let costB = 0;
		let costBeforeB = 0;
		let revBeforeB = 0;
		let revAfterB = 0;
		let k = 0;
		for (let i = 0; i < T; i++) {
			a = (a + 0x6d2b79f5) >>> 0;
			b = (b + 0x6d2b79f5) >>> 0;
			let x = a;
			x = Math.imul(x ^ (x >>> 15), x | 1);
			x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
			let y = b;
			y = Math.imul(y ^ (y >>> 15), y | 1);
			y ^= y + Math.imul(y ^ (y >>> 7), y | 61);
			const ti = i * 3;
			const c = i * 5;
			const start = TI[ti];
			const length = TI[ti + 1];
			const msA = H[start + Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * length)];
			const msB = H[start + Math.floor((((y ^ (y >>> 14)) >>> 0) / 4294967296) * length)];
			const extra = TC[c];
			const costBefore = TC[c + 1];
			const costAfter = TC[c + 2];
			const rateBefore = TC[c + 3];
			const rateAfter = TC[c + 4];
			const afterA = Math.max(msA + extra, 0);
			const afterB = Math.max(msB + extra, 0);
			costBeforeA += msA * costBefore;
			costBeforeB += msB * costBefore;
			costA += afterA * costAfter;
			costB += afterB * costAfter;
			revBeforeA += msA * rateBefore;
			revBeforeB += msB * rateBefore;
			revAfterA += afterA * rateAfter;
			revAfterB += afterB * rateAfter;
			for (const end = TI[ti + 2]; k < end; k++) {
				a = (a + 0x6d2b79f5) >>> 0;
				b = (b + 0x6d2b79f5) >>> 0;
				let v = a;
				v = Math.imul(v ^ (v >>> 15), v | 1);
				v ^= v + Math.imul(v ^ (v >>> 7), v | 61);
				let w = b;
				w = Math.imul(w ^ (w >>> 15), w | 1);
				w ^= w + Math.imul(w ^ (w >>> 7), w | 61);
				const o = k * 3;
				const ratioStart = PI[k * 2];
				const ratioLength = PI[k * 2 + 1];
				const quantity = PC[o];
				const priceBefore = PC[o + 1];
				const priceAfter = PC[o + 2];
				const qA = quantity * R[ratioStart + Math.floor((((v ^ (v >>> 14)) >>> 0) / 4294967296) * ratioLength)];
				const qB = quantity * R[ratioStart + Math.floor((((w ^ (w >>> 14)) >>> 0) / 4294967296) * ratioLength)];
				// Parts cost the same before and after: only prices change.
				revBeforeA += qA * priceBefore;
				revBeforeB += qB * priceBefore;
				revAfterA += qA * priceAfter;
				revAfterB += qB * priceAfter;
			}
		}
		labour[s - offset] = Math.round(costA);
		revenue[s - offset] = Math.round(revAfterA);
		impact[s - offset] = Math.round(revAfterA - costA - (revBeforeA - costBeforeA));
		if (s + 1 < to) {
			labour[s + 1 - offset] = Math.round(costB);
			revenue[s + 1 - offset] = Math.round(revAfterB);
			impact[s + 1 - offset] = Math.round(revAfterB - costB - (revBeforeB - costBeforeB));
		}
	}
}
