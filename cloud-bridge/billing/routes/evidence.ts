/** Evidence: batch ingest from enrolled gateways, listing per work order, review decisions. */
import { acceptEvidence, rejectEvidence } from "../../../model/actions/evidence.js";
import type { EvidenceBatch } from "../../../protocol/uplink/wire.js";
import type { BillingContext } from "../context.js";
import { EvidenceIngest } from "../ingest/ingest.js";
import { batchSchema, receiptSchema } from "../ingest/wire.js";
import { chainOf, requireStored, runAction, storedOf } from "../model-access.js";
import { Evidence } from "../openapi/entity-schemas.js";
import { APPROVE, actor, checkVersion, idParams, listOf, READ, reasonBody } from "./common.js";
import { ok, type RouteSpec } from "./route-spec.js";

export function evidenceRoutes(ctx: BillingContext): RouteSpec[] {
	const ingest = new EvidenceIngest(ctx);
	const decide = (verb: "accept" | "reject", action: typeof acceptEvidence): RouteSpec => ({
		method: "POST",
		url: `/v1/evidence/:id/${verb}`,
		operationId: `${verb}Evidence`,
		summary:
			verb === "accept"
				? "A reviewer accepts evidence (finish-to-start dependants wait for this)"
				: "A reviewer rejects evidence; it no longer satisfies its item",
		tag: "evidence",
		scopes: APPROVE,
		params: idParams,
		body: reasonBody,
		ifMatch: true,
		responses: { 200: { description: "The evidence as stored", schema: Evidence } },
		async handler(input) {
			const evidence = await requireStored(ctx, "evidence", input.params.id);
			checkVersion(evidence, input, false);
			const snapshot = await chainOf(ctx, "evidence", evidence.id);
			const { reason } = input.body as { reason?: string };
			const { stored } = await runAction(ctx, snapshot, actor(input), (s, c) => action(s, evidence.id, reason ?? "", c));
			const result = storedOf<"evidence">(stored, evidence.id);
			return ok(result, result.version);
		},
	});
	return [
		{
			method: "POST",
			url: "/v1/evidence/batches",
			operationId: "ingestEvidenceBatch",
			summary: "Send a batch of a gateway's chained evidence records and checkpoints; answered with a receipt (idempotent)",
			tag: "evidence",
			scopes: ["evidence:write"],
			body: batchSchema(ctx.policy.maxBatchRecords),
			// A record is a few hundred bytes of base64; 5000 of them with checkpoints fit easily.
			bodyLimit: 32 * 1024 * 1024,
			responses: {
				200: {
					description: "The batch receipt: what was accepted, acknowledged again, rejected (with reasons), and the highest sealed record",
					schema: receiptSchema,
				},
			},
			async handler(input) {
				return ok(await ingest.ingest(input.principal as NonNullable<typeof input.principal>, input.body as EvidenceBatch));
			},
		},
		{
			method: "GET",
			url: "/v1/work-orders/:id/evidence",
			operationId: "listEvidence",
			summary: "Evidence of a work order that sealed, verified records produced",
			tag: "evidence",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "Evidence by id", schema: listOf("evidence", Evidence) } },
			async handler(input) {
				await requireStored(ctx, "workOrder", input.params.id);
				return ok({ evidence: await ctx.repo.list("evidence", { workOrderId: input.params.id }) });
			},
		},
		decide("accept", acceptEvidence),
		decide("reject", rejectEvidence),
	];
}
