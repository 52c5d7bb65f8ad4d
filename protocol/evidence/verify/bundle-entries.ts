/**
 * The bundle's entry steps: read every entry (a full record, decoded and checked against the
 * bundle, or a redacted one's two hashes) into a chain link, put the links in chain order saying
 * which entries were moved, and name the records missing where the chain jumps.
 */

import type { BundleEntry, EvidenceBundle } from "../bundle.js";
import { contentHash as hashContent, entryHash as hashEntry } from "../chain.js";
import { decodeRecord, type EvidenceRecord, UnsupportedFormatError } from "../record.js";
import type { BundleContext } from "./bundle-context.js";
import type { ChainLink } from "./chain-context.js";
import { strictBase64, strictHex32 } from "./encodings.js";
import type { Step } from "./pipeline.js";
import type { Report } from "./problems.js";

export const readEntries: Step<BundleContext> = {
	name: "read entries",
	run(context) {
		const seen = new Set<number>();
		for (const entry of context.bundle.entries) {
			const link = readEntry(entry, context.bundle, context.report);
			if (seen.has(link.chainSeq)) {
				context.report("record-duplicate", link.chainSeq, `Record ${link.chainSeq} appears twice.`);
				continue;
			}
			seen.add(link.chainSeq);
			context.links.push(link);
		}
	},
};

export const orderEntries: Step<BundleContext> = {
	name: "order",
	run(context) {
		// The entries out of place are those outside a longest increasing run: one for a record moved,
		// two for two records swapped. An entry whose label disagrees with its record was reported as
		// reordered already.
		const labelled = context.links.filter((l) => !l.mislabelled);
		const inOrder = longestIncreasing(labelled.map((l) => l.chainSeq));
		labelled.forEach((link, i) => {
			if (inOrder.has(i)) return;
			const after = i > 0 ? ` after record ${labelled[i - 1].chainSeq}` : " first";
			context.report("record-order", link.chainSeq, `Record ${link.chainSeq} was moved: it comes${after}. The records were reordered.`);
		});
		context.links.sort((a, b) => a.chainSeq - b.chainSeq);
		context.bySeq = new Map(context.links.map((l) => [l.chainSeq, l]));
	},
};

export const reportGaps: Step<BundleContext> = {
	name: "report gaps",
	run(context) {
		for (const { after, next } of context.gaps) {
			// Lost for good and acknowledged (bundle-acknowledged-gaps.ts): said as such, not as removed.
			if (context.acknowledgedJumps.has(after)) continue;
			const missing = next - after - 1;
			context.report(
				"record-removed",
				after + 1,
				missing === 1 ? `Record ${after + 1} was removed (the chain jumps from ${after} to ${next}).` : `Records ${after + 1} to ${next - 1} were removed.`,
			);
		}
	},
};

function readEntry(entry: BundleEntry, bundle: EvidenceBundle, report: Report): ChainLink {
	const label = entry.chainSeq;
	const unreadable = { chainSeq: label, prevHash: null, contentHash: null, entryHash: null };
	if ("full" in entry) {
		const bytes = strictBase64(entry.full);
		if (!bytes) {
			report("record-encoding", label, `Record ${label} is not canonical base64.`);
			return unreadable;
		}
		let record: EvidenceRecord;
		try {
			record = decodeRecord(bytes);
		} catch (error) {
			if (!(error instanceof UnsupportedFormatError)) {
				report("record-canonical", label, `Record ${label} was modified: ${(error as Error).message}`);
				return unreadable;
			}
			// A newer format (README.md, "Format evolution"): the fields this verifier knows keep their
			// meaning, so the record is still hashed from its bytes, linked and sealed; only its newer
			// fields cannot be shown, which is what the problem says.
			report("record-format", label, `Record ${label}: ${error.message}`);
			record = error.partial as EvidenceRecord;
		}
		const chainSeq = record.chainSeq;
		if (chainSeq !== label) report("record-label", chainSeq, `The entry listed as ${label} holds record ${chainSeq}: the records were reordered.`);
		if (record.gatewayId !== bundle.gatewayId)
			report("record-gateway", chainSeq, `Record ${chainSeq} is from gateway ${record.gatewayId}, the bundle says ${bundle.gatewayId}.`);
		if (record.workOrderId !== bundle.workOrderId) {
			report("record-work-order", chainSeq, `Record ${chainSeq} belongs to work order ${record.workOrderId}, the bundle is for ${bundle.workOrderId}.`);
		}
		const prevHash = Buffer.from(record.prevHash);
		const content = hashContent(bytes);
		return { chainSeq, prevHash, contentHash: content, entryHash: hashEntry(chainSeq, prevHash, content), record, mislabelled: chainSeq !== label };
	}
	const prevHash = strictHex32(entry.redacted.prevHash);
	const content = strictHex32(entry.redacted.contentHash);
	if (!prevHash || !content) {
		report("redacted-encoding", label, `Redacted entry ${label} does not hold two lower-case hex SHA-256 hashes.`);
		return unreadable;
	}
	return { chainSeq: label, prevHash, contentHash: content, entryHash: hashEntry(label, prevHash, content) };
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: number[]): Set<number> {
	const tails: number[] = [];
	const previous: number[] = new Array(values.length).fill(-1);
	for (let i = 0; i < values.length; i++) {
		let low = 0;
		let high = tails.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (values[tails[mid]] < values[i]) low = mid + 1;
			else high = mid;
		}
		if (low > 0) previous[i] = tails[low - 1];
		tails[low] = i;
	}
	const result = new Set<number>();
	for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.add(i);
	return result;
}
