/**
 * Shapes shared by every entity. Entities are plain JSON-safe data so the gateway, the billing
 * service and SQLite can all hold them without mapping layers.
 *
 * Time is epoch milliseconds everywhere (the device protocol's calibration dates already are), so
 * comparisons never parse strings. Money is an integer count of minor units (cents) next to an
 * ISO 4217 currency code, so totals never pick up floating-point error.
 */
export type EpochMs = number;
/** Integer minor units of a currency (cents for EUR/USD). */
export type MinorUnits = number;
/** ISO 4217 code, e.g. "EUR". */
export type CurrencyCode = string;

export interface Versioned {
	id: string;
	/**
	 * Optimistic concurrency: the version the holder read. A repository stores a write only when
	 * this equals the stored version (0 for a new entity) and then stores version + 1.
	 */
	version: number;
	createdAt: EpochMs;
	updatedAt: EpochMs;
}

export interface GeoPoint {
	latitude: number;
	longitude: number;
}

export interface TimeWindow {
	start: EpochMs;
	end: EpochMs;
}

/** A recurring weekly window in the local time of whoever it belongs to (site or technician). */
export interface WeeklyWindow {
	/** 0 = Sunday ... 6 = Saturday, as Date.getDay(). */
	weekday: number;
	startMinute: number;
	endMinute: number;
}

export interface SkillLevel {
	skill: string;
	/** 1 (trainee) to 5 (expert). */
	level: number;
}
