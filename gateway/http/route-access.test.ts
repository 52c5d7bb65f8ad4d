/** A route that declares no access cannot be registered; one that does is checked on its config, not its URL. */
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { access, declaredRoutes, enforceAccess } from "./route-access.js";

describe("route access", () => {
	it("refuses, at registration, a route without an access declaration", async () => {
		const app = Fastify();
		enforceAccess(app, {});
		app.get("/declared", access("public"), async () => "ok");
		expect(() => app.get("/forgotten", async () => "oops")).toThrow(/GET \/forgotten declares no access/);
		expect(() => app.get("/wrong", { config: { access: { who: "anyone" } } } as never, async () => "oops")).toThrow(/declares no access/);
		await app.ready();
		expect(declaredRoutes(app).map((route) => `${route.method} ${route.url} ${route.access.who}`)).toEqual(["GET /declared public", "HEAD /declared public"]);
		await app.close();
	});

	it("decides on the matched route: a percent-encoded path to a token route still needs the token", async () => {
		const app = Fastify();
		enforceAccess(app, { token: "t".repeat(43) });
		app.get("/api/v1/things", access("session-or-token"), async () => ({ things: [] }));
		expect((await app.inject({ url: "/%61pi/v1/things" })).statusCode).toBe(401);
		expect((await app.inject({ url: "/%61pi/v1/things", headers: { authorization: `Bearer ${"t".repeat(43)}` } })).statusCode).toBe(200);
		expect((await app.inject({ url: "/%2561pi/v1/things" })).statusCode).toBe(404);
		await app.close();
	});
});
