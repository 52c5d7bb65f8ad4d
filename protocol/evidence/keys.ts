/**
 * The gateway's Ed25519 key pair (RFC 8032, node:crypto). Created at first start as
 * DATA_DIR/gateway-ed25519.key (PKCS #8 PEM, mode 0600), never logged or serialised.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export const GATEWAY_KEY_FILE = "gateway-ed25519.key";

export interface GatewayKey {
	/** Non-enumerable; toJSON and util.inspect leave it out. */
	readonly privateKey: KeyObject;
	readonly publicKey: KeyObject;
	/** The raw 32-byte Ed25519 public key (RFC 8032 encoding). */
	readonly publicKeyRaw: Buffer;
	/** SHA-256 of publicKeyRaw: names the key in checkpoints and bundles. */
	readonly keyId: Buffer;
	toJSON(): { publicKey: string; keyId: string };
}

export function publicKeyRaw(publicKey: KeyObject): Buffer {
	const jwk = publicKey.export({ format: "jwk" });
	if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw keyError("the key is not an Ed25519 key");
	return Buffer.from(jwk.x, "base64url");
}

/** KeyObject for a raw 32-byte Ed25519 public key. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
	if (raw.length !== 32) throw keyError(`an Ed25519 public key is 32 bytes, got ${raw.length}`);
	return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
}

export function keyIdOf(publicKeyRaw: Uint8Array): Buffer {
	return createHash("sha256").update(publicKeyRaw).digest();
}

/**
 * Parses a public key given on a command line or in a file: base64 or hex of the raw 32 bytes, or
 * an SPKI PEM ("-----BEGIN PUBLIC KEY-----"). Returns the raw 32 bytes.
 */
export function parsePublicKey(text: string): Buffer {
	const trimmed = text.trim();
	if (trimmed.startsWith("-----BEGIN")) {
		try {
			return publicKeyRaw(createPublicKey({ key: trimmed, format: "pem" }));
		} catch (cause) {
			throw keyError(`not an Ed25519 public key PEM: ${(cause as Error).message}`, cause);
		}
	}
	if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
	const raw = Buffer.from(trimmed, "base64");
	if (raw.length === 32 && raw.toString("base64") === trimmed) return raw;
	throw keyError("expected base64 or hex of a raw 32-byte Ed25519 public key, or an SPKI PEM");
}

function keyError(message: string, cause?: unknown, hint?: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_EVIDENCE_KEY, `Gateway key: ${message}.`, { cause, hint });
}

function makeGatewayKey(privateKey: KeyObject): GatewayKey {
	const publicKey = createPublicKey(privateKey);
	const raw = publicKeyRaw(publicKey);
	const keyId = keyIdOf(raw);
	const key = {
		publicKey,
		publicKeyRaw: raw,
		keyId,
		toJSON: () => ({ publicKey: raw.toString("base64"), keyId: keyId.toString("hex") }),
		[inspect.custom]: () => `GatewayKey { keyId: ${keyId.toString("hex")} }`,
	};
	Object.defineProperty(key, "privateKey", { value: privateKey, enumerable: false });
	return Object.freeze(key) as unknown as GatewayKey;
}

function readKeyFile(path: string): GatewayKey {
	const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw keyError(`${path} is not a regular file`);
		if (process.platform !== "win32" && (stat.mode & 0o077) !== 0) {
			throw keyError(
				`${path} is readable or writable by other users (mode ${(stat.mode & 0o777).toString(8).padStart(4, "0")}); refusing to use it`,
				undefined,
				`Run: chmod 600 ${path}`,
			);
		}
		const pem = readFileSync(fd, "utf8");
		let privateKey: KeyObject;
		try {
			privateKey = createPrivateKey({ key: pem, format: "pem" });
		} catch (cause) {
			throw keyError(`${path} is not a PEM private key`, cause, "Restore the key file from backup; a new key cannot sign for the old chain.");
		}
		if (privateKey.asymmetricKeyType !== "ed25519") throw keyError(`${path} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
		return makeGatewayKey(privateKey);
	} finally {
		closeSync(fd);
	}
}

/**
 * Loads DATA_DIR/gateway-ed25519.key, creating it on first start. Creation is atomic: the PEM is
 * written and fsynced under a temporary name (O_EXCL, mode 0600) and hard-linked into place, so a
 * crash never leaves a half-written key, and two processes starting together end up with one key.
 */
export function loadOrCreateGatewayKey(dataDir: string): GatewayKey {
	const path = join(dataDir, GATEWAY_KEY_FILE);
	try {
		return readKeyFile(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw wrapFsError(error, path);
	}
	const { privateKey } = generateKeyPairSync("ed25519");
	const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
	const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
	try {
		const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
		try {
			writeSync(fd, pem);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		try {
			linkSync(temporary, path);
		} catch (error) {
			// Another process created the key first: use that one.
			if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
		}
	} catch (error) {
		throw wrapFsError(error, path);
	} finally {
		try {
			unlinkSync(temporary);
		} catch {
			// Already gone.
		}
	}
	syncDirectory(dataDir);
	return readKeyFile(path);
}

function syncDirectory(dir: string): void {
	try {
		const fd = openSync(dir, constants.O_RDONLY);
		try {
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch {
		// Not supported on every platform; the key file itself was fsynced.
	}
}

function wrapFsError(error: unknown, path: string): unknown {
	if (error instanceof FieldchainError) return error;
	return keyError(
		`cannot read or create ${path}: ${(error as Error).message}`,
		error,
		"Check that the data directory exists and is writable by the gateway user.",
	);
}
