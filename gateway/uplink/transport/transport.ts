/**
 * Where the drain sends the outbox: the billing service over HTTPS (http-transport.ts), a cloud
 * MQTT 5 broker (mqtt-transport.ts), or memory in unit tests (memory-transport.ts). One small
 * interface, so the drain's rules (order, retries, breaker, cursors) are the same for all.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import type { EvidenceBatch } from "../../../protocol/uplink/wire.js";
import type { OutboxEntry } from "../outbox.js";

/** A batch as the drain sends it: always named, so a retry is answered with the stored receipt. */
export type EvidenceUpload = EvidenceBatch & { batchId: string };

export interface EvidenceReceipt {
	/** The destination holds the chain contiguous and sealed up to here. */
	sealedUpTo: number;
	accepted: number;
	duplicates: number;
	/** Records the destination refused; never skipped by the drain. */
	rejected: Array<{ chainSeq: number; reason: string; message: string }>;
	/** The destination's chain ends before this batch starts: resend from its head. */
	gap: { expectedSeq: number; receivedSeq: number } | null;
}

/** Result of sending an outbox entry: done, or done with the cloud's differing version kept (a conflict). */
export type OutboxResult = { outcome: "delivered" } | { outcome: "conflict"; cloud: unknown; message: string };

export interface UplinkTransport {
	/** Names the cursor: uplink progress is kept per destination. */
	readonly destination: string;
	sendEvidence(upload: EvidenceUpload): Promise<EvidenceReceipt>;
	/** Idempotent by entry.recordId: sending it twice leaves one copy at the destination. */
	sendOutbox(entry: OutboxEntry): Promise<OutboxResult>;
	close(): Promise<void>;
}

/** Why a send failed, for the failures-by-reason metric and the backoff decision. */
export type FailureReason = "network" | "timeout" | "server" | "auth" | "refused" | "rejected" | "not-enrolled" | "broker";

export function uplinkFailure(reason: FailureReason, message: string, options: { cause?: unknown; hint?: string; status?: number } = {}): FieldchainError {
	return new FieldchainError(reason === "rejected" ? ErrorCodes.FC_UPLINK_REJECTED : ErrorCodes.FC_UPLINK_TRANSPORT, message, {
		cause: options.cause,
		hint: options.hint,
		details: { reason, ...(options.status !== undefined ? { status: options.status } : {}) },
	});
}

export function failureReason(error: unknown): FailureReason {
	const reason = error instanceof FieldchainError ? error.details?.reason : undefined;
	return typeof reason === "string" ? (reason as FailureReason) : "network";
}
