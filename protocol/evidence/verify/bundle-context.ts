/** What the bundle verification steps share: the chain context plus the bundle and what is learnt about it. */
import type { AcknowledgedGap, EvidenceBundle } from "../bundle.js";
import type { ChainContext, ChainLink } from "./chain-context.js";
import type { Problem } from "./problems.js";

export interface VerifyOptions {
	/** The gateway's raw 32-byte public key as the verifier knows it (--public-key); see parsePublicKey. */
	publicKey?: Uint8Array;
}

export interface BundleContext extends ChainContext {
	/** The exported file's bytes or text, or an already-parsed object. */
	input: unknown;
	options: VerifyOptions;
	/** Set by the parse step; the later steps run only when it is. */
	bundle: EvidenceBundle;
	problems: Problem[];
	/** The links by chain_seq, once they are in order. */
	bySeq: Map<number, ChainLink>;
	/** Records blamed for a broken link. */
	broken: Set<number>;
	/** Records a good checkpoint covers through intact links. */
	sealedSeqs: Set<number>;
	sealedUpTo: number;
	/** Set by the completeness step: the checkpoint up to which the work order's records are provably all there. */
	completeUpTo?: number;
	/** Why completeness cannot be claimed although nothing is wrong (evidence from before manifests). */
	incompleteReason?: string;
	/** Jumps in chain_seq (by the record before) that an acknowledged gap of the bundle explains exactly. */
	acknowledgedJumps: Map<number, AcknowledgedGap>;
}
