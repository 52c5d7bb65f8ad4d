/**
 * A credit note: money given back on a released invoice after the customer disputed its milestone.
 * Issued once and never changed (the repository refuses any rewrite), like the invoice it credits;
 * a correction is another credit note. Every line names the invoice line it credits, so a credit
 * traces through that line to the time entries, line items, evidence and approvals behind it.
 */
import type { CurrencyCode, EpochMs, MinorUnits, Versioned } from "./common.js";
import type { InvoiceLineSource } from "./invoice.js";

export interface CreditNoteLine {
	lineNo: number;
	/** The invoice line credited. */
	invoiceLineNo: number;
	description: string;
	/** At most what is still creditable on the invoice line (its amount less earlier credits). */
	amountMinor: MinorUnits;
	/** The credited invoice line's source, copied so the credit note traces on its own. */
	source: InvoiceLineSource;
}

export interface CreditNote extends Versioned {
	/** Human-facing and unique: `<invoice id>-CN<n>`, n counting the invoice's credit notes from 1. */
	number: string;
	invoiceId: string;
	workOrderId: string;
	milestoneId: string;
	customerId: string;
	currency: CurrencyCode;
	issuedAt: EpochMs;
	/** Who issued it (a billing clerk's actor id). */
	issuedBy: string;
	/** Why, in the clerk's words: the customer and the auditor read it. */
	reason: string;
	/** The rejecting milestone decision that recorded the customer's dispute. */
	disputeApprovalId: string;
	lines: CreditNoteLine[];
	totalMinor: MinorUnits;
}
