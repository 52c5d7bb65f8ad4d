/**
 * The OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0), built from the route
 * declarations. Schemas are inlined where they are used, exactly as fastify validates them.
 */
import { errorBodySchema } from "../../../platform/http-errors.js";
import type { RouteSpec } from "../routes/route-spec.js";
import type { Schema } from "./schema-helpers.js";

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };

const ERROR_DESCRIPTIONS: Record<number, string> = {
	400: "Bad request: the body or parameters do not match the schema (FC_BILLING_BAD_REQUEST, FC_MODEL_INVALID)",
	401: "No, unknown or revoked bearer token (FC_BILLING_UNAUTHORIZED), or an unusable enrollment token (FC_BILLING_ENROLLMENT)",
	403: "The token lacks the scope (FC_BILLING_FORBIDDEN)",
	404: "No such resource (FC_MODEL_NOT_FOUND, FC_BILLING_NOT_FOUND)",
	409: "Refused by the model's rules or a concurrent change (FC_MODEL_*, FC_BILLING_CONFLICT)",
	412: "If-Match names another version (FC_BILLING_PRECONDITION_FAILED)",
	413: "The body is larger than this route takes (FC_BILLING_TOO_LARGE)",
	428: "An update needs If-Match or version (FC_BILLING_PRECONDITION_REQUIRED)",
	500: "The service failed; the answer names a correlation id its log has the details under (FC_BILLING_STORE)",
	503: "The service's storage is unavailable; retry (FC_BILLING_UNAVAILABLE, with a correlation id)",
};

/** What each route group is for, shown by documentation tools; a tag without an entry is still listed. */
const TAG_DESCRIPTIONS: Record<string, string> = {
	gateways: "Gateway enrollment, keys, evidence chains and the technicians each gateway serves",
	admin: "Loading reference data and fixtures",
	auth: "API tokens: issue, list and revoke",
	"work orders": "Work orders, their tasks, line items and appointments",
	time: "Technicians' time entries: record, submit, approve and reject",
	evidence: "The evidence uplink from gateways, and review of the evidence it produced",
	deliverables: "Reports and customer sign-off",
	billing: "Milestones, approvals, margins, invoices and their traces",
	webhooks: "Subscriptions to billing events and the delivery log",
	console: "Sign-in of people to the office console (session cookie) and their user accounts",
	schedule: "Dispatch: schedule plans (propose, review, apply), the board, and moves that push dependent visits along",
	policies: "SLA policies, price lists and checklist templates, versioned: list, read any version, create a new one (revisions go through impact previews)",
	impact: "Impact previews: how an SLA, price-list or checklist-template change ripples through open work, with cost ranges and a signed readiness pack",
};

/** fastify's /a/:id to OpenAPI's /a/{id}. */
export function openApiPath(url: string): string {
	return url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function parameters(spec: RouteSpec): Record<string, unknown>[] {
	const list: Record<string, unknown>[] = [];
	const props = (schema: Schema | undefined) => Object.entries((schema?.properties ?? {}) as Record<string, Schema>);
	const required = (schema: Schema | undefined) => (schema?.required ?? []) as string[];
	for (const [name, schema] of props(spec.params)) list.push({ name, in: "path", required: true, schema });
	for (const [name, schema] of props(spec.querystring)) list.push({ name, in: "query", required: required(spec.querystring).includes(name), schema });
	if (spec.ifMatch)
		list.push({ name: "If-Match", in: "header", required: false, schema: { type: "string" }, description: 'The version last read, as its ETag ("3").' });
	return list;
}

export function buildOpenApiDocument(routes: readonly RouteSpec[]): OpenApiDocument {
	const paths: OpenApiDocument["paths"] = {};
	for (const spec of routes) {
		const responses: Record<string, unknown> = {};
		for (const [status, response] of Object.entries(spec.responses)) {
			responses[status] = { description: response.description, content: { "application/json": { schema: response.schema } } };
		}
		// Public routes still answer 401 for a bad credential of their own (an enrollment token).
		const errorStatuses = [
			400,
			401,
			404,
			409,
			...(spec.scopes === "public" ? [] : [403]),
			...(spec.ifMatch ? [412, 428] : []),
			...(spec.body ? [413] : []),
			500,
			503,
		];
		for (const status of errorStatuses) {
			if (!(status in responses)) responses[status] = { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: errorBodySchema } } };
		}
		const operation: Record<string, unknown> = {
			operationId: spec.operationId,
			summary: spec.summary,
			tags: [spec.tag],
			parameters: parameters(spec),
			responses,
			security: spec.scopes === "public" ? [] : [{ bearer: [...spec.scopes] }],
		};
		if (spec.body) operation.requestBody = { required: true, content: { "application/json": { schema: spec.body } } };
		const path = openApiPath(spec.url);
		paths[path] ??= {};
		paths[path][spec.method.toLowerCase()] = operation;
	}
	return {
		openapi: "3.1.0",
		info: {
			title: "fieldchain reference billing service",
			version: "1.0.0",
			license: { name: "Apache-2.0", identifier: "Apache-2.0" },
			description:
				"Receives signed, hash-chained evidence from enrolled gateways and releases invoices only on evidence, approved time and customer sign-off. Errors are JSON { error: { code, message, hint } } with an FC_* code.",
		},
		servers: [{ url: "/", description: "The service that serves this document" }],
		// Every tag an operation uses, in the order the routes are declared.
		tags: [...new Set(routes.map((spec) => spec.tag))].map((name) => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name })),
		components: {
			securitySchemes: {
				bearer: { type: "http", scheme: "bearer", description: "Scopes: evidence:write, workorders:read (gateways); approve, release, admin (people)." },
			},
			schemas: { Error: errorBodySchema },
		},
		paths,
	};
}
