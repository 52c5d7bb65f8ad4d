/**
 * The acknowledged-gap step (README.md, "Acknowledged gaps"): a bundle of format 2 lists ranges of
 * the chain an operator acknowledged as lost for good. A jump in the entries that such a range
 * explains exactly is reported as acknowledged, not as records removed; a range that claims records
 * the bundle shows, or covers only part of a jump, is malformed. Nothing else changes: the records
 * on either side must still be sealed by their own checkpoints (a link across a gap cannot be
 * checked), and a signed manifest still counts every record of the work order, lost or not.
 * Linear in the bundle: the gaps are ascending and apart (the parse step checks), so each look-up
 * is a bisection.
 */
import type { AcknowledgedGap } from "../bundle.js";
import type { BundleContext } from "./bundle-context.js";
import type { Step } from "./pipeline.js";

/** The first gap whose toSeq is at or after seq, in gaps sorted ascending and apart; undefined if none. */
function gapReaching(gaps: readonly AcknowledgedGap[], seq: number): AcknowledgedGap | undefined {
	let low = 0;
	let high = gaps.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (gaps[mid].toSeq < seq) low = mid + 1;
		else high = mid;
	}
	return gaps[low];
}

export const checkAcknowledgedGaps: Step<BundleContext> = {
	name: "acknowledged gaps",
	run(context) {
		const gaps = context.bundle.acknowledgedGaps ?? [];
		if (gaps.length === 0) return;
		for (const link of context.links) {
			const gap = gapReaching(gaps, link.chainSeq);
			if (gap && gap.fromSeq <= link.chainSeq) {
				context.report(
					"acknowledged-gap",
					link.chainSeq,
					`The acknowledged gap ${gap.fromSeq}..${gap.toSeq} claims record ${link.chainSeq} was lost, but the bundle shows it.`,
				);
			}
		}
		for (const { after, next } of context.gaps) {
			const gap = gapReaching(gaps, after + 1);
			if (!gap || gap.fromSeq > next - 1) continue;
			if (gap.fromSeq === after + 1 && gap.toSeq === next - 1) {
				context.acknowledgedJumps.set(after, gap);
				continue;
			}
			context.report(
				"acknowledged-gap",
				after + 1,
				`The entries jump from ${after} to ${next}, but the acknowledged gap is ${gap.fromSeq}..${gap.toSeq}: the other missing records were removed.`,
			);
		}
	},
};
