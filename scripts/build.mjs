// Bundles the CLI with esbuild. Native addons (better-sqlite3, serialport's bindings) and
// packages that load files at run time stay external and are resolved from node_modules.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { build } from "esbuild";
import { buildBrowserBundle, OFFICE_CONSOLE, TECHNICIAN_APP } from "./browser-bundle.mjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const builtins = new Set(builtinModules);

/**
 * Node's own modules are loaded with require(), not an ESM import. An ESM import of a builtin makes
 * Node read every export of it at link time, lazy getters included: on Node 24, importing node:http
 * that way loads undici (http.WebSocket and friends), http2, tls, zlib and worker_threads, about
 * 2 MB more resident in the gateway, for nothing it uses. require() returns the exports object and
 * the bundle reads only the properties the code names. The `require` is the banner's.
 */
const builtinsAsRequire = {
	name: "builtins-as-require",
	setup(pluginBuild) {
		pluginBuild.onResolve({ filter: /^(node:)?[a-z0-9_/]+$/ }, (args) => {
			const name = args.path.replace(/^node:/, "");
			if (!builtins.has(name)) return undefined;
			if (args.namespace === "builtin-require") return { path: `node:${name}`, external: true };
			if (args.kind !== "import-statement" && args.kind !== "dynamic-import") return undefined;
			return { path: name, namespace: "builtin-require" };
		});
		pluginBuild.onLoad({ filter: /.*/, namespace: "builtin-require" }, (args) => ({
			contents: `module.exports = require("node:${args.path}");`,
			loader: "js",
		}));
	},
};

// The CLI loads only the part a command needs (bin/fieldchain.ts imports each part on demand), so
// the bundle is split: dist/fieldchain.js plus shared chunks beside it. Chunks stay in dist/ itself
// because code finds its web assets relative to its own file (dist/web, dist/console). Comments and
// whitespace go (a dependency's non-ASCII comment made V8 hold the whole source as a two-byte
// string); names stay, as errors and logs use them.
const cli = await build({
	entryPoints: ["bin/fieldchain.ts"],
	outdir: "dist",
	entryNames: "[name]",
	chunkNames: "chunk-[hash]",
	splitting: true,
	bundle: true,
	platform: "node",
	target: "node20",
	format: "esm",
	minifyWhitespace: true,
	minifySyntax: true,
	keepNames: true,
	sourcemap: true,
	metafile: true,
	external: ["better-sqlite3", "serialport", "@serialport/bindings-cpp", "pino", "thread-stream", "node-red", "express", "playwright-core"],
	plugins: [builtinsAsRequire],
	banner: {
		// Bundled CommonJS dependencies still call require(); give ESM output one.
		js: "#!/usr/bin/env node\nimport { createRequire as __fcCreateRequire } from 'node:module'; const require = __fcCreateRequire(import.meta.url);",
	},
	define: { "process.env.FIELDCHAIN_VERSION": JSON.stringify(pkg.version) },
	logLevel: "warning",
});
// Chunks of an earlier build go only now, after the new entry is written: a hash that did not change
// keeps its file, so a CLI already running keeps the chunks it may still import.
const fresh = new Set(Object.keys(cli.metafile.outputs).map((path) => path.slice("dist/".length)));
for (const file of readdirSync("dist")) if (/^chunk-.*\.js(\.map)?$/.test(file) && !fresh.has(file)) rmSync(`dist/${file}`);

// The Node-RED nodes (flows/): Node-RED require()s each node's .js and reads the .html beside it,
// so each entry becomes one CommonJS file in flows/dist with its .html copied next to it.
const flowNodes = readdirSync("flows/nodes").filter((file) => file.endsWith(".ts"));
mkdirSync("flows/dist", { recursive: true });
await build({
	entryPoints: flowNodes.map((file) => `flows/nodes/${file}`),
	outdir: "flows/dist",
	bundle: true,
	platform: "node",
	target: "node20",
	format: "cjs",
	// Node-RED calls module.exports(RED); the entries export default.
	footer: { js: "module.exports = module.exports.default;" },
	logLevel: "warning",
});
for (const file of flowNodes) copyFileSync(`flows/nodes/${file.replace(/\.ts$/, ".html")}`, `flows/dist/${file.replace(/\.ts$/, ".html")}`);
// flows/package.json is "type": "module" for the TypeScript sources; the bundles are CommonJS.
writeFileSync("flows/dist/package.json", '{ "type": "commonjs" }\n');

// The technician web app, served by the gateway at /app/ (gateway/http/static-app.ts).
await buildBrowserBundle(TECHNICIAN_APP);

// The office console, served by the billing service at /console/ (cloud-bridge/console/static-console.ts).
await buildBrowserBundle(OFFICE_CONSOLE);
