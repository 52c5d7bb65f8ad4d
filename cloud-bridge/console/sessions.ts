/**
 * Console sessions: a 256-bit random secret in an HttpOnly, SameSite=Strict cookie (Secure over
 * TLS); only its SHA-256 is stored. A session lives `SESSION_TTL_MS` from sign-in and ends at
 * sign-out or when its user is disabled. Unsafe requests made with the cookie must come from the
 * service's own origin (Origin, else Sec-Fetch-Site), so no other site can act for the user even
 * in a browser that ignores SameSite.
 */
import { createHash, randomBytes } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Principal } from "../billing/auth/authenticate.js";
import { type ConsoleStore, ROLE_SCOPES, type SessionRecord, type UserRecord } from "./users/types.js";

export const SESSION_COOKIE = "fc_console_session";
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

declare module "fastify" {
	interface FastifyRequest {
		/** Set when the request was authenticated by a console session. */
		consoleUser?: UserRecord;
	}
}

export const hashSecret = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

export function principalOf(user: UserRecord): Principal {
	return { tokenId: `user:${user.id}`, name: user.username, scopes: ROLE_SCOPES[user.role], gatewayId: null };
}

export async function startSession(store: ConsoleStore, user: UserRecord, now: number): Promise<{ secret: string; session: SessionRecord }> {
	const secret = randomBytes(32).toString("base64url");
	const session: SessionRecord = { hash: hashSecret(secret), userId: user.id, createdAt: now, expiresAt: now + SESSION_TTL_MS };
	await store.createSession(session);
	return { secret, session };
}

export function sessionCookie(secret: string, secure: boolean, maxAgeMs = SESSION_TTL_MS): string {
	return [`${SESSION_COOKIE}=${secret}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${Math.floor(maxAgeMs / 1000)}`, ...(secure ? ["Secure"] : [])].join(
		"; ",
	);
}

export function clearedCookie(secure: boolean): string {
	return sessionCookie("", secure, 0);
}

/** One cookie's value from the request's Cookie header (the session's, or the OIDC sign-in's). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
	const header = request.headers.cookie;
	if (!header) return undefined;
	for (const part of header.split(";")) {
		const eq = part.indexOf("=");
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}

export function cookieSecret(request: FastifyRequest): string | undefined {
	return readCookie(request, SESSION_COOKIE);
}

function refused(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_UNAUTHORIZED, message, { hint: "Sign in again at /console/." });
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Refuses an unsafe request that a page of another origin could have made. */
export function checkSameOrigin(request: FastifyRequest): void {
	if (SAFE.has(request.method)) return;
	const origin = request.headers.origin;
	const host = request.headers.host;
	if (origin !== undefined) {
		if (host !== undefined && origin === `${request.protocol}://${host}`) return;
	} else if (request.headers["sec-fetch-site"] === "same-origin") return;
	throw new FieldchainError(ErrorCodes.FC_CONSOLE_CROSS_ORIGIN, "This request did not come from the console's own page.", {
		hint: "Use the console at /console/ on this service; scripts use an API token (Authorization: Bearer).",
	});
}

/**
 * The principal of a console session, or undefined when the request carries a bearer token or no
 * session cookie (the token path then decides). A bad, expired or ended session is 401.
 */
export async function sessionPrincipal(store: ConsoleStore, request: FastifyRequest, now: number): Promise<Principal | undefined> {
	if (request.headers.authorization) return undefined;
	const secret = cookieSecret(request);
	if (secret === undefined || secret === "") return undefined;
	if (!SECRET.test(secret)) throw refused("The console session cookie is not one this service issued.");
	const hash = hashSecret(secret);
	const session = await store.findSession(hash);
	if (!session) throw refused("This console session is not known (signed out, or the user was disabled).");
	if (now >= session.expiresAt) {
		await store.deleteSession(hash);
		throw refused("This console session expired.");
	}
	const user = await store.getUser(session.userId);
	if (!user || user.disabledAt !== null) throw refused("This console user is disabled.");
	checkSameOrigin(request);
	request.consoleUser = user;
	return principalOf(user);
}
