/**
 * One declaration per route: method, path, scopes, request and response schemas and the handler.
 * The fastify registration, the OpenAPI document and the response validator are all derived from
 * these, so the document cannot drift from what the service does.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Principal } from "../auth/authenticate.js";
import type { Schema } from "../openapi/schema-helpers.js";
import type { Scope } from "../store/types.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface ResponseSpec {
	description: string;
	schema: Schema;
}

export interface HandlerInput {
	request: FastifyRequest;
	reply: FastifyReply;
	/** Null only on public routes. */
	principal: Principal | null;
	params: Record<string, string>;
	query: Record<string, string | undefined>;
	body: unknown;
}

export interface HandlerResult {
	status: number;
	body: unknown;
	/** Sets the ETag header to `"<version>"`. */
	version?: number;
}

export interface RouteSpec {
	method: HttpMethod;
	/** fastify syntax: /v1/work-orders/:id */
	url: string;
	operationId: string;
	summary: string;
	tag: string;
	/** Any one of these scopes lets the request in; "public" needs no token. */
	scopes: readonly Scope[] | "public";
	params?: Schema;
	querystring?: Schema;
	body?: Schema;
	/** The route honours If-Match with the entity version. */
	ifMatch?: boolean;
	/** Largest body in bytes, when the route needs more than the service default (1 MiB). */
	bodyLimit?: number;
	responses: Record<number, ResponseSpec>;
	handler(input: HandlerInput): Promise<HandlerResult>;
}

export const ok = (body: unknown, version?: number): HandlerResult => ({ status: 200, body, version });
export const created = (body: unknown, version?: number): HandlerResult => ({ status: 201, body, version });
