/**
 * Cursor pagination for every list route: `?limit=` (1 to MAX_PAGE, default DEFAULT_PAGE) and
 * `?cursor=` (the `next` of the previous page); the answer keeps its list field and adds `next`,
 * null on the last page. A list route declares its 200 answer with `listOf` (common.ts), and
 * `withPagination` turns every such GET route into a paged one, for routing, validation and the
 * OpenAPI document alike, so no list route can be left unbounded.
 *
 * Keyset, not offset: a cursor names the last item of the page by its sort key (the list's order,
 * ending in `id`), and the next page is the items after that key. A row inserted or deleted while
 * someone pages never shifts the pages, so no item is skipped or shown twice. A route whose store
 * pages itself (`pagedBy`: `ORDER BY key LIMIT n+1` after the cursor's key) is given the position
 * and answers one page; any other route's list is cut here by the same rule.
 * Invariant: a cursor is opaque to clients (base64url); one that does not decode is a 400, never an
 * unbounded answer. Offset cursors of earlier versions ({"o":n}) are refused with a 400 that says to
 * restart from the first page: an offset cannot be turned into a position safely.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { nullable, type Schema, str } from "../openapi/schema-helpers.js";
import type { HandlerInput, HandlerResult, RouteSpec } from "./route-spec.js";

/** Large enough that today's callers (the gateway's uplink, the README's curl commands) get everything in one page. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

/** The list schemas `listOf` made: their list field and sort key (the fields the list is ordered by, ending in id). */
const LIST_FIELDS = new WeakMap<Schema, { field: string; sortKey: readonly string[] }>();

export function markList(schema: Schema, field: string, sortKey: readonly string[] = ["id"]): Schema {
	LIST_FIELDS.set(schema, { field, sortKey });
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

/** A position in a list: the sort key's values of the last item shown. */
export type PageKey = readonly (string | number)[];

export function encodeCursor(key: PageKey): string {
	return Buffer.from(JSON.stringify({ k: key }), "utf8").toString("base64url");
}

const NOT_OURS = "Send the `next` of the previous page unchanged, or leave cursor out for the first page.";

/** A cursor that decodes but does not fit the list (its key of another type): not one this service issued for it. */
export function badCursor(): FieldchainError {
	return badRequest("The cursor is not one this service issued for this list.", NOT_OURS);
}

/** The position a cursor names; `sortKey` is the list's, so a cursor of another list is refused. */
export function decodeCursor(cursor: string, sortKey: readonly string[] = ["id"]): PageKey {
	let parsed: { k?: unknown; o?: unknown };
	try {
		parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { k?: unknown; o?: unknown };
	} catch {
		throw badRequest("The cursor is not one this service issued.", NOT_OURS);
	}
	if (parsed && typeof parsed === "object" && "o" in parsed && !("k" in parsed)) {
		throw badRequest(
			"This cursor is an offset cursor of an earlier version of the service; pages are now keyed by position, and an offset cannot be resumed safely.",
			"Restart from the first page: leave cursor out, then follow `next`.",
		);
	}
	const key = parsed?.k;
	if (
		Array.isArray(key) &&
		key.length === sortKey.length &&
		key.every((v) => (typeof v === "string" && v.length <= 200) || (typeof v === "number" && Number.isFinite(v)))
	) {
		return key as PageKey;
	}
	throw badRequest("The cursor is not one this service issued.", NOT_OURS);
}

export function pageLimit(limit: string | undefined): number {
	if (limit === undefined) return DEFAULT_PAGE;
	const n = Number(limit);
	if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badRequest(`limit must be 1 to ${MAX_PAGE} (got "${limit}").`, `Leave it out for ${DEFAULT_PAGE}.`);
	return n;
}

/** Orders two sort keys: numbers by value, strings by UTF-16 code units (the order the lists are sorted in), value by value. */
export function compareKeys(a: PageKey, b: PageKey): number {
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const x = a[i];
		const y = b[i];
		if (x === y) continue;
		if (x === undefined) return -1;
		if (y === undefined) return 1;
		if (typeof x === "number" && typeof y === "number") return x < y ? -1 : 1;
		// Mixed types cannot come from one list; ordered by their text so that comparing stays total.
		const sx = String(x);
		const sy = String(y);
		if (sx !== sy) return sx < sy ? -1 : 1;
		return typeof x < typeof y ? -1 : 1;
	}
	return 0;
}

export function keyOf(item: unknown, sortKey: readonly string[]): PageKey {
	const record = item as Record<string, unknown>;
	return sortKey.map((field) => {
		const value = record?.[field];
		return typeof value === "number" ? value : String(value ?? "");
	});
}

/** A page request as a store takes it: at most `limit` items after `after` (null: from the start), in sort-key order. */
export interface PageRequest {
	limit: number;
	after: PageKey | null;
}

/**
 * One page of an ordered list: the items after the cursor's position, at most `limit`, and the
 * cursor of the next page (null: last page). Also right for a store's answer of `limit + 1` items.
 */
export function pageOf<T>(
	items: readonly T[],
	query: { limit?: string; cursor?: string },
	sortKey: readonly string[] = ["id"],
): { items: T[]; next: string | null } {
	const limit = pageLimit(query.limit);
	const after = query.cursor === undefined ? null : decodeCursor(query.cursor, sortKey);
	const rest = after === null ? items : items.filter((item) => compareKeys(keyOf(item, sortKey), after) > 0);
	const page = rest.slice(0, limit);
	const next = rest.length > limit ? encodeCursor(keyOf(page[page.length - 1], sortKey)) : null;
	return { items: page, next };
}

function withQuery(querystring: Schema | undefined): Schema {
	if (!querystring) return { type: "object", properties: { ...pageQueryProperties }, additionalProperties: false };
	return { ...querystring, properties: { ...(querystring.properties as Record<string, Schema>), ...pageQueryProperties } };
}

function withNext(schema: Schema): Schema {
	return { ...schema, properties: { ...(schema.properties as Record<string, Schema>), next: nextProperty } };
}

/** Where a handler of a paged route finds the page asked for, when its store pages itself (see `pagedBy`). */
const PAGE_REQUESTS = new WeakMap<object, PageRequest>();

/** The page the client asked for, for a handler whose store pages (ORDER BY sort key, after `after`, LIMIT limit + 1). */
export function pageRequestOf(input: HandlerInput): PageRequest | undefined {
	return PAGE_REQUESTS.get(input.request);
}

/** The route as a paged one when it is a GET answering a `listOf` list; otherwise as it is. */
export function paginated(spec: RouteSpec): RouteSpec {
	const answer = spec.responses[200];
	const list = answer && LIST_FIELDS.get(answer.schema);
	if (spec.method !== "GET" || !list) return spec;
	const { field, sortKey } = list;
	return {
		...spec,
		querystring: withQuery(spec.querystring),
		responses: { ...spec.responses, 200: { description: `${answer.description}, a page at a time (limit, cursor, next)`, schema: withNext(answer.schema) } },
		async handler(input: HandlerInput): Promise<HandlerResult> {
			const { limit, cursor, ...filters } = input.query;
			const query = { limit, cursor };
			// Refuse a bad limit or cursor before doing the work.
			const request: PageRequest = { limit: pageLimit(limit), after: cursor === undefined ? null : decodeCursor(cursor, sortKey) };
			PAGE_REQUESTS.set(input.request, request);
			// The route's handler sees its own filters only (some pass the whole query on as filters).
			const result = await spec.handler({ ...input, query: filters });
			const body = result.body as Record<string, unknown> | undefined;
			const items = body?.[field];
			if (result.status !== 200 || !Array.isArray(items)) return result;
			// A store that paged answered at most limit + 1 items after the position; cutting again changes nothing.
			const page = pageOf(items, query, sortKey);
			return { ...result, body: { ...body, [field]: page.items, next: page.next } };
		},
	};
}

export function withPagination(routes: readonly RouteSpec[]): RouteSpec[] {
	return routes.map(paginated);
}
