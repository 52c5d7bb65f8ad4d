import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { areConvertible, convertUnit, withinRange } from "./ucum.js";

describe("UCUM conversion", () => {
	it.each([
		[1.5, "kOhm", "Ohm", 1500],
		[2, "MOhm", "kOhm", 2000],
		[230, "V", "mV", 230000],
		[450, "mV", "V", 0.45],
		[20, "Cel", "K", 293.15],
		[0, "K", "Cel", -273.15],
		[212, "[degF]", "Cel", 100],
		[250, "kPa", "bar", 2.5],
		[1, "bar", "kPa", 100],
	])("%d %s is %d %s", (value, from, to, expected) => {
		expect(convertUnit(value, from, to)).toBeCloseTo(expected, 9);
	});

	it("refuses incompatible and unknown units with precise codes", () => {
		expect(areConvertible("V", "Ohm")).toBe(false);
		try {
			convertUnit(1, "V", "Ohm");
			expect.unreachable();
		} catch (error) {
			expect(isFieldchainError(error, "FC_MODEL_UNIT_INCOMPATIBLE")).toBe(true);
		}
		try {
			convertUnit(1, "ohm", "Ohm");
			expect.unreachable();
		} catch (error) {
			expect(isFieldchainError(error, "FC_MODEL_UNIT_UNKNOWN")).toBe(true);
		}
	});

	it("round-trips within floating-point tolerance", () => {
		const pairs: [string, string][] = [
			["Ohm", "MOhm"],
			["mV", "kV"],
			["Cel", "[degF]"],
			["[psi]", "kPa"],
		];
		fc.assert(
			fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e6, max: 1e6, noNaN: true }), ([a, b], v) => {
				const back = convertUnit(convertUnit(v, a, b), b, a);
				expect(Math.abs(back - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
			}),
			{ numRuns: 200 },
		);
	});

	it("treats a value printed as the limit as within it", () => {
		expect(withinRange(convertUnit(0.5, "MOhm", "Ohm"), 500000, null)).toBe(true);
		expect(withinRange(499999, 500000, null)).toBe(false);
		expect(withinRange(5, null, 4)).toBe(false);
	});
});
