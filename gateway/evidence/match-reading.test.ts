import { describe, expect, it } from "vitest";
import type { ChecklistItem, Task } from "../../model/entities/task.js";
import { matchReading, type ReadingToMatch } from "./match-reading.js";

function item(id: string, quantity: string, unit: string, min: number | null, max: number | null, calibratedDevice = true): ChecklistItem {
	return { id, label: id, required: true, beforeStart: false, requirement: { kind: "reading", quantity, unit, min, max, calibratedDevice } };
}

const task = {
	id: "T1",
	workOrderId: "WO1",
	checklist: [
		{ id: "ack", label: "isolate", required: true, beforeStart: true, requirement: { kind: "acknowledgement", statement: "isolated" } },
		item("ir-l1", "insulation_resistance", "MOhm", 1, null),
		item("ir-l2", "insulation_resistance", "MOhm", 1, null),
		item("volts", "voltage", "V", 207, 253, false),
	],
} as unknown as Task;

const NOW = 1_764_000_000_000;
const reading = (overrides: Partial<ReadingToMatch> = {}): ReadingToMatch => ({
	quantity: "insulation_resistance",
	value: 500,
	unit: "MOhm",
	capturedAt: NOW,
	calibrationDueAt: NOW + 86_400_000,
	...overrides,
});

describe("matchReading", () => {
	it("takes the first open item whose quantity and unit fit", () => {
		expect(matchReading(task, reading(), new Set())).toMatchObject({ item: { id: "ir-l1" }, outcome: "pass" });
		expect(matchReading(task, reading(), new Set(["ir-l1"]))).toMatchObject({ item: { id: "ir-l2" } });
		expect(matchReading(task, reading(), new Set(["ir-l1", "ir-l2"]))).toBeUndefined();
	});

	it("converts units before checking the range", () => {
		expect(matchReading(task, reading({ value: 2_000_000, unit: "Ohm" }), new Set())).toMatchObject({ outcome: "pass", valueInItemUnit: 2 });
		expect(matchReading(task, reading({ value: 500, unit: "kOhm" }), new Set())).toMatchObject({ outcome: "fail-out-of-range", valueInItemUnit: 0.5 });
		expect(matchReading(task, reading({ quantity: "voltage", value: 231000, unit: "mV" }), new Set())).toMatchObject({
			item: { id: "volts" },
			outcome: "pass",
		});
	});

	it("leaves readings of other quantities or incompatible units unmatched", () => {
		expect(matchReading(task, reading({ quantity: "temperature", unit: "Cel" }), new Set())).toBeUndefined();
		expect(matchReading(task, reading({ unit: "V" }), new Set())).toBeUndefined();
	});

	it("flags a device past its calibration due date and refuses it where calibration is required", () => {
		const late = reading({ calibrationDueAt: NOW - 1 });
		expect(matchReading(task, late, new Set())).toMatchObject({ outcome: "fail-out-of-calibration", outOfCalibration: true });
		// The voltage item does not require calibration: it passes, but the flag stays.
		expect(matchReading(task, { ...late, quantity: "voltage", value: 230, unit: "V" }, new Set())).toMatchObject({ outcome: "pass", outOfCalibration: true });
		expect(matchReading(task, reading({ calibrationDueAt: undefined }), new Set())).toMatchObject({ outcome: "fail-out-of-calibration" });
	});

	it("counts a non-finite value as out of range", () => {
		expect(matchReading(task, reading({ value: Number.NaN }), new Set())).toMatchObject({ outcome: "fail-out-of-range" });
	});
});
