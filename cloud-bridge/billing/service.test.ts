import { afterEach, describe, expect, it } from "vitest";
import { issueApiToken } from "./auth/tokens.js";
import { obj, str } from "./openapi/schema-helpers.js";
import type { RouteSpec } from "./routes/route-spec.js";
import { createBillingService } from "./service.js";
import { memoryBillingStorage } from "./storage.js";

const storage = memoryBillingStorage();
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
	await close?.();
});

/** Extra routes go through the same auth, document and validation as the service's own. */
function route(body: unknown): RouteSpec {
	return {
		method: "GET",
		url: "/v1/extra",
		operationId: "getExtra",
		summary: "an extra route",
		tag: "extra",
		scopes: ["admin"],
		responses: { 200: { description: "a name", schema: obj({ name: str() }) } },
		handler: async () => ({ status: 200, body }),
	};
}

async function serve(body: unknown, validateResponses: boolean): Promise<{ url: string; token: string }> {
	const app = createBillingService({ storage, routes: [route(body)], validateResponses });
	await app.listen({ host: "127.0.0.1", port: 0 });
	close = () => app.close();
	const address = app.server.address() as { port: number };
	return { url: `http://127.0.0.1:${address.port}`, token: (await issueApiToken(storage.store, { name: "ops", scopes: ["admin"], now: 0 })).token };
}

describe("billing service shell", () => {
	it("serves extra route declarations with auth and documents them", async () => {
		const { url, token } = await serve({ name: "x" }, true);
		expect((await fetch(`${url}/v1/extra`)).status).toBe(401);
		expect(await (await fetch(`${url}/v1/extra`, { headers: { authorization: `Bearer ${token}` } })).json()).toEqual({ name: "x" });
		const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, { get: { operationId: string } }> };
		expect(document.paths["/v1/extra"].get.operationId).toBe("getExtra");
	});

	it("turns a response that breaks the document into a 500 when response validation is on", async () => {
		const { url, token } = await serve({ name: 5 }, true);
		const response = await fetch(`${url}/v1/extra`, { headers: { authorization: `Bearer ${token}` } });
		expect(response.status).toBe(500);
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe("FC_BILLING_RESPONSE_INVALID");
		expect(body.error.message).toContain("name must be string");
	});

	it("answers an unknown route with a 404 in the error format", async () => {
		const { url } = await serve({ name: "x" }, false);
		const response = await fetch(`${url}/v1/nothing-here`);
		expect(response.status).toBe(404);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FC_BILLING_NOT_FOUND");
	});
});
