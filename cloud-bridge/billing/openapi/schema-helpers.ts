/**
 * Tiny builders for JSON Schema objects. They stay within what JSON Schema draft-07 (fastify's and
 * ajv's default) and 2020-12 (OpenAPI 3.1) read the same way: no `nullable`, nulls as type arrays.
 */
export type Schema = Record<string, unknown>;

export const str = (extra: Schema = {}): Schema => ({ type: "string", ...extra });
export const id = (): Schema => ({ type: "string", minLength: 1, maxLength: 200 });
export const int = (extra: Schema = {}): Schema => ({ type: "integer", ...extra });
/** Epoch milliseconds. */
export const ms = (): Schema => ({ type: "integer", minimum: 0 });
export const minor = (): Schema => ({ type: "integer", minimum: 0, description: "integer minor units of the currency" });
export const num = (extra: Schema = {}): Schema => ({ type: "number", ...extra });
export const bool = (): Schema => ({ type: "boolean" });
export const hex64 = (): Schema => ({ type: "string", pattern: "^[0-9a-f]{64}$" });
export const oneOfValues = (values: readonly string[]): Schema => ({ type: "string", enum: [...values] });
export const arr = (items: Schema, extra: Schema = {}): Schema => ({ type: "array", items, ...extra });

/** The same schema, also allowing null. */
export function nullable(schema: Schema): Schema {
	if (typeof schema.type === "string") {
		const copy: Schema = { ...schema, type: [schema.type, "null"] };
		if (Array.isArray(schema.enum)) copy.enum = [...schema.enum, null];
		return copy;
	}
	return { anyOf: [schema, { type: "null" }] };
}

/** A closed object; every property is required unless listed in `optional`. */
export function obj(properties: Record<string, Schema>, optional: readonly string[] = [], extra: Schema = {}): Schema {
	return {
		type: "object",
		properties,
		required: Object.keys(properties).filter((key) => !optional.includes(key)),
		additionalProperties: false,
		...extra,
	};
}

/** An object whose properties are all optional (patches). */
export function partial(properties: Record<string, Schema>, extra: Schema = {}): Schema {
	return obj(properties, Object.keys(properties), extra);
}

/** Entity base fields every stored entity has. */
export const versioned = {
	id: id(),
	version: int({ minimum: 1 }),
	createdAt: ms(),
	updatedAt: ms(),
};
