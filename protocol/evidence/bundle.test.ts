import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBundle, type EvidenceBundle, serializeBundle } from "./bundle.js";
import { signCheckpoint } from "./checkpoint.js";
import { encodeRecord } from "./record.js";
import { GATEWAY_ID, makeTestBundle, makeTestChain, PHOTO, testKey } from "./testing/fixtures.js";
import { verifyBundle } from "./verify/verify-bundle.js";

const t = makeTestChain();
const bundle = makeTestBundle(t);
const text = serializeBundle(bundle);
const clone = (): EvidenceBundle => JSON.parse(text);
const kinds = (result: ReturnType<typeof verifyBundle>) => result.problems.map((p) => `${p.kind}@${p.chainSeq ?? "-"}`);

function fullEntry(b: EvidenceBundle, seq: number): { chainSeq: number; full: string } {
	const entry = b.entries.find((e) => e.chainSeq === seq);
	if (!entry || !("full" in entry)) throw new Error(`no full entry ${seq}`);
	return entry;
}

/** Re-encodes a full entry's record with a change, as an attacker with the bundle could. */
function rewriteRecord(b: EvidenceBundle, seq: number, change: (record: Record<string, unknown>) => void): void {
	const entry = fullEntry(b, seq);
	const result = verifyBundle(b);
	const record = { ...(result.records.find((r) => r.chainSeq === seq)?.record as unknown as Record<string, unknown>) };
	change(record);
	entry.full = Buffer.from(encodeRecord(record)).toString("base64");
}

describe("buildBundle", () => {
	it("covers the work order's first record to the first checkpoint after its last, redacting other work orders", () => {
		expect(bundle.entries.map((e) => e.chainSeq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		expect(bundle.entries.filter((e) => "full" in e).map((e) => e.chainSeq)).toEqual([2, 5, 7, 10]);
		expect(bundle.checkpoints.map((c) => c.chainSeq)).toEqual([4, 8, 12]);
		expect(bundle.attachments).toEqual([
			{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mediaType: "image/png", size: PHOTO.length, dataBase64: PHOTO.toString("base64") },
		]);
		expect(text).not.toContain("WO-B");
		expect(Buffer.from(fullEntry(bundle, 2).full, "base64").toString("latin1")).toContain("WO-A");
	});

	it("ends at the work order's last record when no checkpoint covers it yet", () => {
		const c = makeTestBundle(t, "WO-C");
		expect(c.entries.map((e) => e.chainSeq)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
		expect(c.checkpoints.map((cp) => cp.chainSeq)).toEqual([4, 8, 12]);
	});

	it("refuses a work order without evidence and a non-contiguous range", () => {
		expect(() => makeTestBundle(t, "WO-Z")).toThrow(/No evidence of work order WO-Z/);
		expect(() =>
			buildBundle({
				gatewayId: GATEWAY_ID,
				publicKeyRaw: t.key.publicKeyRaw,
				workOrderId: "WO-A",
				entries: t.entries.filter((e) => e.chainSeq !== 3),
				checkpoints: [],
			}),
		).toThrow(/not contiguous/);
	});
});

describe("verifyBundle", () => {
	it("accepts an untouched bundle, as text, bytes or object, with or without the expected public key", () => {
		for (const input of [text, Buffer.from(text), bundle]) {
			const result = verifyBundle(input, { publicKey: t.key.publicKeyRaw });
			expect(result.problems).toEqual([]);
			expect(result.ok).toBe(true);
			expect(result.sealedUpTo).toBe(12);
			expect(result.records.map((r) => [r.chainSeq, r.sealed])).toEqual([
				[2, true],
				[5, true],
				[7, true],
				[10, true],
			]);
			expect(result.records[0].entryHash).toBe(t.chained[1].entryHash.toString("hex"));
		}
		expect(verifyBundle(text).ok).toBe(true);
	});

	it("reports records no checkpoint covers yet as unsealed", () => {
		const result = verifyBundle(serializeBundle(makeTestBundle(t, "WO-C")));
		expect(kinds(result)).toEqual(["unsealed@13"]);
		expect(result.sealedUpTo).toBe(12);
		expect(result.records.map((r) => [r.chainSeq, r.sealed])).toEqual([
			[4, true],
			[8, true],
			[12, true],
			[13, false],
		]);
	});

	describe("says exactly what was tampered with", () => {
		const cases: Array<[string, (b: EvidenceBundle) => void, string[]]> = [
			[
				"a modified value (re-encoded canonically)",
				(b) =>
					rewriteRecord(b, 7, (r) => {
						r.value = 9999;
					}),
				["modified@7"],
			],
			[
				"a modified value in the last record before a checkpoint",
				(b) =>
					rewriteRecord(b, 10, (r) => {
						r.text = "Mallory";
					}),
				["modified@10"],
			],
			[
				"a modified redacted entry",
				(b) => {
					const entry = b.entries.find((e) => e.chainSeq === 6);
					if (entry && "redacted" in entry) entry.redacted.contentHash = "00".repeat(32);
				},
				["modified@6"],
			],
			[
				"an altered prev_hash",
				(b) =>
					rewriteRecord(b, 7, (r) => {
						r.prevHash = Buffer.alloc(32, 1);
					}),
				["modified@7"],
			],
			["a removed record", (b) => b.entries.splice(5, 1), ["removed@7"]],
			["a removed redacted entry", (b) => b.entries.splice(1, 1), ["removed@3"]],
			[
				"two adjacent records swapped",
				(b) => {
					const [a, c] = [b.entries[3], b.entries[4]];
					b.entries[3] = c;
					b.entries[4] = a;
				},
				["reordered@6"],
			],
			[
				"a record moved",
				(b) => {
					const [moved] = b.entries.splice(5, 1);
					b.entries.splice(1, 0, moved);
				},
				["reordered@7"],
			],
			[
				"records swapped between their labels",
				(b) => {
					const [a, c] = [fullEntry(b, 5), fullEntry(b, 7)];
					[a.full, c.full] = [c.full, a.full];
				},
				["reordered@7", "reordered@5"],
			],
			[
				"a forged checkpoint (other key)",
				(b) => {
					const other = testKey();
					const forged = signCheckpoint(
						{ gatewayId: GATEWAY_ID, chainSeq: 8, headHash: Buffer.alloc(32, 9), recordCount: 8, createdAtMs: 1, keyId: t.key.keyId },
						other.privateKey,
					);
					b.checkpoints[1].checkpoint = Buffer.from(forged.bytes).toString("base64");
				},
				["forged-checkpoint@8"],
			],
			[
				"a checkpoint whose head hash was changed",
				(b) => {
					const bytes = Buffer.from(b.checkpoints[2].checkpoint, "base64");
					const at = bytes.indexOf(t.chained[11].entryHash);
					bytes[at] ^= 0xff;
					b.checkpoints[2].checkpoint = bytes.toString("base64");
				},
				["forged-checkpoint@12", "unsealed@10"],
			],
			["a removed last checkpoint", (b) => b.checkpoints.pop(), ["unsealed@10"]],
			[
				"an altered attachment",
				(b) => {
					const data = Buffer.from(PHOTO);
					data[3] ^= 1;
					b.attachments[0].dataBase64 = data.toString("base64");
				},
				["attachment-mismatch@-"],
			],
			[
				"an attachment's media type",
				(b) => {
					b.attachments[0].mediaType = "image/jpeg";
				},
				["attachment-mismatch@5"],
			],
			[
				"another gateway's key, re-signed end to end",
				(b) => {
					const other = testKey();
					b.publicKey = other.publicKeyRaw.toString("base64");
					b.keyId = other.keyId.toString("hex");
					b.checkpoints = t.checkpoints
						.filter((c) => c.chainSeq >= 4 && c.chainSeq <= 12)
						.map((c) => ({
							chainSeq: c.chainSeq,
							checkpoint: Buffer.from(signCheckpoint({ ...c, keyId: other.keyId }, other.privateKey).bytes).toString("base64"),
						}));
				},
				["wrong-key@-", "unsealed@2", "unsealed@5", "unsealed@7", "unsealed@10"],
			],
		];
		for (const [name, tamper, expected] of cases) {
			it(name, () => {
				const b = clone();
				tamper(b);
				const result = verifyBundle(serializeBundle(b), { publicKey: t.key.publicKeyRaw });
				expect(result.ok).toBe(false);
				expect(kinds(result)).toEqual(expected);
			});
		}

		it("an edited file that still parses to the same bundle", () => {
			const result = verifyBundle(text.replace('"format": ', '"format":  '));
			expect(kinds(result)).toEqual(["malformed@-"]);
			expect(result.problems[0].message).toMatch(/edited/);
		});

		it("not JSON, not UTF-8, not a bundle", () => {
			expect(kinds(verifyBundle("{"))).toEqual(["malformed@-"]);
			expect(kinds(verifyBundle(Buffer.from([0xff, 0xfe])))).toEqual(["malformed@-"]);
			expect(kinds(verifyBundle({ ...clone(), extra: 1 }))).toEqual(["malformed@-"]);
			expect(kinds(verifyBundle({ ...clone(), format: "fieldchain-evidence-bundle/0" }))).toEqual(["malformed@-"]);
			// A later bundle format is not tampering but a newer exporter (README.md, "Format evolution").
			expect(kinds(verifyBundle({ ...clone(), format: "fieldchain-evidence-bundle/3" }))).toEqual(["unsupported-format@-"]);
		});
	});

	it("detects a single-byte change anywhere in the bundle file", () => {
		const bytes = Buffer.from(text);
		fc.assert(
			fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, delta) => {
				const mutated = Buffer.from(bytes);
				mutated[at] = (mutated[at] + delta) & 0xff;
				expect(verifyBundle(mutated).ok).toBe(false);
			}),
			{ numRuns: 300 },
		);
	});

	it("detects a single-byte change inside any decoded record, redacted hash, checkpoint or attachment", () => {
		type Blob = { get: (b: EvidenceBundle) => Buffer; set: (b: EvidenceBundle, v: Buffer) => void };
		const blobs: Blob[] = [];
		bundle.entries.forEach((entry, i) => {
			if ("full" in entry) {
				blobs.push({
					get: (b) => Buffer.from((b.entries[i] as { full: string }).full, "base64"),
					set: (b, v) => ((b.entries[i] as { full: string }).full = v.toString("base64")),
				});
			} else {
				for (const field of ["prevHash", "contentHash"] as const) {
					type R = { redacted: Record<typeof field, string> };
					blobs.push({
						get: (b) => Buffer.from((b.entries[i] as R).redacted[field], "hex"),
						set: (b, v) => ((b.entries[i] as R).redacted[field] = v.toString("hex")),
					});
				}
			}
		});
		bundle.checkpoints.forEach((_, i) => {
			blobs.push({ get: (b) => Buffer.from(b.checkpoints[i].checkpoint, "base64"), set: (b, v) => (b.checkpoints[i].checkpoint = v.toString("base64")) });
		});
		blobs.push({ get: (b) => Buffer.from(b.attachments[0].dataBase64 ?? "", "base64"), set: (b, v) => (b.attachments[0].dataBase64 = v.toString("base64")) });
		blobs.push({ get: (b) => Buffer.from(b.publicKey, "base64"), set: (b, v) => (b.publicKey = v.toString("base64")) });
		fc.assert(
			fc.property(fc.nat({ max: blobs.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (which, position, delta) => {
				const b = clone();
				const blob = blobs[which];
				const value = blob.get(b);
				value[position % value.length] = (value[position % value.length] + delta) & 0xff;
				blob.set(b, value);
				expect(verifyBundle(serializeBundle(b)).ok).toBe(false);
			}),
			{ numRuns: 300 },
		);
	});
});
