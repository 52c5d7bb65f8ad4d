/**
 * Ed25519 firmware signing keys (RFC 8032 via node:crypto). The private key is a PKCS #8 PEM file
 * (mode 0600), the public key an SPKI PEM. Images carry and name their key as MCUboot's imgtool does:
 * the PUBKEY TLV holds the key's SubjectPublicKeyInfo DER (44 bytes) and the KEYHASH TLV its SHA-256,
 * so a key from `imgtool getpub` and a stock MCUboot bootloader agree with fieldchain. Images signed
 * before this change carry the raw 32 bytes and their SHA-256; readers accept both.
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

/** RFC 8410's fixed prefix of an Ed25519 SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier id-Ed25519, BIT STRING }. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** The key as imgtool's `get_public_bytes()` gives it: SubjectPublicKeyInfo DER, 44 bytes. */
export function spkiDer(publicKeyRaw: Uint8Array): Buffer {
	if (publicKeyRaw.length !== 32) throw keyError(`an Ed25519 public key is 32 bytes, got ${publicKeyRaw.length}`);
	return Buffer.concat([ED25519_SPKI_PREFIX, publicKeyRaw]);
}

/** A PUBKEY TLV's value, MCUboot's SPKI DER or the raw 32 bytes of older fieldchain images; undefined when neither. */
export function rawFromPublicKeyBytes(value: Uint8Array): Buffer | undefined {
	const bytes = Buffer.from(value);
	if (bytes.length === 32) return bytes;
	if (bytes.length === 44 && bytes.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) return bytes.subarray(12);
	return undefined;
}

/** MCUboot's KEYHASH: SHA-256 of the key's SubjectPublicKeyInfo DER. */
export function keyHash(publicKeyRaw: Uint8Array): Buffer {
	return createHash("sha256").update(spkiDer(publicKeyRaw)).digest();
}

/** The KEYHASH older fieldchain images carry: SHA-256 of the raw 32 bytes. Read only. */
export function legacyKeyHash(publicKeyRaw: Uint8Array): Buffer {
	return createHash("sha256").update(publicKeyRaw).digest();
}

/** Whether `hash` names this key in either encoding. */
export function keyHashMatches(publicKeyRaw: Uint8Array, hash: Uint8Array): boolean {
	return keyHash(publicKeyRaw).equals(hash) || legacyKeyHash(publicKeyRaw).equals(hash);
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

/** A public key file: SPKI PEM, or hex/base64 of the raw 32 bytes or of the SPKI DER (`imgtool getpub --encoding raw`, hex). Returns the raw bytes. */
export function loadPublicKey(path: string): Buffer {
	const text = readKeyFile(path, "public").trim();
	if (text.startsWith("-----BEGIN")) {
		try {
			return rawPublicKey(createPublicKey({ key: text, format: "pem" }));
		} catch (cause) {
			throw keyError(`${path} is not an Ed25519 public key PEM (${(cause as Error).message})`, undefined, cause);
		}
	}
	if (/^[0-9a-fA-F]{64}$/.test(text) || /^[0-9a-fA-F]{88}$/.test(text)) {
		const raw = rawFromPublicKeyBytes(Buffer.from(text, "hex"));
		if (raw) return raw;
	}
	const raw = rawFromPublicKeyBytes(Buffer.from(text, "base64"));
	if (raw) return raw;
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
