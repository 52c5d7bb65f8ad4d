/**
 * The UCUM units field tools report in, and conversion between compatible ones. A closed table
 * rather than a full UCUM parser: a checklist must never accept a reading because an unusual unit
 * string happened to parse, so an unknown code is an error.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

interface UnitDef {
	/** What the unit measures; only units of one dimension convert. */
	dimension: string;
	/** value_in_base = value * factor + offset. */
	factor: number;
	offset?: number;
}

const SI_PREFIXES: Record<string, number> = { G: 1e9, M: 1e6, k: 1e3, "": 1, m: 1e-3, u: 1e-6, n: 1e-9 };

function prefixed(dimension: string, base: string, prefixes: string[]): Record<string, UnitDef> {
	const out: Record<string, UnitDef> = {};
	for (const prefix of prefixes) out[prefix + base] = { dimension, factor: SI_PREFIXES[prefix] };
	return out;
}

const UNITS: Record<string, UnitDef> = {
	...prefixed("resistance", "Ohm", ["G", "M", "k", "", "m", "u"]),
	...prefixed("voltage", "V", ["k", "", "m", "u"]),
	...prefixed("current", "A", ["k", "", "m", "u", "n"]),
	...prefixed("pressure", "Pa", ["M", "k", ""]),
	...prefixed("power", "W", ["M", "k", "", "m"]),
	...prefixed("frequency", "Hz", ["M", "k", ""]),
	...prefixed("capacitance", "F", ["m", "u", "n"]),
	...prefixed("length", "m", ["k", "", "m", "u"]),
	cm: { dimension: "length", factor: 1e-2 },
	bar: { dimension: "pressure", factor: 1e5 },
	mbar: { dimension: "pressure", factor: 1e2 },
	"[psi]": { dimension: "pressure", factor: 6894.757293168361 },
	K: { dimension: "temperature", factor: 1 },
	Cel: { dimension: "temperature", factor: 1, offset: 273.15 },
	"[degF]": { dimension: "temperature", factor: 5 / 9, offset: 273.15 - (32 * 5) / 9 },
	s: { dimension: "time", factor: 1 },
	ms: { dimension: "time", factor: 1e-3 },
	min: { dimension: "time", factor: 60 },
	h: { dimension: "time", factor: 3600 },
	"%": { dimension: "ratio", factor: 1e-2 },
	"1": { dimension: "ratio", factor: 1 },
};

export function isKnownUnit(unit: string): boolean {
	return Object.hasOwn(UNITS, unit);
}

function lookup(unit: string): UnitDef {
	const def = Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
	if (!def) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_UNIT_UNKNOWN, `Unknown UCUM unit "${unit}".`, {
			hint: `Use one of: ${Object.keys(UNITS).join(", ")}.`,
		});
	}
	return def;
}

export function areConvertible(from: string, to: string): boolean {
	return isKnownUnit(from) && isKnownUnit(to) && UNITS[from].dimension === UNITS[to].dimension;
}

/** Tolerance for a bound: runs once per reading, so a plain function rather than a closure. */
function slack(bound: number): number {
	return 1e-9 * Math.max(1, Math.abs(bound));
}

/** value expressed in `from`, converted to `to`. */
export function convertUnit(value: number, from: string, to: string): number {
	const a = lookup(from);
	const b = lookup(to);
	if (a.dimension !== b.dimension) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_UNIT_INCOMPATIBLE, `Cannot convert ${from} (${a.dimension}) to ${to} (${b.dimension}).`);
	}
	if (from === to) return value;
	const base = value * a.factor + (a.offset ?? 0);
	return (base - (b.offset ?? 0)) / b.factor;
}

/**
 * Range check after conversion. Conversions like 0.5 MOhm -> Ohm are inexact in binary floating
 * point, so a bound is allowed a relative slack of 1e-9: a reading printed as exactly the limit must
 * count as within it.
 */
export function withinRange(value: number, min: number | null, max: number | null): boolean {
	if (min !== null && value < min - slack(min)) return false;
	if (max !== null && value > max + slack(max)) return false;
	return true;
}
