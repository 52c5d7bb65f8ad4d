/**
 * Serves the office console (cloud-bridge/console/web, bundled into dist/console) at /console/,
 * same origin as the API it calls, with a Content-Security-Policy that lets the page reach nothing
 * but this service. Files are read once at start; a missing bundle gives a page that says how to build.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import { findBundle, readBundle, setPageHeaders } from "../../platform/static-bundle.js";

const FILES = ["index.html", "console.js", "console.css", "console.js.map", "icon.svg"];

export const CONSOLE_CSP =
	"default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** dist/console beside the bundled CLI (dist/fieldchain.js), or the repository's dist/console when run from source. */
export function findConsoleBundle(): string | undefined {
	const here = dirname(fileURLToPath(import.meta.url));
	return findBundle([join(here, "console"), join(here, "..", "..", "dist", "console")]);
}

export function registerConsolePages(app: FastifyInstance, dir = findConsoleBundle()): void {
	const files = readBundle(dir, FILES);
	app.get<{ Params: { file?: string } }>("/console/:file?", (request, reply) => {
		// "/console" without the slash would resolve console.js against "/": send it to "/console/".
		if (request.url.split("?", 1)[0] === "/console") return reply.redirect("/console/");
		setPageHeaders(reply, CONSOLE_CSP);
		const file = files.get(request.params.file || "index.html");
		if (!file) {
			if (files.size === 0) return reply.code(503).type("text/plain").send("The office console is not built: run `node scripts/build.mjs` (npm ci does it).");
			return sendError(reply, new FieldchainError(ErrorCodes.FC_BILLING_NOT_FOUND, "No such file in the office console.", { hint: "Open /console/." }));
		}
		return reply.type(file.type).send(file.body);
	});
}
