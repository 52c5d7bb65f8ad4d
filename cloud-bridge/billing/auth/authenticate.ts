/**
 * Bearer-token authentication and scope checks. Every /v1 route declares the scopes it accepts;
 * no token or an unknown or revoked one is 401, a token without any of the scopes is 403.
 */
import type { FastifyRequest } from "fastify";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { ApiTokenRecord, BillingStore, Scope } from "../store/types.js";
import { hashToken } from "./tokens.js";

export interface Principal {
	tokenId: string;
	name: string;
	scopes: readonly Scope[];
	/** Set when the caller is a gateway. */
	gatewayId: string | null;
}

declare module "fastify" {
	interface FastifyRequest {
		principal?: Principal;
	}
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/;

function unauthorized(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_UNAUTHORIZED, message, {
		hint: "Send Authorization: Bearer <token>; `fieldchain cloud token create --scope ...` issues one.",
	});
}

/** lastUsedAt is written at most this often per token, so reads never turn into a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticate(store: BillingStore, request: FastifyRequest, now: number = Date.now()): Promise<Principal> {
	const header = request.headers.authorization;
	if (!header) throw unauthorized("No bearer token.");
	const match = BEARER.exec(header);
	if (!match) throw unauthorized("The Authorization header is not a bearer token.");
	const record: ApiTokenRecord | undefined = await store.findTokenByHash(hashToken(match[1]));
	if (!record) throw unauthorized("Unknown bearer token.");
	if (record.revokedAt !== null) throw unauthorized("This token was revoked.");
	if (record.expiresAt != null && now >= record.expiresAt) {
		throw new FieldchainError(ErrorCodes.FC_BILLING_UNAUTHORIZED, `This token expired at ${new Date(record.expiresAt).toISOString()}.`, {
			hint: "Ask an admin for a new token (`fieldchain cloud token create`, or POST /v1/tokens).",
		});
	}
	if (record.lastUsedAt == null || now - record.lastUsedAt >= LAST_USED_RESOLUTION_MS) await store.touchToken(record.id, now);
	return { tokenId: record.id, name: record.name, scopes: record.scopes, gatewayId: record.gatewayId };
}

export function requireScope(principal: Principal, anyOf: readonly Scope[]): void {
	if (anyOf.length === 0 || anyOf.some((scope) => principal.scopes.includes(scope))) return;
	throw new FieldchainError(
		ErrorCodes.FC_BILLING_FORBIDDEN,
		`This token lacks the scope for this request: it needs ${anyOf.join(" or ")} (it has ${principal.scopes.join(", ")}).`,
		{
			hint: "Ask an admin for a token with that scope.",
		},
	);
}

/** The acting user or gateway, recorded on approvals. */
export function actorOf(principal: Principal): string {
	return principal.gatewayId ? `gateway:${principal.gatewayId}` : principal.name;
}
