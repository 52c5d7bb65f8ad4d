import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter.js";

function limiter(options = { maxFailures: 3, windowMs: 60_000, maxAddressFailures: 5 }) {
	let now = 1_000_000;
	const l = new SignInLimiter(() => now, options);
	return { l, advance: (ms: number) => (now += ms) };
}

describe("sign-in limiter", () => {
	it("refuses a username after maxFailures within the window, until the oldest failure leaves it", () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 3; i++) {
			expect(l.retryAfter("alice", "10.0.0.1")).toBe(0);
			l.failed("alice", "10.0.0.1");
			advance(1000);
		}
		expect(l.retryAfter("alice", "10.0.0.2")).toBe(60_000 - 3000);
		expect(l.retryAfter("bob", "10.0.0.2")).toBe(0);
		advance(57_001);
		expect(l.retryAfter("alice", "10.0.0.2")).toBe(0);
	});

	it("limits one address spraying many usernames", () => {
		const { l } = limiter();
		for (const name of ["a", "b", "c", "d", "e"]) l.failed(name, "10.0.0.9");
		expect(l.retryAfter("f", "10.0.0.9")).toBeGreaterThan(0);
		expect(l.retryAfter("f", "10.0.0.8")).toBe(0);
	});

	it("a success clears the username's count but not the address's", () => {
		const { l } = limiter();
		l.failed("alice", "ip");
		l.failed("alice", "ip");
		l.succeeded("alice");
		l.failed("alice", "ip");
		l.failed("alice", "ip");
		expect(l.retryAfter("alice", "other")).toBe(0);
		l.failed("alice", "ip");
		expect(l.retryAfter("zed", "ip")).toBeGreaterThan(0);
	});

	it("a clock jumping backwards never locks anyone out for longer than the window", () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 3; i++) l.failed("alice", "ip2");
		advance(-3_600_000);
		expect(l.retryAfter("alice", "x")).toBeLessThanOrEqual(60_000 + 3_600_000);
		advance(3_600_000 + 60_001);
		expect(l.retryAfter("alice", "x")).toBe(0);
	});
});
