/**
 * Policies the work is made from (model/policies): SLA policies, price lists and checklist
 * templates, versioned. Listing and reading any version is open to readers; creating one makes
 * version 1 of a new id. A revision of an existing policy is never written here: it goes through an
 * impact preview (POST /v1/impact/previews, plan before apply), so every change to live work is
 * reviewed with its ripple first. The store refuses a taken id atomically (impact/store).
 */
import type { ChecklistTemplate, Policy, PolicyKind, PriceList, SlaPolicy } from "../../../model/policies/types.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { impactStoreBeside } from "../../impact/store/beside.js";
import { notFirstVersion } from "../../impact/store/errors.js";
import type { BillingContext } from "../context.js";
import { ChecklistItem } from "../openapi/entity-schemas.js";
import { arr, id, int, minor, ms, nullable, obj, oneOfValues, type Schema, str } from "../openapi/schema-helpers.js";
import { ADMIN, APPROVE, actor, listOf, READ } from "./common.js";
import { created, ok, type RouteSpec } from "./route-spec.js";

const KINDS: readonly PolicyKind[] = ["sla-policy", "price-list", "checklist-template"];
const WRITE = [...APPROVE, ...ADMIN];

const SlaTarget = obj({
	priority: oneOfValues(["low", "normal", "high", "emergency"]),
	respondMinutes: int({ minimum: 1 }),
	resolveMinutes: int({ minimum: 1 }),
});
const WeeklyWindow = obj({
	weekday: int({ minimum: 0, maximum: 6, description: "0 = Sunday … 6 = Saturday" }),
	startMinute: int({ minimum: 0, maximum: 1440 }),
	endMinute: int({ minimum: 0, maximum: 1440 }),
});

/** What each kind adds to the common fields, for the stored shape and the create body alike. */
const KIND_FIELDS: Record<PolicyKind, { fields: Record<string, Schema>; optional: string[] }> = {
	"sla-policy": {
		fields: {
			customerIds: arr(id(), { description: "customers (contracts) covered; empty means every customer" }),
			targets: arr(SlaTarget, { minItems: 1, maxItems: 4 }),
			businessHours: arr(WeeklyWindow, { description: "UTC weekly windows the clock runs in; empty means around the clock" }),
		},
		optional: ["customerIds", "businessHours"],
	},
	"price-list": {
		fields: {
			currency: str({ pattern: "^[A-Z]{3}$" }),
			rateCardId: nullable(id()),
			ratesPerHourMinor: obj({ work: minor(), travel: minor() }, ["work", "travel"]),
			itemPricesMinor: { type: "object", additionalProperties: minor(), description: "unit prices by SKU" },
		},
		optional: ["rateCardId", "ratesPerHourMinor", "itemPricesMinor"],
	},
	"checklist-template": {
		fields: {
			items: arr(ChecklistItem, { minItems: 1, maxItems: 500 }),
			milestoneEvidence: arr(id(), { description: "checklist item ids whose evidence a billing milestone needs before release" }),
		},
		optional: ["milestoneEvidence"],
	},
};

const stored = (kind: PolicyKind): Schema =>
	obj({
		kind: { const: kind },
		id: id(),
		version: int({ minimum: 1 }),
		name: str(),
		effectiveFrom: ms(),
		createdAt: ms(),
		createdBy: str(),
		...KIND_FIELDS[kind].fields,
	});
const PolicySchema: Schema = { oneOf: KINDS.map(stored) };

const createBody = (kind: PolicyKind): Schema =>
	obj(
		{
			kind: { const: kind },
			id: str({ minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" }),
			name: str({ minLength: 1, maxLength: 200 }),
			effectiveFrom: { ...ms(), description: "epoch ms; default now" },
			version: int({ minimum: 1, description: "1 if given: a later version is a revision (POST /v1/impact/previews)" }),
			...KIND_FIELDS[kind].fields,
		},
		["effectiveFrom", "version", ...KIND_FIELDS[kind].optional],
	);

const policyParams = obj({ kind: oneOfValues(KINDS), id: id() });

/**
 * The stored policy from a create body: the kind's defaults filled in, version 1, who and when.
 * The body's shape was checked by the route's schema (one of `createBody`), hence the casts.
 */
function firstVersion(body: Record<string, unknown>, by: string, now: number): Policy {
	const { version: _version, ...fields } = body;
	const common = { effectiveFrom: now, ...fields, version: 1, createdAt: now, createdBy: by };
	if (body.kind === "sla-policy") return { customerIds: [], businessHours: [], ...common } as unknown as SlaPolicy;
	if (body.kind === "price-list") return { rateCardId: null, ratesPerHourMinor: {}, itemPricesMinor: {}, ...common } as unknown as PriceList;
	const template = { milestoneEvidence: [], ...common } as unknown as ChecklistTemplate;
	const itemIds = new Set<string>();
	for (const item of template.items) {
		if (itemIds.has(item.id)) throw badPolicy(`Checklist template ${template.id} has item "${item.id}" twice.`);
		itemIds.add(item.id);
	}
	const unknown = template.milestoneEvidence.filter((itemId) => !itemIds.has(itemId));
	if (unknown.length > 0)
		throw badPolicy(`milestoneEvidence names ${unknown.join(", ")}, which ${unknown.length === 1 ? "is not an item" : "are not items"} of the template.`);
	return template;
}

function badPolicy(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, message, { hint: "Fix the policy and send it again." });
}

function notFound(kind: string, policyId: string, version?: number): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `There is no ${kind} ${policyId}${version === undefined ? "" : ` version ${version}`}.`, {
		hint: `GET /v1/policies?kind=${kind} lists them; POST /v1/policies creates a new one.`,
	});
}

export function policyRoutes(ctx: BillingContext): RouteSpec[] {
	const store = () => impactStoreBeside(ctx.repo);
	/** Every version of one policy of this kind, oldest first; 404 when there is none (or it is another kind). */
	const versionsOf = async (kind: string, policyId: string): Promise<Policy[]> => {
		const versions = await (await store()).policyVersions(policyId);
		if (versions.length === 0 || versions[0].kind !== kind) throw notFound(kind, policyId);
		return versions;
	};
	return [
		{
			method: "GET",
			url: "/v1/policies",
			operationId: "listPolicies",
			summary: "The latest version of every policy (SLA policies, price lists, checklist templates), optionally of one kind",
			tag: "policies",
			scopes: READ,
			querystring: obj({ kind: oneOfValues(KINDS) }, ["kind"]),
			responses: { 200: { description: "Latest versions, by id", schema: listOf("policies", PolicySchema) } },
			async handler(input) {
				return ok({ policies: await (await store()).latestPolicies(input.query.kind as PolicyKind | undefined) });
			},
		},
		{
			method: "POST",
			url: "/v1/policies",
			operationId: "createPolicy",
			summary: "Create a new policy (version 1). A revision of an existing one is refused (409): revise it with POST /v1/impact/previews and apply the plan",
			tag: "policies",
			scopes: WRITE,
			body: { oneOf: KINDS.map(createBody) },
			responses: { 201: { description: "The stored version 1", schema: PolicySchema } },
			async handler(input) {
				const body = input.body as Record<string, unknown> & { id: string; version?: number };
				if (body.version !== undefined && body.version !== 1) throw notFirstVersion(body.id, body.version);
				const policy = firstVersion(body, actor(input), ctx.clock.now());
				await (await store()).createPolicy(policy);
				return created(policy, 1);
			},
		},
		{
			method: "GET",
			url: "/v1/policies/:kind/:id",
			operationId: "getPolicy",
			summary: "One policy: its latest version, or ?version=N",
			tag: "policies",
			scopes: READ,
			params: policyParams,
			querystring: obj({ version: str({ pattern: "^[1-9][0-9]{0,8}$", description: "a version number; default the latest" }) }, ["version"]),
			responses: { 200: { description: "The policy version", schema: PolicySchema } },
			async handler(input) {
				const versions = await versionsOf(input.params.kind, input.params.id);
				const wanted = input.query.version === undefined ? undefined : Number(input.query.version);
				const policy = wanted === undefined ? versions.at(-1) : versions.find((p) => p.version === wanted);
				if (!policy) throw notFound(input.params.kind, input.params.id, wanted);
				return ok(policy, policy.version);
			},
		},
		{
			method: "GET",
			url: "/v1/policies/:kind/:id/versions",
			operationId: "listPolicyVersions",
			summary: "Every version of one policy, oldest first (work orders and tasks name the version they were made from)",
			tag: "policies",
			scopes: READ,
			params: policyParams,
			responses: { 200: { description: "Versions, oldest first", schema: listOf("versions", PolicySchema, ["version", "id"]) } },
			async handler(input) {
				return ok({ versions: await versionsOf(input.params.kind, input.params.id) });
			},
		},
	];
}
