/**
 * The evidence bundles behind an invoice (evidence-bundles/invoice-bundles.ts): the list with each
 * bundle's verification result (JSON), and each bundle file for `fieldchain evidence verify`. Read
 * scopes as the invoice routes; a gateway's token reaches only invoices of its binding (the route
 * is under /v1/invoices/:id, auth/gateway-binding.ts).
 */
import { createHash } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { VerifyResult } from "../../../protocol/evidence/verify/verify-bundle.js";
import type { BillingContext } from "../context.js";
import { type AssembledBundle, assembleBundle, invoiceAcknowledgedGaps, invoiceEvidenceSources } from "../evidence-bundles/invoice-bundles.js";
import { requireStored } from "../model-access.js";
import { arr, bool, id, int, ms, nullable, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import { READ } from "./common.js";
import { ok, type RouteSpec } from "./route-spec.js";

export const AcknowledgedGapSchema = obj({
	gatewayId: id(),
	fromSeq: int({ minimum: 1 }),
	toSeq: int({ minimum: 1 }),
	reason: str(),
	acknowledgedBy: str(),
	acknowledgedAt: ms(),
});

const ProblemSchema = obj({ kind: str(), chainSeq: int({ minimum: 1 }), message: str() }, ["chainSeq"]);
const VerificationSchema = obj(
	{
		ok: bool(),
		problems: arr(ProblemSchema),
		records: int({ minimum: 0 }),
		sealedUpTo: int({ minimum: 0 }),
		complete: bool(),
		completeUpTo: int({ minimum: 0 }),
		incompleteReason: str(),
		acknowledgedGaps: arr(obj({ fromSeq: int({ minimum: 1 }), toSeq: int({ minimum: 1 }), reason: str(), inEntries: bool() })),
	},
	["incompleteReason"],
);
const BundleSummarySchema = obj({
	gatewayId: id(),
	workOrderId: id(),
	evidenceIds: arr(id()),
	format: oneOfValues(["fieldchain-evidence-bundle/1", "fieldchain-evidence-bundle/2"]),
	fromSeq: int({ minimum: 1 }),
	toSeq: int({ minimum: 1 }),
	keyId: str(),
	gatewayRevokedAt: nullable(ms()),
	sha256: str({ pattern: "^[0-9a-f]{64}$" }),
	download: str({ description: "the bundle file's path on this service" }),
	verification: VerificationSchema,
});

const bundleParams = obj({ id: id(), gatewayId: id(), workOrderId: id() });

/** The verification result as the list and the header say it (the records themselves are in the file). */
export function verificationView(result: VerifyResult) {
	return {
		ok: result.ok,
		problems: result.problems,
		records: result.records.length,
		sealedUpTo: result.sealedUpTo,
		complete: result.complete,
		completeUpTo: result.completeUpTo,
		...(result.incompleteReason ? { incompleteReason: result.incompleteReason } : {}),
		acknowledgedGaps: (result.acknowledgedGaps ?? []).map(({ fromSeq, toSeq, reason, inEntries }) => ({ fromSeq, toSeq, reason, inEntries })),
	};
}

function summaryOf(invoiceId: string, assembled: AssembledBundle) {
	const { source, bundle, text } = assembled;
	return {
		gatewayId: source.gatewayId,
		workOrderId: source.workOrderId,
		evidenceIds: source.evidenceIds,
		format: bundle.format,
		fromSeq: bundle.entries[0].chainSeq,
		toSeq: bundle.entries[bundle.entries.length - 1].chainSeq,
		keyId: bundle.keyId,
		gatewayRevokedAt: assembled.gatewayRevokedAt,
		sha256: sha256Hex(text),
		download: `/v1/invoices/${encodeURIComponent(invoiceId)}/evidence-bundles/${encodeURIComponent(source.gatewayId)}/${encodeURIComponent(source.workOrderId)}`,
		verification: verificationView(assembled.verification),
	};
}

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export function evidenceBundleRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/invoices/:id/evidence-bundles",
			operationId: "listInvoiceEvidenceBundles",
			summary:
				"The evidence bundles behind an invoice, one per gateway and work order its lines draw evidence from, each verified here against the gateway's enrolled key",
			tag: "billing",
			scopes: READ,
			params: obj({ id: id() }),
			responses: {
				200: {
					description:
						"Each bundle with its verification result and where to download it; `unlocated`: cited evidence no gateway chain carries; the acknowledged gaps of those gateways' chains",
					schema: obj({ invoiceId: id(), bundles: arr(BundleSummarySchema), unlocated: arr(id()), acknowledgedGaps: arr(AcknowledgedGapSchema) }),
				},
			},
			async handler(input) {
				const invoice = await requireStored(ctx, "invoice", input.params.id);
				const { sources, unlocated } = await invoiceEvidenceSources(ctx, invoice);
				const bundles = [];
				for (const source of sources) bundles.push(summaryOf(invoice.id, await assembleBundle(ctx, source)));
				return ok({ invoiceId: invoice.id, bundles, unlocated, acknowledgedGaps: await invoiceAcknowledgedGaps(ctx, invoice) });
			},
		},
		{
			method: "GET",
			url: "/v1/invoices/:id/evidence-bundles/:gatewayId/:workOrderId",
			operationId: "getInvoiceEvidenceBundle",
			summary:
				"One evidence bundle behind an invoice, byte for byte the file `fieldchain evidence verify` reads; the verification result is in the Fieldchain-Bundle-Verification header",
			tag: "billing",
			scopes: READ,
			params: bundleParams,
			responses: { 200: { description: "The bundle file (application/json, the protocol's one serialisation; not re-encoded)", schema: { type: "string" } } },
			async handler(input) {
				const { id: invoiceId, gatewayId, workOrderId } = input.params;
				const invoice = await requireStored(ctx, "invoice", invoiceId);
				const { sources } = await invoiceEvidenceSources(ctx, invoice);
				const source = sources.find((s) => s.gatewayId === gatewayId && s.workOrderId === workOrderId);
				if (!source) {
					throw new FieldchainError(
						ErrorCodes.FC_BILLING_NOT_FOUND,
						`Invoice ${invoiceId} draws no evidence of work order ${workOrderId} from gateway ${gatewayId}.`,
						{ hint: `GET /v1/invoices/${invoiceId}/evidence-bundles lists its bundles.` },
					);
				}
				const assembled = await assembleBundle(ctx, source);
				const v = assembled.verification;
				input.reply.header("content-type", "application/json; charset=utf-8");
				input.reply.header(
					"content-disposition",
					`attachment; filename="evidence-${safeName(invoiceId)}-${safeName(gatewayId)}-${safeName(workOrderId)}.json"`,
				);
				input.reply.header(
					"fieldchain-bundle-verification",
					`ok=${v.ok}; problems=${v.problems.length}; sealedUpTo=${v.sealedUpTo}; complete=${v.complete}; acknowledgedGaps=${v.acknowledgedGaps?.length ?? 0}`,
				);
				input.reply.header("cache-control", "no-store");
				// Sent as the bytes serializeBundle wrote: the verifier refuses any other spelling.
				return ok(Buffer.from(assembled.text, "utf8"));
			},
		},
	];
}

/** A file-name-safe spelling of an id (the header must not carry quotes or controls). */
const safeName = (value: string) => value.replace(/[^A-Za-z0-9._-]/g, "_");
