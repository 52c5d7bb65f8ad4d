/** The webhook admin routes over a real loopback socket, mounted as a fastify plugin with an auth hook. */
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { waitFor } from "../../test/support/wait.js";
import { buildOpenApiDocument } from "../billing/openapi/document.js";
import type { RouteSpec } from "../billing/routes/route-spec.js";
import { WebhookDispatcher } from "./dispatcher.js";
import { MemoryWebhookStore } from "./memory-store.js";
import { webhookRouteSpecs, webhookRoutes } from "./routes.js";
import { verifyWebhookSignature } from "./signature.js";
import { startReceiver, type TestReceiver } from "./testing/receiver.js";

let app: FastifyInstance;
let base: string;
let dispatcher: WebhookDispatcher;
let receiver: TestReceiver;

beforeAll(async () => {
	receiver = await startReceiver((_, i) => (i === 0 ? { status: 500 } : { status: 200 }));
	dispatcher = new WebhookDispatcher({
		store: new MemoryWebhookStore(),
		retry: { initialDelayMs: 10, maxDelayMs: 20 },
		pollIntervalMs: 50,
		webhookAllow: ["127.0.0.0/8"],
	});
	dispatcher.start();
	app = Fastify();
	await app.register(swagger, {
		openapi: { openapi: "3.1.0", info: { title: "test", version: "1" }, components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } } },
	});
	await app.register(webhookRoutes, {
		dispatcher,
		// Stands in for the service's bearer-token check: 401 without a token, 403 without admin.
		preHandler: async (request, reply) => {
			const auth = request.headers.authorization;
			if (!auth) return void (await reply.code(401).send({ error: { code: "FC_BILLING_UNAUTHORIZED", message: "No bearer token.", hint: null } }));
			if (auth !== "Bearer admin") return void (await reply.code(403).send({ error: { code: "FC_BILLING_FORBIDDEN", message: "Needs admin.", hint: null } }));
		},
	});
	await app.listen({ host: "127.0.0.1", port: 0 });
	const address = app.server.address();
	base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
	await dispatcher?.close();
	await app?.close();
	await receiver?.close();
});

async function call(method: string, path: string, body?: unknown, token = "admin"): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("webhook routes", () => {
	it("need the admin scope", async () => {
		expect((await call("GET", "/v1/webhooks/subscriptions", undefined, "")).status).toBe(401);
		expect((await call("GET", "/v1/webhooks/subscriptions", undefined, "reader")).status).toBe(403);
		expect((await call("POST", "/v1/webhooks/subscriptions", { url: receiver.url, eventTypes: ["invoice.created"] }, "reader")).status).toBe(403);
		expect((await call("GET", "/v1/webhooks/deliveries", undefined, "")).status).toBe(401);
		expect(await dispatcher.listSubscriptions()).toEqual([]);
	});

	it("create a subscription (secret shown once), list, get, deliver, show the log, and delete", async () => {
		const created = await call("POST", "/v1/webhooks/subscriptions", { url: receiver.url, eventTypes: ["invoice.created"], description: "ERP" });
		expect(created.status).toBe(201);
		const secret = created.json.secret as string;
		expect(secret).toMatch(/^whsec_/);
		const id = created.json.id as string;
		const listed = await call("GET", "/v1/webhooks/subscriptions");
		expect(listed.json).toEqual({
			subscriptions: [{ id, url: receiver.url, eventTypes: ["invoice.created"], description: "ERP", createdAt: expect.any(Number) }],
		});
		expect(JSON.stringify(listed.json)).not.toContain(secret);
		expect((await call("GET", `/v1/webhooks/subscriptions/${id}`)).json).toMatchObject({ id, url: receiver.url });

		await dispatcher.publish({ id: "evt-1", type: "invoice.created", occurredAt: "2025-11-24T10:00:00Z", data: { invoiceId: "INV-1" } });
		await waitFor("the retried delivery", async () => ((await dispatcher.listDeliveries({ status: "succeeded" })).length ? true : undefined), 10_000);
		const last = receiver.requests[receiver.requests.length - 1];
		verifyWebhookSignature({ payload: last.body, header: last.headers["fieldchain-signature"], secret });

		const log = await call("GET", `/v1/webhooks/deliveries?subscriptionId=${id}&status=succeeded`);
		expect(log.status).toBe(200);
		const [delivery] = log.json.deliveries as Record<string, unknown>[];
		expect(delivery).toMatchObject({ subscriptionId: id, eventId: "evt-1", eventType: "invoice.created", status: "succeeded", attempts: 2 });
		expect((delivery.attemptLog as Record<string, unknown>[]).map((a) => [a.statusCode, a.outcome])).toEqual([
			[500, "retrying"],
			[200, "succeeded"],
		]);
		expect(log.json.nextBefore).toBeNull();
		expect((await call("GET", "/v1/webhooks/deliveries?status=failed")).json.deliveries).toEqual([]);
		const page = await call("GET", "/v1/webhooks/deliveries?limit=1");
		expect(page.json.nextBefore).toBe(delivery.id);
		expect((await call("GET", `/v1/webhooks/deliveries?limit=1&before=${delivery.id}`)).json).toEqual({ deliveries: [], nextBefore: null, next: null });
		expect((await call("GET", `/v1/webhooks/deliveries?limit=1&cursor=${delivery.id}`)).json).toEqual({ deliveries: [], nextBefore: null, next: null });

		expect(await call("DELETE", `/v1/webhooks/subscriptions/${id}`)).toEqual({ status: 200, json: { id, deleted: true } });
		const again = await call("DELETE", `/v1/webhooks/subscriptions/${id}`);
		expect(again.status).toBe(404);
		expect((again.json.error as Record<string, unknown>).code).toBe("FC_WEBHOOK_NOT_FOUND");
		expect((await call("GET", `/v1/webhooks/subscriptions/${id}`)).status).toBe(404);
	});

	it("refuse bad input with a reason", async () => {
		const bad = await call("POST", "/v1/webhooks/subscriptions", { url: "http://billing.example.com/h", eventTypes: ["invoice.created"] });
		expect(bad.status).toBe(400);
		expect(bad.json.error).toMatchObject({ code: "FC_WEBHOOK_INVALID", message: expect.stringContaining("url") });
		expect((await call("POST", "/v1/webhooks/subscriptions", { url: receiver.url, eventTypes: ["invoice.paid"] })).status).toBe(400);
		expect((await call("POST", "/v1/webhooks/subscriptions", { url: receiver.url })).status).toBe(400);
		expect((await call("GET", "/v1/webhooks/deliveries?limit=0")).status).toBe(400);
		expect((await call("GET", "/v1/webhooks/deliveries?status=lost")).status).toBe(400);
	});

	it("appear in an OpenAPI document, from fastify's schemas and from the billing service's route declarations", async () => {
		const generated = app.swagger() as { paths: Record<string, Record<string, { security?: unknown }>> };
		expect(Object.keys(generated.paths)).toEqual(
			expect.arrayContaining(["/v1/webhooks/subscriptions", "/v1/webhooks/subscriptions/{id}", "/v1/webhooks/deliveries"]),
		);
		expect(generated.paths["/v1/webhooks/deliveries"].get.security).toEqual([{ bearer: ["admin"] }]);
		// The declarations fit the billing service's own route type and document builder.
		const specs: RouteSpec[] = webhookRouteSpecs(dispatcher);
		const document = buildOpenApiDocument(specs);
		expect(Object.keys(document.paths).sort()).toEqual([
			"/v1/webhooks/deliveries",
			"/v1/webhooks/deliveries/{id}/redeliver",
			"/v1/webhooks/subscriptions",
			"/v1/webhooks/subscriptions/{id}",
		]);
		expect(document.paths["/v1/webhooks/subscriptions"].post.operationId).toBe("createWebhookSubscription");
	});

	it("leave an auth refusal thrown by the pre-handler to the app's error handler", async () => {
		const parent = Fastify();
		parent.setErrorHandler((error, _request, reply) => reply.code(isFieldchainError(error, "FC_BILLING_UNAUTHORIZED") ? 401 : 500).send({ seen: "parent" }));
		await parent.register(webhookRoutes, {
			dispatcher,
			preHandler: async () => {
				throw new FieldchainError(ErrorCodes.FC_BILLING_UNAUTHORIZED, "No bearer token.");
			},
		});
		const answer = await parent.inject({ method: "GET", url: "/v1/webhooks/subscriptions" });
		expect([answer.statusCode, answer.json()]).toEqual([401, { seen: "parent" }]);
		await parent.close();
	});

	it("refuse to mount without an auth check", async () => {
		const bare = Fastify();
		await expect(bare.register(webhookRoutes, { dispatcher }).ready()).rejects.toThrow(/preHandler/);
		await bare.close();
	});
});
