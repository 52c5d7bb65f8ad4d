/**
 * The OpenAPI document exactly as `fieldchain cloud serve` serves it at /openapi.json (the billing
 * routes plus the webhook admin routes), built in-process: memory storage, no socket, no worker.
 * The lint step (scripts/lint-openapi.ts) checks this document, so it sees every route a deployment has.
 */

import { WebhookDispatcher } from "../../webhooks/dispatcher.js";
import { MemoryWebhookStore } from "../../webhooks/memory-store.js";
import { webhookRouteSpecs } from "../../webhooks/routes.js";
import { createBillingService } from "../service.js";
import { memoryBillingStorage } from "../storage.js";
import type { OpenApiDocument } from "./document.js";

export async function servedOpenApiDocument(): Promise<OpenApiDocument> {
	const storage = memoryBillingStorage();
	// Never started: the dispatcher is here only for its route declarations.
	const dispatcher = new WebhookDispatcher({ store: new MemoryWebhookStore() });
	const app = createBillingService({ storage, events: dispatcher, routes: webhookRouteSpecs(dispatcher) });
	try {
		const response = await app.inject({ method: "GET", url: "/openapi.json" });
		if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}: ${response.body}`);
		return response.json() as OpenApiDocument;
	} finally {
		await app.close();
		await dispatcher.close();
		await storage.close();
	}
}
