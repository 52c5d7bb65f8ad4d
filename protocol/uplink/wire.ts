/**
 * The evidence uplink's wire contract, declared once: what a gateway sends (a batch of chained
 * records and the checkpoints that seal them) and what a destination answers (a receipt). The
 * billing service validates batches against it (cloud-bridge/billing/ingest) and the gateway's
 * drain reads receipts through `parseBatchReceipt` (gateway/uplink/transport), so both ends
 * type-check against the same declaration. Normative text: protocol/README.md, "Uplink".
 */
import { PROBLEM_KINDS, type ProblemKind } from "../evidence/verify/problems.js";

export interface BatchRecord {
	chainSeq: number;
	/** Base64 of the canonical EvidenceRecord bytes. */
	record: string;
	/** Hex SHA-256 of those bytes, as the gateway computed it. */
	contentHash: string;
}

export interface EvidenceBatch {
	gatewayId: string;
	/** Deterministic per span (`chain-{first}-{last}`): a retry is the same batch, answered with the same receipt. */
	batchId?: string;
	records: BatchRecord[];
	/** Base64 of canonical Checkpoint bytes, signature included. */
	checkpoints: string[];
	/**
	 * Base64 of the canonical WorkOrderManifest bytes issued with the batch's checkpoints, every one
	 * of each checkpoint that has any (protocol/evidence/README.md, "Completeness"). Absent from
	 * gateways older than this field; the destination keeps them for completeness proofs.
	 */
	manifests?: string[];
}

/** Why a destination refused a record. `chain-gap` means: resend from the destination's head. */
export const RECORD_REJECTIONS = [
	"malformed",
	"hash-mismatch",
	"seq-mismatch",
	"wrong-gateway",
	"conflict",
	"chain-broken",
	"chain-gap",
	"duplicate-in-batch",
	// The record names a work order the gateway is not bound to (a technician it does not serve).
	"outside-binding",
] as const;
export type RecordRejection = (typeof RECORD_REJECTIONS)[number];

/** Why a destination refused a checkpoint (its records then stay unsealed). */
export const CHECKPOINT_REJECTIONS = ["malformed", "wrong-gateway", "unknown-key", "bad-signature", "bad-count", "beyond-head", "head-mismatch"] as const;
export type CheckpointRejection = (typeof CHECKPOINT_REJECTIONS)[number];

export interface Rejected<R extends string> {
	chainSeq: number;
	reason: R;
	message: string;
	/** The same finding in the words `fieldchain evidence verify` uses for the same bad bytes (protocol/evidence/verify/problems.ts). */
	problem?: ProblemKind;
}

export interface ChainGap {
	expectedSeq: number;
	receivedSeq: number;
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
	gap: ChainGap | null;
	/** Every record up to here is accepted (contiguous from 1). */
	headSeq: number;
	/** The receipt: the highest accepted record sealed by a verified checkpoint. */
	sealedUpTo: number;
	/** Sealed records that became model Evidence with this batch, and those that could not. */
	evidenceCreated: number;
	unlinked: { chainSeq: number; recordId: string; message: string }[];
}

/** The largest base64 record a destination takes (a canonical record is far smaller). */
export const MAX_RECORD_BASE64 = 1 << 16;

/**
 * A receipt as the gateway reads it from an untrusted answer: checked field by field, never cast.
 * Returns a sentence saying what is wrong instead of a receipt when the answer is not one.
 */
export function parseBatchReceipt(body: unknown): BatchReceipt | string {
	if (typeof body !== "object" || body === null) return "the answer is not a JSON object";
	const r = body as Record<string, unknown>;
	for (const field of ["accepted", "unsealed", "duplicates", "checkpointsAccepted", "headSeq", "sealedUpTo", "evidenceCreated"] as const) {
		if (!isCount(r[field])) return `its field "${field}" is not a non-negative integer`;
	}
	if (typeof r.gatewayId !== "string") return 'its field "gatewayId" is not a string';
	const rejected = rejections(r.rejected, RECORD_REJECTIONS);
	if (typeof rejected === "string") return `its field "rejected" ${rejected}`;
	const checkpointsRejected = rejections(r.checkpointsRejected, CHECKPOINT_REJECTIONS);
	if (typeof checkpointsRejected === "string") return `its field "checkpointsRejected" ${checkpointsRejected}`;
	const gap = r.gap;
	if (gap !== null && (typeof gap !== "object" || !isCount((gap as ChainGap).expectedSeq) || !isCount((gap as ChainGap).receivedSeq)))
		return 'its field "gap" is neither null nor {expectedSeq, receivedSeq}';
	return {
		gatewayId: r.gatewayId,
		batchId: typeof r.batchId === "string" ? r.batchId : null,
		replayed: r.replayed === true,
		accepted: r.accepted as number,
		unsealed: r.unsealed as number,
		duplicates: r.duplicates as number,
		rejected,
		checkpointsAccepted: r.checkpointsAccepted as number,
		checkpointsRejected,
		gap:
			gap === null
				? null
				: { expectedSeq: (gap as ChainGap).expectedSeq, receivedSeq: (gap as ChainGap).receivedSeq, message: String((gap as ChainGap).message ?? "") },
		headSeq: r.headSeq as number,
		sealedUpTo: r.sealedUpTo as number,
		evidenceCreated: r.evidenceCreated as number,
		unlinked: Array.isArray(r.unlinked) ? (r.unlinked as BatchReceipt["unlinked"]) : [],
	};
}

function isCount(value: unknown): value is number {
	return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function rejections<R extends string>(value: unknown, reasons: readonly R[]): Rejected<R>[] | string {
	if (!Array.isArray(value)) return "is not an array";
	const read: Rejected<R>[] = [];
	for (const entry of value) {
		if (typeof entry !== "object" || entry === null) return "holds a non-object";
		const { chainSeq, reason, message, problem } = entry as Rejected<string>;
		if (!isCount(chainSeq) || typeof message !== "string") return "holds an entry without chainSeq and message";
		if (!reasons.includes(reason as R)) return `holds an unknown reason "${String(reason)}" (known: ${reasons.join(", ")})`;
		// The reason is what the gateway acts on; a problem kind it does not know yet (a newer service) is left out.
		read.push(
			PROBLEM_KINDS.includes(problem as ProblemKind) ? { chainSeq, reason: reason as R, message, problem } : { chainSeq, reason: reason as R, message },
		);
	}
	return read;
}
