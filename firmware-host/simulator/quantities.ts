/**
 * What the simulated tool measures: one capability per quantity, with a value generator that
 * wanders slowly inside a plausible band (a real probe on a real object drifts, it does not jump
 * across the whole range between two readings).
 */
import type { Capability } from "../../protocol/codec.js";
import type { RandomSource } from "./prng.js";

interface QuantitySpec {
	/** UCUM code. */
	unit: string;
	rangeMin: number;
	rangeMax: number;
	resolution: number;
	/** Band the generated values stay in, in `unit`. */
	typicalMin: number;
	typicalMax: number;
}

const QUANTITY_SPECS = {
	// Protective-conductor / continuity resistance of an installation.
	resistance: { unit: "Ohm", rangeMin: 0, rangeMax: 20, resolution: 0.001, typicalMin: 0.2, typicalMax: 2 },
	insulation_resistance: { unit: "MOhm", rangeMin: 0, rangeMax: 4000, resolution: 0.1, typicalMin: 200, typicalMax: 2000 },
	voltage: { unit: "V", rangeMin: 0, rangeMax: 600, resolution: 0.1, typicalMin: 225, typicalMax: 235 },
	current: { unit: "A", rangeMin: 0, rangeMax: 40, resolution: 0.01, typicalMin: 0.5, typicalMax: 16 },
	temperature: { unit: "Cel", rangeMin: -40, rangeMax: 150, resolution: 0.1, typicalMin: 20, typicalMax: 80 },
	pressure: { unit: "kPa", rangeMin: 0, rangeMax: 1000, resolution: 0.1, typicalMin: 200, typicalMax: 600 },
} as const satisfies Record<string, QuantitySpec>;

export type Quantity = keyof typeof QUANTITY_SPECS;
export const QUANTITIES = Object.keys(QUANTITY_SPECS) as Quantity[];

export function isQuantity(value: string): value is Quantity {
	return Object.hasOwn(QUANTITY_SPECS, value);
}

export function quantityUnit(quantity: Quantity): string {
	return QUANTITY_SPECS[quantity].unit;
}

export function capabilityFor(quantity: Quantity): Capability {
	const spec: QuantitySpec = QUANTITY_SPECS[quantity];
	return { quantity, unit: spec.unit, rangeMin: spec.rangeMin, rangeMax: spec.rangeMax, resolution: spec.resolution, channel: "" };
}

/** Returns successive values of a bounded random walk, rounded to the tool's resolution. */
export function createValueGenerator(quantity: Quantity, random: RandomSource): () => number {
	const spec: QuantitySpec = QUANTITY_SPECS[quantity];
	const span = spec.typicalMax - spec.typicalMin;
	// Decimal places of the resolution, so rounding gives 0.3 and not 0.30000000000000004.
	const decimals = Math.max(0, Math.ceil(-Math.log10(spec.resolution)));
	let value = spec.typicalMin + span * random();
	return () => {
		value += (random() - 0.5) * span * 0.02;
		value = Math.min(spec.typicalMax, Math.max(spec.typicalMin, value));
		return Number(value.toFixed(decimals));
	};
}
