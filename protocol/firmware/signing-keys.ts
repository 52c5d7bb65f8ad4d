/**
 * Ed25519 firmware signing keys (RFC 8032 via node:crypto). The private key is a PKCS #8 PEM file
 * (mode 0600), the public key an SPKI PEM; images name their key by the SHA-256 of its raw 32 bytes
 * (MCUboot's KEYHASH TLV).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface SigningKey {
	privateKey: KeyObject;
	publicKeyRaw: Buffer;
}

export function rawPublicKey(key: KeyObject): Buffer {
	const jwk = key.export({ format: "jwk" });
	if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw keyError("the key is not an Ed25519 key", "Make one with `fieldchain firmware keygen`.");
	return Buffer.from(jwk.x, "base64url");
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
	if (raw.length !== 32) throw keyError(`an Ed25519 public key is 32 bytes, got ${raw.length}`);
	return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

export function keyHash(publicKeyRaw: Uint8Array): Buffer {
	return createHash("sha256").update(publicKeyRaw).digest();
}

/** Writes KEY (private, 0600) and KEY.pub; refuses to overwrite either. */
export function generateSigningKey(privatePath: string, publicPath = `${privatePath}.pub`): { publicKeyRaw: Buffer; keyHash: Buffer } {
	for (const path of [privatePath, publicPath]) {
		if (existsSync(path)) throw keyError(`${path} already exists`, "Choose another file name; an existing key is never overwritten.");
	}
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	writeFileSync(privatePath, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600, flag: "wx" });
	writeFileSync(publicPath, publicKey.export({ format: "pem", type: "spki" }), { mode: 0o644, flag: "wx" });
	const raw = rawPublicKey(publicKey);
	return { publicKeyRaw: raw, keyHash: keyHash(raw) };
}

export function loadSigningKey(path: string): SigningKey {
	const text = readKeyFile(path, "private");
	let privateKey: KeyObject;
	try {
		privateKey = createPrivateKey({ key: text, format: "pem" });
	} catch (cause) {
		throw keyError(
			`${path} is not a private key PEM (${(cause as Error).message})`,
			"Pass the private key made by `fieldchain firmware keygen`, not the .pub file.",
			cause,
		);
	}
	if (privateKey.asymmetricKeyType !== "ed25519") throw keyError(`${path} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
	return { privateKey, publicKeyRaw: rawPublicKey(createPublicKey(privateKey)) };
}

/** A public key file: SPKI PEM, or hex/base64 of the raw 32 bytes. Returns the raw bytes. */
export function loadPublicKey(path: string): Buffer {
	const text = readKeyFile(path, "public").trim();
	if (text.startsWith("-----BEGIN")) {
		try {
			return rawPublicKey(createPublicKey({ key: text, format: "pem" }));
		} catch (cause) {
			throw keyError(`${path} is not an Ed25519 public key PEM (${(cause as Error).message})`, undefined, cause);
		}
	}
	if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
	const raw = Buffer.from(text, "base64");
	if (raw.length === 32) return raw;
	throw keyError(`${path} is neither a PEM nor a raw 32-byte key in hex or base64`);
}

function readKeyFile(path: string, kind: string): string {
	try {
		return readFileSync(path, "utf8");
	} catch (cause) {
		throw keyError(
			`cannot read the ${kind} key ${path}: ${(cause as Error).message}`,
			"Check the path; make a key pair with `fieldchain firmware keygen`.",
			cause,
		);
	}
}

function keyError(problem: string, hint?: string, cause?: unknown): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_FIRMWARE_KEY, `Signing key: ${problem}.`, { hint, cause });
}
