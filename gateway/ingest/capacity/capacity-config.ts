/**
 * The `capacity` section of the gateway config (README, "Capacity"):
 *
 *   "capacity": {
 *     "quotaBytes": 2000000000,          the gateway's data may use this much; then low-priority data is refused
 *     "reserveBytes": 50000000,          free disk below this: nothing more is stored, devices are not acked
 *     "rawReadingMaxAgeMs": 604800000,   at the quota, raw readings that matched no task and are older age out
 *     "checkIntervalMs": 1000
 *   }
 */
import { configFieldError } from "../../../platform/config-errors.js";

const invalid = configFieldError({ lead: "Invalid configuration: ", area: "capacity." });

export interface CapacityConfig {
	quotaBytes: number | null;
	reserveBytes: number;
	rawReadingMaxAgeMs: number | null;
	checkIntervalMs: number;
}

export function defaultCapacityConfig(): CapacityConfig {
	return { quotaBytes: null, reserveBytes: 50 * 1024 * 1024, rawReadingMaxAgeMs: null, checkIntervalMs: 1000 };
}

function optionalInteger(o: Record<string, unknown>, key: string, min: number): number | null | undefined {
	const value = o[key];
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) throw invalid(key, `must be an integer >= ${min}`);
	return value;
}

export function parseCapacityConfig(raw: unknown): CapacityConfig {
	if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw invalid("", "must be an object");
	const o = raw as Record<string, unknown>;
	const config = defaultCapacityConfig();
	config.quotaBytes = optionalInteger(o, "quotaBytes", 1) ?? null;
	config.reserveBytes = optionalInteger(o, "reserveBytes", 0) ?? config.reserveBytes;
	config.rawReadingMaxAgeMs = optionalInteger(o, "rawReadingMaxAgeMs", 0) ?? null;
	config.checkIntervalMs = optionalInteger(o, "checkIntervalMs", 10) ?? config.checkIntervalMs;
	return config;
}
