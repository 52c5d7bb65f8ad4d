/**
 * Logs refusals made under load (connection cap, per-address limits, full password-check queue)
 * without letting a flood flood the log: one warning per message per interval, carrying how many
 * refusals it stands for. Invariant: at most one line per distinct message per `everyMs`.
 */
import type { Logger } from "pino";
import { ErrorCodes } from "../../platform/errors.js";

export type RefusalLog = (fields: Record<string, unknown>, message: string) => void;

export function createRefusalLog(logger: Logger, everyMs = 10_000, now: () => number = Date.now): RefusalLog {
	const state = new Map<string, { last: number; count: number }>();
	return (fields, message) => {
		let entry = state.get(message);
		if (!entry) {
			entry = { last: Number.NEGATIVE_INFINITY, count: 0 };
			state.set(message, entry);
		}
		entry.count++;
		const at = now();
		if (at - entry.last < everyMs) return;
		logger.warn({ code: ErrorCodes.FC_MQTT_BUSY, ...fields, refused: entry.count }, message);
		entry.last = at;
		entry.count = 0;
	};
}
