/**
 * The Node.js the package ships (Node 24, scripts/package/package.sh), for benchmarks that should
 * measure the gateway as it runs on a device rather than on this machine's Node. It is the runtime
 * the suite's Node 24 leg fetches from the npm registry into node_modules/.cache/node24 (with
 * better-sqlite3 compiled for it), loaded the way that leg loads it: the machine's build in
 * node_modules is swapped for the Node 24 one by scripts/test-node24-addons.cjs, never rewritten.
 */
import { execFileSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const PRELOAD = join(ROOT, "scripts", "test-node24-addons.cjs");
const require = createRequire(import.meta.url);
/** The leg's cache layout, declared once (scripts/node24-cache.cjs). */
const layout = require("../scripts/node24-cache.cjs") as {
	dir: string;
	nodeDir(arch: string): string;
	addonBuild(version: string, abi: string): string;
	addonsEnv(abi: string, addon: string, build: string): string;
};
const CACHE = layout.dir;

export interface PackagedRuntime {
	execPath: string;
	version: string;
	env: Record<string, string>;
}

/** The shipped runtime, or why it cannot be used here (and how to get it). */
export function packagedRuntime(): PackagedRuntime | { missing: string } {
	const arch = process.arch === "arm64" ? "arm64" : "x64";
	const execPath = join(layout.nodeDir(arch), "bin", "node");
	const hint = "run `npm run test:node24` once: it fetches Node 24 and compiles better-sqlite3 for it";
	if (!existsSync(execPath)) return { missing: `no Node 24 in ${CACHE}; ${hint}` };
	const version = nodeVersionOf(execPath);
	if (!version) return { missing: `${execPath} does not run; ${hint}` };
	const bs3 = (require("better-sqlite3/package.json") as { version: string }).version;
	const abi = version.abi;
	const build = layout.addonBuild(bs3, abi);
	if (!existsSync(build)) return { missing: `no better-sqlite3 ${bs3} build for Node ABI ${abi} in ${CACHE}; ${hint}` };
	const addon = realpathSync(join(ROOT, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node"));
	return {
		execPath,
		version: version.version,
		env: {
			NODE_OPTIONS: `--require ${JSON.stringify(PRELOAD)}`,
			FIELDCHAIN_NODE24_ADDONS: layout.addonsEnv(abi, addon, build),
		},
	};
}

function nodeVersionOf(execPath: string): { version: string; abi: string } | undefined {
	try {
		const [version, abi] = execFileSync(execPath, ["-p", "process.version + ' ' + process.versions.modules"], { encoding: "utf8", env: {} }).trim().split(" ");
		return version?.startsWith("v24.") ? { version, abi } : undefined;
	} catch {
		return undefined;
	}
}
