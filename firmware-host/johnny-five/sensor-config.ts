/**
 * Which johnny-five components a Firmata board carries and what each measures, validated at the
 * edge with the field named in every error (the file comes from a person, not a program).
 *
 * { "sensors": [
 *     { "kind": "sensor", "pin": "A0", "quantity": "voltage", "unit": "V", "scale": [0, 5] },
 *     { "kind": "thermometer", "controller": "LM35", "pin": "A1" },
 *     { "kind": "multi", "controller": "SHT31D" } ],
 *   "freq": 500 }
 */
import { configFieldError } from "../../platform/config-errors.js";

const invalid = configFieldError({ lead: "johnny-five board config ", separator: ": " });

export type SensorConfig =
	| { kind: "sensor"; pin: string | number; quantity: string; unit: string; scale?: [number, number]; channel: string; freq?: number }
	| { kind: "thermometer"; pin?: string | number; controller: string; channel: string; freq?: number }
	| { kind: "multi"; controller: string; address?: number; channel: string; freq?: number };

export interface BoardConfig {
	sensors: SensorConfig[];
	/** Default milliseconds between readings of each sensor. */
	freq: number;
}

const QUANTITY = /^[a-z][a-z0-9_]{0,63}$/;

export function parseBoardConfig(value: unknown): BoardConfig {
	const root = object(value, "config");
	const freq = optionalNumber(root.freq, "freq") ?? 1000;
	if (freq < 10) throw invalid("freq", `${freq} ms is too fast for Firmata; use at least 10`);
	if (!Array.isArray(root.sensors) || root.sensors.length === 0) throw invalid("sensors", "needs at least one sensor");
	const sensors = root.sensors.map((entry, index) => sensor(entry, `sensors[${index}]`));
	const channels = new Set<string>();
	for (const [index, s] of sensors.entries()) {
		const key = `${s.kind}/${s.channel}`;
		if (channels.has(key)) throw invalid(`sensors[${index}].channel`, `"${s.channel}" is used twice; give each sensor its own channel`);
		channels.add(key);
	}
	return { sensors, freq };
}

function sensor(value: unknown, field: string): SensorConfig {
	const o = object(value, field);
	const freq = optionalNumber(o.freq, `${field}.freq`);
	switch (o.kind) {
		case "sensor": {
			const quantity = string(o.quantity, `${field}.quantity`);
			if (!QUANTITY.test(quantity)) throw invalid(`${field}.quantity`, `"${quantity}" is not lower snake case`);
			let scale: [number, number] | undefined;
			if (o.scale !== undefined) {
				if (!Array.isArray(o.scale) || o.scale.length !== 2 || !o.scale.every((n) => typeof n === "number" && Number.isFinite(n)))
					throw invalid(`${field}.scale`, "must be [low, high], two numbers");
				scale = [o.scale[0], o.scale[1]];
			}
			return {
				kind: "sensor",
				pin: pin(o.pin, `${field}.pin`),
				quantity,
				unit: string(o.unit, `${field}.unit`),
				scale,
				channel: optionalString(o.channel, `${field}.channel`) ?? String(o.pin),
				freq,
			};
		}
		case "thermometer":
			return {
				kind: "thermometer",
				pin: o.pin === undefined ? undefined : pin(o.pin, `${field}.pin`),
				controller: string(o.controller, `${field}.controller`),
				channel: optionalString(o.channel, `${field}.channel`) ?? String(o.pin ?? o.controller),
				freq,
			};
		case "multi":
			return {
				kind: "multi",
				controller: string(o.controller, `${field}.controller`),
				address: optionalNumber(o.address, `${field}.address`),
				channel: optionalString(o.channel, `${field}.channel`) ?? String(o.controller),
				freq,
			};
		default:
			throw invalid(`${field}.kind`, `"${String(o.kind)}" is not one of sensor, thermometer, multi`);
	}
}

function object(value: unknown, field: string): Record<string, unknown> {
	if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid(field, "must be an object");
	return value as Record<string, unknown>;
}

function string(value: unknown, field: string): string {
	if (typeof value !== "string" || value === "") throw invalid(field, "must be a non-empty string");
	return value;
}

function optionalString(value: unknown, field: string): string | undefined {
	return value === undefined ? undefined : string(value, field);
}

function optionalNumber(value: unknown, field: string): number | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(field, "must be a number");
	return value;
}

function pin(value: unknown, field: string): string | number {
	if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
	if (typeof value === "string" && /^A?\d{1,2}$/.test(value)) return value;
	throw invalid(field, `${JSON.stringify(value)} is not a pin such as "A0" or 14`);
}
