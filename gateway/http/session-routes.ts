/**
 * Sign-in for the technician app: POST /api/v1/session {pin, technicianId?} checks the PIN against
 * the configured scrypt hash and sets the session cookie; GET says who is signed in; DELETE signs
 * out. Wrong PINs are rate limited per technician and per client address (pin-limiter.ts).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Clock } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { verifyPasswordOrDummy } from "../auth/password-hash.js";
import type { WebAppConfig } from "../config.js";
import type { PinLimiter } from "./pin-limiter.js";
import { access } from "./route-access.js";
import { readCookie, SESSION_COOKIE, sessionCookie, type WebSession, type WebSessions } from "./web-sessions.js";

export interface SessionRouteDependencies {
	config: WebAppConfig;
	sessions: WebSessions;
	limiter: PinLimiter;
	clock: Clock;
}

/** The signed-in technician of a request, if its cookie names a live session. */
export function sessionOf(request: FastifyRequest, sessions: WebSessions, now: number): WebSession | undefined {
	const token = readCookie(request.headers.cookie, SESSION_COOKIE);
	return token ? sessions.touch(token, now) : undefined;
}

export function sessionRoutes(deps: SessionRouteDependencies) {
	// The browser keeps the cookie as long as the session could live; the gateway enforces the idle limit.
	const maxAgeSeconds = Math.round(deps.sessions.maxLifetimeMs / 1000);
	return (app: FastifyInstance): void => {
		// A signed-in technician acts only for themself: each route says for whom it acts (route-access.ts).
		app.post<{ Body: Record<string, unknown> }>("/api/v1/session", access("public"), async (request, reply) => {
			const body = typeof request.body === "object" && request.body !== null ? request.body : {};
			const pin = body.pin;
			if (typeof pin !== "string" || !/^\S{4,64}$/.test(pin))
				throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "pin" must be the 4 to 64 character PIN.');
			const technicians = deps.config.technicians;
			const wanted = typeof body.technicianId === "string" ? body.technicianId : technicians.length === 1 ? technicians[0].id : undefined;
			if (wanted === undefined)
				throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, 'Body field "technicianId" is needed: this gateway has several technicians.');
			const technician = technicians.find((candidate) => candidate.id === wanted);
			// Counted before the slow check, so parallel guesses cannot all be checked; unknown ids share one key (bounded memory).
			const attempt = deps.limiter.reserve(technician?.id ?? "(unknown technician)", request.ip);
			if (!attempt.granted) {
				const seconds = Math.ceil(attempt.retryAfterMs / 1000);
				reply.header("retry-after", String(seconds));
				throw new FieldchainError(
					ErrorCodes.FC_APP_TOO_MANY_ATTEMPTS,
					`Too many wrong PINs for this technician or from this device; try again in ${seconds} s.`,
				);
			}
			// An unknown technician costs the same scrypt work as a wrong PIN.
			if (!(await verifyPasswordOrDummy(pin, technician?.pinHash)) || !technician) {
				attempt.failed();
				throw new FieldchainError(ErrorCodes.FC_APP_WRONG_PIN, "Wrong PIN.", { hint: "Ask the dispatcher for your gateway PIN." });
			}
			attempt.succeeded();
			const { token, session } = deps.sessions.create(technician.id, deps.clock.now());
			reply.header("set-cookie", sessionCookie(token, maxAgeSeconds, request.protocol === "https"));
			return reply.code(201).send({ technicianId: session.technicianId, expiresAt: new Date(session.expiresAt).toISOString() });
		});

		app.get("/api/v1/session", access("public"), async (request) => {
			const session = sessionOf(request, deps.sessions, deps.clock.now());
			if (!session) throw new FieldchainError(ErrorCodes.FC_APP_UNAUTHORIZED, "Not signed in.", { hint: "POST /api/v1/session with your PIN." });
			return {
				technicianId: session.technicianId,
				expiresAt: new Date(session.expiresAt).toISOString(),
				technicians: deps.config.technicians.map((entry) => entry.id),
			};
		});

		app.delete("/api/v1/session", access("public"), async (request, reply) => {
			const token = readCookie(request.headers.cookie, SESSION_COOKIE);
			if (token) deps.sessions.end(token);
			reply.header("set-cookie", sessionCookie("", 0, request.protocol === "https"));
			return reply.code(204).send();
		});
	};
}
