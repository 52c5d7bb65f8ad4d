/**
 * The completeness step (README.md, "Completeness"): the bundle's full records must reproduce the
 * work-order manifest that its last checkpoint signed (through manifests_root): the same count,
 * first and last chain_seq and running hash. A record of the work order shown redacted, cut from
 * the head or tail, or moved changes one of them. A bundle with no full record fails. Bundles whose
 * last checkpoint predates manifests still verify, with `complete` false and the reason.
 */
import { accumulate, EMPTY_ACCUMULATOR, manifestHash, manifestsRoot } from "../manifest.js";
import { decodeManifest, UnsupportedFormatError, type WorkOrderManifest } from "../record.js";
import type { BundleContext } from "./bundle-context.js";
import { hex, strictBase64 } from "./encodings.js";
import type { Step } from "./pipeline.js";

export const checkCompleteness: Step<BundleContext> = {
	name: "completeness",
	run(context) {
		const { bundle } = context;
		const own = context.links.filter((l) => l.record !== undefined);
		if (own.length === 0) {
			context.report("bundle-empty", undefined, `The bundle holds no record of work order ${bundle.workOrderId}: it proves nothing about it.`);
			return;
		}
		// The last checkpoint whose signature and head were good: the manifest must be the one issued with it.
		const last = context.sealing.reduce<(typeof context.sealing)[number] | undefined>(
			(best, read) => (!best || read.checkpoint.chainSeq > best.checkpoint.chainSeq ? read : best),
			undefined,
		);
		if (!last) {
			context.incompleteReason = "No valid checkpoint seals the bundle, so no manifest can be checked.";
			return;
		}
		const checkpointSeq = last.checkpoint.chainSeq;
		const root = last.checkpoint.manifestsRoot;
		if (!root || root.length === 0) {
			if (bundle.manifest) {
				context.report(
					"manifest-missing",
					checkpointSeq,
					`Checkpoint ${checkpointSeq} commits to no manifests, but the bundle carries one for checkpoint ${bundle.manifest.chainSeq}.`,
				);
				return;
			}
			context.incompleteReason = `Checkpoint ${checkpointSeq} was signed before work-order manifests existed: the records shown are intact, but not provably all of the work order's.`;
			return;
		}
		if (!bundle.manifest || bundle.manifest.chainSeq !== checkpointSeq) {
			context.report(
				"manifest-missing",
				checkpointSeq,
				`Checkpoint ${checkpointSeq} commits to work-order manifests, but the bundle does not carry the work order's manifest issued with it.`,
			);
			return;
		}
		const bytes = strictBase64(bundle.manifest.manifest);
		if (!bytes) {
			context.report("manifest-encoding", checkpointSeq, "The manifest cannot be read: not canonical base64.");
			return;
		}
		let manifest: WorkOrderManifest;
		try {
			manifest = decodeManifest(bytes);
		} catch (error) {
			if (!(error instanceof UnsupportedFormatError)) {
				context.report("manifest-encoding", checkpointSeq, `The manifest cannot be read: ${(error as Error).message}.`);
				return;
			}
			// A newer format: its known fields keep their meaning, so the root and replay are still checked.
			context.report("manifest-format", checkpointSeq, `The manifest: ${error.message}`);
			manifest = error.partial as WorkOrderManifest;
		}
		if (manifest.workOrderId !== bundle.workOrderId || manifest.checkpointSeq !== checkpointSeq) {
			context.report(
				"manifest-encoding",
				checkpointSeq,
				`The manifest is work order ${manifest.workOrderId}'s at checkpoint ${manifest.checkpointSeq}, not ${bundle.workOrderId}'s at ${checkpointSeq}.`,
			);
			return;
		}
		const others = bundle.manifest.others.map((h) => Buffer.from(h, "hex"));
		if (!manifestsRoot([manifestHash(bytes), ...others]).equals(root)) {
			context.report("manifest-root", checkpointSeq, `The manifest is not one checkpoint ${checkpointSeq} signed: the manifests' root differs.`);
			return;
		}
		// Replay the work order's records from the manifest's first one up to the checkpoint.
		let count = 0;
		let first = 0;
		let lastSeq = 0;
		let accumulator: Uint8Array = EMPTY_ACCUMULATOR;
		let earlier = 0;
		for (const link of own) {
			if (link.chainSeq > checkpointSeq) continue;
			if (link.chainSeq < manifest.firstChainSeq) {
				earlier++;
				continue;
			}
			if (!link.entryHash) continue;
			count++;
			if (first === 0) first = link.chainSeq;
			lastSeq = link.chainSeq;
			accumulator = accumulate(accumulator, link.entryHash);
		}
		const expected = `${manifest.recordCount} records, ${manifest.firstChainSeq}..${manifest.lastChainSeq}`;
		const lost = lostWithin(context, manifest.firstChainSeq, checkpointSeq);
		const differs = count !== manifest.recordCount || first !== manifest.firstChainSeq || lastSeq !== manifest.lastChainSeq;
		if (lost && (differs || !Buffer.from(accumulator).equals(manifest.accumulator))) {
			// Records of the work order may be among those lost: intact as shown, never claimed complete.
			context.incompleteReason = `Records ${lost} were lost for good (acknowledged gap); the gateway signed ${expected}, the bundle shows ${count} records, ${first}..${lastSeq}.`;
			return;
		}
		if (count !== manifest.recordCount || first !== manifest.firstChainSeq || lastSeq !== manifest.lastChainSeq) {
			context.report(
				"manifest-mismatch",
				checkpointSeq,
				`Records of work order ${bundle.workOrderId} are missing: the gateway signed ${expected}; the bundle shows ${count} records, ${first}..${lastSeq}.`,
			);
			return;
		}
		if (!Buffer.from(accumulator).equals(manifest.accumulator)) {
			context.report(
				"manifest-mismatch",
				checkpointSeq,
				`The work order's records differ from those the gateway signed (running hash ${hex(accumulator)}, signed ${hex(manifest.accumulator)}).`,
			);
			return;
		}
		if (earlier > 0) {
			context.incompleteReason = `Manifests began at record ${manifest.firstChainSeq}; the ${earlier} earlier record(s) of the work order are intact but not provably all.`;
			return;
		}
		context.completeUpTo = checkpointSeq;
	},
};

/** The acknowledged gaps the entries jump over within [from, to], as "a..b, c..d"; undefined when none. */
function lostWithin(context: BundleContext, from: number, to: number): string | undefined {
	const ranges = [...context.acknowledgedJumps.values()].filter((gap) => gap.toSeq >= from && gap.fromSeq <= to).map((gap) => `${gap.fromSeq}..${gap.toSeq}`);
	return ranges.length > 0 ? ranges.join(", ") : undefined;
}
