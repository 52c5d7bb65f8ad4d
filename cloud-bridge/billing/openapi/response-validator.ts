/** Checks a JSON response against the route's response schema in the OpenAPI document (ajv). */
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { RouteSpec } from "../routes/route-spec.js";
import { type OpenApiDocument, openApiPath } from "./document.js";

export function makeResponseValidator(document: OpenApiDocument): (spec: RouteSpec, status: number, payload: string) => string | null {
	const ajv = new Ajv({ allErrors: true, strict: false });
	// ajv-formats is CommonJS: its function is the default export under Node, .default under bundlers.
	const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => Ajv;
	addFormats(ajv);
	const cache = new Map<string, ValidateFunction | null>();
	return (spec, status, payload) => {
		const key = `${spec.method} ${spec.url} ${status}`;
		let validate: ValidateFunction | null | undefined = cache.get(key);
		if (validate === undefined) {
			const operation = document.paths[openApiPath(spec.url)]?.[spec.method.toLowerCase()] as
				| { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }
				| undefined;
			const schema = operation?.responses?.[String(status)]?.content?.["application/json"]?.schema;
			validate = schema ? ajv.compile(schema) : null;
			cache.set(key, validate);
		}
		if (!validate) return `status ${status} is not documented`;
		let body: unknown;
		try {
			body = JSON.parse(payload);
		} catch {
			return "the body is not JSON";
		}
		if (validate(body)) return null;
		return ajv.errorsText(validate.errors, { dataVar: "response" });
	};
}
