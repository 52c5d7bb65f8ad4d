/**
 * verifyManifests (verify-manifests.ts) over checkpoints signed with the real protocol code: those
 * with a manifests_root, and those signed before manifests (none), mixed in one batch as a gateway
 * upgraded mid-chain sends them. The HTTP and MQTT paths, with a real gateway, are in
 * test/uplink-manifests.real.test.ts and test/uplink-mqtt-manifests.real.test.ts.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signCheckpoint } from "../../../protocol/evidence/checkpoint.js";
import { keyIdOf, publicKeyRaw } from "../../../protocol/evidence/keys.js";
import { ManifestLedger } from "../../../protocol/evidence/manifest.js";
import type { BatchVerification, VerifiedCheckpoint } from "./verify-batch.js";
import { verifyManifests } from "./verify-manifests.js";

const keys = generateKeyPairSync("ed25519");
const keyId = keyIdOf(publicKeyRaw(keys.publicKey));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

function checkpoint(chainSeq: number, manifestsRoot?: Uint8Array): VerifiedCheckpoint {
	const signed = signCheckpoint(
		{ gatewayId: "gw-1", chainSeq, headHash: Buffer.alloc(32, chainSeq), recordCount: chainSeq, createdAtMs: 1, keyId, manifestsRoot },
		keys.privateKey,
	);
	return { chainSeq, bytes: signed.bytes, keyId: keyId.toString("hex"), signature: Buffer.from(signed.signature).toString("hex") };
}

const verification = (checkpoints: VerifiedCheckpoint[], rejectedSeqs: number[] = []): BatchVerification => ({
	appended: [],
	duplicates: 0,
	rejected: [],
	gap: null,
	checkpoints,
	checkpointsRejected: rejectedSeqs.map((chainSeq) => ({ chainSeq, reason: "bad-signature", message: "refused" })),
	sealedBy: Math.max(0, ...checkpoints.map((c) => c.chainSeq)),
});

/** Records 1..3 of WO-A and WO-B, then a checkpoint at 3 issuing both manifests; record 4 of WO-A, checkpoint at 4. */
function chain() {
	const ledger = new ManifestLedger();
	ledger.note("WO-A", 1, Buffer.alloc(32, 1));
	ledger.note("WO-B", 2, Buffer.alloc(32, 2));
	ledger.note("WO-A", 3, Buffer.alloc(32, 3));
	const at3 = ledger.issue(3);
	ledger.note("WO-A", 4, Buffer.alloc(32, 4));
	const at4 = ledger.issue(4);
	return {
		at3: { manifests: at3.manifests.map((m) => b64(m.bytes)), checkpoint: checkpoint(3, at3.root) },
		at4: { manifests: at4.manifests.map((m) => b64(m.bytes)), checkpoint: checkpoint(4, at4.root) },
	};
}

describe("verifyManifests", () => {
	it("keeps every manifest its checkpoint's root commits to; none sent is taken as a gateway before manifests", () => {
		const { at3, at4 } = chain();
		const kept = verifyManifests("gw-1", [...at3.manifests, ...at4.manifests], verification([at3.checkpoint, at4.checkpoint]));
		expect(kept.map((m) => [m.checkpointSeq, m.workOrderId])).toEqual([
			[3, "WO-A"],
			[3, "WO-B"],
			[4, "WO-A"],
		]);
		expect(kept.every((m) => m.gatewayId === "gw-1")).toBe(true);
		expect(verifyManifests("gw-1", undefined, verification([at3.checkpoint]))).toEqual([]);
		expect(verifyManifests("gw-1", [], verification([at3.checkpoint]))).toEqual([]);
	});

	it("a checkpoint signed before manifests beside one with a root: only the latter needs (and may have) manifests", () => {
		const { at3, at4 } = chain();
		const old = checkpoint(2);
		expect(verifyManifests("gw-1", at4.manifests, verification([old, at4.checkpoint]))).toHaveLength(1);
		// Manifests claimed for a checkpoint that signs none.
		expect(() => verifyManifests("gw-1", [at3.manifests[1]], verification([checkpoint(3)]))).toThrow(/checkpoint 3 signs no manifests, yet 1 were sent/);
	});

	it("refuses a partial set, a manifest twice, a modified one, one without its checkpoint, and bytes that are no manifest", () => {
		const { at3, at4 } = chain();
		const both = verification([at3.checkpoint, at4.checkpoint]);
		expect(() => verifyManifests("gw-1", [at3.manifests[0], ...at4.manifests], both)).toThrow(/do not make the manifests_root it signs/);
		expect(() => verifyManifests("gw-1", [...at3.manifests, at3.manifests[0], ...at4.manifests], both)).toThrow(
			/work order WO-A has more than one manifest for checkpoint 3/,
		);
		expect(() => verifyManifests("gw-1", at3.manifests, both)).toThrow(/checkpoint 4 signs work-order manifests, but none of them were sent/);
		expect(() => verifyManifests("gw-1", [...at3.manifests, ...at4.manifests], verification([at3.checkpoint]))).toThrow(
			/manifests of checkpoint 4 came without that checkpoint/,
		);
		expect(() => verifyManifests("gw-1", ["not base64!"], both)).toThrow(/manifest #1 is not canonical base64/);
		expect(() => verifyManifests("gw-1", ["AAAA"], both)).toThrow(/manifest #1 is not a canonical work-order manifest/);
		// A manifest of the other chain (another checkpoint 4, another record 4): refused, not stored.
		const other = new ManifestLedger();
		other.note("WO-A", 4, Buffer.alloc(32, 9));
		const forged = b64(other.issue(4).manifests[0].bytes);
		expect(() => verifyManifests("gw-1", [...at3.manifests, forged], both)).toThrow(/do not make the manifests_root/);
	});

	it("manifests of a checkpoint the batch carries but that was refused are not kept, and not a reason to refuse the batch", () => {
		const { at3, at4 } = chain();
		const kept = verifyManifests("gw-1", [...at3.manifests, ...at4.manifests], verification([at3.checkpoint], [4]));
		expect(kept.map((m) => m.checkpointSeq)).toEqual([3, 3]);
	});
});
