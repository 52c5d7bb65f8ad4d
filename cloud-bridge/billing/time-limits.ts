/**
 * Sanity limits on recorded time, for every caller: no entry longer than MAX_TIME_ENTRY_MS, and no
 * two of one technician's entries overlapping (rejected ones aside: they are not billed). A longer
 * shift is recorded as several entries; an overlap is a typo, a double submission or a padded bill.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { BillingContext } from "./context.js";

export const MAX_TIME_ENTRY_MS = 16 * 60 * 60 * 1000;

const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 100) / 100} h`;

export async function checkTimeEntrySanity(ctx: Pick<BillingContext, "repo">, entry: { technicianId: string; start: number; end: number }): Promise<void> {
	const duration = entry.end - entry.start;
	if (duration > MAX_TIME_ENTRY_MS) {
		throw new FieldchainError(
			ErrorCodes.FC_BILLING_TIME_ENTRY,
			`A time entry of ${hours(duration)} is longer than the ${hours(MAX_TIME_ENTRY_MS)} one entry may cover.`,
			{ hint: "Check start and end (epoch milliseconds); record a longer shift as several entries.", details: { maxMs: MAX_TIME_ENTRY_MS } },
		);
	}
	for (const other of await ctx.repo.list("timeEntry", { technicianId: entry.technicianId })) {
		if (other.status === "rejected") continue;
		const otherEnd = other.end ?? Number.POSITIVE_INFINITY;
		if (other.start < entry.end && entry.start < otherEnd) {
			throw new FieldchainError(
				ErrorCodes.FC_BILLING_TIME_ENTRY,
				`Technician ${entry.technicianId} already has time entry ${other.id} from ${new Date(other.start).toISOString()} to ${other.end === null ? "now (running)" : new Date(other.end).toISOString()}, which overlaps this one.`,
				{ hint: "Record only the time not yet covered, or correct or reject the other entry first.", details: { overlapsId: other.id } },
			);
		}
	}
}
