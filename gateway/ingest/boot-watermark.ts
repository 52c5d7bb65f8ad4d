/**
 * Tracks, for one boot of one device, the highest seq up to which every reading is stored: the
 * value of a cumulative Ack (protocol/README.md, "Acknowledgement"). Readings that arrive after
 * a gap (a lost frame) are remembered until the gap is filled by a re-send, as runs of seqs, so
 * memory grows with the number of gaps, not of readings. Invariant: at most maxRuns runs; a
 * reading that would open one more is not accepted (accepts() is false: it is not stored, not
 * acked, and the device re-sends it once the gaps below it are filled), so a device that skips
 * seqs on purpose cannot grow this without bound.
 */
import type { BootState } from "../store/reading-store.js";

/** Runs of stored seqs above a gap, per boot. A lossy link leaves a few; a device skipping seqs on purpose hits the bound. */
export const MAX_GAP_RUNS = 1024;

export class BootWatermark {
	private acked: number;
	/** Sorted, disjoint, non-adjacent runs [starts[i], ends[i]], all above acked + 1. */
	private readonly starts: number[] = [];
	private readonly ends: number[] = [];
	private aboveCount = 0;

	constructor(
		state: BootState,
		private readonly maxRuns: number = MAX_GAP_RUNS,
	) {
		this.acked = state.ackedUpTo;
		for (const seq of state.storedAbove) this.insert(seq);
		this.advance();
	}

	get ackedUpTo(): number {
		return this.acked;
	}

	/** True when the seq is known to be stored already. */
	has(seq: number): boolean {
		if (seq <= this.acked) return true;
		const i = this.runBefore(seq);
		return i >= 0 && this.ends[i] >= seq;
	}

	/** False when storing the seq would open a run beyond the bound (a reading to refuse for now). */
	accepts(seq: number): boolean {
		if (seq <= this.acked + 1 || this.starts.length < this.maxRuns) return true;
		const i = this.runBefore(seq);
		if (i >= 0 && this.ends[i] >= seq - 1) return true;
		return i + 1 < this.starts.length && this.starts[i + 1] === seq + 1;
	}

	/** Marks a seq stored and returns the new watermark. */
	add(seq: number): number {
		if (seq > this.acked) {
			if (seq === this.acked + 1 && this.starts.length === 0) this.acked = seq;
			else {
				this.insert(seq);
				this.advance();
			}
		}
		return this.acked;
	}

	/** Readings stored beyond a gap: how far the device is ahead of what it may forget. */
	get pendingAboveGap(): number {
		return this.aboveCount;
	}

	/** Runs of stored seqs above the gaps (what the bound counts). */
	get gapRuns(): number {
		return this.starts.length;
	}

	/** The lowest `limit` runs stored above the gaps, lowest first: an Ack's selective part (sack). */
	ranges(limit: number): { first: number; last: number }[] {
		const count = Math.min(limit, this.starts.length);
		const out: { first: number; last: number }[] = new Array(count);
		for (let i = 0; i < count; i++) out[i] = { first: this.starts[i], last: this.ends[i] };
		return out;
	}

	/** Index of the last run starting at or below seq, or -1. */
	private runBefore(seq: number): number {
		let low = 0;
		let high = this.starts.length - 1;
		let found = -1;
		while (low <= high) {
			const mid = (low + high) >>> 1;
			if (this.starts[mid] <= seq) {
				found = mid;
				low = mid + 1;
			} else high = mid - 1;
		}
		return found;
	}

	private insert(seq: number): void {
		if (seq <= this.acked) return;
		const i = this.runBefore(seq);
		if (i >= 0 && this.ends[i] >= seq) return;
		const joinsPrevious = i >= 0 && this.ends[i] === seq - 1;
		const joinsNext = i + 1 < this.starts.length && this.starts[i + 1] === seq + 1;
		if (joinsPrevious && joinsNext) {
			this.ends[i] = this.ends[i + 1];
			this.starts.splice(i + 1, 1);
			this.ends.splice(i + 1, 1);
		} else if (joinsPrevious) this.ends[i] = seq;
		else if (joinsNext) this.starts[i + 1] = seq;
		else {
			this.starts.splice(i + 1, 0, seq);
			this.ends.splice(i + 1, 0, seq);
		}
		this.aboveCount++;
	}

	private advance(): void {
		while (this.starts.length > 0 && this.starts[0] <= this.acked + 1) {
			const end = this.ends[0];
			this.aboveCount -= end - this.starts[0] + 1;
			this.starts.shift();
			this.ends.shift();
			if (end > this.acked) this.acked = end;
		}
	}
}
