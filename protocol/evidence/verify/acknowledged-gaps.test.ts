/**
 * Acknowledged gaps (README.md, "Acknowledged gaps"): records lost for good with a destroyed device,
 * acknowledged by an operator, travel in a format-2 bundle. A jump over exactly such a range is
 * acknowledged, not "removed"; everything else is checked as before, so a gap cannot hide a record
 * the gateway signed, claim records the bundle shows, or be slipped into a format-1 bundle. Chain:
 * WO-A at 1, 2 (checkpoint 2), the lost records 3, 4, WO-A at 5, 6 (checkpoint 6), each checkpoint
 * with its work-order manifests.
 */
import { describe, expect, it } from "vitest";
import { type AcknowledgedGap, BUNDLE_FORMAT, BUNDLE_FORMAT_GAPS, buildBundle, type EvidenceBundle, serializeBundle } from "../bundle.js";
import { EvidenceChain } from "../chain.js";
import { signCheckpoint } from "../checkpoint.js";
import { ManifestLedger } from "../manifest.js";
import { GATEWAY_ID, reading, testKey } from "../testing/fixtures.js";
import { verifyBundle } from "./verify-bundle.js";

const GAP: AcknowledgedGap = { fromSeq: 3, toSeq: 4, reason: "gateway destroyed in a fire", acknowledgedBy: "admin-1", acknowledgedAtMs: 1_764_000_100_000 };

/** The chain with the work order of the lost records 3 and 4 chosen; the bundle as an exporter holding 1, 2, 5, 6 builds it. */
function bundleWithGap(lostWorkOrder: string, gaps: AcknowledgedGap[] = [GAP]) {
	const key = testKey();
	const chain = new EvidenceChain();
	const ledger = new ManifestLedger();
	const entries = [];
	const checkpoints: Uint8Array[] = [];
	const manifests = new Map<number, Uint8Array[]>();
	for (const [n, workOrderId] of ["WO-A", "WO-A", lostWorkOrder, lostWorkOrder, "WO-A", "WO-A"].entries()) {
		const entry = chain.append(reading(workOrderId, n + 1));
		ledger.note(workOrderId, entry.chainSeq, entry.entryHash);
		entries.push({ chainSeq: entry.chainSeq, bytes: entry.bytes, workOrderId });
		if (entry.chainSeq === 2 || entry.chainSeq === 6) {
			const issued = ledger.issue(entry.chainSeq);
			manifests.set(
				entry.chainSeq,
				issued.manifests.map((m) => m.bytes),
			);
			const fields = {
				gatewayId: GATEWAY_ID,
				chainSeq: entry.chainSeq,
				headHash: entry.entryHash,
				recordCount: entry.chainSeq,
				createdAtMs: 1,
				keyId: key.keyId,
			};
			checkpoints.push(signCheckpoint({ ...fields, manifestsRoot: issued.root }, key.privateKey).bytes);
		}
	}
	const kept = entries.filter((e) => e.chainSeq !== 3 && e.chainSeq !== 4);
	const bundle = buildBundle({
		gatewayId: GATEWAY_ID,
		publicKeyRaw: key.publicKeyRaw,
		workOrderId: "WO-A",
		entries: kept,
		checkpoints,
		manifestsAt: (seq) => manifests.get(seq) ?? [],
		acknowledgedGaps: gaps,
	});
	return { bundle, publicKey: key.publicKeyRaw, entries, checkpoints, manifests, key };
}

const verify = (bundle: EvidenceBundle, publicKey: Buffer) => verifyBundle(serializeBundle(bundle), { publicKey });

describe("acknowledged gaps in bundles", () => {
	it("a jump over exactly the acknowledged range verifies, reports the gap, and stays complete when no record of the work order was lost", () => {
		const { bundle, publicKey } = bundleWithGap("WO-B");
		expect(bundle.format).toBe(BUNDLE_FORMAT_GAPS);
		expect(bundle.entries.map((e) => e.chainSeq)).toEqual([1, 2, 5, 6]);
		const result = verify(bundle, publicKey);
		expect(result.problems).toEqual([]);
		expect(result).toMatchObject({ ok: true, sealedUpTo: 6, complete: true, completeUpTo: 6 });
		expect(result.acknowledgedGaps).toEqual([{ ...GAP, inEntries: true }]);
		expect(result.records.every((r) => r.sealed)).toBe(true);
	});

	it("when records of the work order were among those lost, the records shown verify but are not claimed complete", () => {
		const { bundle, publicKey } = bundleWithGap("WO-A");
		const result = verify(bundle, publicKey);
		expect(result.ok).toBe(true);
		expect(result.complete).toBe(false);
		expect(result.incompleteReason).toMatch(/Records 3\.\.4 were lost for good.*signed 6 records, 1\.\.6.*shows 4 records/);
	});

	it("the same jump without an acknowledgement is records removed", () => {
		const { bundle, publicKey } = bundleWithGap("WO-B");
		const cut: EvidenceBundle = { ...bundle, format: BUNDLE_FORMAT };
		delete cut.acknowledgedGaps;
		const result = verify(cut, publicKey);
		expect(result.ok).toBe(false);
		expect(result.problems.map((p) => p.kind)).toContain("removed");
	});

	it("an acknowledgement covering only part of the jump leaves the rest removed", () => {
		const { bundle, publicKey } = bundleWithGap("WO-B");
		const result = verify({ ...bundle, acknowledgedGaps: [{ ...GAP, toSeq: 3 }] }, publicKey);
		expect(result.ok).toBe(false);
		expect(result.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["removed", "malformed"]));
	});

	it("a gap claimed over records the bundle shows is malformed", () => {
		const { bundle, publicKey } = bundleWithGap("WO-B");
		const result = verify({ ...bundle, acknowledgedGaps: [GAP, { ...GAP, fromSeq: 5, toSeq: 5 }] }, publicKey);
		expect(result.ok).toBe(false);
		expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "malformed", chainSeq: 5 })]));
	});

	it("a gap cannot hide a record of the work order the gateway signed: cutting one and acknowledging it is not complete", () => {
		// WO-A's record 5 is cut and "acknowledged" as lost: the records left verify, but the signed
		// manifest counts record 5, so completeness is never claimed.
		const { bundle, publicKey } = bundleWithGap("WO-B", [GAP, { ...GAP, fromSeq: 5, toSeq: 5 }]);
		const forged: EvidenceBundle = {
			...bundle,
			entries: bundle.entries.filter((e) => e.chainSeq !== 5),
			acknowledgedGaps: [{ ...GAP, toSeq: 5 }],
		};
		const result = verify(forged, publicKey);
		expect(result.complete).toBe(false);
	});

	it("acknowledgedGaps needs format 2, and format 2 needs gaps: one spelling per bundle", () => {
		const { bundle, publicKey } = bundleWithGap("WO-B");
		const asFormat1 = verify({ ...bundle, format: BUNDLE_FORMAT }, publicKey);
		expect(asFormat1.problems[0]).toMatchObject({ kind: "malformed", message: expect.stringMatching(/needs bundle format/) });
		const empty = verify({ ...bundle, acknowledgedGaps: [] }, publicKey);
		expect(empty.problems[0]).toMatchObject({ kind: "malformed" });
		const noReason = verify({ ...bundle, acknowledgedGaps: [{ ...GAP, reason: "" }] }, publicKey);
		expect(noReason.problems[0].message).toMatch(/reason/);
	});

	it("the exporter refuses a jump no acknowledged gap explains, and carries no gap that ends before the work order's first record", () => {
		expect(() => bundleWithGap("WO-B", [])).toThrow(/not contiguous: 2 is followed by 5/);
		const { bundle } = bundleWithGap("WO-B", [{ ...GAP, fromSeq: 3, toSeq: 4 }]);
		const { entries, checkpoints, manifests, key } = bundleWithGap("WO-B");
		const later = buildBundle({
			gatewayId: GATEWAY_ID,
			publicKeyRaw: key.publicKeyRaw,
			workOrderId: "WO-A",
			entries: entries.filter((e) => e.chainSeq >= 5),
			checkpoints,
			manifestsAt: (seq) => manifests.get(seq) ?? [],
			acknowledgedGaps: [GAP],
		});
		expect(bundle.format).toBe(BUNDLE_FORMAT_GAPS);
		expect(later.format).toBe(BUNDLE_FORMAT);
		expect(serializeBundle(later)).not.toMatch(/acknowledgedGaps/);
	});

	it("a bundle of a later format than 2 is still 'upgrade'", () => {
		const { bundle, publicKey } = bundleWithGap("WO-B");
		const result = verifyBundle(JSON.stringify({ ...bundle, format: "fieldchain-evidence-bundle/3" }), { publicKey });
		expect(result.problems.map((p) => p.kind)).toEqual(["unsupported-format"]);
	});
});
