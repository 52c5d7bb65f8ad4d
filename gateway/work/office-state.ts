/**
 * What the office decided, as the downlink brought it (gateway/uplink/downlink.ts pulls the time
 * entries, approvals, milestones, deliverables and invoices of this gateway's work orders into the
 * plan): read-only lookups over the work-order snapshot. Nothing here decides; the billing
 * service did.
 */
import type { Approval } from "../../model/entities/approval.js";
import type { Invoice } from "../../model/entities/invoice.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { BillingMilestone } from "../../model/entities/milestone.js";
import type { TimeEntry } from "../../model/entities/time-entry.js";

export type OfficeDecision = Approval;

/** The billing service's copy of a time entry (same id as the gateway's), if the plan has it. */
export function officeTimeEntry(snapshot: ModelSnapshot, id: string): TimeEntry | undefined {
	return snapshot.timeEntries.find((entry) => entry.id === id);
}

/** The office's latest decision on a time entry (approval or rejection, with its reason). */
export function latestTimeDecision(snapshot: ModelSnapshot, id: string): OfficeDecision | undefined {
	let latest: Approval | undefined;
	for (const approval of snapshot.approvals) {
		if (approval.kind !== "time-entry" || approval.subjectId !== id) continue;
		if (!latest || approval.decidedAt > latest.decidedAt || (approval.decidedAt === latest.decidedAt && approval.createdAt >= latest.createdAt))
			latest = approval;
	}
	return latest;
}

export interface InvoiceSummary {
	id: string;
	/** The invoice's number as the office quotes it (its id in the billing service). */
	number: string;
	totalMinor: number;
	currency: string;
	issuedAt: number;
}

export function invoiceOf(snapshot: ModelSnapshot, milestone: BillingMilestone): InvoiceSummary | null {
	const invoice: Invoice | undefined = snapshot.invoices.find(
		(candidate) => candidate.id === milestone.invoiceId || (milestone.invoiceId === null && candidate.milestoneId === milestone.id),
	);
	if (!invoice) return null;
	return { id: invoice.id, number: invoice.id, totalMinor: invoice.totalMinor, currency: invoice.currency, issuedAt: invoice.issuedAt };
}
