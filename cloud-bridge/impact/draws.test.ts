/**
 * The Monte-Carlo loop against a plain reading of its contract: one mulberry32 stream (model's
 * createRng) consumed task by task and part by part, sample after sample. The flat loop, its
 * pairing of samples, its jump to a sample's state, and its split across worker threads must give
 * exactly that, for odd and even counts and any split.
 */
import { describe, expect, it } from "vitest";
import { createRng } from "../../model/fixtures/prng.js";
import { type DrawProgram, drawRange, drawSamples, type SampleFigures } from "./draws.js";

/** A program with awkward values: negative extra time, single-value histories, tasks without parts. */
function program(seed: number, tasks: number): DrawProgram {
	const rng = createRng(seed);
	const histories = Array.from({ length: 200 }, () => rng.int(1, 8 * 3_600_000));
	const ratios = Array.from({ length: 90 }, () => rng.int(0, 300) / 100);
	const tasksInt: number[] = [];
	const tasksCoef: number[] = [];
	const partsInt: number[] = [];
	const partsCoef: number[] = [];
	for (let i = 0; i < tasks; i++) {
		const start = rng.int(0, 199);
		for (let p = rng.int(0, 3); p > 0; p--) {
			const from = rng.int(0, 89);
			partsInt.push(from, rng.int(1, 90 - from));
			partsCoef.push(rng.int(1, 5), rng.int(100, 50_000), rng.int(100, 50_000));
		}
		tasksInt.push(start, rng.int(1, 200 - start), partsInt.length / 2);
		tasksCoef.push(
			rng.pick([0, 600_000, -7_200_000]),
			rng.int(2000, 6000) / 3_600_000,
			rng.int(2000, 6000) / 3_600_000,
			rng.int(5000, 12_000) / 3_600_000,
			rng.int(5000, 12_000) / 3_600_000,
		);
	}
	return {
		tasksInt: Int32Array.from(tasksInt),
		tasksCoef: Float64Array.from(tasksCoef),
		partsInt: Int32Array.from(partsInt),
		partsCoef: Float64Array.from(partsCoef),
		histories: Float64Array.from(histories),
		ratios: Float64Array.from(ratios),
	};
}

/** The contract read plainly: one generator, every draw in order. */
function reference(p: DrawProgram, seed: number, n: number): SampleFigures {
	const rng = createRng(seed);
	const out: SampleFigures = { labour: new Float64Array(n), revenue: new Float64Array(n), impact: new Float64Array(n) };
	const T = p.tasksInt.length / 3;
	for (let s = 0; s < n; s++) {
		let cost = 0;
		let costBefore = 0;
		let revBefore = 0;
		let revAfter = 0;
		let k = 0;
		for (let i = 0; i < T; i++) {
			const [start, length, partsEnd] = p.tasksInt.subarray(i * 3, i * 3 + 3);
			const [extra, cB, cA, rB, rA] = p.tasksCoef.subarray(i * 5, i * 5 + 5);
			const ms = p.histories[start + Math.floor(rng.next() * length)];
			const after = Math.max(ms + extra, 0);
			costBefore += ms * cB;
			cost += after * cA;
			revBefore += ms * rB;
			revAfter += after * rA;
			for (; k < partsEnd; k++) {
				const [from, count] = p.partsInt.subarray(k * 2, k * 2 + 2);
				const [quantity, priceBefore, priceAfter] = p.partsCoef.subarray(k * 3, k * 3 + 3);
				const q = quantity * p.ratios[from + Math.floor(rng.next() * count)];
				revBefore += q * priceBefore;
				revAfter += q * priceAfter;
			}
		}
		out.labour[s] = Math.round(cost);
		out.revenue[s] = Math.round(revAfter);
		out.impact[s] = Math.round(revAfter - cost - (revBefore - costBefore));
	}
	return out;
}

describe("Monte-Carlo draws", () => {
	it("the flat loop gives the plain reading's figures, for an odd count and a range that starts mid-stream", () => {
		const p = program(3, 57);
		const want = reference(p, 11, 41);
		const all: SampleFigures = { labour: new Float64Array(41), revenue: new Float64Array(41), impact: new Float64Array(41) };
		drawRange(p, 11, 0, 41, all.labour, all.revenue, all.impact);
		expect(all).toEqual(want);
		// Samples 17..29 alone, written from index 0: the jump to sample 17's state.
		const part: SampleFigures = { labour: new Float64Array(13), revenue: new Float64Array(13), impact: new Float64Array(13) };
		drawRange(p, 11, 17, 30, part.labour, part.revenue, part.impact, 17);
		expect(part.labour).toEqual(want.labour.subarray(17, 30));
		expect(part.impact).toEqual(want.impact.subarray(17, 30));
		expect(new Set(want.labour).size).toBeGreaterThan(30);
	});

	it("split across worker threads, the samples are the ones one thread draws", async () => {
		const p = program(5, 120);
		const want = reference(p, 0xffffffff, 203);
		const split = await drawSamples(p, 0xffffffff, 203, { threads: 3, parallelFrom: 0 });
		expect(split).toEqual(want);
		expect(await drawSamples(p, 0xffffffff, 203, { threads: 1 })).toEqual(want);
	});

	it("a program with no tasks draws zeros, and more threads than samples is fine", async () => {
		const empty = program(1, 0);
		expect(await drawSamples(empty, 1, 3, { threads: 4, parallelFrom: 0 })).toEqual({
			labour: new Float64Array(3),
			revenue: new Float64Array(3),
			impact: new Float64Array(3),
		});
		const p = program(2, 9);
		expect(await drawSamples(p, 9, 2, { threads: 4, parallelFrom: 0 })).toEqual(reference(p, 9, 2));
	});
});
