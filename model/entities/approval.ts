import type { EpochMs, Versioned } from "./common.js";

export type ApprovalKind = "time-entry" | "milestone" | "margin-override" | "evidence";

/** An immutable record of who decided what, when and why. */
export interface Approval extends Versioned {
	workOrderId: string;
	kind: ApprovalKind;
	/** The time entry, milestone (also for margin-override) or evidence decided on. */
	subjectId: string;
	decision: "approved" | "rejected";
	approverId: string;
	decidedAt: EpochMs;
	reason: string;
}
