/**
 * The pack's detached signature: Ed25519 over the exact bytes served (HTML or PDF), by the
 * service's pack-signing key (kept in the impact store, made on first use). A recipient checks the
 * file against the signature and the service's public key (GET /v1/impact/pack-key, or
 * `fieldchain cloud impact verify`); one changed byte fails.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import type { ImpactStore, SigningKeyRecord } from "../store/types.js";

export interface PackSignature {
	algorithm: "Ed25519";
	keyId: string;
	/** SHA-256 of the signed bytes, hex. */
	sha256: string;
	/** Base64 Ed25519 signature of the bytes. */
	signature: string;
}

export function newSigningKey(now: number): SigningKeyRecord {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
	return {
		id: `pack-${createHash("sha256").update(publicKeyPem).digest("hex").slice(0, 16)}`,
		privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
		publicKeyPem,
		createdAt: now,
	};
}

export async function packKey(store: ImpactStore, now: number): Promise<SigningKeyRecord> {
	return store.signingKey(() => newSigningKey(now));
}

export function signPack(bytes: Uint8Array, key: SigningKeyRecord): PackSignature {
	return {
		algorithm: "Ed25519",
		keyId: key.id,
		sha256: createHash("sha256").update(bytes).digest("hex"),
		signature: sign(null, bytes, createPrivateKey(key.privateKeyPem)).toString("base64"),
	};
}

/** True only when the signature is the key's over exactly these bytes. */
export function verifyPack(bytes: Uint8Array, signature: Pick<PackSignature, "signature">, publicKeyPem: string): boolean {
	try {
		return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature.signature, "base64"));
	} catch {
		return false;
	}
}
