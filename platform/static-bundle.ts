/**
 * A browser bundle served by one of our HTTP services (the technician app at /app/, the office
 * console at /console/): the built files read once at start, their content types, and the headers
 * every page of ours carries. The CSP is the caller's (each page reaches only its own service).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyReply } from "fastify";

const CONTENT_TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".map": "application/json",
	".svg": "image/svg+xml",
	".webmanifest": "application/manifest+json",
};

export interface BundleFile {
	type: string;
	body: Buffer;
}

/** The first of `candidates` that holds a built page (index.html). */
export function findBundle(candidates: readonly string[]): string | undefined {
	return candidates.find((dir) => existsSync(join(dir, "index.html")));
}

/** The named files of a bundle that exist, by name; empty when the bundle is not built. */
export function readBundle(dir: string | undefined, names: readonly string[]): Map<string, BundleFile> {
	const files = new Map<string, BundleFile>();
	for (const name of names) {
		const path = dir && join(dir, name);
		if (path && existsSync(path))
			files.set(name, { type: CONTENT_TYPES[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream", body: readFileSync(path) });
	}
	return files;
}

/** The headers of every page and file of a bundle: its CSP, no sniffing, no framing, no referrer, always revalidated. */
export function setPageHeaders(reply: FastifyReply, csp: string): FastifyReply {
	return reply
		.header("content-security-policy", csp)
		.header("x-content-type-options", "nosniff")
		.header("x-frame-options", "DENY")
		.header("referrer-policy", "no-referrer")
		.header("cache-control", "no-cache");
}
