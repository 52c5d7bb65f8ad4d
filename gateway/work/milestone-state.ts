/**
 * The billing milestones of a work order as the technician sees them: judged by the model's
 * milestone readiness rule (model/rules/milestone-readiness.ts) on the gateway's snapshot
 * (gateway-snapshot.ts). "Ready for approval" means the technician's part is done: every reason
 * left is submitted time waiting for approval in the billing service. Otherwise the reasons say
 * exactly what is still missing.
 */
import type { BillingMilestone } from "../../model/entities/milestone.js";
import { milestoneReadinessOf } from "../../model/rules/milestone-readiness.js";
import type { Reason } from "../../model/rules/reasons.js";
import { gatewaySnapshot, type SnapshotParts } from "./gateway-snapshot.js";

export interface MilestoneState {
	id: string;
	name: string;
	/** The milestone's status in the snapshot (planned, awaiting-evidence, approved, ...). */
	status: string;
	taskIds: string[];
	readyForApproval: boolean;
	/** What the technician (or the customer) still has to do. */
	missing: Reason[];
	/** Submitted time the billing service still has to approve. */
	awaitingApproval: Reason[];
}

export function milestoneStates(parts: SnapshotParts, workOrderId: string): MilestoneState[] {
	const milestones = parts.workOrders.snapshot.milestones.filter((milestone) => milestone.workOrderId === workOrderId);
	const snapshot = gatewaySnapshot(
		parts,
		milestones.flatMap((milestone) => milestone.taskIds),
	);
	const submitted = new Set(snapshot.timeEntries.filter((entry) => entry.status === "submitted").map((entry) => entry.id));
	return milestones.map((milestone: BillingMilestone) => {
		const reasons = milestoneReadinessOf(snapshot, milestone);
		const awaitingApproval = reasons.filter((entry) => entry.code === "time-not-approved" && submitted.has(entry.id));
		const missing = reasons.filter((entry) => !awaitingApproval.includes(entry));
		return {
			id: milestone.id,
			name: milestone.name,
			status: milestone.status,
			taskIds: milestone.taskIds,
			readyForApproval: missing.length === 0,
			missing,
			awaitingApproval,
		};
	});
}
