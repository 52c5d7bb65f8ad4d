/**
 * Verifies the work-order manifests a batch carries (protocol/uplink/wire.ts, `manifests`) against
 * the checkpoints of the batch that verified with the gateway's enrolled key: the manifests sent
 * for a checkpoint must be exactly those whose hashes make the manifests_root it signs
 * (protocol/evidence/README.md, "Completeness"). Invariant: a manifest is kept only when a
 * checkpoint signed by the pinned key commits to it; any manifest that does not verify refuses the
 * whole batch (FC_BILLING_BAD_REQUEST), so a modified or partial set is never stored. A batch that
 * carries manifests at all must carry those of every verified checkpoint that signs a root (a gateway
 * older than manifests sends none, and is taken as before). Manifests of a checkpoint the batch
 * carries but that was refused are not kept: the receipt already says why.
 */

import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { manifestHash, manifestsRoot } from "../../../protocol/evidence/manifest.js";
import { decodeCheckpoint, decodeManifest, UnsupportedFormatError } from "../../../protocol/evidence/record.js";
import { strictBase64 } from "../../../protocol/evidence/verify/encodings.js";
import type { StoredManifest } from "../store/manifests.js";
import type { BatchVerification } from "./verify-batch.js";

const HINT = "Send the manifests exactly as the gateway stored them with their checkpoints (all of each checkpoint), or none.";

/** The manifests_root a checkpoint signs; undefined for one signed before manifests (absent or empty). */
function signedRoot(bytes: Uint8Array): Buffer | undefined {
	const root = decodeCheckpoint(bytes).manifestsRoot;
	return root && root.length > 0 ? Buffer.from(root) : undefined;
}

function refuse(message: string): never {
	throw new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `The batch was refused: ${message}`, { hint: HINT });
}

/** The manifests to store: those of the batch's verified checkpoints. Throws when any manifest does not verify. */
export function verifyManifests(gatewayId: string, sent: readonly string[] | undefined, verified: BatchVerification): StoredManifest[] {
	if (!sent || sent.length === 0) return [];
	const byCheckpoint = new Map<number, StoredManifest[]>();
	sent.forEach((text, index) => {
		const bytes = strictBase64(text);
		if (!bytes) refuse(`manifest #${index + 1} is not canonical base64.`);
		let manifest: ReturnType<typeof decodeManifest>;
		try {
			manifest = decodeManifest(bytes);
		} catch (error) {
			if (error instanceof UnsupportedFormatError) refuse(`manifest #${index + 1}: ${error.message}`);
			refuse(`manifest #${index + 1} is not a canonical work-order manifest: ${(error as Error).message}`);
		}
		const group = byCheckpoint.get(manifest.checkpointSeq) ?? [];
		if (group.some((m) => m.workOrderId === manifest.workOrderId))
			refuse(`work order ${manifest.workOrderId} has more than one manifest for checkpoint ${manifest.checkpointSeq}.`);
		group.push({ gatewayId, checkpointSeq: manifest.checkpointSeq, workOrderId: manifest.workOrderId, bytes });
		byCheckpoint.set(manifest.checkpointSeq, group);
	});
	const sealing = new Map(verified.checkpoints.map((c) => [c.chainSeq, c]));
	const refused = new Set(verified.checkpointsRejected.map((c) => c.chainSeq));
	const kept: StoredManifest[] = [];
	for (const [checkpointSeq, manifests] of [...byCheckpoint].sort((a, b) => a[0] - b[0])) {
		const checkpoint = sealing.get(checkpointSeq);
		if (!checkpoint) {
			if (refused.has(checkpointSeq)) continue;
			refuse(`the manifests of checkpoint ${checkpointSeq} came without that checkpoint; send them in the batch that carries it.`);
		}
		const root = signedRoot(checkpoint.bytes);
		if (!root) refuse(`checkpoint ${checkpointSeq} signs no manifests, yet ${manifests.length} were sent for it.`);
		if (!manifestsRoot(manifests.map((m) => manifestHash(m.bytes))).equals(root)) {
			refuse(
				`the ${manifests.length} manifests sent for checkpoint ${checkpointSeq} do not make the manifests_root it signs: one was modified, or not all of that checkpoint's manifests were sent.`,
			);
		}
		kept.push(...manifests);
	}
	for (const checkpoint of verified.checkpoints) {
		if (!byCheckpoint.has(checkpoint.chainSeq) && signedRoot(checkpoint.bytes))
			refuse(`checkpoint ${checkpoint.chainSeq} signs work-order manifests, but none of them were sent.`);
	}
	return kept;
}
