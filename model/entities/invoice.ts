import type { CurrencyCode, EpochMs, MinorUnits, Versioned } from "./common.js";

export type InvoiceLineKind = "work" | "travel" | "labour" | "part" | "service" | "milestone-adjustment";

/** Where a line's amount comes from, so every line can be traced back. */
export interface InvoiceLineSource {
	kind: "time-entry" | "line-item" | "milestone";
	id: string;
}

export interface InvoiceLine {
	lineNo: number;
	kind: InvoiceLineKind;
	description: string;
	taskId: string | null;
	/** Hours (two decimals) for time, the used quantity for items. For display only. */
	quantity: number;
	unit: string;
	unitPriceMinor: MinorUnits;
	/** Exact: computed from milliseconds and minor units, never from the rounded quantity. */
	amountMinor: MinorUnits;
	source: InvoiceLineSource;
	/** Evidence that satisfied the checklist of the line's task. */
	evidenceIds: string[];
	/** Approvals behind the line (time-entry approval, milestone approval, margin override). */
	approvalIds: string[];
}

export interface MarginFigures {
	priceMinor: MinorUnits;
	costMinor: MinorUnits;
	marginMinor: MinorUnits;
	/** (price - cost) / price in basis points, rounded down; null when the price is 0. */
	marginBasisPoints: number | null;
}

/** Produced once by releasing a milestone and never changed afterwards. */
export interface Invoice extends Versioned {
	workOrderId: string;
	milestoneId: string;
	customerId: string;
	currency: CurrencyCode;
	issuedAt: EpochMs;
	lines: InvoiceLine[];
	totalMinor: MinorUnits;
	deliverableIds: string[];
	approvalIds: string[];
	margin: MarginFigures;
}
