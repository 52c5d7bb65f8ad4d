/**
 * Moving milestones forward as the work allows, and saying everything that stands between a
 * milestone and its release. Both only compose the model's own rules and actions.
 */
import { markMilestoneReady, openMilestone } from "../../model/actions/milestones.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import { loadChain } from "../../model/repository/load.js";
import { buildInvoice } from "../../model/rules/invoice-lines.js";
import { latestDecision, requireEntity } from "../../model/rules/lookup.js";
import { milestoneReadiness } from "../../model/rules/milestone-readiness.js";
import { isBelowFloor } from "../../model/rules/money.js";
import { type Reason, reason } from "../../model/rules/reasons.js";
import type { BillingContext } from "./context.js";
import { runAction } from "./model-access.js";

/**
 * Everything missing before release: the readiness reasons (evidence, approved time, sign-off),
 * the milestone approval, and a margin override when the margin is below the floor.
 */
export function releaseBlockers(snapshot: ModelSnapshot, milestoneId: string, marginFloorBasisPoints: number): Reason[] {
	const milestone = requireEntity(snapshot, "milestone", milestoneId);
	if (milestone.status === "released" || milestone.status === "invoiced") {
		return [reason("milestone-released", "milestone", milestoneId, `milestone ${milestoneId} is already ${milestone.status} (invoice ${milestone.invoiceId})`)];
	}
	const reasons = milestoneReadiness(snapshot, milestoneId);
	const approval = latestDecision(snapshot, "milestone", milestoneId);
	if (milestone.status !== "approved" || approval?.decision !== "approved") {
		reasons.push(reason("milestone-not-approved", "milestone", milestoneId, `milestone ${milestoneId} is ${milestone.status}, not approved`));
	}
	if (marginFloorBasisPoints > 0) {
		const draft = buildInvoice(snapshot, milestone, { invoiceId: "", now: 0, approvalIds: [] });
		const override = latestDecision(snapshot, "margin-override", milestoneId);
		if (isBelowFloor(draft.margin, marginFloorBasisPoints) && override?.decision !== "approved") {
			reasons.push(
				reason(
					"margin-below-floor",
					"milestone",
					milestoneId,
					`margin ${draft.margin.marginBasisPoints ?? "n/a"} bp is below the floor of ${marginFloorBasisPoints} bp and no margin override is approved`,
				),
			);
		}
	}
	return reasons;
}

/**
 * planned -> awaiting-evidence once work on one of its tasks has begun, and awaiting-evidence ->
 * ready-for-approval once nothing is missing (publishing milestone.ready). Returns the ids made ready.
 */
export async function advanceMilestones(ctx: BillingContext, rootId: string, actorId: string): Promise<string[]> {
	const ready: string[] = [];
	// Loading a chain reads all its evidence; first make sure some milestone could move at all.
	if (!(await anyMilestoneCanMove(ctx, rootId))) return ready;
	let snapshot = await loadChain(ctx.repo, rootId);
	for (const milestone of snapshot.milestones) {
		let status = milestone.status;
		if (status === "planned") {
			const begun = milestone.taskIds.some((id) => snapshot.tasks.find((t) => t.id === id && (t.status === "in-progress" || t.status === "completed")));
			if (!begun) continue;
			await runAction(ctx, snapshot, actorId, (s, c) => openMilestone(s, milestone.id, c), { validate: false });
			snapshot = await loadChain(ctx.repo, rootId);
			status = "awaiting-evidence";
		}
		if (status !== "awaiting-evidence" || milestoneReadiness(snapshot, milestone.id).length > 0) continue;
		// The event is stored with the change (transactional outbox).
		await runAction(ctx, snapshot, actorId, (s, c) => markMilestoneReady(s, milestone.id, c), {
			validate: false,
			events: (stored) => [{ type: "milestone.ready", data: { milestone: stored[0] } }],
		});
		snapshot = await loadChain(ctx.repo, rootId);
		ready.push(milestone.id);
	}
	return ready;
}

/**
 * Cheap pre-check from the milestones and their tasks alone: a planned milestone moves once one of
 * its tasks has begun; an awaiting one can only be ready once none of its tasks is still open.
 */
async function anyMilestoneCanMove(ctx: BillingContext, rootId: string): Promise<boolean> {
	for (const order of await ctx.repo.list("workOrder", { rootId })) {
		for (const milestone of await ctx.repo.list("milestone", { workOrderId: order.id })) {
			if (milestone.status !== "planned" && milestone.status !== "awaiting-evidence") continue;
			const statuses = await Promise.all(milestone.taskIds.map(async (id) => (await ctx.repo.get("task", id))?.status));
			if (milestone.status === "planned" && statuses.some((s) => s === "in-progress" || s === "completed")) return true;
			if (milestone.status === "awaiting-evidence" && statuses.every((s) => s === "completed" || s === "cancelled")) return true;
		}
	}
	return false;
}
