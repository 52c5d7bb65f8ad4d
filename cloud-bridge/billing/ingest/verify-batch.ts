/**
 * Verifies a batch against the gateway's accepted chain, following protocol/evidence/README.md
 * ("Verifying"), with the chain and checkpoint steps `fieldchain evidence verify` runs
 * (protocol/evidence/verify) after one of its own: continue from the stored head. Each record's
 * bytes must be canonical and hash to the content_hash given; records must continue the accepted
 * chain (chain_seq without a gap, prev_hash = entry_hash of the record before); checkpoints must be
 * signed by the gateway's enrolled Ed25519 key over a head that matches the recomputed entry_hash.
 * A record or checkpoint is rejected at its first finding (rejections.ts gives the receipt's
 * reason). Nothing is stored here.
 */
import { contentHash as hashContent, entryHash as hashEntry } from "../../../protocol/evidence/chain.js";
import { decodeRecord, type EvidenceRecord, UnsupportedFormatError } from "../../../protocol/evidence/record.js";
import type { ChainContext, ChainLink } from "../../../protocol/evidence/verify/chain-context.js";
import { checkCheckpoints, readCheckpoints } from "../../../protocol/evidence/verify/checkpoints.js";
import { hex, strictBase64 } from "../../../protocol/evidence/verify/encodings.js";
import { linkRecords } from "../../../protocol/evidence/verify/link-records.js";
import { type AsyncStep, runStepsAsync } from "../../../protocol/evidence/verify/pipeline.js";
import type { BatchRecord, CheckpointRejection, RecordRejection, Rejected } from "../../../protocol/uplink/wire.js";
import type { ChainHead, GatewayRecord, StoredChainRecord } from "../store/types.js";
import { rejectionReport } from "./rejections.js";

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

export interface VerifyContext {
	gateway: GatewayRecord;
	head: ChainHead;
	/** Accepted records in a range, for duplicates and for checkpoints over earlier records. */
	stored(fromSeq: number, toSeq: number): Promise<StoredChainRecord[]>;
	/** An acknowledged gap right after the head (store/chain-gaps.ts): the chain resumes after it. */
	resumesAfter?: { fromSeq: number; toSeq: number };
}

/** The first link is the stored head; every other one a record of the batch, read. */
type BatchLink = ChainLink | RecordLink;
interface RecordLink extends ChainLink {
	prevHash: Buffer;
	entryHash: Buffer;
	record: EvidenceRecord;
	bytes: Uint8Array;
	sentContentHash: string;
}

interface BatchContext extends ChainContext<BatchLink> {
	/** In chain_seq order. */
	records: readonly BatchRecord[];
	/** The gateway and its chain as accepted before this batch. */
	accepted: VerifyContext;
	/** Accepted records the batch sends again, by chain_seq. */
	earlier: Map<number, StoredChainRecord>;
	/** The chain accepted with this batch ends here. */
	newHead: number;
	/** entry_hash of the accepted records checkpoints of the batch may cover: those appended now, and those stored that they name. */
	acceptedHeads: Map<number, Buffer>;
	result: BatchVerification;
}

/** The contiguous runs [from, to] of the batch's chain positions at or below `head`: together no longer than the batch. */
export function runsUpTo(records: readonly BatchRecord[], head: number): [number, number][] {
	const runs: [number, number][] = [];
	for (const { chainSeq } of records) {
		if (chainSeq > head) break;
		const last = runs[runs.length - 1];
		if (last && chainSeq <= last[1] + 1) last[1] = Math.max(last[1], chainSeq);
		else runs.push([chainSeq, chainSeq]);
	}
	return runs;
}

const continueFromStoredHead: AsyncStep<BatchContext> = {
	name: "continue from the stored head",
	async run(context) {
		const { head, resumesAfter } = context.accepted;
		// After an acknowledged gap the chain resumes at its end. Its records are lost, so the link into
		// the first record after it cannot be checked (entryHash null); a signed checkpoint still seals it.
		context.links.push(
			resumesAfter
				? { chainSeq: resumesAfter.toSeq, prevHash: null, contentHash: null, entryHash: null }
				: { chainSeq: head.headSeq, prevHash: null, contentHash: null, entryHash: Buffer.from(head.headHash, "hex") },
		);
		// Records already accepted, to tell a harmless retry from a conflicting one. Only the chain
		// positions the batch names are read (run by run), never the range up to the head: a batch's
		// claimed chain_seq must not make the service load a range of any size.
		for (const [from, to] of runsUpTo(context.records, head.headSeq)) {
			for (const r of await context.accepted.stored(from, to)) context.earlier.set(r.chainSeq, r);
		}
	},
};

const readRecords: AsyncStep<BatchContext> = {
	name: "read records",
	run(context) {
		const { report, result } = context;
		const { gateway, head } = context.accepted;
		let previousLabel = 0;
		for (const item of context.records) {
			const seq = item.chainSeq;
			if (seq === previousLabel) {
				report("record-duplicate", seq, `Record ${seq} appears more than once in the batch; the first copy was used.`);
				continue;
			}
			previousLabel = seq;
			const bytes = strictBase64(item.record);
			if (!bytes) {
				report("record-encoding", seq, `Record ${seq} is not canonical base64.`);
				continue;
			}
			const content = hashContent(bytes);
			if (hex(content) !== item.contentHash) {
				report("record-content-hash", seq, `Record ${seq} does not hash to the content_hash sent (${item.contentHash}); it was modified.`);
				continue;
			}
			let record: EvidenceRecord;
			try {
				record = decodeRecord(bytes);
			} catch (error) {
				// A gateway newer than this service: refused (it cannot be stored faithfully), but not as tampered.
				if (error instanceof UnsupportedFormatError) report("record-format", seq, `Record ${seq}: ${error.message}`);
				else report("record-canonical", seq, `Record ${seq} is not a canonical evidence record: ${(error as Error).message}`);
				continue;
			}
			if (record.chainSeq !== seq) {
				report("record-label", seq, `The entry sent as ${seq} holds record ${record.chainSeq}.`);
				continue;
			}
			if (record.gatewayId !== gateway.id) {
				report("record-gateway", seq, `Record ${seq} is from gateway ${record.gatewayId}, not ${gateway.id}.`);
				continue;
			}
			if (seq > head.headSeq && seq <= context.links[0].chainSeq) {
				report(
					"record-conflict",
					seq,
					`Record ${seq} lies in a gap acknowledged as lost (${head.headSeq + 1}..${context.links[0].chainSeq}); it is not accepted any more.`,
				);
				continue;
			}
			if (seq <= head.headSeq) {
				const stored = context.earlier.get(seq);
				if (stored && stored.contentHash === item.contentHash) result.duplicates++;
				else if (stored) report("record-conflict", seq, `Record ${seq} differs from the record ${seq} accepted earlier (content hash ${stored.contentHash}).`);
				// Below the head and not stored: it lies in a gap acknowledged as lost (store/chain-gaps.ts).
				else report("record-conflict", seq, `Record ${seq} lies in a gap acknowledged as lost; it is not accepted any more.`);
				continue;
			}
			const prevHash = Buffer.from(record.prevHash);
			context.links.push({
				chainSeq: seq,
				prevHash,
				contentHash: content,
				entryHash: hashEntry(seq, prevHash, content),
				record,
				bytes,
				sentContentHash: item.contentHash,
			});
		}
	},
};

/** Records are appended up to the first hole or broken link; every record after it waits for the hole to be filled. */
const acceptUnbrokenRun: AsyncStep<BatchContext> = {
	name: "accept the unbroken run",
	run(context) {
		const { links, report, result } = context;
		let nextSeq = context.links[0].chainSeq + 1;
		for (let i = 1; i < links.length; i++) {
			const link = links[i] as RecordLink;
			const seq = link.chainSeq;
			if (seq > nextSeq) {
				if (!result.gap) {
					const missing = seq === nextSeq + 1 ? `record ${nextSeq} is missing` : `records ${nextSeq} to ${seq - 1} are missing`;
					result.gap = {
						expectedSeq: nextSeq,
						receivedSeq: seq,
						message: `The chain has a gap: ${missing} (not sent, or rejected above). Send them, then the rest again.`,
					};
				}
				report("record-removed", seq, `Record ${seq} cannot be linked: record ${nextSeq} has not been accepted.`);
				continue;
			}
			// Here links[i - 1] is record seq - 1: the stored head or the last record appended.
			if (context.breaks.has(seq - 1)) {
				report(
					"record-link",
					seq,
					`Record ${seq}: prev_hash ${hex(link.prevHash)} is not the entry_hash of record ${seq - 1} (${hex(links[i - 1].entryHash as Buffer)}).`,
				);
				continue;
			}
			result.appended.push({ chainSeq: seq, record: link.record, bytes: link.bytes, contentHash: link.sentContentHash, entryHash: hex(link.entryHash) });
			context.acceptedHeads.set(seq, link.entryHash);
			nextSeq = seq + 1;
		}
		context.newHead = nextSeq - 1;
	},
};

const lookUpStoredHeads: AsyncStep<BatchContext> = {
	name: "look up the stored heads checkpoints cover",
	async run(context) {
		for (const read of context.checkpoints) {
			if (!("checkpoint" in read)) continue;
			const seq = read.checkpoint.chainSeq;
			if (seq > context.accepted.head.headSeq || context.acceptedHeads.has(seq)) continue;
			const stored = (await context.accepted.stored(seq, seq))[0];
			if (stored) context.acceptedHeads.set(seq, Buffer.from(stored.entryHash, "hex"));
		}
	},
};

const keepSealingCheckpoints: AsyncStep<BatchContext> = {
	name: "keep the sealing checkpoints",
	run(context) {
		const { result } = context;
		for (const { bytes, checkpoint } of context.sealing) {
			result.checkpoints.push({ chainSeq: checkpoint.chainSeq, bytes, keyId: context.accepted.gateway.keyId, signature: hex(checkpoint.signature) });
			result.sealedBy = Math.max(result.sealedBy, checkpoint.chainSeq);
		}
	},
};

/** The steps, in order; linkRecords and the checkpoint steps are the bundle verifier's. */
const BATCH_STEPS: readonly AsyncStep<BatchContext>[] = [
	continueFromStoredHead,
	readRecords,
	linkRecords,
	acceptUnbrokenRun,
	readCheckpoints,
	lookUpStoredHeads,
	checkCheckpoints,
	keepSealingCheckpoints,
];

export async function verifyBatch(records: readonly BatchRecord[], checkpoints: readonly string[], accepted: VerifyContext): Promise<BatchVerification> {
	const result: BatchVerification = { appended: [], duplicates: 0, rejected: [], gap: null, checkpoints: [], checkpointsRejected: [], sealedBy: 0 };
	const context: BatchContext = {
		records: [...records].sort((a, b) => a.chainSeq - b.chainSeq),
		accepted,
		earlier: new Map(),
		newHead: accepted.head.headSeq,
		acceptedHeads: new Map(),
		result,
		gatewayId: accepted.gateway.id,
		source: "the batch",
		report: rejectionReport(result.rejected, result.checkpointsRejected),
		links: [],
		gaps: [],
		breaks: new Set(),
		checkpointItems: checkpoints.map((text) => ({ text })),
		checkpoints: [],
		key: Buffer.from(accepted.gateway.publicKey, "base64"),
		alsoGenuineFor: null,
		firstFindingRejects: true,
		scope: {
			// A stored record that is not there matches no head.
			entryHash: (seq) => (seq > context.newHead ? undefined : (context.acceptedHeads.get(seq) ?? Buffer.alloc(0))),
			outside: (seq) => `Checkpoint ${seq} covers a record that is not accepted (the chain is accepted up to ${context.newHead}).`,
			headChanged(seq, checkpoint, entryHash) {
				context.report(
					"checkpoint-head",
					seq,
					`Checkpoint ${seq} seals head ${hex(checkpoint.headHash)}, but the accepted record ${seq} has entry_hash ${hex(entryHash)}.`,
				);
			},
		},
		sealing: [],
	};
	await runStepsAsync(BATCH_STEPS, context);
	// The receipt lists rejections in chain order, whichever step found them (the sort is stable).
	result.rejected.sort((a, b) => a.chainSeq - b.chainSeq);
	return result;
}
