import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "fc-gen-proto-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("protocol/generated", () => {
	it("is what scripts/gen-proto.sh makes of protocol/device/v1/device.proto and protocol/evidence/v1/evidence.proto", async () => {
		await promisify(execFile)("bash", ["scripts/gen-proto.sh", outDir], { cwd: ROOT, timeout: 120_000 });
		for (const file of ["device.js", "device.d.ts", "evidence.js", "evidence.d.ts"]) {
			const fresh = readFileSync(join(outDir, file));
			const committed = readFileSync(join(ROOT, "protocol/generated", file));
			const where = firstDifferentLine(committed.toString("utf8"), fresh.toString("utf8"));
			expect(committed.equals(fresh), `protocol/generated/${file} is stale (first difference at line ${where}): run npm run proto`).toBe(true);
		}
	});
});

function firstDifferentLine(a: string, b: string): number {
	const left = a.split("\n");
	const right = b.split("\n");
	let line = 0;
	while (line < left.length && line < right.length && left[line] === right[line]) line++;
	return line + 1;
}
