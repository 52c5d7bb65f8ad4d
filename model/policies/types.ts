/**
 * Policies the work is made from, first-class and versioned: SLA policies (respond / resolve
 * targets by priority and contract, business hours), price lists (rates by time kind, part and
 * service prices) and checklist templates (items, readings, safety acknowledgements, evidence a
 * milestone needs). A version, once stored, never changes: a revision is a new version with the
 * same id, and work orders and tasks record the { id, version } they were made from.
 */
import type { CurrencyCode, EpochMs, MinorUnits, WeeklyWindow } from "../entities/common.js";
import type { ChecklistItem } from "../entities/task.js";
import type { TimeKind } from "../entities/technician.js";
import type { WorkOrderPriority } from "../entities/work-order.js";

export type PolicyKind = "sla-policy" | "price-list" | "checklist-template";

/** Which version of which policy an entity was made from. */
export interface PolicyRef {
	id: string;
	version: number;
}

interface PolicyBase {
	id: string;
	/** 1 for the first; each revision adds one. */
	version: number;
	name: string;
	/** When this version starts to apply to open work. */
	effectiveFrom: EpochMs;
	createdAt: EpochMs;
	createdBy: string;
}

export interface SlaTarget {
	priority: WorkOrderPriority;
	respondMinutes: number;
	resolveMinutes: number;
}

export interface SlaPolicy extends PolicyBase {
	kind: "sla-policy";
	/** Customers (contracts) the policy covers; empty means every customer. */
	customerIds: string[];
	targets: SlaTarget[];
	/** Business hours (UTC weekly windows) the clock runs in; empty means around the clock. */
	businessHours: WeeklyWindow[];
}

export interface PriceList extends PolicyBase {
	kind: "price-list";
	currency: CurrencyCode;
	/** The rate card whose hourly rates this list sets (technicians bill through rate cards). */
	rateCardId: string | null;
	ratesPerHourMinor: Partial<Record<TimeKind, MinorUnits>>;
	/** Unit prices of parts and services by SKU. */
	itemPricesMinor: Record<string, MinorUnits>;
}

export interface ChecklistTemplate extends PolicyBase {
	kind: "checklist-template";
	items: ChecklistItem[];
	/** Checklist item ids whose evidence a billing milestone needs before release. */
	milestoneEvidence: string[];
}

export type Policy = SlaPolicy | PriceList | ChecklistTemplate;

export function refOf(policy: Policy): PolicyRef {
	return { id: policy.id, version: policy.version };
}
