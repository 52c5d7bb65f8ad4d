/**
 * GET /v1/gateways/:id/evidence-times: a gateway's accepted records with both times, as stamped and
 * corrected (protocol/evidence/README.md, "Time"): the stored canonical bytes carry the wall time,
 * its quality and the monotonic anchor; the correction comes from a trusted record of the same boot
 * among the range and up to CONTEXT records on either side of it, and names its source.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { decodeRecord } from "../../../protocol/evidence/record.js";
import type { BillingContext } from "../context.js";
import { arr, id, int, ms, nullable, obj, oneOfValues, partial, str } from "../openapi/schema-helpers.js";
import { correctTimes } from "../time/corrected-times.js";
import { idParams, READ } from "./common.js";
import { ok, type RouteSpec } from "./route-spec.js";

/** Records per answer, and records read on either side for re-anchoring. */
const MAX_RANGE = 1000;
const CONTEXT = 5000;
const SEQ = "^[0-9]{1,15}$";

const CorrectedTimeSchema = obj({
	chainSeq: int({ minimum: 1 }),
	recordId: id(),
	stampedAtMs: ms(),
	quality: oneOfValues(["synchronised", "trusted-source", "unsynchronised", "unknown"]),
	source: str(),
	monotonic: nullable(obj({ bootId: str({ pattern: "^[0-9a-f]*$" }), offsetMs: ms() })),
	correctedAtMs: nullable(ms()),
	correction: nullable(obj({ source: str(), anchorChainSeq: int({ minimum: 1 }) })),
});

function seqOf(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined) return fallback;
	const seq = Number(value);
	if (!Number.isSafeInteger(seq) || seq < 1)
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Query parameter ${name} must be a chain seq (1 or more), got "${value}".`);
	return seq;
}

export function evidenceTimeRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/gateways/:id/evidence-times",
			operationId: "listEvidenceTimes",
			summary: "A gateway's evidence times as stamped and corrected: quality, monotonic anchor, corrected time and the correction's source",
			tag: "evidence",
			scopes: READ,
			params: idParams,
			querystring: partial({ fromSeq: str({ pattern: SEQ }), toSeq: str({ pattern: SEQ }) }),
			responses: {
				200: {
					description: `Records fromSeq..toSeq (default 1..1000, at most ${MAX_RANGE}) of the accepted chain, in chain order`,
					schema: obj({ gatewayId: id(), times: arr(CorrectedTimeSchema) }),
				},
			},
			async handler(input) {
				const gatewayId = input.params.id;
				if (!(await ctx.store.getGateway(gatewayId))) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No gateway ${gatewayId} is enrolled.`);
				const fromSeq = seqOf(input.query.fromSeq, "fromSeq", 1);
				const toSeq = seqOf(input.query.toSeq, "toSeq", fromSeq + MAX_RANGE - 1);
				if (toSeq < fromSeq || toSeq - fromSeq >= MAX_RANGE) {
					throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Ask for 1 to ${MAX_RANGE} records: fromSeq ${fromSeq}, toSeq ${toSeq}.`, {
						hint: "Page through the chain with consecutive ranges.",
					});
				}
				const decode = (rows: Awaited<ReturnType<typeof ctx.store.getChainRecords>>) => rows.map((row) => decodeRecord(row.bytes));
				const records = decode(await ctx.store.getChainRecords(gatewayId, fromSeq, toSeq));
				const before = fromSeq > 1 ? decode(await ctx.store.getChainRecords(gatewayId, Math.max(1, fromSeq - CONTEXT), fromSeq - 1)) : [];
				const after = decode(await ctx.store.getChainRecords(gatewayId, toSeq + 1, toSeq + CONTEXT));
				return ok({ gatewayId, times: correctTimes(records, [...before, ...after]) });
			},
		},
	];
}
