/**
 * Tracks, for one boot of one device, the highest seq up to which every reading is stored: the
 * value of a cumulative Ack (protocol/README.md, "Acknowledgement"). Readings that arrive after
 * a gap (a lost frame) are remembered until the gap is filled by a re-send.
 */
import type { BootState } from "../store/reading-store.js";

export class BootWatermark {
	private acked: number;
	private readonly above: Set<number>;

	constructor(state: BootState) {
		this.acked = state.ackedUpTo;
		this.above = new Set(state.storedAbove);
		this.advance();
	}

	get ackedUpTo(): number {
		return this.acked;
	}

	/** True when the seq is known to be stored already. */
	has(seq: number): boolean {
		return seq <= this.acked || this.above.has(seq);
	}

	/** Marks a seq stored and returns the new watermark. */
	add(seq: number): number {
		if (seq > this.acked) {
			if (seq === this.acked + 1 && this.above.size === 0) this.acked = seq;
			else {
				this.above.add(seq);
				this.advance();
			}
		}
		return this.acked;
	}

	/** Readings stored beyond a gap: how far the device is ahead of what it may forget. */
	get pendingAboveGap(): number {
		return this.above.size;
	}

	private advance(): void {
		while (this.above.delete(this.acked + 1)) this.acked++;
	}
}
