import type { CurrencyCode, GeoPoint, MinorUnits, SkillLevel, Versioned, WeeklyWindow } from "./common.js";

export type TimeKind = "work" | "travel";

/** What a customer is charged per hour, by kind of time. Shared by many technicians. */
export interface RateCard extends Versioned {
	name: string;
	currency: CurrencyCode;
	ratesPerHourMinor: Record<TimeKind, MinorUnits>;
}

/** A schedulable resource. */
export interface Technician extends Versioned {
	name: string;
	skills: SkillLevel[];
	homeBase: { location: GeoPoint; label: string };
	calendar: { timeZone: string; workingWeek: WeeklyWindow[] };
	dailyCapacityMinutes: number;
	/** What an hour of this technician costs the company (margin control). */
	hourlyCostMinor: MinorUnits;
	currency: CurrencyCode;
	/** How their time is billed. */
	rateCardId: string;
	active: boolean;
}
