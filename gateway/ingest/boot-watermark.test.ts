import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BootWatermark } from "./boot-watermark.js";

/** The plain model: a set of stored seqs; the watermark is the longest prefix 1..N in it. */
function model(acked: number, stored: Set<number>) {
	let upTo = acked;
	while (stored.has(upTo + 1)) upTo++;
	return upTo;
}

describe("BootWatermark", () => {
	it("agrees with a set of stored seqs for any order of arrivals (runs instead of seqs)", () => {
		fc.assert(
			fc.property(
				fc.nat({ max: 20 }),
				fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 300 }),
				fc.array(fc.integer({ min: 1, max: 200 })),
				(acked, seqs, above) => {
					const storedAbove = [...new Set(above.filter((seq) => seq > acked))].sort((a, b) => a - b);
					const watermark = new BootWatermark({ ackedUpTo: acked, storedAbove }, Number.POSITIVE_INFINITY);
					const stored = new Set(storedAbove);
					for (const seq of seqs) {
						expect(watermark.has(seq)).toBe(seq <= acked || stored.has(seq));
						stored.add(seq);
						expect(watermark.add(seq)).toBe(model(acked, stored));
					}
					const upTo = model(acked, stored);
					expect(watermark.ackedUpTo).toBe(upTo);
					expect(watermark.pendingAboveGap).toBe([...stored].filter((seq) => seq > upTo).length);
				},
			),
			{ seed: 1414, numRuns: 300 },
		);
	});

	it("accepts no reading that would open a run beyond the bound, but every one that extends or fills", () => {
		const watermark = new BootWatermark({ ackedUpTo: 0, storedAbove: [] }, 2);
		watermark.add(3);
		watermark.add(6);
		expect(watermark.gapRuns).toBe(2);
		expect(watermark.accepts(9)).toBe(false);
		expect([1, 2, 4, 5, 7].map((seq) => watermark.accepts(seq))).toEqual([true, true, true, true, true]);
		for (const seq of [1, 2]) watermark.add(seq);
		expect(watermark.ackedUpTo).toBe(3);
		expect(watermark.accepts(9)).toBe(true);
	});
});
