import type { EpochMs, Versioned } from "./common.js";
import type { TimeKind } from "./technician.js";

export type TimeEntryStatus = "running" | "draft" | "submitted" | "approved" | "rejected" | "invoiced";

/** Time one technician spent on one task. Once approved its content never changes. */
export interface TimeEntry extends Versioned {
	/** Denormalised from the task so storage can scope by order without a join. */
	workOrderId: string;
	taskId: string;
	technicianId: string;
	kind: TimeKind;
	billable: boolean;
	start: EpochMs;
	/** Null while running. */
	end: EpochMs | null;
	status: TimeEntryStatus;
	note: string;
}
