/**
 * The slice of johnny-five's API the adapter uses (johnny-five ships no TypeScript types). Kept
 * narrow so the adapter is honest about what it relies on.
 */
import type { EventEmitter } from "node:events";

export interface J5Board extends EventEmitter {
	io: unknown;
}

export interface J5Component extends EventEmitter {
	value?: number;
	fscaleTo?(low: number, high: number): number;
	celsius?: number;
	thermometer?: { celsius?: number };
	barometer?: { pressure?: number };
	hygrometer?: { relativeHumidity?: number };
}

export interface JohnnyFive {
	Board: new (options: Record<string, unknown>) => J5Board;
	Sensor: new (options: Record<string, unknown>) => J5Component;
	Thermometer: new (options: Record<string, unknown>) => J5Component;
	Multi: new (options: Record<string, unknown>) => J5Component;
}
