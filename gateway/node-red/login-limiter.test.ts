import { describe, expect, it } from "vitest";
import { LoginLimiter } from "./login-limiter.js";

describe("LoginLimiter", () => {
	it("counts logins in flight, so parallel guesses cannot pass the limit", () => {
		const limiter = new LoginLimiter({ maxFailures: 3, windowMs: 1000, now: () => 0 });
		const started = Array.from({ length: 10 }, () => limiter.begin("10.0.0.9"));
		expect(started.filter((end) => end !== undefined)).toHaveLength(3);
	});

	it("ages failures out and is not cleared by a success", () => {
		let now = 0;
		const limiter = new LoginLimiter({ maxFailures: 2, windowMs: 1000, now: () => now });
		limiter.begin("a")?.(false);
		limiter.begin("a")?.(true);
		limiter.begin("a")?.(false);
		expect(limiter.begin("a")).toBeUndefined();
		expect(limiter.retryAfterMs("a")).toBe(1000);
		expect(limiter.begin("b")).toBeDefined();
		now = 1001;
		expect(limiter.begin("a")).toBeDefined();
	});
});
