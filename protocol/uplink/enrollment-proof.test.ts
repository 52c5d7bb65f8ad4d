import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publicKeyRaw } from "../evidence/keys.js";
import { enrollmentProofMessage, signEnrollmentProof, verifyEnrollmentProof } from "./enrollment-proof.js";

const pair = () => {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	return { privateKey, raw: publicKeyRaw(publicKey) };
};

describe("enrollment proof", () => {
	const gateway = pair();
	const token = "fce_0123456789abcdef";

	it("binds the domain, the gateway id and the token's hash, with a separator no id can forge", () => {
		const message = enrollmentProofMessage("gw-1", token);
		expect(message.subarray(0, 21).toString("latin1")).toBe("fieldchain/enroll/v1\0");
		expect(message.length).toBe(21 + 4 + 1 + 32);
		expect(message.includes(Buffer.from(token))).toBe(false);
		expect(enrollmentProofMessage("gw-1", token).equals(message)).toBe(true);
	});

	it("verifies against the key that signed, and nothing else", () => {
		const proof = signEnrollmentProof(gateway.privateKey, "gw-1", token);
		expect(Buffer.from(proof, "base64")).toHaveLength(64);
		expect(verifyEnrollmentProof(gateway.raw, "gw-1", token, proof)).toBe(true);
		expect(verifyEnrollmentProof(pair().raw, "gw-1", token, proof)).toBe(false);
		expect(verifyEnrollmentProof(gateway.raw, "gw-2", token, proof)).toBe(false);
		expect(verifyEnrollmentProof(gateway.raw, "gw-1", `${token}x`, proof)).toBe(false);
	});

	it("refuses malformed proofs without throwing", () => {
		const proof = signEnrollmentProof(gateway.privateKey, "gw-1", token);
		const flipped = Buffer.from(proof, "base64");
		flipped[10] ^= 1;
		for (const bad of ["", "not base64!", proof.slice(0, -4), `${proof}AAAA`, flipped.toString("base64"), Buffer.alloc(64).toString("base64")]) {
			expect(verifyEnrollmentProof(gateway.raw, "gw-1", token, bad)).toBe(false);
		}
		expect(verifyEnrollmentProof(Buffer.alloc(31), "gw-1", token, proof)).toBe(false);
	});
});
