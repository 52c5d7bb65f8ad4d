/**
 * Stopping and restarting a milestone: block it before release (an approver's hold, with a
 * reason), dispute a released or invoiced one (the customer's objection, with a reason), and
 * resume a blocked or disputed one (back to awaiting evidence). The reasons are kept as
 * rejecting milestone approvals, so the invoice trace and the audit show who stopped it and why.
 */
import { blockMilestone, disputeMilestone, resumeMilestone } from "../../../model/actions/milestones.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { Milestone } from "../openapi/entity-schemas.js";
import { obj } from "../openapi/schema-helpers.js";
import { APPROVE, actor, checkVersion, idParams, RELEASE, reasonBody, versionField } from "./common.js";
import { ok, type RouteSpec } from "./route-spec.js";

type Verb = "block" | "dispute" | "resume";

const SUMMARY: Record<Verb, string> = {
	block: "Block a milestone before release, with the reason (an approver's hold)",
	dispute: "Record the customer's dispute of a released or invoiced milestone, with the reason",
	resume: "Resume a blocked or disputed milestone: it goes back to awaiting evidence",
};

export function milestoneActionRoutes(ctx: BillingContext): RouteSpec[] {
	const route = (verb: Verb): RouteSpec => ({
		method: "POST",
		url: `/v1/milestones/:id/${verb}`,
		operationId: `${verb}Milestone`,
		summary: SUMMARY[verb],
		tag: "billing",
		scopes: verb === "dispute" ? [...APPROVE, ...RELEASE] : APPROVE,
		params: idParams,
		body: verb === "resume" ? obj({ ...versionField }, ["version"]) : reasonBody,
		ifMatch: true,
		responses: { 200: { description: "The milestone as stored", schema: Milestone } },
		async handler(input) {
			const existing = await requireStored(ctx, "milestone", input.params.id);
			checkVersion(existing, input, false);
			const reason = ((input.body as { reason?: string } | undefined)?.reason ?? "").trim();
			if (verb !== "resume" && !reason) {
				throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `To ${verb} a milestone, say why.`, {
					hint: 'Send "reason": the customer and the field see it.',
				});
			}
			const snapshot = await chainOf(ctx, "milestone", existing.id);
			const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) =>
				verb === "block"
					? blockMilestone(s, existing.id, reason, c)
					: verb === "dispute"
						? disputeMilestone(s, existing.id, reason, c)
						: resumeMilestone(s, existing.id, c),
			);
			const milestone = storedOf<"milestone">(stored, existing.id);
			return ok(milestone, milestone.version);
		},
	});
	return [route("block"), route("dispute"), route("resume")];
}
