import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, retryDelayMs, retryPolicy } from "./backoff.js";
import { isFieldchainError } from "./errors.js";

describe("retry backoff", () => {
	it("doubles from the initial delay up to the cap", () => {
		const policy = retryPolicy({ initialDelayMs: 1000, maxDelayMs: 10_000, jitter: 0 });
		expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(policy, n))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
	});

	it("jitters down by at most the jitter fraction", () => {
		const policy = retryPolicy({ initialDelayMs: 1000, jitter: 0.5 });
		expect(retryDelayMs(policy, 1, () => 0)).toBe(1000);
		expect(retryDelayMs(policy, 1, () => 0.999999)).toBe(500);
		for (let i = 0; i < 200; i++) {
			const d = retryDelayMs(policy, 3);
			expect(d).toBeGreaterThanOrEqual(2000);
			expect(d).toBeLessThanOrEqual(4000);
		}
	});

	it("spreads retries over about a day by default", () => {
		let total = 0;
		for (let n = 1; n < DEFAULT_RETRY_POLICY.maxAttempts; n++) total += retryDelayMs({ ...DEFAULT_RETRY_POLICY, jitter: 0 }, n);
		expect(total / 3_600_000).toBeGreaterThan(20);
		expect(total / 3_600_000).toBeLessThan(36);
	});

	it("names the bad field", () => {
		for (const [bad, field] of [
			[{ maxAttempts: 0 }, "maxAttempts"],
			[{ initialDelayMs: -1 }, "initialDelayMs"],
			[{ multiplier: 0.5 }, "multiplier"],
			[{ maxDelayMs: 1, initialDelayMs: 10 }, "maxDelayMs"],
			[{ jitter: 2 }, "jitter"],
		] as const) {
			try {
				retryPolicy(bad);
				expect.unreachable();
			} catch (error) {
				expect(isFieldchainError(error, "FC_CONFIG_INVALID")).toBe(true);
				expect((error as Error).message).toContain(`webhooks.retry.${field}`);
			}
		}
	});
});
