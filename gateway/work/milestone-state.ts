/**
 * The billing milestones of a work order as the technician sees them: judged by the model's
 * milestone readiness rule (model/rules/milestone-readiness.ts) on the gateway's snapshot
 * (gateway-snapshot.ts), with the office's decisions the downlink brought (status, invoice).
 *
 * The model's "time-not-approved" reason is split by what the entry waits for: a draft waits for
 * the technician's Submit (time-not-submitted), a rejected entry for its correction
 * (time-rejected); both are the technician's to do (`missing`). Submitted time waits for the
 * office (`awaitingApproval`). `stage` says it in one word; the office's approved, released and
 * invoiced win over anything the gateway would judge.
 */
import type { BillingMilestone } from "../../model/entities/milestone.js";
import { milestoneReadinessOf } from "../../model/rules/milestone-readiness.js";
import { type Reason, reason } from "../../model/rules/reasons.js";
import { gatewaySnapshot, type SnapshotParts } from "./gateway-snapshot.js";
import { type InvoiceSummary, invoiceOf } from "./office-state.js";

export type MilestoneStage = "in-progress" | "awaiting-time-approval" | "ready-for-approval" | "approved" | "released" | "invoiced";

export interface MilestoneState {
	id: string;
	name: string;
	/** The milestone's status as the office holds it (planned, awaiting-evidence, approved, ...). */
	status: string;
	taskIds: string[];
	deliverableIds: string[];
	/** The technician's part is done: nothing is missing (submitted time may still wait for the office). */
	readyForApproval: boolean;
	/** What the technician (or the customer) still has to do. */
	missing: Reason[];
	/** Submitted time the billing service still has to approve. */
	awaitingApproval: Reason[];
	stage: MilestoneStage;
	invoice: InvoiceSummary | null;
}

const OFFICE_STAGES: Record<string, MilestoneStage> = { approved: "approved", released: "released", invoiced: "invoiced" };

export function milestoneStates(parts: SnapshotParts, workOrderId: string): MilestoneState[] {
	const milestones = parts.workOrders.snapshot.milestones.filter((milestone) => milestone.workOrderId === workOrderId);
	const snapshot = gatewaySnapshot(
		parts,
		milestones.flatMap((milestone) => milestone.taskIds),
	);
	const entries = new Map(snapshot.timeEntries.map((entry) => [entry.id, entry]));
	return milestones.map((milestone: BillingMilestone) => {
		const missing: Reason[] = [];
		const awaitingApproval: Reason[] = [];
		for (const found of milestoneReadinessOf(snapshot, milestone)) {
			const entry = found.code === "time-not-approved" ? entries.get(found.id) : undefined;
			if (!entry) missing.push(found);
			else if (entry.status === "submitted") awaitingApproval.push(found);
			else if (entry.status === "rejected")
				missing.push(reason("time-rejected", "timeEntry", entry.id, `time entry ${entry.id} was rejected by the office; correct it and resubmit`));
			else if (entry.status === "draft") missing.push(reason("time-not-submitted", "timeEntry", entry.id, `time entry ${entry.id} is draft, not submitted`));
			else missing.push(found);
		}
		const invoice = invoiceOf(parts.workOrders.snapshot, milestone);
		const office = OFFICE_STAGES[milestone.status];
		const stage: MilestoneStage =
			invoice && (!office || office === "released")
				? "invoiced"
				: (office ?? (missing.length > 0 ? "in-progress" : awaitingApproval.length > 0 ? "awaiting-time-approval" : "ready-for-approval"));
		return {
			id: milestone.id,
			name: milestone.name,
			status: milestone.status,
			taskIds: milestone.taskIds,
			deliverableIds: milestone.deliverableIds,
			readyForApproval: missing.length === 0,
			missing,
			awaitingApproval,
			stage,
			invoice,
		};
	});
}
