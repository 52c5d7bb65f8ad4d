/** Billing milestones: create, read readiness (what is missing), approve, margin override, release. */

import { fresh, write } from "../../../model/actions/context.js";
import { approveMarginOverride, approveMilestone, markMilestoneReady, openMilestone } from "../../../model/actions/milestones.js";
import { releaseMilestone } from "../../../model/actions/release.js";
import type { BillingMilestone } from "../../../model/entities/milestone.js";
import { applyWrites } from "../../../model/repository/apply.js";
import { milestoneReadiness } from "../../../model/rules/milestone-readiness.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { releaseBlockers } from "../milestone-flow.js";
import { chainOf, chainOfWorkOrder, requireStored, runAction, storedOf } from "../model-access.js";
import { Approval, Invoice, Milestone, MilestoneAmount, Reason } from "../openapi/entity-schemas.js";
import { arr, bool, id, obj, str } from "../openapi/schema-helpers.js";
import { ADMIN, APPROVE, actor, checkVersion, idParams, listOf, READ, RELEASE, reasonBody } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const readinessSchema = obj({
	milestoneId: id(),
	status: (Milestone.properties as Record<string, object>).status as Record<string, unknown>,
	ready: bool(),
	missing: arr(Reason),
	releasable: bool(),
	releaseBlockers: arr(Reason),
});

export function milestoneRoutes(ctx: BillingContext): RouteSpec[] {
	const floor = ctx.policy.marginFloorBasisPoints;
	return [
		{
			method: "POST",
			url: "/v1/work-orders/:id/milestones",
			operationId: "createMilestone",
			summary: "Add a billing milestone over tasks and deliverables of the order's chain",
			tag: "billing",
			scopes: ADMIN,
			params: idParams,
			body: obj({ id: id(), name: str({ minLength: 1, maxLength: 500 }), amount: MilestoneAmount, taskIds: arr(id()), deliverableIds: arr(id()) }, ["id"]),
			responses: { 201: { description: "The milestone (planned)", schema: Milestone } },
			async handler(input) {
				const body = input.body as Pick<BillingMilestone, "name" | "amount" | "taskIds" | "deliverableIds"> & { id?: string };
				const snapshot = await chainOfWorkOrder(ctx, input.params.id);
				const milestoneId = body.id ?? ctx.newId("milestone");
				if (await ctx.repo.get("milestone", milestoneId)) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Milestone ${milestoneId} already exists.`);
				const milestone: BillingMilestone = {
					...fresh(milestoneId, ctx.clock.now()),
					workOrderId: input.params.id,
					name: body.name,
					amount: body.amount,
					taskIds: body.taskIds,
					deliverableIds: body.deliverableIds,
					status: "planned",
					invoiceId: null,
				};
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("milestone", milestone)] }));
				const result = storedOf<"milestone">(stored, milestoneId);
				return created(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/milestones",
			operationId: "listMilestones",
			summary: "Milestones of a work order",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Milestones by id", schema: listOf("milestones", Milestone) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ milestones: await ctx.repo.list("milestone", { workOrderId: input.params.id }) });
			},
		},
		{
			method: "GET",
			url: "/v1/milestones/:id",
			operationId: "getMilestone",
			summary: "One milestone",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The milestone", schema: Milestone } },
			async handler(input) {
				const milestone = await requireStored(ctx, "milestone", input.params.id);
				return ok(milestone, milestone.version);
			},
		},
		{
			method: "GET",
			url: "/v1/milestones/:id/readiness",
			operationId: "getMilestoneReadiness",
			summary: "What is missing before approval (evidence, approved time, sign-off) and before release (approval, margin override)",
			tag: "billing",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Readiness; empty lists mean ready", schema: readinessSchema } },
			async handler(input) {
				const snapshot = await chainOf(ctx, "milestone", input.params.id);
				const milestone = snapshot.milestones.find((m) => m.id === input.params.id) as BillingMilestone;
				const missing = milestoneReadiness(snapshot, milestone.id);
				const blockers = releaseBlockers(snapshot, milestone.id, floor);
				return ok({
					milestoneId: milestone.id,
					status: milestone.status,
					ready: missing.length === 0,
					missing,
					releasable: blockers.length === 0,
					releaseBlockers: blockers,
				});
			},
		},
		{
			method: "POST",
			url: "/v1/milestones/:id/approve",
			operationId: "approveMilestone",
			summary: "Approve a milestone once nothing is missing (brings a planned or awaiting milestone forward first)",
			tag: "billing",
			scopes: APPROVE,
			params: idParams,
			body: reasonBody,
			ifMatch: true,
			responses: { 200: { description: "The milestone, approved", schema: Milestone } },
			async handler(input) {
				const existing = await requireStored(ctx, "milestone", input.params.id);
				checkVersion(existing, input, false);
				const snapshot = await chainOf(ctx, "milestone", existing.id);
				const { reason } = input.body as { reason?: string };
				const { stored } = await runAction(
					ctx,
					snapshot,
					actor(input),
					(s, c) => {
						const writes = [];
						let current = s;
						let status = existing.status;
						if (status === "planned") {
							const step = openMilestone(current, existing.id, c);
							writes.push(...step.writes);
							current = applyWrites(current, step.writes);
							status = "awaiting-evidence";
						}
						if (status === "awaiting-evidence") {
							const step = markMilestoneReady(current, existing.id, c);
							writes.push(...step.writes);
							current = applyWrites(current, step.writes);
						}
						const approved = approveMilestone(current, existing.id, reason ?? "", c);
						return { writes: [...writes, ...approved.writes] };
					},
					{
						// Stored with the change (transactional outbox).
						events: (entities) =>
							existing.status === "planned" || existing.status === "awaiting-evidence"
								? [{ type: "milestone.ready", data: { milestone: storedOf<"milestone">([...entities], existing.id) } }]
								: [],
					},
				);
				const result = storedOf<"milestone">(stored, existing.id);
				return ok(result, result.version);
			},
		},
		{
			method: "POST",
			url: "/v1/milestones/:id/margin-override",
			operationId: "approveMarginOverride",
			summary: "Let a release below the margin floor go ahead; the approver owns that decision",
			tag: "billing",
			scopes: APPROVE,
			params: idParams,
			body: reasonBody,
			responses: { 201: { description: "The margin-override approval", schema: Approval } },
			async handler(input) {
				const snapshot = await chainOf(ctx, "milestone", input.params.id);
				const { reason } = input.body as { reason?: string };
				if (!reason?.trim()) throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "A margin override needs a reason.", { hint: 'Send "reason".' });
				const { result, stored } = await runAction(ctx, snapshot, actor(input), (s, c) => approveMarginOverride(s, input.params.id, reason, c));
				const approval = storedOf<"approval">(stored, result.approval.id);
				return created(approval, approval.version);
			},
		},
		{
			method: "POST",
			url: "/v1/milestones/:id/release",
			operationId: "releaseMilestone",
			summary: "Release an approved milestone: refused with everything missing, or an invoice with traceable lines",
			tag: "billing",
			scopes: RELEASE,
			params: idParams,
			ifMatch: true,
			responses: { 201: { description: "The invoice", schema: Invoice } },
			async handler(input) {
				const existing = await requireStored(ctx, "milestone", input.params.id);
				checkVersion(existing, input, false);
				const snapshot = await chainOf(ctx, "milestone", existing.id);
				const blockers = releaseBlockers(snapshot, existing.id, floor);
				if (blockers.length > 0) {
					throw new FieldchainError(
						ErrorCodes.FC_MODEL_RULE_REFUSED,
						`Cannot release milestone ${existing.id}: ${blockers.map((b) => b.message).join("; ")}.`,
						{
							hint: "GET /v1/milestones/{id}/readiness shows what is missing.",
							details: { milestoneId: existing.id, missing: blockers },
						},
					);
				}
				// Both events are stored with the release (transactional outbox).
				const { result, stored } = await runAction(
					ctx,
					snapshot,
					actor(input),
					(s, c) => releaseMilestone(s, existing.id, { marginFloorBasisPoints: floor }, c),
					{
						events: (entities) => {
							const milestone = storedOf<"milestone">([...entities], existing.id);
							return [
								{ type: "milestone.released", data: { milestone } },
								{ type: "invoice.created", data: { invoice: storedOf<"invoice">([...entities], milestone.invoiceId ?? "") } },
							];
						},
					},
				);
				const invoice = storedOf<"invoice">(stored, result.invoice.id);
				return created(invoice, invoice.version);
			},
		},
	];
}
