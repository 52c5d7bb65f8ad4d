import type { MinorUnits, Versioned } from "./common.js";

export type MilestoneStatus = "planned" | "awaiting-evidence" | "ready-for-approval" | "approved" | "released" | "invoiced" | "blocked" | "disputed";

/**
 * fixed: an agreed amount; percent: a share of the order's contract value (basis points, 10000 =
 * 100 %); actuals: whatever the approved time and used items come to.
 */
export type MilestoneAmount = { kind: "fixed"; amountMinor: MinorUnits } | { kind: "percent"; basisPoints: number } | { kind: "actuals" };

export interface BillingMilestone extends Versioned {
	workOrderId: string;
	name: string;
	amount: MilestoneAmount;
	/** Tasks of this order or of its child visits. A task is billed by one milestone at most. */
	taskIds: string[];
	deliverableIds: string[];
	status: MilestoneStatus;
	invoiceId: string | null;
}
