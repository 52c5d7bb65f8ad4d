/**
 * Impact previews (cloud-bridge/impact): plan a change set of policy revisions against the open work,
 * read the plan, record pack approvals, render the signed rollout readiness pack, compare change
 * sets side by side, and apply a still-fresh plan.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { ChangeSet } from "../../impact/change-set.js";
import { packHtml } from "../../impact/pack/html.js";
import { htmlToPdf } from "../../impact/pack/pdf.js";
import { packKey, signPack, verifyPack } from "../../impact/pack/sign.js";
import { applyPreview, createPreview, type ImpactDeps, planChangeSet, requirePreview } from "../../impact/service.js";
import { impactStoreBeside } from "../../impact/store/beside.js";
import type { BillingContext } from "../context.js";
import { arr, int, obj, oneOfValues, type Schema, str } from "../openapi/schema-helpers.js";
import { ADMIN, APPROVE, actor, idParams, READ } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const open = (description: string): Schema => ({ type: "object", description, additionalProperties: true });
const WRITE = [...APPROVE, ...ADMIN];

export const ChangeSetSchema = obj(
	{
		name: str({ maxLength: 200 }),
		effectiveAt: { anyOf: [str({ format: "date-time" }), int({ minimum: 0 })], description: "ISO 8601 or epoch ms" },
		scope: obj({ workOrderIds: arr(str()), customerIds: arr(str()), siteIds: arr(str()) }, ["workOrderIds", "customerIds", "siteIds"]),
		changes: arr(
			{
				type: "object",
				description:
					"One policy revision: kind sla-policy (targets, businessHours, customerIds), price-list (rateCardId, ratesPerHourMinor, itemPricesMinor) or checklist-template (items, milestoneEvidence).",
				required: ["kind", "id"],
				properties: { kind: oneOfValues(["sla-policy", "price-list", "checklist-template"]), id: str({ minLength: 1, maxLength: 200 }) },
				additionalProperties: true,
			},
			{ minItems: 1, maxItems: 20 },
		),
		marginFloorBasisPoints: int({ minimum: 0, maximum: 10000 }),
		requireApprovals: arr(oneOfValues(["customer", "compliance"])),
		samples: int({ minimum: 1, maximum: 100000 }),
		seed: int({ minimum: 0, maximum: 4294967295 }),
	},
	["name", "scope", "marginFloorBasisPoints", "requireApprovals", "samples", "seed"],
);

const Preview = obj(
	{
		id: str(),
		createdAt: int(),
		createdBy: str(),
		changeSet: open("The change set as posted"),
		plan: open("Per entity before → after, webhooks that would fire, approvals required, cost ranges, readHash"),
		applied: { anyOf: [obj({ at: int(), by: str() }), { type: "null" }] },
	},
	[],
);
const Approval = obj({ role: oneOfValues(["customer", "compliance"]), decision: oneOfValues(["approved", "rejected"]), by: str(), at: int(), note: str() });

export function impactRoutes(ctx: BillingContext): RouteSpec[] {
	const deps = async (): Promise<ImpactDeps> => ({
		repo: ctx.repo,
		store: await impactStoreBeside(ctx.repo),
		now: () => ctx.clock.now(),
		marginFloorBasisPoints: ctx.policy.marginFloorBasisPoints,
		publish: (type, data) => ctx.publish(type as Parameters<BillingContext["publish"]>[0], data),
	});
	return [
		{
			method: "POST",
			url: "/v1/impact/previews",
			operationId: "createImpactPreview",
			summary: "Preview a change set (SLA policy, price list, checklist template revisions) across the open work: nothing changes until the plan is applied",
			tag: "impact",
			scopes: WRITE,
			body: ChangeSetSchema,
			responses: { 201: { description: "The stored plan", schema: Preview } },
			async handler(input) {
				return created(await createPreview(await deps(), input.body as ChangeSet, actor(input)));
			},
		},
		{
			method: "POST",
			url: "/v1/impact/comparisons",
			operationId: "compareImpactPreviews",
			summary: "Plan two or more change sets against the same data and seed and return their summaries and cost ranges side by side (nothing stored)",
			tag: "impact",
			scopes: WRITE,
			body: obj({ changeSets: arr(ChangeSetSchema, { minItems: 2, maxItems: 10 }) }),
			responses: {
				200: {
					description: "One entry per change set, in the order given",
					schema: obj({ entries: arr(obj({ name: str(), readHash: str(), summary: open("Counts"), costRanges: open("min/p10/p50/p90/max") })) }),
				},
			},
			async handler(input) {
				const d = await deps();
				const { readModel } = await import("../../impact/service.js");
				const snapshot = await readModel(ctx.repo);
				const sets = (input.body as { changeSets: ChangeSet[] }).changeSets;
				const entries = [];
				for (const [i, set] of sets.entries()) {
					const { body } = await planChangeSet(d, set, actor(input), snapshot);
					entries.push({ name: set.name ?? `change set ${i + 1}`, readHash: body.readHash, summary: body.summary, costRanges: body.costRanges ?? {} });
				}
				return ok({ entries });
			},
		},
		{
			method: "GET",
			url: "/v1/impact/previews/:id",
			operationId: "getImpactPreview",
			summary: "Read a stored plan",
			tag: "impact",
			scopes: READ,
			params: idParams,
			responses: { 200: { description: "The plan", schema: Preview } },
			async handler(input) {
				return ok(await requirePreview((await deps()).store, input.params.id));
			},
		},
		{
			method: "POST",
			url: "/v1/impact/previews/:id/apply",
			operationId: "applyImpactPreview",
			summary: "Apply a plan: refused (409) if anything it read has changed since, or a required pack approval is missing; records who applied it",
			tag: "impact",
			scopes: WRITE,
			params: idParams,
			responses: { 200: { description: "The plan, applied", schema: Preview } },
			async handler(input) {
				return ok(await applyPreview(await deps(), input.params.id, actor(input)));
			},
		},
		{
			method: "POST",
			url: "/v1/impact/previews/:id/approvals",
			operationId: "approveImpactPack",
			summary: "Record the customer's or compliance's decision on the plan's readiness pack",
			tag: "impact",
			scopes: APPROVE,
			params: idParams,
			body: obj({ role: oneOfValues(["customer", "compliance"]), decision: oneOfValues(["approved", "rejected"]), note: str({ maxLength: 2000 }) }, ["note"]),
			responses: { 201: { description: "Every approval recorded against the plan", schema: obj({ approvals: arr(Approval) }) } },
			async handler(input) {
				const d = await deps();
				const preview = await requirePreview(d.store, input.params.id);
				const body = input.body as { role: "customer" | "compliance"; decision: "approved" | "rejected"; note?: string };
				await d.store.addApproval(preview.id, { role: body.role, decision: body.decision, by: actor(input), at: ctx.clock.now(), note: body.note ?? "" });
				return created({ approvals: await d.store.approvals(preview.id) });
			},
		},
		{
			method: "GET",
			url: "/v1/impact/previews/:id/pack",
			operationId: "getImpactPack",
			summary:
				"The rollout readiness pack: HTML (default) or PDF (?format=pdf), with its detached Ed25519 signature in the Fieldchain-Pack-Signature header (keyId, sha256, signature)",
			tag: "impact",
			scopes: READ,
			params: idParams,
			querystring: obj({ format: oneOfValues(["html", "pdf"]) }, ["format"]),
			responses: { 200: { description: "text/html or application/pdf bytes (not JSON)", schema: { type: "string" } } },
			async handler(input) {
				const d = await deps();
				const preview = await requirePreview(d.store, input.params.id);
				const key = await packKey(d.store, ctx.clock.now());
				const html = packHtml(preview, await d.store.approvals(preview.id), key.id);
				const pdf = input.query.format === "pdf";
				const bytes = pdf ? await htmlToPdf(html) : Buffer.from(html, "utf8");
				const signature = signPack(bytes, key);
				input.reply.header("content-type", pdf ? "application/pdf" : "text/html; charset=utf-8");
				input.reply.header("fieldchain-pack-signature", `keyId=${signature.keyId}; sha256=${signature.sha256}; ed25519=${signature.signature}`);
				input.reply.header("content-disposition", `inline; filename="impact-${preview.id}.${pdf ? "pdf" : "html"}"`);
				return ok(bytes);
			},
		},
		{
			method: "GET",
			url: "/v1/impact/pack-key",
			operationId: "getImpactPackKey",
			summary: "The public key packs are signed with, to check a pack's signature offline",
			tag: "impact",
			scopes: READ,
			responses: { 200: { description: "Ed25519 public key (SPKI PEM)", schema: obj({ keyId: str(), algorithm: str(), publicKeyPem: str() }) } },
			async handler() {
				const key = await packKey((await deps()).store, ctx.clock.now());
				return ok({ keyId: key.id, algorithm: "Ed25519", publicKeyPem: key.publicKeyPem });
			},
		},
		{
			method: "POST",
			url: "/v1/impact/packs/verify",
			operationId: "verifyImpactPack",
			summary: "Check a pack file (base64) against its detached signature and this service's key",
			tag: "impact",
			scopes: READ,
			bodyLimit: 32 * 1024 * 1024,
			body: obj({
				content: str({ description: "the pack's bytes, base64" }),
				signature: str({ description: "the ed25519= value of Fieldchain-Pack-Signature" }),
			}),
			responses: {
				200: { description: "Whether the signature is this service's over exactly these bytes", schema: obj({ valid: { type: "boolean" }, keyId: str() }) },
			},
			async handler(input) {
				const body = input.body as { content: string; signature: string };
				const key = await packKey((await deps()).store, ctx.clock.now());
				if (!/^[A-Za-z0-9+/=\s]*$/.test(body.content)) throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, "content must be base64.");
				return ok({ valid: verifyPack(Buffer.from(body.content, "base64"), { signature: body.signature }, key.publicKeyPem), keyId: key.id });
			},
		},
	];
}
