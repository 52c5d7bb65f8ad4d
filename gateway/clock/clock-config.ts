/**
 * The `clock` section of the gateway config (README, "Gateway configuration"):
 *
 *   "clock": {
 *     "trustedTimeDevices": ["gnss-01"],   devices whose TimeSync sets the gateway's time (GNSS tools)
 *     "kernelPollSeconds": 60,              how often to ask the kernel whether its clock is synchronised
 *     "deviceTime": {                       when a reading's device time is implausible (device-time.ts)
 *       "notBefore": "2024-01-01T00:00:00Z",
 *       "maxSkewSeconds": 900,
 *       "maxStepSeconds": 2
 *     }
 *   }
 */
import { configFieldError } from "../../platform/config-errors.js";
import { isValidDeviceId } from "../../protocol/topics.js";
import { DEFAULT_DEVICE_TIME_RULES, type DeviceTimeRules } from "./device-time.js";

const invalid = configFieldError({ lead: "Invalid configuration: ", area: "clock." });

export interface ClockConfig {
	trustedTimeDevices: string[];
	kernelPollMs: number;
	deviceTime: DeviceTimeRules;
}

export function defaultClockConfig(): ClockConfig {
	return { trustedTimeDevices: [], kernelPollMs: 60_000, deviceTime: { ...DEFAULT_DEVICE_TIME_RULES } };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positiveNumber(o: Record<string, unknown>, key: string, field: string): number | undefined {
	const value = o[key];
	if (value === undefined) return undefined;
	if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw invalid(field, "must be a number above 0");
	return value;
}

export function parseClockConfig(raw: unknown): ClockConfig {
	if (!isObject(raw)) throw invalid("", "must be an object");
	const config = defaultClockConfig();
	const devices = raw.trustedTimeDevices;
	if (devices !== undefined) {
		if (!Array.isArray(devices) || devices.some((id) => typeof id !== "string" || !isValidDeviceId(id))) {
			throw invalid("trustedTimeDevices", "must be a list of device ids (letters, digits, . _ -)");
		}
		config.trustedTimeDevices = [...(devices as string[])];
	}
	const poll = positiveNumber(raw, "kernelPollSeconds", "kernelPollSeconds");
	if (poll !== undefined) config.kernelPollMs = poll * 1000;
	if (raw.deviceTime !== undefined) {
		const rules = raw.deviceTime;
		if (!isObject(rules)) throw invalid("deviceTime", "must be an object");
		if (rules.notBefore !== undefined) {
			const at = typeof rules.notBefore === "string" ? Date.parse(rules.notBefore) : Number.NaN;
			if (!Number.isFinite(at)) throw invalid("deviceTime.notBefore", 'must be an ISO 8601 date, e.g. "2024-01-01T00:00:00Z"');
			config.deviceTime.notBeforeMs = at;
		}
		const skew = positiveNumber(rules, "maxSkewSeconds", "deviceTime.maxSkewSeconds");
		if (skew !== undefined) config.deviceTime.maxSkewMs = skew * 1000;
		const step = positiveNumber(rules, "maxStepSeconds", "deviceTime.maxStepSeconds");
		if (step !== undefined) config.deviceTime.maxStepMs = step * 1000;
	}
	return config;
}
