/**
 * Gaps in a gateway's accepted evidence chain, and their acknowledgement. Ingest notes a gap when a
 * batch's records start past the accepted head (records head+1..n-1 missing); when those records
 * are lost for good (a destroyed device), an admin acknowledges exactly that range with a reason.
 * Invariant: only a range ingest observed can be acknowledged, an acknowledgement is never changed
 * or removed, and acknowledging the same gap again returns the first acknowledgement.
 *
 * Also here: what the evidence bundle behind an invoice reads from the store besides records (the
 * checkpoints of a range, and where a work order's records sit in the chains).
 */
import type { StoredCheckpoint } from "./types.js";

export interface GapAcknowledgement {
	reason: string;
	/** Who acknowledged it (the principal's actor id). */
	acknowledgedBy: string;
	acknowledgedAt: number;
}

export interface ChainGapRecord {
	gatewayId: string;
	/** First and last chain_seq missing, inclusive. */
	fromSeq: number;
	toSeq: number;
	/** When ingest last saw records past the gap. */
	observedAt: number;
	acknowledgement: GapAcknowledgement | null;
}

export interface AcknowledgeGapInput extends GapAcknowledgement {
	gatewayId: string;
	fromSeq: number;
	toSeq: number;
}

/** `acknowledged`: this call recorded it; `already`: an earlier call did (its record is returned); `unknown`: ingest observed no such gap. */
export type AcknowledgeGapOutcome = { outcome: "acknowledged" | "already"; gap: ChainGapRecord } | { outcome: "unknown" };

/** Where one record of a work order sits: the chain of which gateway, at which position. */
export interface ChainPosition {
	gatewayId: string;
	chainSeq: number;
	recordId: string;
}

export interface ChainGapStore {
	/** Ingest saw records after `toSeq` while the head was `fromSeq - 1`: notes (or widens) that unacknowledged gap. */
	noteChainGap(gatewayId: string, fromSeq: number, toSeq: number, at: number): Promise<void>;
	/** Every gap noted for the gateway, by fromSeq. */
	listChainGaps(gatewayId: string): Promise<ChainGapRecord[]>;
	/** Acknowledges a noted gap with exactly this range (atomic: of two racing calls, one acknowledges). */
	acknowledgeChainGap(input: AcknowledgeGapInput): Promise<AcknowledgeGapOutcome>;
	/** Accepted checkpoints with fromSeq <= chain_seq <= toSeq, in chain order. */
	getCheckpoints(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredCheckpoint[]>;
	/** Every accepted record of the work order, on every gateway, by gateway then chain_seq. */
	workOrderChainPositions(workOrderId: string): Promise<ChainPosition[]>;
}

/** The acknowledged gaps only: what bundles and invoices show. */
export const acknowledgedOnly = (gaps: readonly ChainGapRecord[]) =>
	gaps.filter((gap): gap is ChainGapRecord & { acknowledgement: GapAcknowledgement } => gap.acknowledgement !== null);

/** The acknowledged gap that starts right after the accepted head, if any: ingest resumes the chain after it. */
export function gapAfterHead(gaps: readonly ChainGapRecord[], headSeq: number): { fromSeq: number; toSeq: number } | undefined {
	const gap = gaps.find((g) => g.acknowledgement !== null && g.fromSeq === headSeq + 1);
	return gap && { fromSeq: gap.fromSeq, toSeq: gap.toSeq };
}
