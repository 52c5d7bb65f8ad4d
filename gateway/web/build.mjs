// Bundles the technician app (gateway/web) into dist/web: one script, one stylesheet and the
// page, all served by the gateway at /app/. Everything is bundled: the app fetches nothing but
// the gateway's own API.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

export async function buildWeb(outdir = "dist/web") {
	mkdirSync(outdir, { recursive: true });
	await build({
		entryPoints: ["gateway/web/src/main.tsx"],
		outfile: `${outdir}/app.js`,
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
	for (const file of ["index.html", "app.css", "icon.svg", "manifest.webmanifest"]) copyFileSync(`gateway/web/static/${file}`, `${outdir}/${file}`);
}
