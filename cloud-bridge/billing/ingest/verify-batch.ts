/**
 * Verifies a batch against the gateway's accepted chain, following protocol/evidence/README.md
 * ("Verifying"): each record's bytes must be canonical and hash to the content_hash given; records
 * must continue the accepted chain (chain_seq without a gap, prev_hash = entry_hash of the record
 * before); checkpoints must be signed by the gateway's enrolled Ed25519 key over a head that
 * matches the recomputed entry_hash. Nothing is stored here.
 */
import { contentHash as hashContent, entryHash as hashEntry } from "../../../protocol/evidence/chain.js";
import { verifyCheckpoint } from "../../../protocol/evidence/checkpoint.js";
import { type Checkpoint, decodeCheckpoint, decodeRecord, type EvidenceRecord } from "../../../protocol/evidence/record.js";
import type { ChainHead, GatewayRecord, StoredChainRecord } from "../store/types.js";
import type { BatchRecord, CheckpointRejection, RecordRejection, Rejected } from "../../../protocol/uplink/wire.js";

export interface VerifiedRecord {
	chainSeq: number;
	record: EvidenceRecord;
	bytes: Uint8Array;
	contentHash: string;
	entryHash: string;
}

export interface VerifiedCheckpoint {
	chainSeq: number;
	bytes: Uint8Array;
	keyId: string;
	signature: string;
}

export interface BatchVerification {
	/** New records continuing the chain, in order. */
	appended: VerifiedRecord[];
	duplicates: number;
	rejected: Rejected<RecordRejection>[];
	gap: { expectedSeq: number; receivedSeq: number; message: string } | null;
	checkpoints: VerifiedCheckpoint[];
	checkpointsRejected: Rejected<CheckpointRejection>[];
	/** Highest chain_seq sealed by a checkpoint of this batch (0: none). */
	sealedBy: number;
}

/** Strict base64: only the canonical spelling decodes (as bundle.ts insists). */
function strictBase64(text: string): Buffer | null {
	const bytes = Buffer.from(text, "base64");
	return bytes.toString("base64") === text ? bytes : null;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

export interface VerifyContext {
	gateway: GatewayRecord;
	head: ChainHead;
	/** Accepted records in a range, for duplicates and for checkpoints over earlier records. */
	stored(fromSeq: number, toSeq: number): Promise<StoredChainRecord[]>;
}

export async function verifyBatch(records: readonly BatchRecord[], checkpoints: readonly string[], context: VerifyContext): Promise<BatchVerification> {
	const { gateway, head } = context;
	const result: BatchVerification = { appended: [], duplicates: 0, rejected: [], gap: null, checkpoints: [], checkpointsRejected: [], sealedBy: 0 };
	const reject = (chainSeq: number, reason: RecordRejection, message: string) => result.rejected.push({ chainSeq, reason, message });
	const sorted = [...records].sort((a, b) => a.chainSeq - b.chainSeq);

	// Records already accepted, to tell a harmless retry from a conflicting one.
	const lowest = sorted[0]?.chainSeq ?? 1;
	const earlier = lowest <= head.headSeq ? new Map((await context.stored(lowest, head.headSeq)).map((r) => [r.chainSeq, r])) : new Map<number, StoredChainRecord>();

	let nextSeq = head.headSeq + 1;
	let headHash: Buffer = Buffer.from(head.headHash, "hex");
	let previousLabel = 0;
	for (const item of sorted) {
		const seq = item.chainSeq;
		if (seq === previousLabel) {
			reject(seq, "duplicate-in-batch", `Record ${seq} appears more than once in the batch; the first copy was used.`);
			continue;
		}
		previousLabel = seq;
		const bytes = strictBase64(item.record);
		if (!bytes) {
			reject(seq, "malformed", `Record ${seq} is not canonical base64.`);
			continue;
		}
		const content = hashContent(bytes);
		if (hex(content) !== item.contentHash) {
			reject(seq, "hash-mismatch", `Record ${seq} does not hash to the content_hash sent (${item.contentHash}); it was modified.`);
			continue;
		}
		let record: EvidenceRecord;
		try {
			record = decodeRecord(bytes);
		} catch (error) {
			reject(seq, "malformed", `Record ${seq} is not a canonical evidence record: ${(error as Error).message}`);
			continue;
		}
		if (record.chainSeq !== seq) {
			reject(seq, "seq-mismatch", `The entry sent as ${seq} holds record ${record.chainSeq}.`);
			continue;
		}
		if (record.gatewayId !== gateway.id) {
			reject(seq, "wrong-gateway", `Record ${seq} is from gateway ${record.gatewayId}, not ${gateway.id}.`);
			continue;
		}
		if (seq <= head.headSeq) {
			const stored = earlier.get(seq);
			if (stored && stored.contentHash === item.contentHash) result.duplicates++;
			else reject(seq, "conflict", `Record ${seq} differs from the record ${seq} accepted earlier (content hash ${stored?.contentHash ?? "unknown"}).`);
			continue;
		}
		if (seq > nextSeq) {
			if (!result.gap) {
				const missing = seq === nextSeq + 1 ? `record ${nextSeq} is missing` : `records ${nextSeq} to ${seq - 1} are missing`;
				result.gap = { expectedSeq: nextSeq, receivedSeq: seq, message: `The chain has a gap: ${missing} (not sent, or rejected above). Send them, then the rest again.` };
			}
			reject(seq, "chain-gap", `Record ${seq} cannot be linked: record ${nextSeq} has not been accepted.`);
			continue;
		}
		if (!headHash.equals(record.prevHash)) {
			reject(seq, "chain-broken", `Record ${seq}: prev_hash ${hex(record.prevHash)} is not the entry_hash of record ${seq - 1} (${hex(headHash)}).`);
			continue;
		}
		const entry = hashEntry(seq, record.prevHash, content);
		result.appended.push({ chainSeq: seq, record, bytes, contentHash: item.contentHash, entryHash: hex(entry) });
		headHash = Buffer.from(entry);
		nextSeq = seq + 1;
	}

	const newHead = nextSeq - 1;
	const appendedBySeq = new Map(result.appended.map((r) => [r.chainSeq, r.entryHash]));
	const publicKey = Buffer.from(gateway.publicKey, "base64");
	for (const text of checkpoints) {
		const rejectCheckpoint = (chainSeq: number, reason: CheckpointRejection, message: string) => result.checkpointsRejected.push({ chainSeq, reason, message });
		const bytes = strictBase64(text);
		let checkpoint: Checkpoint;
		try {
			if (!bytes) throw new Error("not canonical base64");
			checkpoint = decodeCheckpoint(bytes);
		} catch (error) {
			rejectCheckpoint(0, "malformed", `A checkpoint cannot be read: ${(error as Error).message}`);
			continue;
		}
		const seq = checkpoint.chainSeq;
		if (checkpoint.gatewayId !== gateway.id) {
			rejectCheckpoint(seq, "wrong-gateway", `Checkpoint ${seq} is from gateway ${checkpoint.gatewayId}, not ${gateway.id}.`);
			continue;
		}
		if (hex(checkpoint.keyId) !== gateway.keyId) {
			rejectCheckpoint(seq, "unknown-key", `Checkpoint ${seq} is signed by key ${hex(checkpoint.keyId)}, not the enrolled key ${gateway.keyId} of gateway ${gateway.id}.`);
			continue;
		}
		if (!verifyCheckpoint(bytes as Buffer, publicKey)) {
			rejectCheckpoint(seq, "bad-signature", `Checkpoint ${seq}: the Ed25519 signature does not verify with the enrolled key; it is forged or altered.`);
			continue;
		}
		if (checkpoint.recordCount !== seq) {
			rejectCheckpoint(seq, "bad-count", `Checkpoint ${seq} counts ${checkpoint.recordCount} records.`);
			continue;
		}
		if (seq > newHead) {
			rejectCheckpoint(seq, "beyond-head", `Checkpoint ${seq} covers a record that is not accepted (the chain is accepted up to ${newHead}).`);
			continue;
		}
		const entry = appendedBySeq.get(seq) ?? (await context.stored(seq, seq))[0]?.entryHash;
		if (entry !== hex(checkpoint.headHash)) {
			rejectCheckpoint(seq, "head-mismatch", `Checkpoint ${seq} seals head ${hex(checkpoint.headHash)}, but the accepted record ${seq} has entry_hash ${entry}.`);
			continue;
		}
		result.checkpoints.push({ chainSeq: seq, bytes: bytes as Buffer, keyId: gateway.keyId, signature: hex(checkpoint.signature) });
		result.sealedBy = Math.max(result.sealedBy, seq);
	}
	return result;
}
