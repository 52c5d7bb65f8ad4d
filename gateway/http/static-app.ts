/**
 * Serves the technician app (gateway/web, bundled by scripts/build.mjs into dist/web) at /app/,
 * same origin as the API, with a Content-Security-Policy that lets the page reach nothing but the
 * gateway. The files are read once at start; a missing bundle gives a page that says how to build.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import { findBundle, readBundle, setPageHeaders } from "../../platform/static-bundle.js";
import { access } from "./route-access.js";

const CSP =
	"default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** dist/web beside the bundled CLI (dist/fieldchain.js), or the repository's dist/web when run from source. */
export function findWebBundle(): string | undefined {
	const here = dirname(fileURLToPath(import.meta.url));
	return findBundle([join(here, "web"), join(here, "..", "..", "dist", "web")]);
}

export function isAppPath(path: string): boolean {
	return path === "/" || path === "/app" || path.startsWith("/app/");
}

export function staticAppRoutes(dir = findWebBundle()) {
	const files = readBundle(dir, ["index.html", "app.js", "app.css", "app.js.map", "icon.svg", "manifest.webmanifest"]);
	return (app: FastifyInstance): void => {
		app.get("/", access("public"), (_request, reply) => reply.redirect("/app/"));
		app.get<{ Params: { file?: string } }>("/app/:file?", access("public"), (request, reply) => {
			// "/app" without the slash would resolve app.js against "/": send it to "/app/".
			if (request.url.split("?", 1)[0] === "/app") return reply.redirect("/app/");
			const file = files.get(request.params.file || "index.html");
			setPageHeaders(reply, CSP);
			if (!file) {
				if (files.size === 0) return reply.code(503).type("text/plain").send("The technician app is not built: run `node scripts/build.mjs` (npm ci does it).");
				return sendError(
					reply,
					new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, "No such file in the technician app.", { hint: "Open /app/ for the app itself." }),
				);
			}
			return reply.type(file.type).send(file.body);
		});
	};
}
