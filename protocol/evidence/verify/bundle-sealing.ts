/**
 * The bundle's sealing steps: name the record each broken link blames, then find which records a
 * good checkpoint seals (through intact links) and which no checkpoint covers yet.
 */
import type { BundleContext } from "./bundle-context.js";
import type { Step } from "./pipeline.js";

export const blameBreaks: Step<BundleContext> = {
	name: "blame breaks",
	run(context) {
		// A break after s alone means s was altered; breaks after s and s+1 are best explained by
		// s+1 alone (its prev_hash, which feeds its own entry_hash, was altered).
		const { breaks, bySeq } = context;
		const sortedBreaks = [...breaks].sort((a, b) => a - b);
		for (let i = 0; i < sortedBreaks.length; i++) {
			const s = sortedBreaks[i];
			const culprit = breaks.has(s + 1) && bySeq.has(s + 1) ? s + 1 : s;
			if (culprit === s + 1) i++;
			context.broken.add(culprit);
			const what = bySeq.get(culprit)?.record ? "Record" : "Redacted entry";
			context.report(
				"record-link",
				culprit,
				`${what} ${culprit} was modified: its entry hash no longer matches what the next record or a signed checkpoint committed to.`,
			);
		}
	},
};

export const sealRecords: Step<BundleContext> = {
	name: "seal",
	run(context) {
		// A record is sealed when a good checkpoint at or after it is reachable through intact links
		// (no gap, no break, nothing undecodable in between).
		const { links, breaks, sealedSeqs } = context;
		const gapsAfter = new Set(context.gaps.map((gap) => gap.after));
		const good = new Set(context.sealing.map((read) => read.checkpoint.chainSeq));
		let sealedFrom: number | null = null;
		for (let i = links.length - 1; i >= 0; i--) {
			const link = links[i];
			const intactAfter = !gapsAfter.has(link.chainSeq) && !breaks.has(link.chainSeq) && link.entryHash !== null;
			if (good.has(link.chainSeq) && link.entryHash !== null) sealedFrom = link.chainSeq;
			else if (!intactAfter) sealedFrom = null;
			if (sealedFrom !== null) sealedSeqs.add(link.chainSeq);
		}
		for (const link of links) {
			if (!sealedSeqs.has(link.chainSeq)) break;
			if (good.has(link.chainSeq)) context.sealedUpTo = link.chainSeq;
		}
		const lastGood = Math.max(0, ...good);
		for (const link of links) {
			if (link.record && link.chainSeq > lastGood) {
				context.report("record-unsealed", link.chainSeq, `Record ${link.chainSeq} is not sealed: no valid checkpoint covers it yet.`);
			}
		}
	},
};
