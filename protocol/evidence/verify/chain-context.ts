/**
 * What the chain and checkpoint steps share, whoever runs them: the bundle verifier and billing
 * ingest each build this context (with their own records, key and scope) and then run the same
 * steps over it (link-records.ts, checkpoints.ts).
 */
import type { Checkpoint, EvidenceRecord } from "../record.js";
import type { PipelineContext } from "./pipeline.js";
import type { Report } from "./problems.js";

/** One entry of the chain as read: enough to recompute and compare the links. */
export interface ChainLink {
	chainSeq: number;
	/** null when the entry could not be read: links through it are not checked. */
	prevHash: Buffer | null;
	contentHash: Buffer | null;
	entryHash: Buffer | null;
	/** The decoded record, when the entry carries it whole. */
	record?: EvidenceRecord;
	/** A full entry listed under another chain_seq than its record's. */
	mislabelled?: boolean;
}

/** A checkpoint as sent: base64 of its canonical bytes, and the chain_seq it is listed under, if any. */
export interface CheckpointItem {
	label?: number;
	text: string;
}

/** `newerFormat`: the evidence format the checkpoint declares, when newer than this code reads (its signature is checked over the raw bytes). */
export type ReadCheckpoint = { label?: number; bytes: Buffer; checkpoint: Checkpoint; newerFormat?: number } | { label?: number; error: string };
export type DecodedCheckpoint = Extract<ReadCheckpoint, { checkpoint: Checkpoint }>;

/** What checkpoints are checked against: the records at hand (and, for billing, the chain accepted before). */
export interface CheckpointScope {
	/** entry_hash of record seq: undefined when it is outside the scope, null when it could not be read. */
	entryHash(seq: number): Buffer | null | undefined;
	/** Why a checkpoint over record seq cannot be checked here. */
	outside(seq: number): string;
	/** A genuine checkpoint seals another head than the record's entry hash: the chain changed under it. */
	headChanged(seq: number, checkpoint: Checkpoint, entryHash: Buffer): void;
}

export interface ChainContext<L extends ChainLink = ChainLink> extends PipelineContext {
	/** The gateway every record and checkpoint must name, and who says so in messages ("the bundle"). */
	gatewayId: string;
	source: string;
	report: Report;
	/** In chain order, each chain_seq once (the reading steps sort and de-duplicate). */
	links: L[];
	/** Where the chain jumps: record `next` follows record `after`. */
	gaps: Array<{ after: number; next: number }>;
	/** chain_seqs s whose entry_hash is not what record s+1 commits to. */
	breaks: Set<number>;
	checkpointItems: CheckpointItem[];
	checkpoints: ReadCheckpoint[];
	/** The raw Ed25519 key checkpoints must be signed with; null when there is none to trust. */
	key: Uint8Array | null;
	/** Signatures by this key are genuine too, and not reported (the bundle's own key when the verifier pinned another: one wrong-key problem says it). */
	alsoGenuineFor: Uint8Array | null;
	/** A checkpoint with any finding seals nothing (billing); otherwise only a bad signature or head stops it (bundle). */
	firstFindingRejects: boolean;
	scope: CheckpointScope;
	/** Checkpoints that are signed by the key over the head of the chain in scope. */
	sealing: DecodedCheckpoint[];
}
