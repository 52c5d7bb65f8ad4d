/**
 * Acknowledging a permanent gap in a gateway's evidence chain (records lost with a destroyed
 * device): POST /v1/gateways/:id/gaps, admin only, with a reason; who and when are recorded. Only a
 * gap ingest observed and that is still missing can be acknowledged, exactly as observed (or, with
 * no range given, the one the chain status reports); the same gap again answers the first
 * acknowledgement (200), never a second one. GET lists the gateway's gaps; the chain status, the
 * invoice trace and the evidence bundles show the acknowledged ones.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { actorOf, type Principal } from "../auth/authenticate.js";
import type { BillingContext } from "../context.js";
import { arr, id, int, ms, nullable, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import type { ChainGapRecord } from "../store/chain-gaps.js";
import type { ChainHead } from "../store/types.js";
import { ADMIN, idParams } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

export const ChainGapSchema = obj({
	gatewayId: id(),
	fromSeq: int({ minimum: 1 }),
	toSeq: int({ minimum: 1 }),
	status: oneOfValues(["open", "acknowledged"]),
	observedAt: ms(),
	acknowledgement: nullable(obj({ reason: str(), acknowledgedBy: str(), acknowledgedAt: ms() })),
});

/** `open`: still missing and not acknowledged. A noted gap whose records arrived since is no gap any more and is left out. */
export function chainGapsView(gaps: readonly ChainGapRecord[], head: ChainHead) {
	return gaps
		.filter((gap) => gap.acknowledgement !== null || gap.fromSeq > head.headSeq)
		.map((gap) => ({ ...gap, status: gap.acknowledgement ? ("acknowledged" as const) : ("open" as const) }));
}

/** The gaps of a gateway as the chain status reports them. */
export async function reportedChainGaps(ctx: BillingContext, gatewayId: string, head: ChainHead) {
	return chainGapsView(await ctx.store.listChainGaps(gatewayId), head);
}

const ackBody = obj(
	{
		fromSeq: int({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
		toSeq: int({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
		reason: str({ minLength: 1, maxLength: 2000, pattern: "\\S" }),
	},
	["fromSeq", "toSeq"],
);

async function requireGateway(ctx: BillingContext, gatewayId: string) {
	const gateway = await ctx.store.getGateway(gatewayId);
	if (!gateway) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No gateway ${gatewayId} is enrolled.`);
	return gateway;
}

export function chainGapRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/gateways/:id/gaps",
			operationId: "listChainGaps",
			summary: "Gaps in the gateway's evidence chain: open (records missing) and acknowledged as lost for good",
			tag: "gateways",
			scopes: ADMIN,
			params: idParams,
			responses: { 200: { description: "The gaps, by fromSeq", schema: obj({ gatewayId: id(), headSeq: int({ minimum: 0 }), gaps: arr(ChainGapSchema) }) } },
			async handler(input) {
				await requireGateway(ctx, input.params.id);
				const head = await ctx.store.getChainHead(input.params.id);
				return ok({ gatewayId: input.params.id, headSeq: head.headSeq, gaps: await reportedChainGaps(ctx, input.params.id, head) });
			},
		},
		{
			method: "POST",
			url: "/v1/gateways/:id/gaps",
			operationId: "acknowledgeChainGap",
			summary:
				"Acknowledge a gap in the gateway's chain as lost for good (a destroyed device), with a reason: exactly the range ingest observed, or without fromSeq/toSeq the open gap the chain status reports",
			tag: "gateways",
			scopes: ADMIN,
			params: idParams,
			body: ackBody,
			responses: {
				201: { description: "Acknowledged now", schema: ChainGapSchema },
				200: { description: "Acknowledged before (the first acknowledgement, unchanged)", schema: ChainGapSchema },
			},
			async handler(input) {
				const gatewayId = input.params.id;
				const body = input.body as { fromSeq?: number; toSeq?: number; reason: string };
				if ((body.fromSeq === undefined) !== (body.toSeq === undefined)) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "Give both fromSeq and toSeq, or neither (the open gap the chain status reports).");
				}
				await requireGateway(ctx, gatewayId);
				const head = await ctx.store.getChainHead(gatewayId);
				const gaps = await ctx.store.listChainGaps(gatewayId);
				let range: { fromSeq: number; toSeq: number };
				if (body.fromSeq === undefined || body.toSeq === undefined) {
					const open = chainGapsView(gaps, head).filter((gap) => gap.status === "open");
					if (open.length !== 1) {
						throw new FieldchainError(
							ErrorCodes.FC_BILLING_CONFLICT,
							open.length === 0
								? `Gateway ${gatewayId}'s chain has no open gap (accepted up to ${head.headSeq}).`
								: `Gateway ${gatewayId}'s chain has ${open.length} open gaps; say which with fromSeq and toSeq.`,
							{ hint: `GET /v1/gateways/${gatewayId}/gaps lists them.` },
						);
					}
					range = open[0];
				} else {
					range = { fromSeq: body.fromSeq, toSeq: body.toSeq };
				}
				const known = gaps.find((gap) => gap.fromSeq === range.fromSeq && gap.toSeq === range.toSeq);
				if (!known?.acknowledgement && !(known && known.fromSeq > head.headSeq)) throw notAGap(gatewayId, range, head, gaps);
				const outcome = await ctx.store.acknowledgeChainGap({
					gatewayId,
					...range,
					reason: body.reason.trim(),
					acknowledgedBy: actorOf(input.principal as Principal),
					acknowledgedAt: ctx.clock.now(),
				});
				if (outcome.outcome === "unknown") throw notAGap(gatewayId, range, head, gaps);
				const view = { ...outcome.gap, status: "acknowledged" as const };
				if (outcome.outcome === "already") return ok(view);
				ctx.logger.warn({ gatewayId, fromSeq: range.fromSeq, toSeq: range.toSeq, by: view.acknowledgement?.acknowledgedBy }, "chain gap acknowledged as lost");
				return created(view);
			},
		},
	];
}

function notAGap(gatewayId: string, range: { fromSeq: number; toSeq: number }, head: ChainHead, gaps: readonly ChainGapRecord[]): FieldchainError {
	const accepted = range.fromSeq <= head.headSeq ? ` Records up to ${head.headSeq} are accepted.` : "";
	const observed = gaps.filter((gap) => gap.acknowledgement !== null || gap.fromSeq > head.headSeq).map((gap) => `${gap.fromSeq}..${gap.toSeq}`);
	return new FieldchainError(
		ErrorCodes.FC_BILLING_CONFLICT,
		`Records ${range.fromSeq}..${range.toSeq} of gateway ${gatewayId} are not a gap the service observed.${accepted}`,
		{
			hint: observed.length
				? `The gaps are ${observed.join(", ")}; acknowledge one of them exactly.`
				: "A gap is observed when the gateway sends records past a missing range; none is open.",
		},
	);
}
