import { generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHECKPOINT_SIGNATURE_DOMAIN, CheckpointPolicy, checkpointSigningBytes, signCheckpoint, verifyCheckpoint } from "./checkpoint.js";
import { publicKeyFromRaw } from "./keys.js";
import { decodeCheckpoint, encodeCheckpoint } from "./record.js";
import { testKey } from "./testing/fixtures.js";

const key = testKey();
const fields = { gatewayId: "gw-01", chainSeq: 1000, headHash: Buffer.alloc(32, 7), recordCount: 1000, createdAtMs: 1_764_000_000_000, keyId: key.keyId };

describe("checkpoints", () => {
	it("are signed over the domain and the canonical bytes without the signature, and verify", () => {
		const signed = signCheckpoint(fields, key.privateKey);
		expect(signed.signature.length).toBe(64);
		const message = Buffer.concat([Buffer.from(CHECKPOINT_SIGNATURE_DOMAIN, "latin1"), encodeCheckpoint(fields)]);
		expect(checkpointSigningBytes(fields).equals(message)).toBe(true);
		expect(verify(null, message, publicKeyFromRaw(key.publicKeyRaw), signed.signature)).toBe(true);
		expect(verifyCheckpoint(signed, key.publicKeyRaw)).toBe(true);
		expect(verifyCheckpoint(signed.bytes, key.publicKeyRaw)).toBe(true);
		expect(verifyCheckpoint(decodeCheckpoint(signed.bytes), key.publicKeyRaw)).toBe(true);
	});

	it("fail to verify when any field, the signature or the key differs", () => {
		const signed = signCheckpoint(fields, key.privateKey);
		expect(verifyCheckpoint({ ...signed, chainSeq: 999, recordCount: 999 }, key.publicKeyRaw)).toBe(false);
		expect(verifyCheckpoint({ ...signed, headHash: Buffer.alloc(32, 8) }, key.publicKeyRaw)).toBe(false);
		expect(verifyCheckpoint({ ...signed, gatewayId: "gw-02" }, key.publicKeyRaw)).toBe(false);
		expect(verifyCheckpoint({ ...signed, createdAtMs: fields.createdAtMs + 1 }, key.publicKeyRaw)).toBe(false);
		const badSignature = Buffer.from(signed.signature);
		badSignature[10] ^= 1;
		expect(verifyCheckpoint({ ...signed, signature: badSignature }, key.publicKeyRaw)).toBe(false);
		expect(verifyCheckpoint({ ...signed, signature: badSignature.subarray(1) }, key.publicKeyRaw)).toBe(false);
		const other = testKey();
		expect(verifyCheckpoint(signed, other.publicKeyRaw)).toBe(false);
		// Signed by another key that claims our key id.
		const forged = signCheckpoint(fields, other.privateKey);
		expect(verifyCheckpoint(forged, key.publicKeyRaw)).toBe(false);
		const tampered = Buffer.from(signed.bytes);
		tampered[5] ^= 1;
		expect(verifyCheckpoint(tampered, key.publicKeyRaw)).toBe(false);
	});

	it("refuse a key that is not an Ed25519 private key, and a record count that is not chainSeq", () => {
		const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
		expect(() => signCheckpoint(fields, privateKey)).toThrow(/Ed25519/);
		expect(() => signCheckpoint({ ...fields, recordCount: 5 }, key.privateKey)).toThrow(/recordCount/);
	});
});

describe("CheckpointPolicy", () => {
	it("seals every N records or after T ms, never with nothing to seal", () => {
		const policy = new CheckpointPolicy({ everyRecords: 100, everyMs: 500 });
		expect(policy.shouldSeal({ unsealed: 0, msSinceLast: 10_000 })).toBe(false);
		expect(policy.shouldSeal({ unsealed: 99, msSinceLast: 499 })).toBe(false);
		expect(policy.shouldSeal({ unsealed: 100, msSinceLast: 0 })).toBe(true);
		expect(policy.shouldSeal({ unsealed: 1, msSinceLast: 500 })).toBe(true);
		expect(new CheckpointPolicy()).toMatchObject({ everyRecords: 1000, everyMs: 1000 });
		expect(() => new CheckpointPolicy({ everyRecords: 0 })).toThrow(/positive integer/);
		expect(() => new CheckpointPolicy({ everyMs: -1 })).toThrow(/non-negative/);
	});
});
