import { describe, expect, it } from "vitest";
import { refreshAfterDrain } from "./refresh-after-drain.js";

describe("refreshAfterDrain", () => {
	it("pulls once when the drain settles after delivering outbox entries", () => {
		let pulls = 0;
		const settled = refreshAfterDrain(() => pulls++);
		settled("draining", 0);
		settled("idle", 2);
		expect(pulls).toBe(1);
		settled("idle", 2);
		expect(pulls).toBe(1);
	});

	it("does not pull after evidence-only spans, however often the drain settles", () => {
		let pulls = 0;
		const settled = refreshAfterDrain(() => pulls++);
		for (let i = 0; i < 50; i++) {
			settled("draining", 3);
			settled("idle", 3);
		}
		// The first settle saw 3 deliveries since start; none after.
		expect(pulls).toBe(1);
	});

	it("pulls again when a later drain delivers more", () => {
		let pulls = 0;
		const settled = refreshAfterDrain(() => pulls++);
		settled("draining", 0);
		settled("idle", 1);
		settled("draining", 1);
		settled("idle", 1);
		settled("draining", 1);
		settled("idle", 2);
		expect(pulls).toBe(2);
	});
});
