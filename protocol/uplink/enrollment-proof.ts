/**
 * Proof of possession at enrollment (POST /v1/gateways/enroll, field `proof`): the gateway signs,
 * with the Ed25519 key whose public half it enrolls, the domain, its gateway id and the SHA-256 of
 * the enrollment token. The service checks it against the key it pins for the gateway (on a first
 * enrollment the key presented; on a repeat, the one stored), never against a key the request
 * brings along for a repeat. A repeat with a valid proof is how a gateway whose enrollment answer
 * was lost gets a new API token: only the holder of the private key can ask, and only while the
 * enrollment token would still have been valid.
 *
 *   message = "fieldchain/enroll/v1\0" || gatewayId (UTF-8) || "\0" || SHA-256(enrollmentToken UTF-8)
 */
import { createHash, type KeyObject, sign, verify } from "node:crypto";
import { publicKeyFromRaw } from "../evidence/keys.js";

export const ENROLLMENT_PROOF_DOMAIN = "fieldchain/enroll/v1\0";
const ED25519_SIGNATURE_LENGTH = 64;

export function enrollmentProofMessage(gatewayId: string, enrollmentToken: string): Buffer {
	const tokenHash = createHash("sha256").update(enrollmentToken, "utf8").digest();
	return Buffer.concat([Buffer.from(ENROLLMENT_PROOF_DOMAIN, "latin1"), Buffer.from(gatewayId, "utf8"), Buffer.from([0]), tokenHash]);
}

/** Base64 of the signature, as the request carries it. */
export function signEnrollmentProof(privateKey: KeyObject, gatewayId: string, enrollmentToken: string): string {
	return sign(null, enrollmentProofMessage(gatewayId, enrollmentToken), privateKey).toString("base64");
}

/** True only for a well-formed signature by `publicKeyRaw` over this gateway id and token. */
export function verifyEnrollmentProof(publicKeyRaw: Uint8Array, gatewayId: string, enrollmentToken: string, proof: string): boolean {
	const signature = Buffer.from(proof, "base64");
	if (signature.length !== ED25519_SIGNATURE_LENGTH || signature.toString("base64") !== proof) return false;
	try {
		return verify(null, enrollmentProofMessage(gatewayId, enrollmentToken), publicKeyFromRaw(publicKeyRaw), signature);
	} catch {
		return false;
	}
}
