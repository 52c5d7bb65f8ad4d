/**
 * The served OpenAPI document conforms to the official OpenAPI 3.1 JSON Schema, and that check is
 * not vacuous: it refuses a Parameter Object without `in` and a Schema Object that is no JSON Schema.
 * (Redocly's lint of the same document runs as `npm run lint:openapi` in `npm test`.)
 */
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../cloud-bridge/billing/openapi/document.js";
import { servedOpenApiDocument } from "../cloud-bridge/billing/openapi/served-document.js";
import { schemaErrors } from "./lint-openapi.js";

const minimal = (operation: Record<string, unknown>): OpenApiDocument => ({
	openapi: "3.1.0",
	info: { title: "t", version: "1" },
	paths: { "/a/{id}": { get: { responses: { 200: { description: "ok" } }, ...operation } } },
});

describe("OpenAPI document", () => {
	it("validates against the OpenAPI 3.1 schema, with a licence and every operation's tag declared", async () => {
		const document = await servedOpenApiDocument();
		expect(schemaErrors(document)).toEqual([]);
		expect(document.info).toMatchObject({ license: { name: "Apache-2.0" } });
		const declared = new Set((document.tags as { name: string }[]).map((tag) => tag.name));
		for (const operations of Object.values(document.paths))
			for (const operation of Object.values(operations)) for (const tag of operation.tags as string[]) expect(declared).toContain(tag);
	});

	it("the schema check finds a broken Parameter Object and a broken Schema Object", () => {
		expect(schemaErrors(minimal({ parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }))).toEqual([]);
		expect(schemaErrors(minimal({ parameters: [{ name: "id", required: true, schema: { type: "string" } }] })).join("\n")).toMatch(/'in'/);
		expect(schemaErrors(minimal({ parameters: [{ name: "id", in: "path", required: true, schema: { type: "strng" } }] })).join("\n")).toMatch(
			/\/parameters\/0\/schema is not a JSON Schema 2020-12 schema/,
		);
	});
});
