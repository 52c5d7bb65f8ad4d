/**
 * Sign-in for people through an OIDC provider (present only when `cloud serve` is given one):
 * GET /v1/sessions/oidc says which provider; GET /v1/sessions/oidc/start sends the browser there
 * with PKCE, state and nonce; GET /v1/sessions/oidc/callback checks the answer and sets the same
 * session cookie as the password sign-in, then sends the browser to /console/.
 * The pending sign-in's id rides in an HttpOnly SameSite=Lax cookie (a Strict one would not come
 * back on the provider's cross-site redirect) scoped to these paths; it is used once. A refusal
 * sends the browser to /console/?sign-in-error=<reason>, a fixed word the page turns into text,
 * so no other site can make the console show words of its choosing.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleDeps } from "../../console/deps.js";
import { OIDC_CALLBACK_PATH } from "../../console/oidc/config.js";
import { PENDING_TTL_MS } from "../../console/oidc/pending.js";
import { OidcRefusal, type OidcSignIn, REFUSALS } from "../../console/oidc/sign-in.js";
import { readCookie, sessionCookie, startSession } from "../../console/sessions.js";
import type { BillingContext } from "../context.js";
import { obj, partial, str } from "../openapi/schema-helpers.js";
import type { RouteSpec } from "./route-spec.js";

export const PENDING_COOKIE = "fc_console_oidc";
const PENDING_PATH = "/v1/sessions/oidc";
/** What a subject may look like to be echoed back to the sign-in page (anything else is left out). */
const SHOWN_SUBJECT = /^[A-Za-z0-9._@|:+-]{1,128}$/;

const redirectSchema = obj({ location: str({ description: "Where the browser is sent (also the Location header)" }) });

function pendingCookie(value: string, secure: boolean, maxAgeMs: number): string {
	return [
		`${PENDING_COOKIE}=${value}`,
		`Path=${PENDING_PATH}`,
		"HttpOnly",
		"SameSite=Lax",
		`Max-Age=${Math.floor(maxAgeMs / 1000)}`,
		...(secure ? ["Secure"] : []),
	].join("; ");
}

function redirect(reply: FastifyReply, location: string, cookies: string[]) {
	reply.header("location", location);
	reply.header("set-cookie", cookies);
	reply.header("cache-control", "no-store");
	reply.header("referrer-policy", "no-referrer");
	return { status: 303, body: { location } };
}

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? "localhost"}`;

export function consoleOidcRoutes(ctx: BillingContext, deps: ConsoleDeps, oidc: OidcSignIn): RouteSpec[] {
	return [
		{
			method: "GET",
			url: PENDING_PATH,
			operationId: "getOidcSignIn",
			summary: "Which identity provider the console offers for sign-in (only when one is configured)",
			tag: "console",
			scopes: "public",
			responses: {
				200: {
					description: "The provider's name and issuer, and where the browser starts",
					schema: obj({ name: str(), issuer: str(), startUrl: str() }),
				},
			},
			async handler() {
				return { status: 200, body: { name: oidc.name, issuer: oidc.issuer, startUrl: `${PENDING_PATH}/start` } };
			},
		},
		{
			method: "GET",
			url: `${PENDING_PATH}/start`,
			operationId: "startOidcSignIn",
			summary: "Send the browser to the identity provider (authorization code flow with PKCE, state and nonce)",
			tag: "console",
			scopes: "public",
			responses: {
				303: { description: "To the provider; sets the pending sign-in's cookie (HttpOnly, SameSite=Lax, 10 minutes)", schema: redirectSchema },
			},
			async handler({ request, reply }) {
				const secure = request.protocol === "https";
				try {
					const { url, pendingId } = await oidc.start(oidc.redirectUrl(originOf(request)), request.ip);
					return redirect(reply, url, [pendingCookie(pendingId, secure, PENDING_TTL_MS)]);
				} catch (error) {
					if (!(error instanceof OidcRefusal)) throw error;
					ctx.logger.error({ reason: error.reason, problem: error.message }, "console OIDC sign-in could not start");
					return redirect(reply, `/console/?sign-in-error=${error.reason}`, [pendingCookie("", secure, 0)]);
				}
			},
		},
		{
			method: "GET",
			url: OIDC_CALLBACK_PATH,
			operationId: "finishOidcSignIn",
			summary: "The identity provider's answer: checks it, signs the linked console user in and sends the browser to /console/",
			tag: "console",
			scopes: "public",
			// The provider's answer; providers may add parameters of their own (session_state, ...).
			querystring: partial({ code: str(), state: str(), iss: str(), error: str(), error_description: str() }, { additionalProperties: true }),
			responses: {
				303: {
					description: `To /console/ with the session cookie set, or to /console/?sign-in-error=<${REFUSALS.join("|")}> when refused`,
					schema: redirectSchema,
				},
			},
			async handler({ request, reply }) {
				const secure = request.protocol === "https";
				const cleared = pendingCookie("", secure, 0);
				const query = new URLSearchParams(request.url.split("?")[1] ?? "");
				try {
					const user = await oidc.finish(readCookie(request, PENDING_COOKIE), query);
					const now = ctx.clock.now();
					const { secret } = await startSession(deps.store, user, now);
					await deps.store.purgeExpiredSessions(now);
					ctx.logger.info({ username: user.username, role: user.role, via: "oidc" }, "console sign-in");
					return redirect(reply, "/console/", [cleared, sessionCookie(secret, secure)]);
				} catch (error) {
					if (!(error instanceof OidcRefusal)) throw error;
					ctx.logger.warn({ reason: error.reason, problem: error.message, ip: request.ip }, "console OIDC sign-in refused");
					const subject = error.subject && SHOWN_SUBJECT.test(error.subject) ? `&subject=${encodeURIComponent(error.subject)}` : "";
					return redirect(reply, `/console/?sign-in-error=${error.reason}${subject}`, [cleared]);
				}
			},
		},
	];
}
