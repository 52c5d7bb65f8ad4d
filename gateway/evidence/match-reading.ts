/**
 * Which checklist item of the active task a device reading satisfies, and whether it passes.
 * Pure: the same function decides on the gateway (offline) and in tests. Requirements come from
 * the execution model (model): quantity must be equal, the unit convertible (UCUM), the
 * value within the item's range after conversion, and, where the item asks for it, the device in
 * calibration at capture time.
 */
import type { ChecklistItem, Task } from "../../model/entities/task.js";
import { areConvertible, convertUnit, withinRange } from "../../model/units/ucum.js";

export type ReadingOutcome = "pass" | "fail-out-of-range" | "fail-out-of-calibration";

export interface ReadingToMatch {
	quantity: string;
	value: number;
	unit: string;
	/** Gateway time of capture, ms since the Unix epoch. */
	capturedAt: number;
	/** The device's calibration due date (ms), when it reported one. */
	calibrationDueAt: number | undefined;
}

export interface ReadingMatch {
	item: ChecklistItem;
	outcome: ReadingOutcome;
	/** The value in the item's unit. */
	valueInItemUnit: number;
	/** Past its calibration due date at capture, whether or not the item requires calibration. */
	outOfCalibration: boolean;
}

/** True when the device's calibration had expired (or is unknown) at capture time. */
export function isOutOfCalibration(reading: ReadingToMatch): boolean {
	return reading.calibrationDueAt === undefined || reading.calibrationDueAt === 0 || reading.capturedAt >= reading.calibrationDueAt;
}

/**
 * The first open reading item (checklist order) that the reading's quantity and unit fit, with the
 * outcome, or undefined when no open item fits (the reading then stays a plain reading).
 * `satisfied` holds the ids of items that already have passing evidence.
 */
export function matchReading(task: Task, reading: ReadingToMatch, satisfied: ReadonlySet<string>): ReadingMatch | undefined {
	for (const item of task.checklist) {
		const requirement = item.requirement;
		if (requirement.kind !== "reading" || satisfied.has(item.id)) continue;
		if (requirement.quantity !== reading.quantity || !areConvertible(reading.unit, requirement.unit)) continue;
		const valueInItemUnit = convertUnit(reading.value, reading.unit, requirement.unit);
		const outOfCalibration = isOutOfCalibration(reading);
		let outcome: ReadingOutcome = "pass";
		if (requirement.calibratedDevice && outOfCalibration) outcome = "fail-out-of-calibration";
		else if (!Number.isFinite(valueInItemUnit) || !withinRange(valueInItemUnit, requirement.min, requirement.max)) outcome = "fail-out-of-range";
		return { item, outcome, valueInItemUnit, outOfCalibration };
	}
	return undefined;
}
