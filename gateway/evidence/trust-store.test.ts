/** Trust anchors read from a trust store directory, and the URLs --keys-from accepts. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testKey } from "../../protocol/evidence/testing/fixtures.js";
import { keysFromAnchor } from "./trust-keys-from.js";
import { parseKeyFile, trustStoreAnchor } from "./trust-store.js";

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

describe("trust store", () => {
	it("reads <gatewayId>.pub files: base64, hex, PEM, several keys, comments", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-store-"));
		const [a, b] = [testKey().publicKeyRaw, testKey().publicKeyRaw];
		writeFileSync(join(dir, "van-12.pub"), `# van 12, rotated in March\n${a.toString("base64")}\n\n${b.toString("hex")}\n`);
		expect(trustStoreAnchor(dir, "van-12")).toMatchObject({ source: "trust-store", keys: [{ publicKey: a, revokedAt: null }, { publicKey: b }] });
		const pem = (raw: Buffer) =>
			`-----BEGIN PUBLIC KEY-----\n${Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), raw]).toString("base64")}\n-----END PUBLIC KEY-----\n`;
		expect(parseKeyFile(pem(a) + pem(b), "x.pub").map((k) => k.publicKey)).toEqual([a, b]);
	});

	it("a gateway it does not hold, or an id that is no gateway id, has no keys; a bad file or directory is a configuration error", () => {
		dir = mkdtempSync(join(tmpdir(), "fc-store-"));
		expect(trustStoreAnchor(dir, "van-13")).toMatchObject({ keys: [], missing: expect.stringContaining("not in the trust store") });
		for (const id of ["../etc/passwd", "..", "", null]) expect(trustStoreAnchor(dir, id).keys).toEqual([]);
		writeFileSync(join(dir, "van-14.pub"), "not a key\n");
		expect(() => trustStoreAnchor(dir as string, "van-14")).toThrow(expect.objectContaining({ code: "FC_CONFIG_INVALID" }));
		writeFileSync(join(dir, "van-15.pub"), "# only a comment\n");
		expect(() => trustStoreAnchor(dir as string, "van-15")).toThrow(/holds no key/);
		expect(() => trustStoreAnchor(join(dir as string, "missing"), "van-12")).toThrow(expect.objectContaining({ code: "FC_CONFIG_INVALID" }));
	});
});

describe("--keys-from", () => {
	it("refuses plain http off loopback, credentials in the URL and non-http schemes before sending the token", async () => {
		for (const url of ["http://billing.example.com", "http://10.0.0.5:8090", "https://user:pw@billing.example.com", "ftp://billing.example.com", "not a url"])
			await expect(keysFromAnchor({ url, token: "fcb_secret", gatewayId: "van-12" })).rejects.toMatchObject({ code: "FC_CONFIG_INVALID" });
	});
});
