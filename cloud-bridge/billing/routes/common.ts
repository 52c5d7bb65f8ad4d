/** Scopes, parameter schemas and helpers shared by the route groups. */

import type { AnyEntity } from "../../../model/entities/kinds.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { Principal } from "../auth/authenticate.js";
import { actorOf } from "../auth/authenticate.js";
import { checkIfMatch } from "../model-access.js";
import { arr, id, int, obj, type Schema, str } from "../openapi/schema-helpers.js";
import type { Scope } from "../store/types.js";
import { markList } from "./pagination.js";
import type { HandlerInput } from "./route-spec.js";

/** Reading work orders and everything under them. */
export const READ: readonly Scope[] = ["workorders:read", "approve", "release", "admin"];
/** Work done in the field (by a gateway or an office user on its behalf). */
export const FIELD: readonly Scope[] = ["evidence:write", "admin"];
export const APPROVE: readonly Scope[] = ["approve"];
export const RELEASE: readonly Scope[] = ["release"];
export const ADMIN: readonly Scope[] = ["admin"];
/** Planning and moving visits: dispatchers and admins. */
export const DISPATCH: readonly Scope[] = ["dispatch", "admin"];

export const idParams = obj({ id: id() });
/** For action routes: optionally the version the caller read. */
export const versionField = { version: int({ minimum: 1 }) };
export const reasonBody = obj({ reason: str({ maxLength: 2000 }), ...versionField }, ["reason", "version"]);

/** A list answer; a GET route answering one is paged by pagination.ts (limit, cursor, next). */
/** A list answer; `sortKey` is the list's order (default by id), which its cursors name positions in. */
export function listOf(name: string, item: Schema, sortKey?: readonly string[]): Schema {
	return markList(obj({ [name]: arr(item) }), name, sortKey);
}

export function actor(input: HandlerInput): string {
	return actorOf(input.principal as Principal);
}

export function ifMatchHeader(input: HandlerInput): string | undefined {
	const value = input.request.headers["if-match"];
	return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Optimistic concurrency for updates: the caller says which version it read, by If-Match or by
 * `version` in the body. A different stored version is 412 (If-Match) or 409 (body version);
 * `required` makes sending neither a 428.
 */
export function checkVersion(entity: AnyEntity, input: HandlerInput, required: boolean): void {
	const header = ifMatchHeader(input);
	const bodyVersion = (input.body as { version?: number } | undefined)?.version;
	if (header === undefined && bodyVersion === undefined) {
		if (!required) return;
		throw new FieldchainError(ErrorCodes.FC_BILLING_PRECONDITION_REQUIRED, `Updating ${entity.id} needs the version you read.`, {
			hint: 'Send If-Match: "<version>" (the ETag of your GET) or "version" in the body.',
		});
	}
	checkIfMatch(entity, header);
	if (bodyVersion !== undefined && bodyVersion !== entity.version) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_VERSION_CONFLICT, `${entity.id} is at version ${entity.version}, not ${bodyVersion}.`, {
			hint: "Someone changed it since you read it: GET it again and retry.",
			details: { id: entity.id, version: entity.version },
		});
	}
}

/** Drops undefined fields so a patch never sets a field to undefined. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
	return Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && key !== "version")) as Partial<T>;
}
