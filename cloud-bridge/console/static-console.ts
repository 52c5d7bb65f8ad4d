/**
 * Serves the office console (cloud-bridge/console/web, bundled into dist/console) at /console/,
 * same origin as the API it calls, with a Content-Security-Policy that lets the page reach nothing
 * but this service. Files are read once at start; a missing bundle gives a page that says how to build.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".map": "application/json",
	".svg": "image/svg+xml",
};
const FILES = ["index.html", "console.js", "console.css", "console.js.map", "icon.svg"];

export const CONSOLE_CSP =
	"default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** dist/console beside the bundled CLI (dist/fieldchain.js), or the repository's dist/console when run from source. */
export function findConsoleBundle(): string | undefined {
	const here = dirname(fileURLToPath(import.meta.url));
	return [join(here, "console"), join(here, "..", "..", "dist", "console")].find((dir) => existsSync(join(dir, "index.html")));
}

export function registerConsolePages(app: FastifyInstance, dir = findConsoleBundle()): void {
	const files = new Map<string, { type: string; body: Buffer }>();
	for (const name of FILES) {
		const path = dir && join(dir, name);
		if (path && existsSync(path)) files.set(name, { type: TYPES[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream", body: readFileSync(path) });
	}
	app.get("/console", (_request, reply) => reply.redirect("/console/"));
	app.get<{ Params: { file?: string } }>("/console/:file", (request, reply) => {
		const file = files.get(request.params.file || "index.html");
		reply
			.header("content-security-policy", CONSOLE_CSP)
			.header("x-content-type-options", "nosniff")
			.header("referrer-policy", "no-referrer")
			.header("x-frame-options", "DENY")
			.header("cache-control", "no-cache");
		if (!file) {
			if (files.size === 0) return reply.code(503).type("text/plain").send("The office console is not built: run `node scripts/build.mjs` (npm ci does it).");
			return sendError(reply, new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, "No such file in the office console.", { hint: "Open /console/." }));
		}
		return reply.type(file.type).send(file.body);
	});
	app.get("/console/", (_request, reply) => {
		const file = files.get("index.html");
		reply
			.header("content-security-policy", CONSOLE_CSP)
			.header("x-content-type-options", "nosniff")
			.header("x-frame-options", "DENY")
			.header("cache-control", "no-cache");
		if (!file) return reply.code(503).type("text/plain").send("The office console is not built: run `node scripts/build.mjs` (npm ci does it).");
		return reply.type(file.type).send(file.body);
	});
}
