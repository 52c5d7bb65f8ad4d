import type { PolicyRef } from "../policies/types.js";
import type { CurrencyCode, EpochMs, MinorUnits, Versioned } from "./common.js";

export type WorkOrderStatus = "draft" | "scheduled" | "in-progress" | "on-hold" | "completed" | "cancelled";
export type WorkOrderPriority = "low" | "normal" | "high" | "emergency";
export type DependencyKind = "finish-to-start" | "start-to-start" | "same-day";

export interface WorkOrderDependency {
	predecessorId: string;
	kind: DependencyKind;
	/** Added to the predecessor's finish (or start); ignored for same-day. May be negative. */
	lagMs: number;
}

export interface WorkOrder extends Versioned {
	customerId: string;
	siteId: string;
	assetId: string | null;
	title: string;
	priority: WorkOrderPriority;
	sla: { respondBy: EpochMs; resolveBy: EpochMs };
	status: WorkOrderStatus;
	/** Multi-visit chains: the visit this one follows up, and the first order of the chain. */
	parentId: string | null;
	/** Equals id for the first order of a chain. */
	rootId: string;
	dependencies: WorkOrderDependency[];
	/** Null while unscheduled. */
	plannedStart: EpochMs | null;
	plannedEnd: EpochMs | null;
	currency: CurrencyCode;
	/** Agreed price of the order; percentage milestones are a share of it. */
	contractValueMinor: MinorUnits | null;
	startedAt: EpochMs | null;
	completedAt: EpochMs | null;
	/** The SLA policy version its deadlines came from (model/policies); absent for orders made before policies. */
	slaPolicy?: PolicyRef;
}
