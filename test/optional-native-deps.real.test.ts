/**
 * A plain install of fieldchain does not fetch or build serialport 8's native binding, which only
 * johnny-five's optional dependencies pull in: johnny-five and firmata-io are optional peer
 * dependencies (dev dependencies here, for the adapter's tests), the binding's install script is
 * denied in allowScripts, and the adapter uses firmata-io with fieldchain's own serialport 13, so
 * serialport 8 is never loaded even where it is installed. `npm ls` reads the lock file only.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFirmata } from "../firmware-host/johnny-five/load-johnny-five.js";

const root = join(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, Record<string, unknown>>;

describe("optional native dependencies", () => {
	it("keeps johnny-five and firmata-io out of the dependencies a plain install gets", () => {
		expect(pkg.dependencies).not.toHaveProperty("johnny-five");
		expect(pkg.dependencies).not.toHaveProperty("firmata");
		expect(pkg.peerDependenciesMeta).toMatchObject({ "johnny-five": { optional: true }, "firmata-io": { optional: true } });
		expect(pkg.allowScripts).toMatchObject({ "@serialport/bindings": false });
	});

	it("the production tree in the lock file has no serialport 8, no @serialport/bindings, no johnny-five", () => {
		const tree = execFileSync("npm", ["ls", "--omit=dev", "--all", "--package-lock-only", "--parseable"], { cwd: root, encoding: "utf8" });
		const paths = tree.split("\n").map((line) => line.replace(`${root}/`, ""));
		expect(paths.filter((path) => /node_modules\/(@serialport\/bindings|johnny-five|firmata|firmata-io)$/.test(path))).toEqual([]);
		// serialport 13 and its own binding (bindings-cpp) are what fieldchain uses.
		expect(paths.some((path) => path.endsWith("node_modules/@serialport/bindings-cpp"))).toBe(true);
	});

	it("the adapter's Firmata never loads serialport 8", () => {
		const require = createRequire(import.meta.url);
		const Firmata = loadFirmata();
		expect(typeof Firmata).toBe("function");
		const loaded = Object.keys(require.cache).filter((path) => /node_modules\/(serialport|@serialport\/bindings)\/lib\//.test(path));
		expect(loaded).toEqual([]);
	});
});
