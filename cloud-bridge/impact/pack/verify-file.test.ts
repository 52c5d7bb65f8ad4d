/**
 * `cloud impact verify` trusts only the key the recipient pins. An edited pack re-signed with the
 * editor's own key, that key shipped in the signature file, must not pass (it printed "signature
 * holds" when verify fell back to the file's key).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { newSigningKey, signPack } from "./sign.js";
import { verifyPackFile } from "./verify-file.js";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function files() {
	const dir = mkdtempSync(join(tmpdir(), "fc-pack-verify-"));
	dirs.push(dir);
	const service = newSigningKey(0);
	const forger = newSigningKey(0);
	const original = Buffer.from("<html>SLA respond 4 h</html>");
	const edited = Buffer.from("<html>SLA respond 24 h</html>");
	const at = (name: string, body: string | Buffer) => {
		writeFileSync(join(dir, name), body);
		return join(dir, name);
	};
	return {
		servicePem: at("service.pem", service.publicKeyPem),
		pack: at("pack.html", original),
		sig: at("pack.html.sig.json", JSON.stringify(signPack(original, service))),
		forged: at("forged.html", edited),
		forgedSig: at("forged.html.sig.json", JSON.stringify({ ...signPack(edited, forger), publicKeyPem: forger.publicKeyPem })),
	};
}

describe("impact pack verify", () => {
	it("holds for the service's pack under the pinned service key", () => {
		const f = files();
		expect(verifyPackFile(f.pack, f.sig, f.servicePem).exitCode).toBe(0);
	});

	it("refuses an edited pack signed by another key, even with that key in the signature file", () => {
		const f = files();
		expect(verifyPackFile(f.forged, f.forgedSig, f.servicePem)).toMatchObject({ exitCode: 3 });
	});

	it("without a pinned key it is a bad option (exit 2), whatever key the signature file carries", () => {
		const f = files();
		expect(() => verifyPackFile(f.forged, f.forgedSig, undefined)).toThrow(expect.objectContaining({ code: "FC_CONFIG_INVALID" }));
	});

	it("an unreadable or empty signature file is a bad option", () => {
		const f = files();
		expect(() => verifyPackFile(f.pack, join(f.pack, "..", "missing.json"), f.servicePem)).toThrow(expect.objectContaining({ code: "FC_CONFIG_INVALID" }));
		writeFileSync(f.sig, "{}");
		expect(() => verifyPackFile(f.pack, f.sig, f.servicePem)).toThrow(/holds no signature/);
	});
});
