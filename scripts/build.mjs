// Bundles the CLI with esbuild. Native addons (better-sqlite3, serialport's bindings) and
// packages that load files at run time stay external and are resolved from node_modules.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
	entryPoints: ["bin/fieldchain.ts"],
	outfile: "dist/fieldchain.js",
	bundle: true,
	platform: "node",
	target: "node20",
	format: "esm",
	sourcemap: true,
	external: ["better-sqlite3", "serialport", "@serialport/bindings-cpp", "pino", "thread-stream"],
	banner: {
		// Bundled CommonJS dependencies still call require(); give ESM output one.
		js: "#!/usr/bin/env node\nimport { createRequire as __fcCreateRequire } from 'node:module'; const require = __fcCreateRequire(import.meta.url);",
	},
	define: { "process.env.FIELDCHAIN_VERSION": JSON.stringify(pkg.version) },
	logLevel: "warning",
});
