/**
 * The link step: walks the chain in order and notes every jump in chain_seq (records missing) and
 * every broken link (a record's prev_hash is not the entry_hash of the record before). It reports
 * nothing itself: the bundle names the culprit once checkpoints are known, billing rejects the
 * records after the first hole.
 */
import type { ChainContext } from "./chain-context.js";
import type { Step } from "./pipeline.js";

export const linkRecords: Step<ChainContext> = {
	name: "link records",
	run(context) {
		const { links } = context;
		for (let i = 1; i < links.length; i++) {
			const left = links[i - 1];
			const right = links[i];
			if (right.chainSeq !== left.chainSeq + 1) {
				context.gaps.push({ after: left.chainSeq, next: right.chainSeq });
				continue;
			}
			if (left.entryHash && right.prevHash && !left.entryHash.equals(right.prevHash)) context.breaks.add(left.chainSeq);
		}
	},
};
