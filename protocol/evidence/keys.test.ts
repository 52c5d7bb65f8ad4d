import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { GATEWAY_KEY_FILE, keyIdOf, loadOrCreateGatewayKey, parsePublicKey, publicKeyFromRaw } from "./keys.js";

const dirs: string[] = [];
const tempDir = () => {
	const dir = mkdtempSync(join(tmpdir(), "fc-evidence-key-"));
	dirs.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === "win32")("gateway key file", () => {
	it("is created at first start as PKCS#8 PEM with mode 0600, and loaded again after", () => {
		const dir = tempDir();
		const created = loadOrCreateGatewayKey(dir);
		const path = join(dir, GATEWAY_KEY_FILE);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readFileSync(path, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
		expect(created.publicKeyRaw.length).toBe(32);
		expect(created.keyId.equals(keyIdOf(created.publicKeyRaw))).toBe(true);
		expect(created.privateKey.asymmetricKeyType).toBe("ed25519");
		const loaded = loadOrCreateGatewayKey(dir);
		expect(loaded.publicKeyRaw.equals(created.publicKeyRaw)).toBe(true);
	});

	it("refuses a key file other users can read, and says to chmod 600", () => {
		const dir = tempDir();
		loadOrCreateGatewayKey(dir);
		const path = join(dir, GATEWAY_KEY_FILE);
		chmodSync(path, 0o644);
		let error: unknown;
		try {
			loadOrCreateGatewayKey(dir);
		} catch (caught) {
			error = caught;
		}
		expect(isFieldchainError(error, "FC_EVIDENCE_KEY")).toBe(true);
		expect((error as Error).message).toContain(`chmod 600 ${path}`);
		expect((error as Error).message).toContain("0644");
		chmodSync(path, 0o600);
		expect(() => loadOrCreateGatewayKey(dir)).not.toThrow();
	});

	it("refuses a file that is not an Ed25519 PEM key", () => {
		const dir = tempDir();
		writeFileSync(join(dir, GATEWAY_KEY_FILE), "not a key\n", { mode: 0o600 });
		expect(() => loadOrCreateGatewayKey(dir)).toThrow(/not a PEM private key/);
	});

	it("never serialises or prints the private key", () => {
		const key = loadOrCreateGatewayKey(tempDir());
		const pem = key.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
		const secret = pem.split("\n")[1];
		const json = JSON.stringify({ key });
		expect(json).not.toContain(secret);
		expect(json).not.toContain("privateKey");
		expect(JSON.parse(json).key).toEqual({ publicKey: key.publicKeyRaw.toString("base64"), keyId: key.keyId.toString("hex") });
		expect(inspect(key)).not.toContain(secret);
		expect(Object.keys(key)).not.toContain("privateKey");
	});

	it("parses public keys as base64, hex or PEM", () => {
		const key = loadOrCreateGatewayKey(tempDir());
		const pem = key.publicKey.export({ type: "spki", format: "pem" }) as string;
		expect(parsePublicKey(key.publicKeyRaw.toString("base64")).equals(key.publicKeyRaw)).toBe(true);
		expect(parsePublicKey(key.publicKeyRaw.toString("hex")).equals(key.publicKeyRaw)).toBe(true);
		expect(parsePublicKey(pem).equals(key.publicKeyRaw)).toBe(true);
		expect(publicKeyFromRaw(key.publicKeyRaw).asymmetricKeyType).toBe("ed25519");
		expect(() => parsePublicKey("nope")).toThrow(/raw 32-byte/);
	});
});
