/**
 * Sign-in for people (the office console): POST /v1/sessions checks a username and password and
 * sets the session cookie; GET /v1/sessions/current says who is signed in; DELETE signs out.
 * Sign-in is rate limited per username and per address, refused from another origin, and says
 * the same thing for an unknown user, a wrong password and a disabled account.
 */

import type { FastifyRequest } from "fastify";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { errorBodySchema } from "../../../platform/http-errors.js";
import { publicUser, signInFailed } from "../../console/accounts.js";
import type { ConsoleDeps } from "../../console/deps.js";
import {
	checkSameOrigin,
	clearedCookie,
	cookieSecret,
	hashSecret,
	principalOf,
	sessionCookie,
	sessionPrincipal,
	startSession,
} from "../../console/sessions.js";
import { ROLES } from "../../console/users/types.js";
import type { BillingContext } from "../context.js";
import { arr, bool, id, ms, nullable, obj, oneOfValues, str } from "../openapi/schema-helpers.js";
import type { RouteSpec } from "./route-spec.js";

export const ConsoleUser = obj({
	id: id(),
	username: str(),
	displayName: str(),
	role: oneOfValues(ROLES),
	technicianId: nullable(str()),
	createdAt: ms(),
	disabledAt: nullable(ms()),
});

const sessionSchema = obj({ user: nullable(ConsoleUser), name: str(), scopes: arr(str()), expiresAt: nullable(ms()) });

export function consoleSessionRoutes(ctx: BillingContext, deps: ConsoleDeps): RouteSpec[] {
	const requireSession = async (request: FastifyRequest) => {
		const principal = await sessionPrincipal(deps.store, request, ctx.clock.now());
		if (!principal)
			throw new FieldchainError(ErrorCodes.FC_BILLING_UNAUTHORIZED, "Not signed in to the console.", {
				hint: "Sign in with POST /v1/sessions (the console at /console/ does).",
			});
		return principal;
	};
	return [
		{
			method: "POST",
			url: "/v1/sessions",
			operationId: "signIn",
			summary: "Sign a person in to the office console: sets an HttpOnly SameSite=Strict session cookie",
			tag: "console",
			scopes: "public",
			body: obj({ username: str({ minLength: 1, maxLength: 200 }), password: str({ minLength: 1, maxLength: 1024 }) }),
			responses: {
				201: { description: "Signed in; the cookie carries the session", schema: sessionSchema },
				403: { description: "The request did not come from the console's own page (FC_CONSOLE_CROSS_ORIGIN)", schema: errorBodySchema },
				429: {
					description: "Too many failed sign-ins for this username or address; Retry-After says when (FC_CONSOLE_TOO_MANY_ATTEMPTS)",
					schema: errorBodySchema,
				},
			},
			async handler({ request, reply, body }) {
				checkSameOrigin(request);
				const { username, password } = body as { username: string; password: string };
				const key = username.trim().toLowerCase();
				const wait = deps.limiter.retryAfter(key, request.ip);
				if (wait > 0) {
					reply.header("retry-after", String(Math.ceil(wait / 1000)));
					throw new FieldchainError(ErrorCodes.FC_CONSOLE_TOO_MANY_ATTEMPTS, "Too many failed sign-ins for this account or from this address.", {
						hint: `Wait ${Math.ceil(wait / 60_000)} minute(s) and try again.`,
					});
				}
				const user = await deps.identity.verify({ username, password });
				if (!user) {
					deps.limiter.failed(key, request.ip);
					ctx.logger.warn({ username: key, ip: request.ip }, "console sign-in refused");
					throw signInFailed();
				}
				deps.limiter.succeeded(key);
				const now = ctx.clock.now();
				const { secret, session } = await startSession(deps.store, user, now);
				await deps.store.purgeExpiredSessions(now);
				reply.header("set-cookie", sessionCookie(secret, request.protocol === "https"));
				reply.header("cache-control", "no-store");
				ctx.logger.info({ username: user.username, role: user.role }, "console sign-in");
				const principal = principalOf(user);
				return { status: 201, body: { user: publicUser(user), name: principal.name, scopes: [...principal.scopes], expiresAt: session.expiresAt } };
			},
		},
		{
			method: "GET",
			url: "/v1/sessions/current",
			operationId: "getCurrentSession",
			summary: "Who is signed in (a console session or an API token) and with which scopes",
			tag: "console",
			// The session cookie is checked here, not by a token scope: every role (a dispatcher too) asks, and no gateway token reaches it.
			scopes: "public",
			responses: { 200: { description: "The signed-in person", schema: sessionSchema } },
			async handler({ request }) {
				const principal = await requireSession(request);
				const user = request.consoleUser;
				const secret = cookieSecret(request);
				const session = user && secret ? await deps.store.findSession(hashSecret(secret)) : undefined;
				return {
					status: 200,
					body: {
						user: user ? publicUser(user) : null,
						name: principal?.name ?? "",
						scopes: [...(principal?.scopes ?? [])],
						expiresAt: session?.expiresAt ?? null,
					},
				};
			},
		},
		{
			method: "DELETE",
			url: "/v1/sessions/current",
			operationId: "signOut",
			summary: "Sign out of the office console: ends the session and clears its cookie",
			tag: "console",
			scopes: "public",
			responses: {
				200: { description: "Signed out", schema: obj({ signedOut: bool() }) },
				403: { description: "The request did not come from the console's own page (FC_CONSOLE_CROSS_ORIGIN)", schema: errorBodySchema },
			},
			async handler({ request, reply }) {
				await requireSession(request);
				const secret = cookieSecret(request);
				if (request.consoleUser && secret) await deps.store.deleteSession(hashSecret(secret));
				reply.header("set-cookie", clearedCookie(request.protocol === "https"));
				return { status: 200, body: { signedOut: request.consoleUser !== undefined } };
			},
		},
	];
}
