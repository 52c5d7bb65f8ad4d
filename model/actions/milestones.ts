/** Billing milestone lifecycle up to approval, and the ways back to gathering evidence. */
import type { Approval, ApprovalKind } from "../entities/approval.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { MilestoneStatus } from "../entities/milestone.js";
import { requireEntity } from "../rules/lookup.js";
import { assertMilestoneReady } from "../rules/milestone-readiness.js";
import { milestoneMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, fresh, write } from "./context.js";

function move(snapshot: ModelSnapshot, id: string, to: MilestoneStatus, ctx: ActionContext): ActionResult {
	return { writes: [write("milestone", milestoneMachine.transition(requireEntity(snapshot, "milestone", id), to, ctx))] };
}

export function milestoneApproval(
	snapshot: ModelSnapshot,
	milestoneId: string,
	kind: Extract<ApprovalKind, "milestone" | "margin-override">,
	decision: Approval["decision"],
	reason: string,
	ctx: ActionContext,
): Approval {
	return {
		...fresh(ctx.newId("approval"), ctx.now),
		workOrderId: requireEntity(snapshot, "milestone", milestoneId).workOrderId,
		kind,
		subjectId: milestoneId,
		decision,
		approverId: ctx.actorId,
		decidedAt: ctx.now,
		reason,
	};
}

/** planned -> awaiting-evidence: work has begun and evidence is being gathered. */
export function openMilestone(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return move(snapshot, id, "awaiting-evidence", ctx);
}

/** awaiting-evidence -> ready-for-approval, only when nothing is missing. */
export function markMilestoneReady(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	const milestone = requireEntity(snapshot, "milestone", id);
	milestoneMachine.assert(id, milestone.status, "ready-for-approval");
	assertMilestoneReady(snapshot, id);
	return move(snapshot, id, "ready-for-approval", ctx);
}

/** ready-for-approval -> approved, re-checking readiness: evidence may have been rejected since. */
export function approveMilestone(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult & { approval: Approval } {
	const milestone = requireEntity(snapshot, "milestone", id);
	milestoneMachine.assert(id, milestone.status, "approved");
	assertMilestoneReady(snapshot, id);
	const approval = milestoneApproval(snapshot, id, "milestone", "approved", reason, ctx);
	return { approval, writes: [...move(snapshot, id, "approved", ctx).writes, write("approval", approval)] };
}

/** Stops a milestone before release; the reason is kept as a rejecting decision. */
export function blockMilestone(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult {
	const approval = milestoneApproval(snapshot, id, "milestone", "rejected", reason, ctx);
	return { writes: [...move(snapshot, id, "blocked", ctx).writes, write("approval", approval)] };
}

/** The customer disputes a released or invoiced milestone. Credit notes are the billing service's job. */
export function disputeMilestone(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult {
	const approval = milestoneApproval(snapshot, id, "milestone", "rejected", reason, ctx);
	return { writes: [...move(snapshot, id, "disputed", ctx).writes, write("approval", approval)] };
}

/** blocked or disputed -> awaiting-evidence. */
export function resumeMilestone(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return move(snapshot, id, "awaiting-evidence", ctx);
}

/** Lets a release below the margin floor go ahead; someone has to own that decision. */
export function approveMarginOverride(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult & { approval: Approval } {
	const approval = milestoneApproval(snapshot, id, "margin-override", "approved", reason, ctx);
	return { approval, writes: [write("approval", approval)] };
}

/** released -> invoiced, once the billing system has issued the invoice. */
export function markMilestoneInvoiced(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return move(snapshot, id, "invoiced", ctx);
}
