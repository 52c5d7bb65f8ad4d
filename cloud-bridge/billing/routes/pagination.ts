/**
 * Cursor pagination for every list route: `?limit=` (1 to MAX_PAGE, default DEFAULT_PAGE) and
 * `?cursor=` (the `next` of the previous page); the answer keeps its list field and adds `next`,
 * null on the last page. A list route declares its 200 answer with `listOf` (common.ts), and
 * `withPagination` turns every such GET route into a paged one, for routing, validation and the
 * OpenAPI document alike, so no list route can be left unbounded.
 * Invariant: a cursor is opaque to clients (base64url of the position after the page); one that
 * does not decode is a 400, never an unbounded answer.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { nullable, type Schema, str } from "../openapi/schema-helpers.js";
import type { HandlerInput, HandlerResult, RouteSpec } from "./route-spec.js";

/** Large enough that today's callers (the gateway's uplink, the README's curl commands) get everything in one page. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

/** The list schemas `listOf` made, with their list field. */
const LIST_FIELDS = new WeakMap<Schema, string>();

export function markList(schema: Schema, field: string): Schema {
	LIST_FIELDS.set(schema, field);
	return schema;
}

export const pageQueryProperties: Record<string, Schema> = {
	limit: str({ pattern: "^[0-9]{1,4}$", description: `page size, 1 to ${MAX_PAGE} (default ${DEFAULT_PAGE})` }),
	cursor: str({ minLength: 1, maxLength: 200, description: "the `next` of the previous page" }),
};

const nextProperty: Schema = { ...nullable(str()), description: "cursor of the next page (send it as ?cursor=); null on the last page" };

function badRequest(message: string, hint: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, message, { hint });
}

export function encodeCursor(offset: number): string {
	return Buffer.from(JSON.stringify({ o: offset }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number {
	try {
		const { o } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown };
		if (typeof o === "number" && Number.isSafeInteger(o) && o >= 0) return o;
	} catch {
		// Falls through to the refusal below.
	}
	throw badRequest("The cursor is not one this service issued.", "Send the `next` of the previous page unchanged, or leave cursor out for the first page.");
}

export function pageLimit(limit: string | undefined): number {
	if (limit === undefined) return DEFAULT_PAGE;
	const n = Number(limit);
	if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badRequest(`limit must be 1 to ${MAX_PAGE} (got "${limit}").`, `Leave it out for ${DEFAULT_PAGE}.`);
	return n;
}

/** One page of `items` for the query's limit and cursor, and the cursor of the next (null: last page). */
export function pageOf<T>(items: readonly T[], query: { limit?: string; cursor?: string }): { items: T[]; next: string | null } {
	const limit = pageLimit(query.limit);
	const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
	const end = offset + limit;
	return { items: items.slice(offset, end), next: end < items.length ? encodeCursor(end) : null };
}

function withQuery(querystring: Schema | undefined): Schema {
	if (!querystring) return { type: "object", properties: { ...pageQueryProperties }, additionalProperties: false };
	return { ...querystring, properties: { ...(querystring.properties as Record<string, Schema>), ...pageQueryProperties } };
}

function withNext(schema: Schema): Schema {
	return { ...schema, properties: { ...(schema.properties as Record<string, Schema>), next: nextProperty } };
}

/** The route as a paged one when it is a GET answering a `listOf` list; otherwise as it is. */
export function paginated(spec: RouteSpec): RouteSpec {
	const answer = spec.responses[200];
	const field = answer && LIST_FIELDS.get(answer.schema);
	if (spec.method !== "GET" || !field) return spec;
	return {
		...spec,
		querystring: withQuery(spec.querystring),
		responses: { ...spec.responses, 200: { description: `${answer.description}, a page at a time (limit, cursor, next)`, schema: withNext(answer.schema) } },
		async handler(input: HandlerInput): Promise<HandlerResult> {
			const { limit, cursor, ...filters } = input.query;
			const query = { limit, cursor };
			// Refuse a bad limit or cursor before doing the work.
			pageLimit(limit);
			if (cursor !== undefined) decodeCursor(cursor);
			// The route's handler sees its own filters only (some pass the whole query on as filters).
			const result = await spec.handler({ ...input, query: filters });
			const body = result.body as Record<string, unknown> | undefined;
			const list = body?.[field];
			if (result.status !== 200 || !Array.isArray(list)) return result;
			const page = pageOf(list, query);
			return { ...result, body: { ...body, [field]: page.items, next: page.next } };
		},
	};
}

export function withPagination(routes: readonly RouteSpec[]): RouteSpec[] {
	return routes.map(paginated);
}
