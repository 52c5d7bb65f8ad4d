/** The evidence batch wire format (cloud-bridge/billing/README.md, "Evidence ingest"). */
import { hex64, int, nullable, obj, str, arr, bool, id } from "../openapi/schema-helpers.js";

export interface BatchRecord {
	chainSeq: number;
	/** Base64 of the canonical EvidenceRecord bytes. */
	record: string;
	/** Hex SHA-256 of those bytes, as the gateway computed it. */
	contentHash: string;
}

export interface EvidenceBatch {
	gatewayId: string;
	batchId?: string;
	records: BatchRecord[];
	/** Base64 of canonical Checkpoint bytes, signature included. */
	checkpoints: string[];
}

export type RecordRejection = "malformed" | "hash-mismatch" | "seq-mismatch" | "wrong-gateway" | "conflict" | "chain-broken" | "chain-gap" | "duplicate-in-batch";
export type CheckpointRejection = "malformed" | "wrong-gateway" | "unknown-key" | "bad-signature" | "bad-count" | "beyond-head" | "head-mismatch";

export interface Rejected<R extends string> {
	chainSeq: number;
	reason: R;
	message: string;
}

export interface BatchReceipt {
	gatewayId: string;
	batchId: string | null;
	/** True when this is the stored receipt of an earlier identical batch with the same batchId. */
	replayed: boolean;
	/** Records appended to the chain by this batch (each sealed by a checkpoint of the batch). */
	accepted: number;
	/** Records that verified but that no checkpoint of the batch covers: not accepted yet, send them again with their checkpoint. */
	unsealed: number;
	/** Records already accepted before: acknowledged again, counted once. */
	duplicates: number;
	rejected: Rejected<RecordRejection>[];
	checkpointsAccepted: number;
	checkpointsRejected: Rejected<CheckpointRejection>[];
	/** The first hole in the chain this batch ran into; the records after it were not accepted. */
	gap: { expectedSeq: number; receivedSeq: number; message: string } | null;
	/** Every record up to here is accepted (contiguous from 1). */
	headSeq: number;
	/** The receipt: the highest accepted record sealed by a verified checkpoint. */
	sealedUpTo: number;
	/** Sealed records that became model Evidence with this batch, and those that could not. */
	evidenceCreated: number;
	unlinked: { chainSeq: number; recordId: string; message: string }[];
}

const MAX_RECORD_BASE64 = 1 << 16;

export function batchSchema(maxRecords: number) {
	return obj(
		{
			gatewayId: id(),
			batchId: str({ minLength: 1, maxLength: 200 }),
			records: arr(obj({ chainSeq: int({ minimum: 1 }), record: str({ minLength: 1, maxLength: MAX_RECORD_BASE64 }), contentHash: hex64() }), { maxItems: maxRecords }),
			checkpoints: arr(str({ minLength: 1, maxLength: 4096 }), { maxItems: maxRecords }),
		},
		["batchId"],
	);
}

const rejected = (reasons: readonly string[]) => arr(obj({ chainSeq: int({ minimum: 0 }), reason: { type: "string", enum: [...reasons] }, message: str() }));

export const RECORD_REJECTIONS: readonly RecordRejection[] = ["malformed", "hash-mismatch", "seq-mismatch", "wrong-gateway", "conflict", "chain-broken", "chain-gap", "duplicate-in-batch"];
export const CHECKPOINT_REJECTIONS: readonly CheckpointRejection[] = ["malformed", "wrong-gateway", "unknown-key", "bad-signature", "bad-count", "beyond-head", "head-mismatch"];

export const receiptSchema = obj({
	gatewayId: id(),
	batchId: nullable(str()),
	replayed: bool(),
	accepted: int({ minimum: 0 }),
	unsealed: int({ minimum: 0 }),
	duplicates: int({ minimum: 0 }),
	rejected: rejected(RECORD_REJECTIONS),
	checkpointsAccepted: int({ minimum: 0 }),
	checkpointsRejected: rejected(CHECKPOINT_REJECTIONS),
	gap: nullable(obj({ expectedSeq: int({ minimum: 1 }), receivedSeq: int({ minimum: 1 }), message: str() })),
	headSeq: int({ minimum: 0 }),
	sealedUpTo: int({ minimum: 0 }),
	evidenceCreated: int({ minimum: 0 }),
	unlinked: arr(obj({ chainSeq: int({ minimum: 1 }), recordId: str(), message: str() })),
});
