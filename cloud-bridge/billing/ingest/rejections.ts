/**
 * How billing ingest answers what the verification steps find: each check it makes is declared
 * here once with its receipt reason (the wire contract the gateway reacts to, RECORD_REJECTIONS
 * and CHECKPOINT_REJECTIONS in protocol/uplink/wire.ts), and every rejection also carries the
 * check's problem kind, the word `fieldchain evidence verify` uses for the same bad bytes.
 */
import { CHECKS, type Check, type Report } from "../../../protocol/evidence/verify/problems.js";
import type { CheckpointRejection, RecordRejection, Rejected } from "../../../protocol/uplink/wire.js";

export const RECORD_REASONS = {
	"record-duplicate": "duplicate-in-batch",
	"record-encoding": "malformed",
	"record-content-hash": "hash-mismatch",
	"record-canonical": "malformed",
	"record-label": "seq-mismatch",
	"record-gateway": "wrong-gateway",
	"record-conflict": "conflict",
	"record-removed": "chain-gap",
	"record-link": "chain-broken",
	// Newer evidence than this service reads: the wire reason is the closest one, the problem kind says "upgrade".
	"record-format": "malformed",
} as const satisfies Partial<Record<Check, RecordRejection>>;

export const CHECKPOINT_REASONS = {
	"checkpoint-encoding": "malformed",
	"checkpoint-gateway": "wrong-gateway",
	"checkpoint-key": "unknown-key",
	"checkpoint-signature": "bad-signature",
	"checkpoint-count": "bad-count",
	"checkpoint-outside": "beyond-head",
	"checkpoint-head": "head-mismatch",
	"checkpoint-format": "malformed",
} as const satisfies Partial<Record<Check, CheckpointRejection>>;

/** A Report that files each finding as a rejection of the receipt (chain_seq 0: a checkpoint that cannot be read). */
export function rejectionReport(rejected: Rejected<RecordRejection>[], checkpointsRejected: Rejected<CheckpointRejection>[]): Report {
	return (check, chainSeq, message) => {
		const problem = CHECKS[check];
		if (check in RECORD_REASONS) {
			rejected.push({ chainSeq: chainSeq ?? 0, reason: RECORD_REASONS[check as keyof typeof RECORD_REASONS], message, problem });
		} else if (check in CHECKPOINT_REASONS) {
			checkpointsRejected.push({ chainSeq: chainSeq ?? 0, reason: CHECKPOINT_REASONS[check as keyof typeof CHECKPOINT_REASONS], message, problem });
		} else {
			throw new Error(`Billing ingest has no receipt reason for the check "${check}"; add it to cloud-bridge/billing/ingest/rejections.ts.`);
		}
	};
}
