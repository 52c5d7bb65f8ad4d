/** API tokens, one-time enrollment tokens, gateway enrollment and key revocation. */
import { randomUUID } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { keyIdOf, parsePublicKey } from "../../../protocol/evidence/keys.js";
import { verifyEnrollmentProof } from "../../../protocol/uplink/enrollment-proof.js";
import { API_TOKEN_PREFIX, ENROLLMENT_TOKEN_PREFIX, hashToken, issueEnrollmentToken, newSecret } from "../auth/tokens.js";
import type { BillingContext } from "../context.js";
import { arr, bool, hex64, id, int, ms, nullable, obj, str } from "../openapi/schema-helpers.js";
import { type ApiTokenRecord, type ChainHead, GATEWAY_SCOPES, type GatewayRecord, SCOPES } from "../store/types.js";
import { ChainGapSchema, reportedChainGaps } from "./chain-gaps.js";
import { ADMIN, idParams, listOf } from "./common.js";
import { badCursor, pageRequestOf } from "./pagination.js";
import { created, ok, type RouteSpec } from "./route-spec.js";
import { createdTokenSchema, createPersonToken, createTokenBody } from "./tokens.js";

const scopeList = arr({ type: "string", enum: [...SCOPES] }, { minItems: 1, uniqueItems: true });
const technicianIdList = arr(id(), { maxItems: 1000, uniqueItems: true });
const GatewaySchema = obj({
	id: id(),
	publicKey: str(),
	keyId: hex64(),
	enrolledAt: ms(),
	revokedAt: nullable(ms()),
	revoked: bool(),
	technicianIds: technicianIdList,
});
const ChainSchema = obj({
	gatewayId: id(),
	headSeq: int({ minimum: 0 }),
	headHash: hex64(),
	sealedUpTo: int({ minimum: 0 }),
	// When the service stored the head record: how long the gateway has been quiet (the console's "last receipt").
	lastReceivedAt: nullable(ms()),
	// Open and acknowledged gaps (chain-gaps.ts).
	gaps: arr(ChainGapSchema),
});
const GATEWAY_ID = "^[A-Za-z0-9._-]{1,64}$";

const gatewayView = (g: GatewayRecord) => ({ ...g, revoked: g.revokedAt !== null });

const ENROLL_FAILURES: Record<string, string> = {
	unknown: "The enrollment token is not known.",
	used: "The enrollment token was already used; each works once.",
	expired: "The enrollment token has expired.",
	// A repeat with a valid proof (protocol/uplink/enrollment-proof.ts) that still gets no new token:
	"not-this-gateway": "The enrollment token was used by another gateway; each works once.",
	"gateway-revoked": "The gateway was revoked; a revoked gateway cannot enroll again.",
};

/** A new API token for the gateway: the secret (shown once) and the record stored (its hash). */
function gatewayToken(gatewayId: string, now: number): { secret: string; record: ApiTokenRecord } {
	const secret = newSecret(API_TOKEN_PREFIX);
	return {
		secret,
		record: {
			id: randomUUID(),
			name: `gateway ${gatewayId}`,
			hash: hashToken(secret),
			scopes: [...GATEWAY_SCOPES],
			gatewayId,
			createdAt: now,
			revokedAt: null,
		},
	};
}

export function gatewayRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "POST",
			url: "/v1/tokens",
			operationId: "createToken",
			summary: "Issue an API token for a person (approve, release, admin) or a read-only system; the secret is shown once",
			tag: "auth",
			scopes: ADMIN,
			body: createTokenBody,
			responses: {
				201: { description: "The token; store it now, it is never shown again. It expires at expiresAt", schema: createdTokenSchema },
			},
			handler: (input) => createPersonToken(ctx, input.body as { name: string; scopes: string[]; ttlDays?: number }),
		},
		{
			method: "POST",
			url: "/v1/enrollments",
			operationId: "createEnrollment",
			summary: "Issue a one-time enrollment token for a new gateway",
			tag: "gateways",
			scopes: ADMIN,
			responses: {
				201: { description: "The enrollment token; it works once, until expiresAt", schema: obj({ id: id(), enrollmentToken: str(), expiresAt: ms() }) },
			},
			async handler() {
				const { token, record } = await issueEnrollmentToken(ctx.store, { now: ctx.clock.now(), ttlMs: ctx.policy.enrollmentTtlMs });
				return created({ id: record.id, enrollmentToken: token, expiresAt: record.expiresAt });
			},
		},
		{
			method: "POST",
			url: "/v1/gateways/enroll",
			operationId: "enrollGateway",
			summary:
				"A gateway presents its one-time enrollment token and Ed25519 public key and receives its own API token. With `proof` (its key's signature, protocol/uplink/enrollment-proof.ts) a gateway whose answer was lost may repeat the request while the enrollment token would still be valid: it gets a new token, and the one it never received is revoked",
			tag: "gateways",
			scopes: "public",
			body: obj(
				{
					enrollmentToken: str({ minLength: 1, maxLength: 200 }),
					gatewayId: str({ pattern: GATEWAY_ID }),
					publicKey: str({ minLength: 1, maxLength: 1000 }),
					technicianIds: technicianIdList,
					proof: str({ minLength: 1, maxLength: 200, description: "Base64 Ed25519 signature by the enrolled key (protocol/uplink/enrollment-proof.ts)" }),
				},
				["technicianIds", "proof"],
			),
			responses: {
				201: {
					description: "Enrolled: the gateway's API token (shown once) with scopes evidence:write and workorders:read",
					schema: obj({ gatewayId: id(), keyId: hex64(), token: str(), scopes: scopeList, technicianIds: technicianIdList }),
				},
			},
			async handler(input) {
				const body = input.body as { enrollmentToken: string; gatewayId: string; publicKey: string; technicianIds?: string[]; proof?: string };
				if (!body.enrollmentToken.startsWith(ENROLLMENT_TOKEN_PREFIX)) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_ENROLLMENT, "That is not an enrollment token.", {
						hint: "An admin issues one with POST /v1/enrollments or `fieldchain cloud enrollment create`.",
					});
				}
				let raw: Buffer;
				try {
					raw = parsePublicKey(body.publicKey);
				} catch (cause) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `publicKey: ${(cause as Error).message}`, { cause });
				}
				if (body.proof !== undefined && !verifyEnrollmentProof(raw, body.gatewayId, body.enrollmentToken, body.proof)) {
					throw new FieldchainError(
						ErrorCodes.FC_BILLING_ENROLLMENT,
						"proof is not a signature by the presented key over this gateway id and enrollment token.",
						{
							hint: "Sign with the gateway's own evidence key (protocol/uplink/enrollment-proof.ts), or leave proof out.",
						},
					);
				}
				const now = ctx.clock.now();
				const enrollmentHash = hashToken(body.enrollmentToken);
				const { secret: token, record: tokenRecord } = gatewayToken(body.gatewayId, now);
				const gateway: GatewayRecord = {
					id: body.gatewayId,
					publicKey: raw.toString("base64"),
					keyId: keyIdOf(raw).toString("hex"),
					enrolledAt: now,
					revokedAt: null,
					// The one-time token an admin issued vouches for this gateway; without technicianIds it is bound to nobody.
					technicianIds: body.technicianIds ?? [],
				};
				const outcome = await ctx.store.completeEnrollment({ enrollmentHash, now, gateway, token: tokenRecord });
				if (!outcome.ok && outcome.reason === "used" && body.proof !== undefined) {
					// A repeat: the proof must verify against the key stored for this gateway (the pinned one), not
					// only against the key this request brings.
					const stored = await ctx.store.getGateway(body.gatewayId);
					if (
						stored?.publicKey === gateway.publicKey &&
						verifyEnrollmentProof(Buffer.from(stored.publicKey, "base64"), body.gatewayId, body.enrollmentToken, body.proof)
					) {
						const repeated = await ctx.store.reissueEnrollment({ enrollmentHash, gatewayId: body.gatewayId, now, token: tokenRecord });
						if (!repeated.ok)
							throw new FieldchainError(ErrorCodes.FC_BILLING_ENROLLMENT, ENROLL_FAILURES[repeated.reason], {
								hint: "Ask an admin for a new enrollment token.",
							});
						ctx.logger.warn({ gatewayId: stored.id, keyId: stored.keyId }, "gateway enrollment repeated: a new token replaces the gateway's earlier ones");
						return created({ gatewayId: stored.id, keyId: stored.keyId, token, scopes: [...GATEWAY_SCOPES], technicianIds: repeated.gateway.technicianIds });
					}
				}
				if (!outcome.ok) {
					if (outcome.reason === "gateway-exists") {
						throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Gateway ${gateway.id} is already enrolled.`, {
							hint: "Pick another gateway id; the enrollment token is still unused.",
						});
					}
					throw new FieldchainError(ErrorCodes.FC_BILLING_ENROLLMENT, ENROLL_FAILURES[outcome.reason], { hint: "Ask an admin for a new enrollment token." });
				}
				ctx.logger.info({ gatewayId: gateway.id, keyId: gateway.keyId, technicianIds: gateway.technicianIds }, "gateway enrolled");
				return created({ gatewayId: gateway.id, keyId: gateway.keyId, token, scopes: [...GATEWAY_SCOPES], technicianIds: gateway.technicianIds });
			},
		},
		{
			method: "GET",
			url: "/v1/gateways",
			operationId: "listGateways",
			summary: "Enrolled gateways and their keys",
			tag: "gateways",
			scopes: ADMIN,
			responses: { 200: { description: "Gateways by id", schema: listOf("gateways", GatewaySchema) } },
			async handler(input) {
				// Paged in the store (keyset on id); one more than the page says whether there is a next.
				const page = pageRequestOf(input);
				const after = page?.after;
				if (after && typeof after[0] !== "string") throw badCursor();
				const gateways = await ctx.store.listGateways(page && { limit: page.limit + 1, after: after ? [after[0] as string] : null });
				return ok({ gateways: gateways.map(gatewayView) });
			},
		},
		{
			method: "PATCH",
			url: "/v1/gateways/:id",
			operationId: "bindGateway",
			summary: "Bind a gateway to the technicians it serves: its token reaches only their work orders (replaces the list)",
			tag: "gateways",
			scopes: ADMIN,
			params: idParams,
			body: obj({ technicianIds: technicianIdList }),
			responses: { 200: { description: "The gateway, bound", schema: GatewaySchema } },
			async handler(input) {
				const { technicianIds } = input.body as { technicianIds: string[] };
				const gateway = await ctx.store.bindGateway(input.params.id, technicianIds);
				if (!gateway) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No gateway ${input.params.id} is enrolled.`);
				ctx.logger.info({ gatewayId: gateway.id, technicianIds }, "gateway bound");
				return ok(gatewayView(gateway));
			},
		},
		{
			method: "POST",
			url: "/v1/gateways/:id/revoke",
			operationId: "revokeGateway",
			summary: "Revoke a gateway's key and tokens: nothing it sends is trusted from now on",
			tag: "gateways",
			scopes: ADMIN,
			params: idParams,
			responses: { 200: { description: "The gateway, revoked", schema: GatewaySchema } },
			async handler(input) {
				const gateway = await ctx.store.revokeGateway(input.params.id, ctx.clock.now());
				if (!gateway) throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No gateway ${input.params.id} is enrolled.`);
				ctx.logger.warn({ gatewayId: gateway.id, keyId: gateway.keyId }, "gateway key revoked");
				return ok(gatewayView(gateway));
			},
		},
		{
			method: "GET",
			url: "/v1/gateways/:id/chain",
			operationId: "getGatewayChain",
			summary: "How far the gateway's evidence chain is accepted and sealed (admin, or the gateway itself)",
			tag: "gateways",
			scopes: ["admin", "evidence:write"],
			params: idParams,
			responses: { 200: { description: "The accepted chain head", schema: ChainSchema } },
			async handler(input) {
				const principal = input.principal;
				if (!principal?.scopes.includes("admin") && principal?.gatewayId !== input.params.id) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_FORBIDDEN, `Only an admin or gateway ${input.params.id} itself may read its chain.`);
				}
				if (!(await ctx.store.getGateway(input.params.id)))
					throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No gateway ${input.params.id} is enrolled.`);
				const head: ChainHead = await ctx.store.getChainHead(input.params.id);
				// The head record became an Evidence entity when the service received it (null if it names no known work order).
				const [last] = head.headSeq > 0 ? await ctx.store.getChainRecords(input.params.id, head.headSeq, head.headSeq) : [];
				const received = last ? await ctx.repo.get("evidence", last.recordId) : undefined;
				return ok({ ...head, gaps: await reportedChainGaps(ctx, input.params.id, head), lastReceivedAt: received?.createdAt ?? null });
			},
		},
	];
}
