/**
 * The webhook admin API: /v1/webhooks/subscriptions (POST create, GET list, GET and DELETE by id)
 * and /v1/webhooks/deliveries (GET the delivery log; POST /{id}/redeliver puts a failed one back in
 * the queue, recording who asked). Every route needs the `admin` scope.
 *
 * The routes are plain declarations (webhookRouteSpecs), shaped like the billing service's own
 * route declarations so it can serve them with its auth, its OpenAPI document and its response
 * validation; `webhookRoutes` mounts the same declarations on any fastify app, with their JSON
 * schemas (so @fastify/swagger documents them) and an auth pre-handler given by the caller.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ErrorCodes, FieldchainError, isFieldchainError, statusOf } from "../../platform/errors.js";
import { errorBody, errorBodySchema } from "../../platform/http-errors.js";
import { actorOf, type Principal } from "../billing/auth/authenticate.js";
import { markList } from "../billing/routes/pagination.js";
import { BILLING_EVENT_TYPES } from "../events/billing-events.js";
import type { WebhookDispatcher } from "./dispatcher.js";
import { DELIVERY_STATUSES, type DeliveryStatus, MAX_DELIVERY_PAGE } from "./types.js";

type Schema = Record<string, unknown>;

const str = (extra: Schema = {}): Schema => ({ type: "string", ...extra });
const int = (extra: Schema = {}): Schema => ({ type: "integer", ...extra });
const nullable = (schema: Schema): Schema => ({ ...schema, type: [schema.type, "null"] });
const obj = (properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
	type: "object",
	properties,
	required: Object.keys(properties).filter((key) => !optional.includes(key)),
	additionalProperties: false,
});

const eventType = str({ enum: [...BILLING_EVENT_TYPES] });
const ms = int({ minimum: 0, description: "epoch milliseconds" });

const SubscriptionSchema = obj({
	id: str(),
	url: str({ description: "Where deliveries are POSTed." }),
	eventTypes: { type: "array", items: eventType },
	description: nullable(str()),
	createdAt: ms,
});
const CreatedSubscriptionSchema = obj({
	...(SubscriptionSchema.properties as Record<string, Schema>),
	secret: str({ description: "The signing secret (whsec_...). Shown only in this response: store it now." }),
});
const AttemptSchema = obj({
	deliveryId: str(),
	attempt: int({ minimum: 1 }),
	startedAt: ms,
	durationMs: int({ minimum: 0 }),
	statusCode: nullable(int({ description: "The receiver's HTTP status; null if none came (network error, timeout)." })),
	error: nullable(str()),
	outcome: str({ enum: ["succeeded", "retrying", "failed"] }),
	nextAttemptAt: nullable(ms),
});
const DeliverySchema = obj({
	id: str(),
	subscriptionId: str(),
	eventId: str(),
	eventType,
	body: str({ description: "The JSON body POSTed on every attempt." }),
	status: str({ enum: [...DELIVERY_STATUSES] }),
	attempts: int({ minimum: 0 }),
	nextAttemptAt: nullable(ms),
	createdAt: ms,
	updatedAt: ms,
	lastStatusCode: nullable(int()),
	lastError: nullable(str()),
	attemptLog: { type: "array", items: AttemptSchema },
	redeliveries: {
		type: "array",
		description: "Who put the delivery back in the queue after it failed, and when.",
		items: obj({ requestedAt: ms, requestedBy: str(), attemptsBefore: int({ minimum: 0 }) }),
	},
});
const idParams = obj({ id: str({ minLength: 1, maxLength: 200 }) });

export interface WebhookHandlerInput {
	/** The caller, when the billing service serves the routes; the plugin mount has none. */
	principal?: Principal | null;
	params: Record<string, string>;
	query: Record<string, string | undefined>;
	body: unknown;
}

export interface WebhookRouteSpec {
	method: "GET" | "POST" | "DELETE";
	url: string;
	operationId: string;
	summary: string;
	tag: string;
	scopes: readonly "admin"[];
	params?: Schema;
	querystring?: Schema;
	body?: Schema;
	responses: Record<number, { description: string; schema: Schema }>;
	handler(input: WebhookHandlerInput): Promise<{ status: number; body: unknown }>;
}

/** Our own refusals become 400/404 answers; anything else goes to the app's error handler. */
async function answering(work: () => Promise<{ status: number; body: unknown }>): Promise<{ status: number; body: unknown }> {
	try {
		return await work();
	} catch (error) {
		if (isFieldchainError(error, "FC_WEBHOOK_NOT_FOUND") || isFieldchainError(error, "FC_WEBHOOK_INVALID") || isFieldchainError(error, "FC_WEBHOOK_CONFLICT"))
			return { status: statusOf(error), body: errorBody(error) };
		throw error;
	}
}

function pageLimit(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const limit = Number(value);
	if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_DELIVERY_PAGE) {
		throw new FieldchainError(ErrorCodes.FC_WEBHOOK_INVALID, `limit is "${value}"; it must be an integer from 1 to ${MAX_DELIVERY_PAGE}.`, {
			details: { field: "limit" },
		});
	}
	return limit;
}

export function webhookRouteSpecs(dispatcher: WebhookDispatcher): WebhookRouteSpec[] {
	const errors = { 400: { description: "Invalid input (FC_WEBHOOK_INVALID)", schema: errorBodySchema } };
	const notFound = { 404: { description: "No such subscription (FC_WEBHOOK_NOT_FOUND)", schema: errorBodySchema } };
	const common = { tag: "webhooks", scopes: ["admin"] as const };
	return [
		{
			...common,
			method: "POST",
			url: "/v1/webhooks/subscriptions",
			operationId: "createWebhookSubscription",
			summary: "Subscribe a URL to event types; the response carries the signing secret, once",
			body: obj(
				{
					url: str({ maxLength: 2048, description: "https:// (http:// only to a loopback receiver)" }),
					eventTypes: { type: "array", items: eventType, minItems: 1, maxItems: BILLING_EVENT_TYPES.length * 2 },
					description: nullable(str({ maxLength: 500 })),
				},
				["description"],
			),
			responses: { 201: { description: "The subscription with its secret", schema: CreatedSubscriptionSchema }, ...errors },
			handler: (input) =>
				answering(async () => {
					const { subscription, secret } = await dispatcher.createSubscription(input.body as never);
					return { status: 201, body: { ...subscription, secret } };
				}),
		},
		{
			...common,
			method: "GET",
			url: "/v1/webhooks/subscriptions",
			operationId: "listWebhookSubscriptions",
			summary: "Every subscription, oldest first (secrets are never listed)",
			// markList: the billing service pages it (limit, cursor, next) like its own lists.
			responses: {
				200: {
					description: "The subscriptions",
					schema: markList(obj({ subscriptions: { type: "array", items: SubscriptionSchema } }), "subscriptions", ["createdAt", "id"]),
				},
			},
			handler: async () => ({ status: 200, body: { subscriptions: await dispatcher.listSubscriptions() } }),
		},
		{
			...common,
			method: "GET",
			url: "/v1/webhooks/subscriptions/:id",
			operationId: "getWebhookSubscription",
			summary: "One subscription (without its secret)",
			params: idParams,
			responses: { 200: { description: "The subscription", schema: SubscriptionSchema }, ...notFound },
			handler: (input) => answering(async () => ({ status: 200, body: await dispatcher.getSubscription(input.params.id) })),
		},
		{
			...common,
			method: "DELETE",
			url: "/v1/webhooks/subscriptions/:id",
			operationId: "deleteWebhookSubscription",
			summary: "Unsubscribe: pending deliveries are marked failed, the delivery log is kept",
			params: idParams,
			responses: { 200: { description: "Deleted", schema: obj({ id: str(), deleted: { type: "boolean", const: true } }) }, ...notFound },
			handler: (input) =>
				answering(async () => {
					await dispatcher.deleteSubscription(input.params.id);
					return { status: 200, body: { id: input.params.id, deleted: true } };
				}),
		},
		{
			...common,
			method: "GET",
			url: "/v1/webhooks/deliveries",
			operationId: "listWebhookDeliveries",
			summary: "The delivery log, newest first, each delivery with its attempts",
			querystring: {
				type: "object",
				properties: {
					subscriptionId: str({ minLength: 1 }),
					status: str({ enum: [...DELIVERY_STATUSES] }),
					eventId: str({ minLength: 1 }),
					limit: str({ pattern: "^[0-9]+$", description: `page size, 1 to ${MAX_DELIVERY_PAGE} (default 50)` }),
					before: str({ minLength: 1, description: "nextBefore of the previous page" }),
					cursor: str({ minLength: 1, description: "next of the previous page (the same as before)" }),
				},
				additionalProperties: false,
			},
			responses: {
				200: {
					description: "A page of the log; nextBefore is null on the last page",
					schema: obj({ deliveries: { type: "array", items: DeliverySchema }, nextBefore: nullable(str()), next: nullable(str()) }),
				},
				...errors,
			},
			handler: (input) =>
				answering(async () => {
					const limit = pageLimit(input.query.limit);
					const deliveries = await dispatcher.listDeliveries({
						subscriptionId: input.query.subscriptionId,
						status: input.query.status as DeliveryStatus | undefined,
						eventId: input.query.eventId,
						before: input.query.cursor ?? input.query.before,
						limit,
					});
					const full = deliveries.length === (limit ?? 50);
					const next = full ? deliveries[deliveries.length - 1].id : null;
					return { status: 200, body: { deliveries, nextBefore: next, next } };
				}),
		},
		{
			...common,
			method: "POST",
			url: "/v1/webhooks/deliveries/:id/redeliver",
			operationId: "redeliverWebhookDelivery",
			summary: "Put a failed delivery back in the queue: one more signed attempt, recorded with who asked",
			params: idParams,
			responses: {
				200: { description: "The delivery, pending again, with its log", schema: DeliverySchema },
				...notFound,
				409: { description: "Not failed (pending or succeeded), or its subscription was deleted (FC_WEBHOOK_CONFLICT)", schema: errorBodySchema },
			},
			handler: (input) =>
				answering(async () => {
					const requestedBy = input.principal ? actorOf(input.principal) : "unauthenticated mount";
					return { status: 200, body: await dispatcher.redeliver(input.params.id, requestedBy) };
				}),
		},
	];
}

export type WebhookAuthHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface WebhookRoutesOptions {
	dispatcher: WebhookDispatcher;
	/**
	 * Runs before every route and must let only callers with the `admin` scope through (throw or
	 * reply 401/403 otherwise). Required unless allowUnauthenticated is set (tests on loopback).
	 */
	preHandler?: WebhookAuthHook;
	allowUnauthenticated?: boolean;
	/** OpenAPI security requirement for the routes (default [{ bearer: ["admin"] }]). */
	security?: Record<string, string[]>[];
}

/** The routes as a fastify plugin: `app.register(webhookRoutes, { dispatcher, preHandler })`. */
export async function webhookRoutes(app: FastifyInstance, options: WebhookRoutesOptions): Promise<void> {
	if (!options?.dispatcher) throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, "webhookRoutes needs options.dispatcher.");
	if (!options.preHandler && !options.allowUnauthenticated) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, "webhookRoutes needs options.preHandler: an auth check that requires the admin scope.", {
			hint: "Pass the service's bearer-token check, or allowUnauthenticated: true in tests.",
		});
	}
	// Schema violations answer in the service's error shape; anything else (an auth refusal from
	// the pre-handler...) goes on to the app's own error handler.
	app.setErrorHandler((error, _request, reply) => {
		const thrown = error as { validation?: unknown; message?: string };
		if (thrown.validation) {
			const refusal = new FieldchainError(ErrorCodes.FC_WEBHOOK_INVALID, `Bad request: ${thrown.message}.`, {
				hint: "See the OpenAPI document for the request schema.",
			});
			return reply.code(statusOf(refusal)).send(errorBody(refusal));
		}
		throw error;
	});
	for (const spec of webhookRouteSpecs(options.dispatcher)) {
		const response: Record<number, Schema> = {};
		for (const [status, r] of Object.entries(spec.responses)) response[Number(status)] = { description: r.description, ...r.schema };
		app.route({
			method: spec.method,
			url: spec.url,
			schema: {
				operationId: spec.operationId,
				summary: spec.summary,
				tags: [spec.tag],
				security: options.security ?? [{ bearer: [...spec.scopes] }],
				...(spec.params ? { params: spec.params } : {}),
				...(spec.querystring ? { querystring: spec.querystring } : {}),
				...(spec.body ? { body: spec.body } : {}),
				response,
			},
			...(options.preHandler ? { preHandler: options.preHandler } : {}),
			handler: async (request, reply) => {
				const result = await spec.handler({
					params: (request.params ?? {}) as Record<string, string>,
					query: (request.query ?? {}) as Record<string, string | undefined>,
					body: request.body,
				});
				return reply.code(result.status).send(result.body);
			},
		});
	}
}
