/** Integer money arithmetic. Rounding happens once per line, half away from zero. */
import type { MarginFigures } from "../entities/invoice.js";

const MS_PER_HOUR = 3_600_000;

function roundHalfAway(value: number): number {
	return Math.sign(value) * Math.round(Math.abs(value));
}

/** Amount for a duration at an hourly rate, from exact milliseconds (not rounded hours). */
export function amountForDuration(durationMs: number, perHourMinor: number): number {
	return roundHalfAway((durationMs * perHourMinor) / MS_PER_HOUR);
}

export function amountForQuantity(quantity: number, unitMinor: number): number {
	return roundHalfAway(quantity * unitMinor);
}

/** Hours with two decimals, for display on invoice lines. */
export function displayHours(durationMs: number): number {
	return Math.round(durationMs / 36_000) / 100;
}

export function marginFigures(priceMinor: number, costMinor: number): MarginFigures {
	const marginMinor = priceMinor - costMinor;
	return {
		priceMinor,
		costMinor,
		marginMinor,
		marginBasisPoints: priceMinor === 0 ? null : Math.floor((marginMinor * 10_000) / priceMinor),
	};
}

/** A margin is below the floor when its ratio is, or when there is cost but no price at all. */
export function isBelowFloor(margin: MarginFigures, floorBasisPoints: number): boolean {
	if (margin.marginBasisPoints === null) return margin.costMinor > 0;
	return margin.marginBasisPoints < floorBasisPoints;
}
