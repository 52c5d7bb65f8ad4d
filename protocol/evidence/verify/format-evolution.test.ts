/**
 * Format evolution (README.md, "Format evolution"): evidence written by a newer fieldchain, with
 * fields this verifier does not know and `format_version` above SUPPORTED_FORMAT in the signed
 * bytes, is "unsupported-format" (upgrade), never "modified" or "forged-checkpoint"; its links,
 * signatures and completeness are still checked, so tampering with it is still found. Fields
 * unknown to the verifier without a newer declared version remain tampering, as before.
 */
import { describe, expect, it } from "vitest";
import { serializeBundle } from "../bundle.js";
import { genesisHash } from "../chain.js";
import { CHECKPOINT_SIGNATURE_DOMAIN } from "../checkpoint.js";
import { decodeRecord, encodeRecord } from "../record.js";
import { reading } from "../testing/fixtures.js";
import { NEWER, type NewerOptions, newerBundle, newerFields, stringField, varintField } from "../testing/newer-format.js";
import { verifyBundle } from "./verify-bundle.js";

function verify(options: NewerOptions) {
	const { bundle, publicKeyRaw } = newerBundle(options);
	return verifyBundle(serializeBundle(bundle), { publicKey: publicKeyRaw });
}

describe("evidence format evolution", () => {
	it("the same bundle in format 1 verifies complete (the builder is sound)", () => {
		const result = verify({});
		expect(result.problems).toEqual([]);
		expect(result.complete).toBe(true);
	});

	it("records of a newer format are 'upgrade', not 'modified', and are still linked and sealed", () => {
		const result = verify({ recordTail: newerFields });
		expect(result.ok).toBe(false);
		expect(new Set(result.problems.map((p) => p.kind))).toEqual(new Set(["unsupported-format"]));
		expect(result.problems.map((p) => p.chainSeq)).toEqual([1, 3, 5]);
		expect(result.problems[0].message).toMatch(new RegExp(`format ${NEWER}.*Upgrade fieldchain`));
		expect(result.sealedUpTo).toBe(5);
		expect(result.records.map((r) => r.record.workOrderId)).toEqual(["WO-A", "WO-A", "WO-A"]);
	});

	it("a newer checkpoint signed by the gateway is 'upgrade' and still seals; a forged one is forged", () => {
		const tail = Buffer.concat([stringField(9, "monotonic anchor"), varintField(100, NEWER)]);
		const genuine = verify({ checkpointTail: tail });
		expect(genuine.problems.map((p) => p.kind)).toEqual(["unsupported-format"]);
		expect(genuine.sealedUpTo).toBe(5);
		const forged = verify({ checkpointTail: tail, forge: true });
		expect(forged.problems.map((p) => p.kind)).toContain("forged-checkpoint");
	});

	it("a newer manifest is 'upgrade', and still has to reproduce the work order's records", () => {
		const result = verify({ manifestTail: Buffer.concat([varintField(7, 1), varintField(100, NEWER)]) });
		expect(result.problems.map((p) => p.kind)).toEqual(["unsupported-format"]);
	});

	it("tampering with a newer record is still 'modified'", () => {
		const { bundle, publicKeyRaw } = newerBundle({ recordTail: newerFields });
		const first = bundle.entries[0] as { chainSeq: number; full: string };
		const bytes = Buffer.from(first.full, "base64");
		bytes[bytes.length - 5] ^= 1; // inside the newer string field
		first.full = bytes.toString("base64");
		const result = verifyBundle(serializeBundle(bundle), { publicKey: publicKeyRaw });
		expect(result.problems.map((p) => p.kind)).toContain("modified");
	});

	it("unknown fields without a newer format_version stay tampering ('modified')", () => {
		for (const tail of [stringField(99, "smuggled"), Buffer.concat([stringField(99, "smuggled"), varintField(100, 1)])]) {
			const result = verify({ recordTail: tail });
			expect(result.problems.map((p) => p.kind)).toContain("modified");
			expect(result.problems.map((p) => p.kind)).not.toContain("unsupported-format");
		}
	});

	it("a later bundle format is 'upgrade', an unknown one stays malformed", () => {
		const { bundle, publicKeyRaw } = newerBundle();
		const later = verifyBundle({ ...bundle, format: "fieldchain-evidence-bundle/3", extra: 1 }, { publicKey: publicKeyRaw });
		expect(later.problems.map((p) => p.kind)).toEqual(["unsupported-format"]);
		const other = verifyBundle({ ...bundle, format: "someone-else/9" }, { publicKey: publicKeyRaw });
		expect(other.problems.map((p) => p.kind)).toEqual(["malformed"]);
	});

	it("format 1 bytes never carry format_version, and a declared version must match the fields", () => {
		const record = { ...reading("WO-A", 1), chainSeq: 1, prevHash: genesisHash() };
		const plain = Buffer.from(encodeRecord(record));
		expect(Buffer.from(encodeRecord({ ...record, formatVersion: 1 })).equals(plain)).toBe(true);
		expect(() => encodeRecord({ ...record, formatVersion: 2 })).toThrow(/formatVersion.*format 1/);
		// A decoded format-1 record re-encodes to the same bytes (the canonical check the verifier makes).
		expect(Buffer.from(encodeRecord(decodeRecord(plain))).equals(plain)).toBe(true);
		expect(CHECKPOINT_SIGNATURE_DOMAIN).toBe("fieldchain/checkpoint/v1\0");
	});
});
