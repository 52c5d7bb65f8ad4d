/**
 * How recorded time becomes billed time (README, "Billable time"): per entry, the recorded
 * duration is rounded to the nearest step of 6 minutes (0.1 h), halves up, with no minimum. The
 * invoice line bills exactly that: quantity = billed hours, amount = billed hours x rate, so a line
 * never shows 0 h with a non-zero amount (an 8-second timer bills 0.0 h and nothing). Cost and
 * margin stay on the recorded time.
 */

export const BILLING_STEP_MS = 6 * 60_000;

/** Billed milliseconds for a recorded duration. */
export function billedDuration(recordedMs: number): number {
	return Math.round(Math.max(0, recordedMs) / BILLING_STEP_MS) * BILLING_STEP_MS;
}

/** Billed hours (one decimal, exact for 6-minute steps). */
export function billedHours(recordedMs: number): number {
	return Math.round(billedDuration(recordedMs) / BILLING_STEP_MS) / 10;
}

/** "0 h 00 min 08 s" for the recorded duration on an invoice line. */
export function recordedText(recordedMs: number): string {
	const seconds = Math.floor(Math.max(0, recordedMs) / 1000);
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	return `${h} h ${String(m).padStart(2, "0")} min ${String(s).padStart(2, "0")} s`;
}

/** What an invoice line says about the rounding. */
export function roundingNote(recordedMs: number): string {
	return `recorded ${recordedText(recordedMs)}, billed ${billedHours(recordedMs).toFixed(1)} h: 6-minute steps`;
}
