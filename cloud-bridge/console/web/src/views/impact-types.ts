/** The shapes the Impact view reads and sends: policies (/v1/policies) and impact previews (/v1/impact). */
export type PolicyKind = "sla-policy" | "price-list" | "checklist-template";

export interface SlaTarget {
	priority: string;
	respondMinutes: number;
	resolveMinutes: number;
}

export interface PolicyChecklistItem {
	id: string;
	label: string;
	required: boolean;
	beforeStart: boolean;
	requirement: { kind: string; [field: string]: unknown };
}

interface PolicyBase {
	id: string;
	version: number;
	name: string;
	effectiveFrom: number;
}

export type Policy =
	| (PolicyBase & { kind: "sla-policy"; customerIds: string[]; targets: SlaTarget[] })
	| (PolicyBase & {
			kind: "price-list";
			currency: string;
			rateCardId: string | null;
			ratesPerHourMinor: { work?: number; travel?: number };
			itemPricesMinor: Record<string, number>;
	  })
	| (PolicyBase & { kind: "checklist-template"; items: PolicyChecklistItem[]; milestoneEvidence: string[] });

export type PolicyChange =
	| { kind: "sla-policy"; id: string; targets: SlaTarget[] }
	| { kind: "price-list"; id: string; ratesPerHourMinor?: { work?: number; travel?: number }; itemPricesMinor?: Record<string, number> }
	| { kind: "checklist-template"; id: string; items: PolicyChecklistItem[]; milestoneEvidence: string[] };

export type ApprovalRole = "customer" | "compliance";

export interface ChangeSet {
	name: string;
	effectiveAt: string;
	scope?: { workOrderIds?: string[]; customerIds?: string[]; siteIds?: string[] };
	changes: PolicyChange[];
	requireApprovals: ApprovalRole[];
	samples: number;
	seed: number;
}

export interface Range {
	min: number;
	p10: number;
	p50: number;
	p90: number;
	max: number;
}

export interface CostRanges {
	seed: number;
	samples: number;
	tasks: number;
	historicalDurations: number;
	currency: string;
	labourCostMinor: Range;
	revenueMinor: Range;
	marginImpactMinor: Range;
}

interface Sla {
	respondBy: number;
	resolveBy: number;
}

export interface Plan {
	name: string | null;
	effectiveAt: number;
	policies: { kind: PolicyKind; id: string; fromVersion: number | null; toVersion: number }[];
	summary: Record<string, number>;
	workOrders: { id: string; title: string; priority: string; customerId: string; before: Sla; after: Sla }[];
	appointments: { id: string; workOrderId: string; technicianId: string; becomesLate: boolean; needsRescheduling: boolean; after: { findings: string[] } }[];
	rateCards: { id: string; before: Record<string, number>; after: Record<string, number> }[];
	lineItems: { id: string; workOrderId: string; description: string; before: { unitPriceMinor: number }; after: { unitPriceMinor: number } }[];
	margins: { workOrderId: string; before: { marginBasisPoints: number | null }; after: { marginBasisPoints: number | null }; belowFloor: boolean }[];
	tasks: {
		id: string;
		workOrderId: string;
		title: string;
		added: PolicyChecklistItem[];
		removed: PolicyChecklistItem[];
		changed: { after: PolicyChecklistItem }[];
	}[];
	milestones: { id: string; workOrderId: string; name: string; before: { ready: boolean }; after: { ready: boolean; reasons: string[] } }[];
	invoices: { milestoneId: string; workOrderId: string; before: { totalMinor: number }; after: { totalMinor: number } }[];
	webhooks: { type: string; subjectId: string; workOrderIds: string[] }[];
	approvalsRequired: { kind: string; subjectId: string; reason: string }[];
	readHash: string;
	costRanges?: CostRanges;
}

export interface Preview {
	id: string;
	createdAt: number;
	createdBy: string;
	changeSet: ChangeSet;
	plan: Plan;
	applied: { at: number; by: string } | null;
}

export interface PackApproval {
	role: ApprovalRole;
	decision: "approved" | "rejected";
	by: string;
	at: number;
	note: string;
}

export interface ComparisonEntry {
	name: string;
	readHash: string;
	summary: Record<string, number>;
	costRanges: CostRanges | Record<string, never>;
}
