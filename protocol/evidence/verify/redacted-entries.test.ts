/**
 * Why records carry no salted work-order tag (README.md, "Why no per-record work-order tag"): the
 * signed manifest already decides whether a redacted entry may belong to the bundle's work order.
 * Tried as the exporter would: pass one of the work order's own records off as a redacted entry of
 * another work order, or hand in another work order's manifest for it. Each fails as incomplete.
 */
import { describe, expect, it } from "vitest";
import { type EvidenceBundle, serializeBundle } from "../bundle.js";
import { contentHash } from "../chain.js";
import { decodeRecord } from "../record.js";
import { newerBundle } from "../testing/newer-format.js";
import { verifyBundle } from "./verify-bundle.js";

const verify = (bundle: EvidenceBundle, publicKey: Buffer) => verifyBundle(serializeBundle(bundle), { publicKey });

/** The entry as another work order's would be shown: its prev_hash and content hash only. */
function redact(bundle: EvidenceBundle, chainSeq: number): void {
	const index = bundle.entries.findIndex((e) => e.chainSeq === chainSeq);
	const entry = bundle.entries[index] as { chainSeq: number; full: string };
	const bytes = Buffer.from(entry.full, "base64");
	bundle.entries[index] = {
		chainSeq,
		redacted: { prevHash: Buffer.from(decodeRecord(bytes).prevHash).toString("hex"), contentHash: contentHash(bytes).toString("hex") },
	};
}

describe("redacted entries cannot hide the work order's records", () => {
	it("the genuine bundle (WO-A at 1, 3, 5; WO-B redacted at 2, 4) is complete", () => {
		const { bundle, publicKeyRaw } = newerBundle();
		expect(verify(bundle, publicKeyRaw)).toMatchObject({ ok: true, complete: true, completeUpTo: 5 });
	});

	for (const seq of [1, 3, 5]) {
		it(`record ${seq} of WO-A shown as another work order's redacted entry fails as incomplete`, () => {
			const { bundle, publicKeyRaw } = newerBundle();
			redact(bundle, seq);
			const result = verify(bundle, publicKeyRaw);
			expect(result.ok).toBe(false);
			expect(result.problems.map((p) => p.kind)).toContain("incomplete");
		});
	}

	it("another work order's manifest handed in for WO-A fails, and cannot be re-labelled", () => {
		const { bundle, publicKeyRaw } = newerBundle();
		const own = bundle.manifest as NonNullable<EvidenceBundle["manifest"]>;
		// WO-B's manifest is one of the others; only its hash is in the bundle, so a manifest must be made up.
		const forged = { ...own, manifest: Buffer.from(own.manifest, "base64").reverse().toString("base64") };
		expect(verify({ ...bundle, manifest: forged }, publicKeyRaw).problems.map((p) => p.kind)).toContain("incomplete");
		// Claiming the bundle is WO-B's: WO-A's records and manifest name WO-A.
		const relabelled = verify({ ...bundle, workOrderId: "WO-B" }, publicKeyRaw).problems.map((p) => p.kind);
		expect(relabelled).toEqual(expect.arrayContaining(["malformed", "incomplete"]));
	});
});
