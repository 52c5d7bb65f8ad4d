/**
 * Who may call each route of the local API, decided on the route fastify matched, never on the raw
 * URL. Every route declares its access in its route config (`access(...)` below); a route without
 * one is refused when it is registered, so none can forget. One onRequest hook (after routing)
 * checks the caller, one preHandler hook (after the body is parsed) checks that a signed-in
 * technician acts only for themself.
 * Invariant: the URL string is never read here; the matched route's config and params are.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";

/**
 * public: anyone (health, the app's static shell, sign-in itself).
 * session-or-token: a technician session (when the technician app is on) or the bearer token (when
 *   one is set); open on a loopback gateway with neither.
 * token: the bearer token when one is set (scripts, Prometheus); open without one.
 */
export type Who = "public" | "session-or-token" | "token";

/** Where the technician a request acts for is named: a route parameter or a body field. */
export type ActsFor = { param: string } | { body: string };

export interface RouteAccess {
	who: Who;
	/** A signed-in technician may only act for themself here; bearer-token scripts are not limited. */
	actsFor?: ActsFor;
}

declare module "fastify" {
	interface FastifyContextConfig {
		access?: RouteAccess;
	}
}

/** Route options that declare a route's access: `app.get(path, access("public"), handler)`. */
export function access(who: Who, actsFor?: ActsFor): { config: { access: RouteAccess } } {
	return { config: { access: actsFor ? { who, actsFor } : { who } } };
}

export interface DeclaredRoute {
	method: string;
	url: string;
	access: RouteAccess;
}

export interface AccessDependencies {
	token?: string;
	/**
	 * Technician app sessions: the technician whose live session cookie the request carries. Set
	 * only when the technician app is on; then session-or-token routes need a session or the token.
	 */
	signedIn?: (request: FastifyRequest) => string | undefined;
}

const WHO: readonly Who[] = ["public", "session-or-token", "token"];
const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

function isRouteAccess(value: unknown): value is RouteAccess {
	if (typeof value !== "object" || value === null) return false;
	const { who, actsFor } = value as Partial<RouteAccess>;
	if (!WHO.includes(who as Who)) return false;
	if (actsFor === undefined) return true;
	const where = actsFor as Record<string, unknown>;
	return typeof where.param === "string" || typeof where.body === "string";
}

/** Every route registered on the app with its declared access (tests walk them all). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
	return declared.get(app) ?? [];
}

function unauthorized(appOn: boolean): FieldchainError {
	return appOn
		? new FieldchainError(ErrorCodes.FC_APP_UNAUTHORIZED, "Sign in first: this API needs a technician session.", {
				hint: "POST /api/v1/session with the PIN, or send Authorization: Bearer <http.token>.",
			})
		: new FieldchainError(ErrorCodes.FC_HTTP_UNAUTHORIZED, "Missing or wrong bearer token.", {
				hint: "Send Authorization: Bearer <http.token from the gateway config>.",
			});
}

/** Installs the onRoute, onRequest and preHandler hooks; call before any route is registered. */
export function enforceAccess(app: FastifyInstance, deps: AccessDependencies): void {
	const routes: DeclaredRoute[] = [];
	declared.set(app, routes);
	const expected = deps.token ? Buffer.from(`Bearer ${deps.token}`) : undefined;
	const bearerOk = (request: FastifyRequest): boolean => {
		if (!expected) return false;
		const given = Buffer.from(request.headers.authorization ?? "");
		return given.length === expected.length && timingSafeEqual(given, expected);
	};
	// The session is looked up once per request (it slides on each use).
	const technicians = new WeakMap<FastifyRequest, string | undefined>();
	const signedIn = (request: FastifyRequest): string | undefined => {
		if (!deps.signedIn) return undefined;
		if (!technicians.has(request)) technicians.set(request, deps.signedIn(request));
		return technicians.get(request);
	};

	app.addHook("onRoute", (route) => {
		const declaredAccess = route.config?.access;
		const methods = Array.isArray(route.method) ? route.method : [route.method];
		if (!isRouteAccess(declaredAccess)) {
			throw new Error(`Route ${methods.join(",")} ${route.url} declares no access: add access("public" | "session-or-token" | "token") to its options.`);
		}
		for (const method of methods) routes.push({ method, url: route.url ?? "", access: declaredAccess });
	});

	app.addHook("onRequest", async (request, reply) => {
		// No route matched: the not-found handler answers 404 and says nothing more.
		if (request.is404) return;
		const routeAccess = request.routeOptions.config.access;
		// onRoute refuses routes without access, so this is only a guard for the type.
		if (!routeAccess) return sendError(reply, unauthorized(deps.signedIn !== undefined));
		if (routeAccess.who === "public") return;
		if (routeAccess.who === "token") {
			if (expected && !bearerOk(request)) return sendError(reply, unauthorized(false));
			return;
		}
		if (bearerOk(request)) return;
		if (deps.signedIn) {
			if (signedIn(request) === undefined) return sendError(reply, unauthorized(true));
			return;
		}
		if (expected) return sendError(reply, unauthorized(false));
	});

	app.addHook("preHandler", async (request) => {
		if (request.is404) return;
		const actsFor = request.routeOptions.config.access?.actsFor;
		if (!actsFor) return;
		const technicianId = signedIn(request);
		if (technicianId === undefined) return;
		const claimed = "param" in actsFor ? (request.params as Record<string, unknown>)[actsFor.param] : bodyField(request.body, actsFor.body);
		if (typeof claimed === "string" && claimed !== technicianId) {
			throw new FieldchainError(ErrorCodes.FC_APP_FORBIDDEN, `Signed in as ${technicianId}; this request acts for ${claimed}.`, {
				hint: "Sign in as that technician.",
			});
		}
	});
}

function bodyField(body: unknown, name: string): unknown {
	return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}
