import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { PinLimiter } from "./pin-limiter.js";

describe("PinLimiter", () => {
	it("allows five wrong PINs per address per window, then says how long to wait", () => {
		const clock = new ManualClock();
		const limiter = new PinLimiter({ clock, maxFailures: 5, windowMs: 60_000 });
		for (let attempt = 0; attempt < 5; attempt++) {
			expect(limiter.retryAfterMs("10.0.0.1")).toBe(0);
			limiter.fail("10.0.0.1");
			clock.advance(1000);
		}
		expect(limiter.retryAfterMs("10.0.0.1")).toBe(55_000);
		expect(limiter.retryAfterMs("10.0.0.2")).toBe(0);
		clock.advance(55_000);
		expect(limiter.retryAfterMs("10.0.0.1")).toBe(0);
	});

	it("forgets an address's failures after a right PIN", () => {
		const clock = new ManualClock();
		const limiter = new PinLimiter({ clock, maxFailures: 2 });
		limiter.fail("a");
		limiter.succeed("a");
		limiter.fail("a");
		expect(limiter.retryAfterMs("a")).toBe(0);
		limiter.fail("a");
		expect(limiter.retryAfterMs("a")).toBeGreaterThan(0);
	});
});
