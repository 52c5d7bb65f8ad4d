import { describe, expect, it } from "vitest";
import { signCheckpoint, verifyCheckpoint } from "./checkpoint.js";
import { accumulate, EMPTY_ACCUMULATOR, ManifestLedger, manifestHash, manifestsRoot } from "./manifest.js";
import { decodeCheckpoint, decodeManifest, encodeCheckpoint } from "./record.js";
import { makeTestBundle, testKey } from "./testing/fixtures.js";
import { verifyBundle } from "./verify/verify-bundle.js";

describe("work-order manifests", () => {
	it("issue one manifest per work order touched since the last checkpoint, with the running hash of its entry hashes", () => {
		const ledger = new ManifestLedger();
		const h = (n: number) => new Uint8Array(32).fill(n);
		ledger.note("WO-A", 1, h(1));
		ledger.note("WO-B", 2, h(2));
		ledger.note("WO-A", 3, h(3));
		const first = ledger.issue(3);
		const a = decodeManifest(first.manifests.find((m) => m.workOrderId === "WO-A")?.bytes as Uint8Array);
		expect([a.checkpointSeq, a.recordCount, a.firstChainSeq, a.lastChainSeq]).toEqual([3, 2, 1, 3]);
		expect(Buffer.from(a.accumulator)).toEqual(accumulate(accumulate(EMPTY_ACCUMULATOR, h(1)), h(3)));
		// Known answers, computed independently with Python's hashlib and the protobuf encoding written out by hand.
		expect(Buffer.from(a.accumulator).toString("hex")).toBe("68f3baf907a7756fffff0b7bcd948719215db07729bc68ffebdb2b29d2cee8d9");
		const bytes = first.manifests.find((m) => m.workOrderId === "WO-A")?.bytes as Uint8Array;
		expect(Buffer.from(bytes).toString("hex")).toBe("0a04574f2d411003180220012803322068f3baf907a7756fffff0b7bcd948719215db07729bc68ffebdb2b29d2cee8d9");
		expect(manifestHash(bytes).toString("hex")).toBe("e448ed07d13b7b7817100d18ef91e01ac0f2c1895d2fa81af1864a881f0f97f0");
		expect(first.root).toEqual(manifestsRoot(first.manifests.map((m) => manifestHash(m.bytes)).reverse()));
		ledger.note("WO-B", 4, h(4));
		const second = ledger.issue(4);
		expect(second.manifests.map((m) => m.workOrderId)).toEqual(["WO-B"]);
		expect(ledger.issue(5)).toEqual({ manifests: [], root: undefined });
	});

	it("the checkpoint's signature covers manifests_root, and a checkpoint without one keeps its old bytes", () => {
		const key = testKey();
		const fields = { gatewayId: "gw", chainSeq: 3, headHash: new Uint8Array(32).fill(7), recordCount: 3, createdAtMs: 1, keyId: key.keyId };
		const root = new Uint8Array(32).fill(9);
		const signed = signCheckpoint({ ...fields, manifestsRoot: root }, key.privateKey);
		expect(verifyCheckpoint(signed.bytes, key.publicKeyRaw)).toBe(true);
		expect(Buffer.from(decodeCheckpoint(signed.bytes).manifestsRoot)).toEqual(Buffer.from(root));
		const swapped = encodeCheckpoint({ ...fields, signature: signed.signature, manifestsRoot: new Uint8Array(32).fill(8) });
		expect(verifyCheckpoint(swapped, key.publicKeyRaw)).toBe(false);
		const plain = signCheckpoint(fields, key.privateKey);
		expect(Buffer.from(plain.bytes)).toEqual(Buffer.from(encodeCheckpoint({ ...fields, signature: plain.signature })));
		expect(Buffer.from(signCheckpoint({ ...fields, manifestsRoot: new Uint8Array(0) }, key.privateKey).bytes).length).toBe(plain.bytes.length);
	});

	it("a bundle whose checkpoints predate manifests still verifies, as not provably complete", () => {
		const result = verifyBundle(makeTestBundle());
		expect(result.ok).toBe(true);
		expect(result.complete).toBe(false);
		expect(result.incompleteReason).toMatch(/before work-order manifests existed/);
	});
});
