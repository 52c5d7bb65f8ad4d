// Bundles the office console (cloud-bridge/console/web) into dist/console: one script, one
// stylesheet and the page, served by the billing service at /console/. Everything is bundled:
// the console fetches nothing but the billing service's own API.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

export async function buildConsole(outdir = "dist/console") {
	mkdirSync(outdir, { recursive: true });
	await build({
		entryPoints: ["cloud-bridge/console/web/src/main.tsx"],
		outfile: `${outdir}/console.js`,
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
	for (const file of ["index.html", "console.css", "icon.svg"]) copyFileSync(`cloud-bridge/console/web/static/${file}`, `${outdir}/${file}`);
}
