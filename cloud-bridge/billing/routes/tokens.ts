/**
 * Listing and revoking API tokens (admin). A listing never carries a secret or its hash: only what
 * an admin needs to decide which token to revoke (name, scopes, gateway, created, expires, last used).
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { DAY_MS, DEFAULT_TOKEN_TTL_DAYS, issueApiToken, MAX_TOKEN_TTL_DAYS } from "../auth/tokens.js";
import type { BillingContext } from "../context.js";
import { arr, bool, id, int, ms, nullable, obj, str } from "../openapi/schema-helpers.js";
import { type ApiTokenRecord, SCOPES } from "../store/types.js";
import { ADMIN, idParams, listOf } from "./common.js";
import { badCursor, pageRequestOf } from "./pagination.js";
import { created, type HandlerResult, ok, type RouteSpec } from "./route-spec.js";

export const TokenSchema = obj({
	id: id(),
	name: str(),
	scopes: arr({ type: "string", enum: [...SCOPES] }),
	gatewayId: nullable(str()),
	createdAt: ms(),
	expiresAt: nullable(ms()),
	lastUsedAt: { ...nullable(ms()), description: "to the minute: recorded at most once a minute per token" },
	revokedAt: nullable(ms()),
	revoked: bool(),
	expired: bool(),
});

const scopeList = arr({ type: "string", enum: [...SCOPES] }, { minItems: 1, uniqueItems: true });

/** POST /v1/tokens: a person's token lives ttlDays (default DEFAULT_TOKEN_TTL_DAYS). */
export const createTokenBody = obj(
	{
		name: str({ minLength: 1, maxLength: 200 }),
		scopes: scopeList,
		ttlDays: int({ minimum: 1, maximum: MAX_TOKEN_TTL_DAYS, description: `days until the token expires (default ${DEFAULT_TOKEN_TTL_DAYS})` }),
	},
	["ttlDays"],
);

export const createdTokenSchema = obj({ id: id(), name: str(), scopes: scopeList, token: str(), expiresAt: nullable(ms()) });

export async function createPersonToken(ctx: BillingContext, body: { name: string; scopes: string[]; ttlDays?: number }): Promise<HandlerResult> {
	const ttlMs = (body.ttlDays ?? DEFAULT_TOKEN_TTL_DAYS) * DAY_MS;
	const { token, record } = await issueApiToken(ctx.store, { name: body.name, scopes: body.scopes, now: ctx.clock.now(), ttlMs });
	return created({ id: record.id, name: record.name, scopes: record.scopes, token, expiresAt: record.expiresAt ?? null });
}

export function tokenView(token: ApiTokenRecord, now: number) {
	const expiresAt = token.expiresAt ?? null;
	return {
		id: token.id,
		name: token.name,
		scopes: token.scopes,
		gatewayId: token.gatewayId,
		createdAt: token.createdAt,
		expiresAt,
		lastUsedAt: token.lastUsedAt ?? null,
		revokedAt: token.revokedAt,
		revoked: token.revokedAt !== null,
		expired: expiresAt !== null && now >= expiresAt,
	};
}

export function tokenRoutes(ctx: BillingContext): RouteSpec[] {
	return [
		{
			method: "GET",
			url: "/v1/tokens",
			operationId: "listTokens",
			summary: "Every API token (people's and gateways'), oldest first, without secrets",
			tag: "auth",
			scopes: ADMIN,
			responses: { 200: { description: "Tokens", schema: listOf("tokens", TokenSchema, ["createdAt", "id"]) } },
			async handler(input) {
				const now = ctx.clock.now();
				// Paged in the store (keyset on createdAt, id); one more than the page says whether there is a next.
				const page = pageRequestOf(input);
				const after = page?.after;
				if (after && (typeof after[0] !== "number" || typeof after[1] !== "string")) throw badCursor();
				const tokens = await ctx.store.listTokens(page && { limit: page.limit + 1, after: after ? [after[0] as number, after[1] as string] : null });
				return ok({ tokens: tokens.map((t) => tokenView(t, now)) });
			},
		},
		{
			method: "POST",
			url: "/v1/tokens/:id/revoke",
			operationId: "revokeToken",
			summary: "Revoke one API token: it is refused (401) from now on; revoking again keeps the first time",
			tag: "auth",
			scopes: ADMIN,
			params: idParams,
			responses: { 200: { description: "The revoked token", schema: TokenSchema } },
			async handler(input) {
				const revoked = await ctx.store.revokeToken(input.params.id, ctx.clock.now());
				if (!revoked) {
					throw new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No token ${input.params.id}.`, {
						hint: "GET /v1/tokens lists the tokens and their ids.",
					});
				}
				return ok(tokenView(revoked, ctx.clock.now()));
			},
		},
	];
}
