// Bundles one of our browser pages (the technician app, the office console) with esbuild: one
// minified ES module with its source map, plus the static files copied beside it. Everything is
// bundled: the pages fetch nothing but their own service's API.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

/** @param {{ entry: string, outdir: string, outfile: string, staticDir: string, staticFiles: string[] }} page */
export async function buildBrowserBundle(page) {
	mkdirSync(page.outdir, { recursive: true });
	await build({
		entryPoints: [page.entry],
		outfile: `${page.outdir}/${page.outfile}`,
		bundle: true,
		platform: "browser",
		target: ["chrome110", "firefox110", "safari16"],
		format: "esm",
		jsx: "automatic",
		jsxImportSource: "preact",
		minify: true,
		sourcemap: true,
		logLevel: "warning",
	});
	for (const file of page.staticFiles) copyFileSync(`${page.staticDir}/${file}`, `${page.outdir}/${file}`);
}

/** The technician app, served by the gateway at /app/ (gateway/http/static-app.ts). */
export const TECHNICIAN_APP = {
	entry: "gateway/web/src/main.tsx",
	outdir: "dist/web",
	outfile: "app.js",
	staticDir: "gateway/web/static",
	staticFiles: ["index.html", "app.css", "icon.svg", "manifest.webmanifest"],
};

/** The office console, served by the billing service at /console/ (cloud-bridge/console/static-console.ts). */
export const OFFICE_CONSOLE = {
	entry: "cloud-bridge/console/web/src/main.tsx",
	outdir: "dist/console",
	outfile: "console.js",
	staticDir: "cloud-bridge/console/web/static",
	staticFiles: ["index.html", "console.css", "icon.svg"],
};
