// Where the suite's Node 24 leg keeps what it fetches and compiles (node_modules/.cache/node24), and
// how it tells its processes which addon build to load: declared once, for scripts/test-node24.sh
// (through the command line below) and for the benchmarks that run the gateway on the shipped
// runtime (bench/packaged-runtime.ts).
//   node scripts/node24-cache.cjs dir                           the cache directory
//   node scripts/node24-cache.cjs node-dir ARCH                 the unpacked node-linux-ARCH package
//   node scripts/node24-cache.cjs addon-build VERSION ABI       better-sqlite3 VERSION built for Node ABI
//   node scripts/node24-cache.cjs addons-env ABI ADDON BUILD    FIELDCHAIN_NODE24_ADDONS (test-node24-addons.cjs reads it)
"use strict";

const path = require("node:path");

const dir = path.join(__dirname, "..", "node_modules", ".cache", "node24");

/** The node-linux-<arch> package from the npm registry, unpacked. */
function nodeDir(arch) {
	return path.join(dir, `node-linux-${arch}`);
}

/** better-sqlite3 compiled against Node 24's headers, keyed by its version and the Node ABI. */
function addonBuild(version, abi) {
	return path.join(dir, `better_sqlite3-${version}-abi${abi}.node`);
}

/** The preload's setting: load `build` wherever a process of that ABI loads `addon` (a real path). */
function addonsEnv(abi, addon, build) {
	return JSON.stringify({ abi, addons: { [addon]: build } });
}

module.exports = { dir, nodeDir, addonBuild, addonsEnv };

if (require.main === module) {
	const [command, ...args] = process.argv.slice(2);
	const commands = { dir: () => dir, "node-dir": nodeDir, "addon-build": addonBuild, "addons-env": addonsEnv };
	const run = commands[command];
	if (!run || args.length !== run.length || args.some((arg) => arg === "")) {
		process.stderr.write(`node24-cache: usage: ${Object.keys(commands).join(" | ")} with their arguments (see the header)\n`);
		process.exit(2);
	}
	process.stdout.write(`${run(...args)}\n`);
}
