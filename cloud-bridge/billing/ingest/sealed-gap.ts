/**
 * Whether a gap in a batch is vouched for by the gateway's key, not just by its token: a gap is
 * noted (store/chain-gaps.ts, for an admin to acknowledge as lost) only when a checkpoint of the
 * batch, signed by the gateway's enrolled key, seals a record of the batch past the gap (its
 * head_hash is that record's entry_hash as recomputed here). Invariant: a batch that merely claims
 * chain positions past a missing range (a leaked token, a bug) never makes the service record a gap.
 */
import { contentHash, entryHash } from "../../../protocol/evidence/chain.js";
import { verifyCheckpoint } from "../../../protocol/evidence/checkpoint.js";
import { decodeCheckpoint, decodeRecord } from "../../../protocol/evidence/record.js";
import { hex, strictBase64 } from "../../../protocol/evidence/verify/encodings.js";
import type { EvidenceBatch } from "../../../protocol/uplink/wire.js";

/** True when a checkpoint of the batch signed by `publicKeyBase64` seals one of its records at or after `receivedSeq`. */
export function gapSealedByKey(batch: Pick<EvidenceBatch, "records" | "checkpoints">, receivedSeq: number, publicKeyBase64: string): boolean {
	const publicKey = Buffer.from(publicKeyBase64, "base64");
	for (const text of batch.checkpoints) {
		const bytes = strictBase64(text);
		if (!bytes) continue;
		let checkpoint: ReturnType<typeof decodeCheckpoint>;
		try {
			checkpoint = decodeCheckpoint(bytes);
		} catch {
			continue;
		}
		if (checkpoint.chainSeq < receivedSeq || !verifyCheckpoint(checkpoint, publicKey)) continue;
		const item = batch.records.find((r) => r.chainSeq === checkpoint.chainSeq);
		const recordBytes = item && strictBase64(item.record);
		if (!recordBytes) continue;
		try {
			const content = contentHash(recordBytes);
			if (hex(content) !== item.contentHash) continue;
			const record = decodeRecord(recordBytes);
			if (record.chainSeq !== checkpoint.chainSeq) continue;
			if (entryHash(record.chainSeq, record.prevHash, content).equals(Buffer.from(checkpoint.headHash))) return true;
		} catch {}
	}
	return false;
}
