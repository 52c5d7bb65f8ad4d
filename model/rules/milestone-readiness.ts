/**
 * A billing milestone is ready when its tasks are complete with valid evidence, its deliverables
 * are signed off and every billable time entry on its tasks is approved. The list of what is
 * missing is what a technician sees offline ("deliverable D1 sign-off is delivered, not signed off").
 */
import type { ModelSnapshot } from "../entities/kinds.js";
import type { BillingMilestone } from "../entities/milestone.js";
import { CUSTOMER_SIGN_OFF_ITEM, evidenceProblem } from "./evidence-check.js";
import { findEntity, requireEntity } from "./lookup.js";
import { assertNoReasons, type Reason, reason } from "./reasons.js";
import { checklistReasons } from "./task-rules.js";

function signatureReason(snapshot: ModelSnapshot, deliverableId: string, evidenceId: string | null): Reason | null {
	const evidence = evidenceId === null ? undefined : findEntity(snapshot, "evidence", evidenceId);
	const bad = (why: string) => reason("sign-off-invalid", "deliverable", deliverableId, `deliverable ${deliverableId}: ${why}`);
	if (!evidence) return bad(`signature evidence ${evidenceId ?? "(none)"} does not exist`);
	if (evidence.deliverableId !== deliverableId) return bad(`evidence ${evidence.id} is not for this deliverable`);
	if (evidence.status === "rejected") return bad(`signature evidence ${evidence.id} was rejected`);
	const problem = evidenceProblem(CUSTOMER_SIGN_OFF_ITEM, evidence);
	return problem ? bad(problem) : null;
}

export function milestoneReadinessOf(snapshot: ModelSnapshot, milestone: BillingMilestone): Reason[] {
	const reasons: Reason[] = [];
	if (milestone.taskIds.length === 0 && milestone.deliverableIds.length === 0) {
		reasons.push(reason("milestone-empty", "milestone", milestone.id, `milestone ${milestone.id} requires no task and no deliverable`));
	}
	for (const taskId of milestone.taskIds) {
		const task = findEntity(snapshot, "task", taskId);
		if (!task) {
			reasons.push(reason("task-missing", "milestone", milestone.id, `task ${taskId} of milestone ${milestone.id} does not exist`));
			continue;
		}
		if (task.status !== "completed") reasons.push(reason("task-not-completed", "task", task.id, `task ${task.id} is ${task.status}, not completed`));
		reasons.push(...checklistReasons(snapshot, task));
		for (const entry of snapshot.timeEntries) {
			if (entry.taskId !== task.id || !entry.billable || entry.status === "approved" || entry.status === "invoiced") continue;
			reasons.push(reason("time-not-approved", "timeEntry", entry.id, `time entry ${entry.id} is ${entry.status}, not approved`));
		}
	}
	for (const deliverableId of milestone.deliverableIds) {
		const deliverable = findEntity(snapshot, "deliverable", deliverableId);
		if (!deliverable) {
			reasons.push(reason("deliverable-missing", "milestone", milestone.id, `deliverable ${deliverableId} of milestone ${milestone.id} does not exist`));
		} else if (deliverable.status !== "signed-off") {
			reasons.push(
				reason(
					"deliverable-not-signed",
					"deliverable",
					deliverable.id,
					`deliverable ${deliverable.id} ${deliverable.kind} '${deliverable.title}' is ${deliverable.status}, not signed off`,
				),
			);
		} else {
			const bad = signatureReason(snapshot, deliverable.id, deliverable.signatureEvidenceId);
			if (bad) reasons.push(bad);
		}
	}
	return reasons;
}

/** Everything missing before the milestone may be approved and released; empty when ready. */
export function milestoneReadiness(snapshot: ModelSnapshot, milestoneId: string): Reason[] {
	return milestoneReadinessOf(snapshot, requireEntity(snapshot, "milestone", milestoneId));
}

export function isMilestoneReady(snapshot: ModelSnapshot, milestoneId: string): boolean {
	return milestoneReadiness(snapshot, milestoneId).length === 0;
}

export function assertMilestoneReady(snapshot: ModelSnapshot, milestoneId: string): void {
	assertNoReasons(`bill milestone ${milestoneId}`, milestoneReadiness(snapshot, milestoneId));
}
