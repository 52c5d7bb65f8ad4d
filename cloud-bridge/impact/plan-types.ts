/** The shapes of an impact plan (what POST /v1/impact/previews returns) and the writes applying it makes. */
import type { TimeWindow } from "../../model/entities/common.js";
import type { EntityKind, EntityMap } from "../../model/entities/kinds.js";
import type { ChecklistItem } from "../../model/entities/task.js";
import type { Policy, PolicyKind } from "../../model/policies/types.js";
import type { ChangeSet } from "./change-set.js";
import type { CostRanges } from "./monte-carlo.js";

export type Write = { [K in EntityKind]: { kind: K; entity: EntityMap[K] } }[EntityKind];

export interface MarginFiguresLite {
	priceMinor: number;
	costMinor: number;
	marginMinor: number;
	marginBasisPoints: number | null;
}

export interface Sla {
	respondBy: number;
	resolveBy: number;
}

export interface ImpactPlanBody {
	name: string | null;
	effectiveAt: number;
	marginFloorBasisPoints: number;
	policies: { kind: PolicyKind; id: string; fromVersion: number | null; toVersion: number }[];
	/** The versions applying stores, in full. */
	policyVersions: Policy[];
	/** The versions they replace (null for a new policy), for the pack's before/after tables. */
	previousPolicyVersions: (Policy | null)[];
	summary: {
		openWorkOrdersInScope: number;
		workOrdersAffected: number;
		deadlinesMoved: number;
		appointmentsLate: number;
		lineItemsRepriced: number;
		marginsBelowFloor: number;
		milestonesBlocked: number;
		invoicesChanged: number;
		tasksWithNewChecklist: number;
	};
	customers: { id: string; name: string; sites: { id: string; name: string; city: string }[] }[];
	workOrders: {
		id: string;
		customerId: string;
		siteId: string;
		title: string;
		priority: string;
		status: string;
		before: Sla;
		after: Sla;
		respondMovedMs: number;
		resolveMovedMs: number;
	}[];
	appointments: {
		id: string;
		workOrderId: string;
		technicianId: string;
		status: string;
		window: TimeWindow;
		before: { late: boolean; findings: string[] };
		after: { late: boolean; findings: string[] };
		becomesLate: boolean;
		needsRescheduling: boolean;
	}[];
	rateCards: { id: string; before: Record<string, number>; after: Record<string, number> }[];
	lineItems: {
		id: string;
		workOrderId: string;
		taskId: string;
		sku: string | null;
		description: string;
		before: { unitPriceMinor: number };
		after: { unitPriceMinor: number };
	}[];
	margins: { workOrderId: string; before: MarginFiguresLite; after: MarginFiguresLite; belowFloor: boolean; needsOverride: boolean }[];
	tasks: {
		id: string;
		workOrderId: string;
		title: string;
		status: string;
		added: ChecklistItem[];
		removed: ChecklistItem[];
		changed: { before: ChecklistItem; after: ChecklistItem }[];
	}[];
	milestones: {
		id: string;
		workOrderId: string;
		name: string;
		status: string;
		before: { ready: boolean; reasons: string[] };
		after: { ready: boolean; reasons: string[] };
		blocksRelease: boolean;
	}[];
	invoices: { milestoneId: string; workOrderId: string; status: string; before: { totalMinor: number }; after: { totalMinor: number } }[];
	/** Events applying would publish (and so the webhooks that would fire): listed, never sent by a preview. */
	webhooks: { type: string; subjectId: string; workOrderIds: string[]; taskIds: string[]; lineItemIds: string[] }[];
	approvalsRequired: { kind: string; subjectId: string; reason: string }[];
	/** SHA-256 of the change set and every entity version and policy version the plan read. */
	readHash: string;
	costRanges?: CostRanges;
}

export interface PackApproval {
	role: "customer" | "compliance";
	decision: "approved" | "rejected";
	by: string;
	at: number;
	note: string;
}

export interface ImpactPreview {
	id: string;
	createdAt: number;
	createdBy: string;
	changeSet: ChangeSet;
	plan: ImpactPlanBody;
	applied: { at: number; by: string } | null;
}
