/**
 * What `npm publish` would ship (package.json "files"): the bundled CLI and technician app, the
 * Node-RED nodes it loads, the README and the protocol's normative material; never sources,
 * tests, test helpers or fixtures. Scripts are skipped, so this lists without building.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function packedFiles(): string[] {
	const output = execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: root, encoding: "utf8" });
	const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
	return pack.files.map((file) => file.path).sort();
}

describe("the published package", () => {
	let files: string[];
	beforeAll(() => {
		files = packedFiles();
	});

	it("ships the protocol's normative material and the Node-RED package", () => {
		for (const path of [
			"README.md",
			"package.json",
			"protocol/README.md",
			"protocol/device/v1/device.proto",
			"protocol/evidence/README.md",
			"protocol/evidence/v1/evidence.proto",
			"protocol/vectors/v1.json",
			"flows/package.json",
		]) {
			expect(files).toContain(path);
		}
	});

	it("ships nothing else: no sources, tests, test helpers or fixtures", () => {
		const allowed =
			/^(README\.md|package\.json|dist\/.+|flows\/(package\.json|README\.md|dist\/.+|examples\/.+\.json)|protocol\/(.+\.proto|README\.md|evidence\/README\.md|vectors\/.+\.json))$/;
		expect(files.filter((path) => !allowed.test(path))).toEqual([]);
		expect(files.filter((path) => /\.test\.|\/testing\/|fixture|\.ts$/.test(path))).toEqual([]);
	});
});
