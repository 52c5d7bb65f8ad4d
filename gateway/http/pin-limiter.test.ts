import pino from "pino";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { type PinAttempt, PinLimiter, type PinRefusal } from "./pin-limiter.js";

const WINDOW = 60_000;

function limiterWithLogs(limits = {}) {
	const clock = new ManualClock();
	const logs: Array<Record<string, unknown>> = [];
	const logger = pino({ level: "debug" }, { write: (line: string) => logs.push(JSON.parse(line)) });
	const limiter = new PinLimiter({ clock, windowMs: WINDOW, limits, logger });
	return { clock, limiter, logs };
}

function granted(result: PinAttempt | PinRefusal): PinAttempt {
	if (!result.granted) throw new Error(`refused for ${result.retryAfterMs} ms`);
	return result;
}

/** n wrong PINs, one after another. */
function failTimes(limiter: PinLimiter, n: number, technicianId: string, address: string): void {
	for (let index = 0; index < n; index++) granted(limiter.reserve(technicianId, address)).failed();
}

describe("PinLimiter", () => {
	it("allows five wrong PINs for a technician from an address per window, then says how long to wait", () => {
		const { clock, limiter } = limiterWithLogs();
		for (let attempt = 0; attempt < 5; attempt++) {
			granted(limiter.reserve("tech-bob", "10.0.0.1")).failed();
			clock.advance(1000);
		}
		expect(limiter.reserve("tech-bob", "10.0.0.1")).toEqual({ granted: false, retryAfterMs: 55_000 });
		// Other technicians from the address, and the technician from elsewhere, may still try.
		expect(limiter.reserve("tech-ana", "10.0.0.1").granted).toBe(true);
		expect(limiter.reserve("tech-bob", "10.0.0.2").granted).toBe(true);
		clock.advance(55_000);
		expect(limiter.reserve("tech-bob", "10.0.0.1").granted).toBe(true);
	});

	it("counts an attempt when it is reserved, so parallel attempts cannot all be checked", () => {
		const { limiter } = limiterWithLogs();
		const results = Array.from({ length: 40 }, () => limiter.reserve("tech-bob", "10.0.0.1"));
		expect(results.filter((result) => result.granted)).toHaveLength(5);
		expect(results.filter((result) => !result.granted)).toHaveLength(35);
	});

	it("keeps a reserved attempt counted until it is settled as a success", () => {
		const { limiter } = limiterWithLogs({ perTechnicianAtAddress: 2 });
		const first = granted(limiter.reserve("tech-bob", "a"));
		granted(limiter.reserve("tech-bob", "a")); // never settled: an aborted check still counts
		expect(limiter.reserve("tech-bob", "a").granted).toBe(false);
		first.succeeded();
		expect(limiter.reserve("tech-bob", "a").granted).toBe(true);
	});

	it("clears only the signing-in technician's own failures from that address", () => {
		const { limiter } = limiterWithLogs();
		failTimes(limiter, 4, "tech-bob", "10.0.0.1");
		failTimes(limiter, 1, "tech-bob", "10.0.0.2");
		// tech-ana signs in from the attacker's address: tech-bob's failures stay.
		granted(limiter.reserve("tech-ana", "10.0.0.1")).succeeded();
		failTimes(limiter, 1, "tech-bob", "10.0.0.1");
		expect(limiter.reserve("tech-bob", "10.0.0.1").granted).toBe(false);

		// tech-bob's own right PIN clears his failures from that address only.
		const other = limiterWithLogs({ perTechnician: 7 }).limiter;
		failTimes(other, 4, "tech-bob", "10.0.0.1");
		failTimes(other, 2, "tech-bob", "10.0.0.2");
		granted(other.reserve("tech-bob", "10.0.0.1")).succeeded();
		failTimes(other, 4, "tech-bob", "10.0.0.1"); // would be refused had the 4 from 10.0.0.1 stayed
		expect(other.reserve("tech-bob", "10.0.0.3").granted).toBe(true); // 2 + 4 + this one: the per-technician window is full
		expect(other.reserve("tech-bob", "10.0.0.4").granted).toBe(false);
	});

	it("limits one address across technicians and one technician across addresses", () => {
		const { limiter } = limiterWithLogs();
		for (let index = 0; index < 10; index++) failTimes(limiter, 1, `tech-${index}`, "10.0.0.9");
		expect(limiter.reserve("tech-new", "10.0.0.9").granted).toBe(false);
		expect(limiter.reserve("tech-new", "10.0.0.8").granted).toBe(true);

		const spread = limiterWithLogs().limiter;
		for (let index = 0; index < 20; index++) failTimes(spread, 1, "tech-bob", `10.0.1.${index}`);
		expect(spread.reserve("tech-bob", "10.0.1.200").granted).toBe(false);
		expect(spread.reserve("tech-ana", "10.0.1.200").granted).toBe(true);
	});

	it("logs every failure and each lockout once, with technician, address and counts", () => {
		const { limiter, logs } = limiterWithLogs({ perTechnicianAtAddress: 2 });
		failTimes(limiter, 2, "tech-bob", "10.0.0.1");
		limiter.reserve("tech-bob", "10.0.0.1");
		limiter.reserve("tech-bob", "10.0.0.1");
		const failures = logs.filter((line) => line.msg === "wrong PIN at sign-in");
		expect(failures).toHaveLength(2);
		expect(failures[1]).toMatchObject({ level: 40, technicianId: "tech-bob", address: "10.0.0.1", failures: { perTechnicianAtAddress: 2, perAddress: 2 } });
		const lockouts = logs.filter((line) => line.msg === "PIN sign-in locked out: too many wrong PINs");
		expect(lockouts).toHaveLength(1);
		expect(lockouts[0]).toMatchObject({ level: 40, technicianId: "tech-bob", address: "10.0.0.1", lockedBy: ["perTechnicianAtAddress"] });
		expect(logs.filter((line) => line.msg === "PIN sign-in refused while locked out")).toHaveLength(1);
	});

	it("keeps memory bounded under a flood of addresses and technician ids", () => {
		const limiter = new PinLimiter({ clock: new ManualClock() });
		for (let index = 0; index < 30_000; index++) failTimes(limiter, 1, `tech-${index}`, `addr-${index}`);
		expect(limiter.trackedKeys).toBeLessThanOrEqual(3 * 10_000);
	});
});
