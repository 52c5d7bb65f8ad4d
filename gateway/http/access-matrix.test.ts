/**
 * Every route of the local API, taken from the running gateway (so a new route is covered without
 * touching this file), × {no credentials, own session, another technician's session, bearer token}
 * × {plain, percent-encoded, double-encoded, dot-segment, duplicate-slash, mixed-case} paths, over
 * a loopback socket, under three configurations: the technician app alone, the bearer token alone,
 * and both. The plain path gets the status the route's access calls for; any other spelling gets
 * the same status or the router's bare 404, never a way around sign-in or "act for yourself".
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";
import { isErrorBody, type RawResponse, rawRequest } from "../../test/support/raw-http.js";
import { hashPassword } from "../auth/password-hash.js";
import type { DeclaredRoute } from "./route-access.js";

const TOKEN = randomBytes(32).toString("base64url");
const ANA = { id: "tech-ana", pin: "4711" };
const BOB = { id: "tech-bob", pin: "0815" };

type Credential = "none" | "own session" | "other session" | "bearer token";
const CREDENTIALS: readonly Credential[] = ["none", "own session", "other session", "bearer token"];

interface Setup {
	name: string;
	webApp: boolean;
	token: boolean;
}
const SETUPS: readonly Setup[] = [
	{ name: "technician app, no token", webApp: true, token: false },
	{ name: "bearer token, no technician app", webApp: false, token: true },
	{ name: "technician app and bearer token", webApp: true, token: true },
];

/** A path's segments respelled: `edit` gets each non-empty segment and its index. */
function respell(path: string, edit: (segment: string, index: number) => string): string {
	let index = 0;
	return path
		.split("/")
		.map((segment) => (segment === "" ? segment : edit(segment, index++)))
		.join("/");
}
const hex = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
const VARIANTS: Record<string, (path: string) => string> = {
	"percent-encoded": (path) => respell(path, (segment) => (/^[a-z]/i.test(segment) ? hex(segment[0]) + segment.slice(1) : segment)),
	"double-encoded": (path) => respell(path, (segment) => (/^[a-z]/i.test(segment) ? `%25${hex(segment[0]).slice(1)}${segment.slice(1)}` : segment)),
	"dot-segment": (path) => (path === "/" ? "/./" : respell(path, (segment, index) => (index === 0 ? `${segment}/.` : segment))),
	"duplicate-slash": (path) => (path === "/" ? "//" : respell(path, (segment, index) => (index === 0 ? `${segment}/` : segment))),
	"mixed-case": (path) => respell(path, (segment, index) => (index === 0 ? segment[0].toUpperCase() + segment.slice(1) : segment)),
};

/** The route's pattern with every parameter filled in with something of tech-ana's. */
function concretePath(url: string): string {
	const values: Record<string, string> = { id: ANA.id, wo: "WO1", task: "T1", file: "index.html" };
	return url.replace(/:(\w+)\??/g, (_match, name: string) => values[name] ?? "x");
}

/** What the route's declared access calls for: refused (401, 403) or let through to its handler. */
function expectedOutcome(route: DeclaredRoute, credential: Credential, setup: Setup): 401 | 403 | "handled" {
	const { who, actsFor } = route.access;
	if (who === "public") return "handled";
	const bearer = setup.token && credential === "bearer token";
	const session = setup.webApp && (credential === "own session" || credential === "other session");
	if (who === "token") return !setup.token || bearer ? "handled" : 401;
	if (!bearer && !session && (setup.webApp || setup.token)) return 401;
	if (session && actsFor && credential === "other session") return 403;
	return "handled";
}

function isRouterNotFound(response: RawResponse): boolean {
	const error = (response.json as { error?: { code?: string; message?: string } } | undefined)?.error;
	return response.status === 404 && isErrorBody(response.json) && error?.code === "FC_HTTP_NOT_FOUND" && error.message === "No such route on this gateway.";
}

describe.each(SETUPS)("every route × credential × path spelling ($name)", (setup) => {
	let fixture: GatewayFixture;
	const cookies = new Map<string, string>();

	async function signIn(technician: { id: string; pin: string }): Promise<void> {
		const response = await rawRequest(fixture.baseUrl, {
			method: "POST",
			path: "/api/v1/session",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ technicianId: technician.id, pin: technician.pin }),
		});
		expect(response.status).toBe(201);
		const cookie = String(response.headers["set-cookie"]).split(";", 1)[0];
		cookies.set(technician.id, cookie);
	}

	function headersFor(credential: Credential): Record<string, string> {
		// Without the technician app a session cookie is a forged one: it must count for nothing.
		const cookie = (id: string) => (setup.webApp ? (cookies.get(id) ?? "") : `fc_session=${randomBytes(32).toString("base64url")}`);
		if (credential === "own session") return { cookie: cookie(ANA.id) };
		if (credential === "other session") return { cookie: cookie(BOB.id) };
		if (credential === "bearer token") return { authorization: `Bearer ${setup.token ? TOKEN : randomBytes(32).toString("base64url")}` };
		return {};
	}

	beforeAll(async () => {
		const technicians = await Promise.all([ANA, BOB].map(async ({ id, pin }) => ({ id, pinHash: await hashPassword(pin) })));
		fixture = await startGateway((config) => {
			if (!config.http) throw new Error("the fixture serves HTTP");
			if (setup.token) config.http.token = TOKEN;
			if (setup.webApp) config.webApp = { technicians, sessionHours: 8 };
		});
		if (setup.webApp) await Promise.all([signIn(ANA), signIn(BOB)]);
	});
	afterAll(async () => {
		await fixture?.stop();
	});

	it("answers each route as its access says, however the path is spelled", async () => {
		const routes = fixture.gateway.httpRoutes;
		expect(routes.length).toBeGreaterThan(25);
		const failures: string[] = [];
		let checked = 0;
		for (const route of routes) {
			const plainPath = concretePath(route.url);
			const writes = !["GET", "HEAD", "DELETE"].includes(route.method);
			for (const credential of CREDENTIALS) {
				const send = async (path: string) => {
					const response = await rawRequest(fixture.baseUrl, {
						method: route.method,
						path,
						headers: { ...headersFor(credential), ...(writes ? { "content-type": "application/json" } : {}) },
						body: writes ? JSON.stringify({ technicianId: ANA.id }) : undefined,
					});
					// Signing out ends the session the next request needs: sign in again.
					if (setup.webApp && route.method === "DELETE" && route.url === "/api/v1/session" && credential.endsWith("session")) {
						await signIn(credential === "own session" ? ANA : BOB);
					}
					checked++;
					return response;
				};
				const label = `${route.method} ${route.url} with ${credential}`;
				const plain = await send(plainPath);
				const expected = expectedOutcome(route, credential, setup);
				if (expected === "handled") {
					// A public route may still answer 401 by itself (GET /api/v1/session: "not signed in").
					const refused = route.access.who !== "public" && (plain.status === 401 || plain.status === 403);
					if (refused || plain.status >= 500) failures.push(`${label}: ${plain.status}, expected the route's own answer`);
				} else if (plain.status !== expected) failures.push(`${label}: ${plain.status}, expected ${expected}`);
				if (plain.status >= 400 && route.method !== "HEAD" && !isErrorBody(plain.json)) failures.push(`${label}: error body not of the shared shape`);
				for (const [variant, spell] of Object.entries(VARIANTS)) {
					const path = spell(plainPath);
					const answer = await send(path);
					const notFound = route.method === "HEAD" ? answer.status === 404 : isRouterNotFound(answer);
					if (answer.status !== plain.status && !notFound) failures.push(`${label}, ${variant} ${path}: ${answer.status}, expected ${plain.status} or 404`);
					if (notFound && answer.body.includes(path)) failures.push(`${label}, ${variant}: the 404 echoes the path`);
				}
			}
		}
		expect(failures).toEqual([]);
		expect(checked).toBe(routes.length * CREDENTIALS.length * (1 + Object.keys(VARIANTS).length));
	});
});

describe("the declared access follows the policy", () => {
	it("keeps /api behind sign-in, lets a technician act only for themself, and leaves the shell public", async () => {
		const fixture = await startGateway((config) => {
			config.webApp = { technicians: [{ id: ANA.id, pinHash: "unused" }], sessionHours: 8 };
		});
		try {
			const routes = fixture.gateway.httpRoutes;
			const publicOnes = routes.filter((route) => route.access.who === "public").map((route) => `${route.method} ${route.url}`);
			expect(publicOnes.sort()).toEqual(
				[
					"GET /",
					"HEAD /",
					"GET /app/:file?",
					"HEAD /app/:file?",
					"GET /healthz",
					"HEAD /healthz",
					"POST /api/v1/session",
					"GET /api/v1/session",
					"HEAD /api/v1/session",
					"DELETE /api/v1/session",
				].sort(),
			);
			expect(routes.filter((route) => route.url === "/metrics").every((route) => route.access.who === "token")).toBe(true);
			for (const route of routes) {
				if (route.url.startsWith("/api/v1/technicians/:id")) expect(route.access.actsFor, `${route.method} ${route.url}`).toEqual({ param: "id" });
				const writes = !["GET", "HEAD"].includes(route.method);
				if (writes && route.url.startsWith("/api/") && route.url !== "/api/v1/session")
					expect(route.access.actsFor, `${route.method} ${route.url}`).toBeDefined();
			}
		} finally {
			await fixture.stop();
		}
	});
});
