/** Deliverables and customer sign-off (the signature is evidence that came through a gateway's chain). */

import { fresh, write } from "../../../model/actions/context.js";
import { deliverDeliverable, refuseDeliverable, reopenDeliverable, signOffDeliverable } from "../../../model/actions/deliverables.js";
import type { Deliverable } from "../../../model/entities/deliverable.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { BillingContext } from "../context.js";
import { advanceMilestones } from "../milestone-flow.js";
import { chainOf, chainOfWorkOrder, requireStored, runAction, storedOf } from "../model-access.js";
import { Deliverable as DeliverableSchema } from "../openapi/entity-schemas.js";
import { id, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { ADMIN, APPROVE, actor, checkVersion, FIELD, idParams, listOf, READ, versionField } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const SIGN_SCOPES = [...new Set([...FIELD, ...APPROVE])];

export function deliverableRoutes(ctx: BillingContext): RouteSpec[] {
	const move = (verb: "deliver" | "refuse" | "reopen", summary: string, action: typeof deliverDeliverable): RouteSpec => ({
		method: "POST",
		url: `/v1/deliverables/:id/${verb}`,
		operationId: `${verb}Deliverable`,
		summary,
		tag: "deliverables",
		scopes: SIGN_SCOPES,
		params: idParams,
		body: obj(versionField, ["version"]),
		ifMatch: true,
		responses: { 200: { description: "The deliverable as stored", schema: DeliverableSchema } },
		async handler(input) {
			const deliverable = await requireStored(ctx, "deliverable", input.params.id);
			checkVersion(deliverable, input, false);
			const snapshot = await chainOf(ctx, "deliverable", deliverable.id);
			const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => action(s, deliverable.id, c));
			const result = storedOf<"deliverable">(stored, deliverable.id);
			return ok(result, result.version);
		},
	});
	return [
		{
			method: "POST",
			url: "/v1/work-orders/:id/deliverables",
			operationId: "createDeliverable",
			summary: "Add a deliverable (sign-off or report) the customer must receive or sign",
			tag: "deliverables",
			scopes: ADMIN,
			params: idParams,
			body: obj({ id: id(), kind: oneOfValues(["sign-off", "report"]), title: str({ minLength: 1, maxLength: 500 }) }, ["id"]),
			responses: { 201: { description: "The deliverable (pending)", schema: DeliverableSchema } },
			async handler(input) {
				const body = input.body as { id?: string; kind: Deliverable["kind"]; title: string };
				const snapshot = await chainOfWorkOrder(ctx, input.params.id);
				const deliverableId = body.id ?? ctx.newId("deliverable");
				if (await ctx.repo.get("deliverable", deliverableId))
					throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Deliverable ${deliverableId} already exists.`);
				const deliverable: Deliverable = {
					...fresh(deliverableId, ctx.clock.now()),
					workOrderId: input.params.id,
					kind: body.kind,
					title: body.title,
					status: "pending",
					signatureEvidenceId: null,
					signedOffBy: null,
					signedOffAt: null,
				};
				const { stored } = await runAction(ctx, snapshot, actor(input), () => ({ writes: [write("deliverable", deliverable)] }));
				const result = storedOf<"deliverable">(stored, deliverableId);
				return created(result, result.version);
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/deliverables",
			operationId: "listDeliverables",
			summary: "Deliverables of a work order",
			tag: "deliverables",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Deliverables by id", schema: listOf("deliverables", DeliverableSchema) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ deliverables: await ctx.repo.list("deliverable", { workOrderId: input.params.id }) });
			},
		},
		move("deliver", "Hand the deliverable to the customer (pending -> delivered)", deliverDeliverable),
		move("refuse", "The customer refuses it (delivered -> refused)", refuseDeliverable),
		move("reopen", "Rework a refused deliverable (refused -> pending)", reopenDeliverable),
		{
			method: "POST",
			url: "/v1/deliverables/:id/sign-off",
			operationId: "signOffDeliverable",
			summary: "Record the customer's sign-off: the signature must be accepted evidence for this deliverable, signed by the customer",
			tag: "deliverables",
			scopes: SIGN_SCOPES,
			params: idParams,
			body: obj({ ...versionField, signatureEvidenceId: id() }, ["version"]),
			ifMatch: true,
			responses: { 200: { description: "The deliverable, signed off", schema: DeliverableSchema } },
			async handler(input) {
				const deliverable = await requireStored(ctx, "deliverable", input.params.id);
				checkVersion(deliverable, input, false);
				const { signatureEvidenceId } = input.body as { signatureEvidenceId: string };
				const snapshot = await chainOf(ctx, "deliverable", deliverable.id);
				const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => signOffDeliverable(s, deliverable.id, signatureEvidenceId, c));
				const result = storedOf<"deliverable">(stored, deliverable.id);
				await advanceMilestones(ctx, snapshot.workOrders[0]?.rootId ?? deliverable.workOrderId, actor(input));
				return ok(result, result.version);
			},
		},
	];
}
