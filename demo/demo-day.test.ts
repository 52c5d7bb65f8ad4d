import { describe, expect, it } from "vitest";
import { validateSnapshot } from "../model/validation/validate.js";
import { demoDay } from "./demo-day.js";

describe("the demo day", () => {
	it("is a consistent model snapshot whatever the time of day it is made", () => {
		const midnight = new Date(2026, 10, 25, 0, 0, 0, 0).getTime();
		for (let minute = 0; minute < 24 * 60; minute += 7) {
			const now = midnight + minute * 60_000;
			expect(validateSnapshot(demoDay(now)), new Date(now).toISOString()).toEqual([]);
		}
	});
});
