/**
 * `fieldchain evidence verify` (the built CLI) on evidence written by a newer fieldchain
 * (protocol/evidence/README.md, "Format evolution"): a genuine bundle whose records carry a field
 * this verifier does not know and a higher `format_version` exits 4 "unsupported format, upgrade",
 * not 1 "modified"; the same bundle tampered with still exits 1; a bundle of format 1 still exits 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serializeBundle } from "../protocol/evidence/bundle.js";
import { newerBundle, newerFields } from "../protocol/evidence/testing/newer-format.js";
import { requireBuiltCli, runCli } from "./support/gateway-process.js";

const dir = mkdtempSync(join(tmpdir(), "fc-evidence-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe("evidence verify meets a newer evidence format", () => {
	it("exits 4 (upgrade) for a genuine newer bundle, 1 once it is tampered with, 0 for format 1", { timeout: 60_000 }, async () => {
		requireBuiltCli();
		const newer = newerBundle({ recordTail: newerFields });
		const key = newer.publicKeyRaw.toString("base64");
		const file = write("newer.json", serializeBundle(newer.bundle));

		const text = await runCli(["evidence", "verify", file, "--public-key", key], dir);
		expect(text.code, text.stderr).toBe(4);
		expect(text.stderr).toMatch(/UNSUPPORTED FORMAT/);
		expect(text.stderr).toMatch(/unsupported-format at chain_seq 1: .*Upgrade fieldchain/);
		expect(text.stderr).not.toMatch(/modified|forged/);

		const json = await runCli(["evidence", "verify", file, "--public-key", key, "--json"], dir);
		expect(json.code).toBe(4);
		const result = JSON.parse(json.stdout) as { ok: boolean; trusted: boolean; problems: { kind: string }[] };
		expect(result.ok).toBe(false);
		expect(result.trusted).toBe(true);
		expect(new Set(result.problems.map((p) => p.kind))).toEqual(new Set(["unsupported-format"]));

		// Without a pinned key a newer format is no better than any other unpinned bundle.
		expect((await runCli(["evidence", "verify", file], dir)).code).toBe(3);

		newer.bundle.entries.splice(2, 1);
		const tampered = await runCli(["evidence", "verify", write("tampered.json", serializeBundle(newer.bundle)), "--public-key", key], dir);
		expect(tampered.code).toBe(1);
		expect(tampered.stderr).toMatch(/removed/);

		const plain = newerBundle();
		const ok = await runCli(
			["evidence", "verify", write("plain.json", serializeBundle(plain.bundle)), "--public-key", plain.publicKeyRaw.toString("base64")],
			dir,
		);
		expect(ok.code, ok.stderr).toBe(0);
	});
});
