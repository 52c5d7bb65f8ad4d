/** SLA clocks on a jumping clock: the tablet's wall clock jumps ±1 day, the countdown does not. */
import { describe, expect, it } from "vitest";
import { slaText } from "./format.js";
import { GatewayNow } from "./gateway-now.js";

const DAY = 86_400_000;

describe("GatewayNow (the app's SLA clocks)", () => {
	it("keeps an SLA countdown true when the tablet's wall clock jumps a day either way", () => {
		let monotonic = 1000;
		let wall = Date.UTC(2026, 0, 15, 9, 0, 0);
		const now = new GatewayNow(
			() => monotonic,
			() => wall,
		);
		const deadline = wall + 2 * 3_600_000;
		expect(slaText(deadline, now.now()).text).toBe("in 2 h 00 min");
		wall += DAY;
		monotonic += 30 * 60_000;
		expect(slaText(deadline, now.now())).toMatchObject({ text: "in 1 h 30 min", overdue: false });
		wall -= 2 * DAY;
		monotonic += 31 * 60_000;
		expect(slaText(deadline, now.now())).toMatchObject({ text: "in 59 min", soon: true });
	});

	it("takes the gateway's time when it answers, at the middle of the round trip", () => {
		let monotonic = 0;
		const now = new GatewayNow(
			() => monotonic,
			() => 0,
		);
		monotonic = 100;
		now.learn(5_000_000, 60);
		expect(now.now()).toBe(5_000_000 + 20);
	});
});
