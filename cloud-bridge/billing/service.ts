/**
 * The reference billing service: a fastify app built from route declarations (routes/*.ts). The
 * same declarations give the request validation, the OpenAPI 3.1 document at /openapi.json and
 * the optional response validation, so the three never disagree.
 */
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { type Clock, systemClock } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError, statusOf } from "../../platform/errors.js";
import { errorBody, sendError } from "../../platform/http-errors.js";
import { type ConsoleOptions, consoleSetup } from "../console/setup.js";
import type { BillingEventSink } from "../events/billing-events.js";
import { MemoryEventSink } from "../events/billing-events.js";
import { OutboxRelay } from "../events/outbox-relay.js";
import { closePackBrowser } from "../impact/pack/pdf.js";
import { authenticate, requireScope } from "./auth/authenticate.js";
import { checkGatewayBinding } from "./auth/gateway-binding.js";
import { type BillingContext, type BillingLogger, type BillingPolicy, DEFAULT_POLICY, makeOutboxEvent, makePublisher } from "./context.js";
import { asFieldchainError } from "./http-errors.js";
import { buildOpenApiDocument } from "./openapi/document.js";
import { makeResponseValidator } from "./openapi/response-validator.js";
import { allRoutes } from "./routes/index.js";
import { withPagination } from "./routes/pagination.js";
import type { RouteSpec } from "./routes/route-spec.js";
import type { DownlinkPush } from "./schedule/downlink-push.js";
import type { BillingStorage } from "./storage.js";

export interface BillingServiceOptions {
	storage: BillingStorage;
	clock?: Clock;
	logger?: BillingLogger;
	events?: BillingEventSink;
	policy?: Partial<BillingPolicy>;
	/** Check every JSON response against the OpenAPI document (tests; costs time per response). */
	validateResponses?: boolean;
	/** Largest request body in bytes for routes that do not set their own (default 1 MiB). */
	bodyLimit?: number;
	/** More route declarations served with the same auth, document and validation (the webhook admin API). */
	routes?: readonly RouteSpec[];
	/** The office console at /console/ with sign-in for people (cloud-bridge/console); false leaves it out. */
	console?: ConsoleOptions | false;
	/** Pushes schedule changes to the affected gateways over MQTT (schedule/downlink-push.ts). */
	downlinkPush?: DownlinkPush;
}

const silentLogger: BillingLogger = { info() {}, warn() {}, error() {} };

declare module "fastify" {
	interface FastifyContextConfig {
		spec?: RouteSpec;
	}
}

export function createBillingService(options: BillingServiceOptions): FastifyInstance {
	const clock = options.clock ?? systemClock;
	const logger = options.logger ?? silentLogger;
	const events = options.events ?? new MemoryEventSink();
	// Events stored with their change (transactional outbox) reach the sink through the relay.
	const relay = new OutboxRelay({
		repo: options.storage.repo,
		also: [options.storage.store],
		sink: events,
		clock,
		onError: (error) => logger.error({ err: error }, "outbox relay: events stay stored and are relayed later"),
	});
	const context: BillingContext = {
		repo: options.storage.repo,
		store: options.storage.store,
		clock,
		logger,
		events,
		policy: { ...DEFAULT_POLICY, ...options.policy },
		newId: () => randomUUID(),
		publish: makePublisher(events, clock, logger),
		outboxEvent: makeOutboxEvent(clock),
		relayOutbox: () => relay.relay(),
		downlinkPush: options.downlinkPush,
	};
	const officeConsole = options.console === false ? undefined : consoleSetup(options.storage, clock, options.console ?? {});
	// Every list route is paged (routes/pagination.ts), in the routing and in the OpenAPI document.
	const routes = withPagination([...allRoutes(context), ...(officeConsole?.routes(context) ?? []), ...(options.routes ?? [])]);
	const document = buildOpenApiDocument(routes);
	const app = Fastify({
		logger: false,
		bodyLimit: options.bodyLimit ?? 1024 * 1024,
		// Unknown fields are an error, not silently dropped; JSON bodies are never coerced.
		ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
	});

	app.setErrorHandler((thrown, request, reply) => {
		const { error, unexpected, correlationId } = asFieldchainError(thrown);
		if (unexpected) logger.error({ err: thrown, correlationId, method: request.method, url: request.url }, "billing request failed");
		return sendError(reply, error);
	});
	app.setNotFoundHandler((request, reply) =>
		sendError(
			reply,
			new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, `No route ${request.method} ${request.url.split("?")[0]}.`, {
				hint: "GET /openapi.json lists the routes.",
			}),
		),
	);

	if (options.validateResponses) {
		const validate = makeResponseValidator(document);
		app.addHook("onSend", async (request, reply, payload) => {
			const spec = request.routeOptions.config.spec;
			if (!spec || typeof payload !== "string") return payload;
			const problem = validate(spec, reply.statusCode, payload);
			if (!problem) return payload;
			logger.error({ operationId: spec.operationId, status: reply.statusCode, problem }, "response does not match the OpenAPI document");
			const broken = new FieldchainError(
				ErrorCodes.FC_BILLING_RESPONSE_INVALID,
				`Response of ${spec.operationId} (${reply.statusCode}) breaks the OpenAPI document: ${problem}`,
				{ hint: "This is a service bug." },
			);
			reply.code(statusOf(broken));
			return JSON.stringify(errorBody(broken));
		});
	}

	// At start it relays what a stopped (or killed) service had stored but not handed on.
	app.addHook("onReady", async () => relay.start());
	app.addHook("onClose", async () => relay.close());
	// The Chromium that printed impact packs would otherwise outlive the service by its idle time.
	app.addHook("onClose", async () => closePackBrowser());

	app.get("/openapi.json", async () => document);
	app.get("/healthz", async () => ({ status: "ok" }));
	officeConsole?.register(app, context);

	for (const spec of routes) {
		app.route({
			method: spec.method,
			url: spec.url,
			config: { spec },
			...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
			schema: {
				...(spec.params ? { params: spec.params } : {}),
				...(spec.querystring ? { querystring: spec.querystring } : {}),
				...(spec.body ? { body: spec.body } : {}),
			},
			onRequest: async (request) => {
				if (spec.scopes === "public") return;
				// A console session (cookie) when there is one and no bearer token; else the token decides.
				request.principal =
					(await officeConsole?.authenticate(request, context.clock.now())) ?? (await authenticate(context.store, request, context.clock.now()));
				requireScope(request.principal, spec.scopes);
			},
			// After body validation: a gateway's token reaches only the work it is bound to.
			preHandler: async (request) => {
				if (request.principal?.gatewayId)
					await checkGatewayBinding(context, spec, request.principal, (request.params ?? {}) as Record<string, string>, request.body);
			},
			handler: async (request, reply) => {
				const result = await spec.handler({
					request,
					reply,
					principal: request.principal ?? null,
					params: (request.params ?? {}) as Record<string, string>,
					query: (request.query ?? {}) as Record<string, string | undefined>,
					body: request.body,
				});
				if (result.version !== undefined) reply.header("etag", `"${result.version}"`);
				return reply.code(result.status).send(result.body);
			},
		});
	}
	return app;
}
