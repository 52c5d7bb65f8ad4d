/**
 * verifyBundle: the bundle verification pipeline. It recomputes every hash, checks the links, the
 * checkpoints' signatures and heads, the attachments, and says exactly what is wrong. It never
 * throws on bad input: a bundle that is not even JSON is a "malformed" problem.
 */
import type { AcknowledgedGap } from "../bundle.js";
import type { EvidenceRecord } from "../record.js";
import { checkAcknowledgedGaps } from "./bundle-acknowledged-gaps.js";
import { checkAttachments } from "./bundle-attachments.js";
import { checkCompleteness } from "./bundle-completeness.js";
import type { BundleContext, VerifyOptions } from "./bundle-context.js";
import { orderEntries, readEntries, reportGaps } from "./bundle-entries.js";
import { bundleKey } from "./bundle-key.js";
import { parseBundle } from "./bundle-parse.js";
import { blameBreaks, sealRecords } from "./bundle-sealing.js";
import type { ChainLink } from "./chain-context.js";
import { checkCheckpoints, readCheckpoints } from "./checkpoints.js";
import { hex } from "./encodings.js";
import { linkRecords } from "./link-records.js";
import { runSteps, type Step } from "./pipeline.js";
import { CHECKS, type Problem } from "./problems.js";

export type { VerifyOptions } from "./bundle-context.js";
export type { ProblemKind } from "./problems.js";
export type BundleProblem = Problem;

export interface VerifiedRecord {
	chainSeq: number;
	record: EvidenceRecord;
	contentHash: string;
	entryHash: string;
	/** A valid checkpoint covers the record through an unbroken chain. */
	sealed: boolean;
}

export interface VerifyResult {
	ok: boolean;
	problems: BundleProblem[];
	/** Highest chain_seq sealed by a valid checkpoint through an unbroken chain from the bundle's first entry; 0 if none. */
	sealedUpTo: number;
	records: VerifiedRecord[];
	/**
	 * Every record of the work order up to `completeUpTo` is in the bundle, as the gateway's signed
	 * manifest says (README.md, "Completeness"). False with `incompleteReason` for evidence from
	 * before manifests existed, false without a reason when verification found problems.
	 */
	complete: boolean;
	/** chain_seq of the checkpoint whose manifest the bundle reproduced; 0 when not complete. */
	completeUpTo: number;
	incompleteReason?: string;
	/**
	 * Present when the bundle (format 2) carries acknowledged gaps: ranges of the chain lost for good,
	 * as the exporter's operator acknowledged them (not signed by the gateway). `inEntries`: the
	 * bundle's entries jump over exactly this range.
	 */
	acknowledgedGaps?: Array<AcknowledgedGap & { inEntries: boolean }>;
}

/** The steps, in order. The chain and checkpoint steps are the ones billing ingest runs too. */
export const BUNDLE_STEPS: readonly Step<BundleContext>[] = [
	parseBundle,
	bundleKey,
	readEntries,
	orderEntries,
	linkRecords,
	checkAcknowledgedGaps,
	reportGaps,
	readCheckpoints,
	checkCheckpoints,
	blameBreaks,
	sealRecords,
	checkAttachments,
	checkCompleteness,
];

/**
 * Verifies a bundle given as the exported file's bytes or text (which must be exactly what
 * serializeBundle writes) or as an already-parsed object.
 */
export function verifyBundle(input: string | Uint8Array | unknown, options: VerifyOptions = {}): VerifyResult {
	const context = runSteps(BUNDLE_STEPS, newContext(input, options));
	const { problems, broken, sealedSeqs } = context;
	const records: VerifiedRecord[] = context.links
		.filter((l): l is ChainLink & { record: EvidenceRecord } => l.record !== undefined)
		.map((l) => ({
			chainSeq: l.chainSeq,
			record: l.record,
			contentHash: l.contentHash ? hex(l.contentHash) : "",
			entryHash: l.entryHash ? hex(l.entryHash) : "",
			sealed: sealedSeqs.has(l.chainSeq) && !broken.has(l.chainSeq),
		}));
	const ok = problems.length === 0;
	const completeUpTo = ok ? (context.completeUpTo ?? 0) : 0;
	const reason = ok ? context.incompleteReason : undefined;
	const jumped = new Set(context.acknowledgedJumps.values());
	const gaps = context.bundle?.acknowledgedGaps?.map((gap) => ({ ...gap, inEntries: jumped.has(gap) }));
	return {
		ok,
		problems,
		sealedUpTo: context.sealedUpTo,
		records,
		complete: completeUpTo > 0,
		completeUpTo,
		...(reason ? { incompleteReason: reason } : {}),
		...(gaps ? { acknowledgedGaps: gaps } : {}),
	};
}

function newContext(input: unknown, options: VerifyOptions): BundleContext {
	const problems: Problem[] = [];
	const context: BundleContext = {
		input,
		options,
		bundle: undefined as unknown as BundleContext["bundle"], // set by the parse step, which ends the run when it cannot
		problems,
		report: (check, chainSeq, message) => problems.push(chainSeq === undefined ? { kind: CHECKS[check], message } : { kind: CHECKS[check], chainSeq, message }),
		gatewayId: "",
		source: "the bundle",
		links: [],
		bySeq: new Map(),
		gaps: [],
		breaks: new Set(),
		checkpointItems: [],
		checkpoints: [],
		key: null,
		alsoGenuineFor: null,
		firstFindingRejects: false,
		scope: {
			entryHash: (seq) => {
				const link = context.bySeq.get(seq);
				return link ? link.entryHash : undefined;
			},
			outside: (seq) => `Checkpoint ${seq} covers a record outside the bundle.`,
			// The signature is genuine, so the chain is what changed.
			headChanged: (seq) => context.breaks.add(seq),
		},
		sealing: [],
		broken: new Set(),
		sealedSeqs: new Set(),
		sealedUpTo: 0,
		acknowledgedJumps: new Map(),
	};
	return context;
}
