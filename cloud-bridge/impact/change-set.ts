/**
 * A change set: one or more policy revisions (SLA policy, price list, checklist template) with the
 * date they take effect and the open work they apply to. It is only a proposal: previewing it
 * changes nothing; applying a fresh plan of it stores the new policy versions and re-stamps the work.
 */
import type { WeeklyWindow } from "../../model/entities/common.js";
import type { ChecklistItem } from "../../model/entities/task.js";
import type { SlaTarget } from "../../model/policies/types.js";

export interface SlaPolicyChange {
	kind: "sla-policy";
	id: string;
	name?: string;
	/** Customers (contracts) covered; omitted keeps the current version's, empty means all. */
	customerIds?: string[];
	targets: SlaTarget[];
	businessHours?: WeeklyWindow[];
}

export interface PriceListChange {
	kind: "price-list";
	id: string;
	name?: string;
	currency?: string;
	/** The rate card whose hourly rates change; omitted keeps the current version's. */
	rateCardId?: string | null;
	ratesPerHourMinor?: { work?: number; travel?: number };
	/** New unit prices by SKU; SKUs not named keep their price. */
	itemPricesMinor?: Record<string, number>;
}

export interface ChecklistTemplateChange {
	kind: "checklist-template";
	id: string;
	name?: string;
	items: ChecklistItem[];
	/** Checklist item ids whose evidence a billing milestone needs. */
	milestoneEvidence?: string[];
}

export type PolicyChange = SlaPolicyChange | PriceListChange | ChecklistTemplateChange;

export type ApprovalRole = "customer" | "compliance";

export interface ChangeSet {
	/** A label for the pack and side-by-side comparisons. */
	name?: string;
	/** ISO 8601 or epoch ms: when the new versions start to apply. */
	effectiveAt: string | number;
	/** Which open work it applies to; omitted fields do not narrow. Open = draft, scheduled, in progress, on hold. */
	scope?: { workOrderIds?: string[]; customerIds?: string[]; siteIds?: string[] };
	changes: PolicyChange[];
	/** Release margin floor the plan flags against (basis points); default the service's. */
	marginFloorBasisPoints?: number;
	/** Pack approvals that must be recorded against the plan before it may be applied. */
	requireApprovals?: ApprovalRole[];
	/** Monte-Carlo draws (default 2000, at most 100000) and their seed (default 1). */
	samples?: number;
	seed?: number;
}

export const OPEN_WORK_ORDER_STATUSES = new Set(["draft", "scheduled", "in-progress", "on-hold"]);

/** Epoch ms of the effective date; NaN when it is neither a date string nor a number. */
export function effectiveAtMs(changeSet: Pick<ChangeSet, "effectiveAt">): number {
	return typeof changeSet.effectiveAt === "number" ? changeSet.effectiveAt : Date.parse(changeSet.effectiveAt);
}
