/**
 * The readings a device keeps until the host acks them. Seqs are contiguous within a boot, so a
 * plain array with a moving head finds any seq in O(1) and drops an acked prefix without copying
 * on every ack (the array is compacted only once the dead prefix is large).
 */
import type { Reading } from "../../protocol/codec.js";

export interface PendingReading {
	reading: Reading;
	/** Monotonic ms of the last transmission on any link; undefined while never sent. */
	sentAt: number | undefined;
	/** Sent more than once (its ack round trip says nothing about the line: Karn's rule). */
	resent?: boolean;
	/** Transmission number of the last send (LossRecovery): what was sent after it. */
	tx?: number;
	/** The link epoch whose host selectively acked it (LossRecovery). */
	sackEpoch?: number;
}

const COMPACT_AFTER = 4096;

export class UnackedBuffer {
	private items: PendingReading[] = [];
	private head = 0;
	/** Seq of items[head] (or of the next push when empty). */
	private firstSeq = 1;

	get size(): number {
		return this.items.length - this.head;
	}

	/** Seq of the oldest unacked reading, or the seq the next reading will get when empty. */
	get oldestSeq(): number {
		return this.firstSeq;
	}

	/** Seq after the newest reading. */
	get endSeq(): number {
		return this.firstSeq + this.size;
	}

	get oldest(): PendingReading | undefined {
		return this.items[this.head];
	}

	get(seq: number): PendingReading | undefined {
		if (seq < this.firstSeq || seq >= this.endSeq) return undefined;
		return this.items[this.head + (seq - this.firstSeq)];
	}

	/** The reading must carry seq === endSeq. */
	push(item: PendingReading): void {
		if (item.reading.seq !== this.endSeq) throw new Error(`Reading seq ${item.reading.seq} pushed where ${this.endSeq} was due.`);
		this.items.push(item);
	}

	/** Forgets every reading with seq <= upToSeq; returns how many were forgotten. */
	ackUpTo(upToSeq: number): number {
		const count = Math.max(0, Math.min(upToSeq + 1, this.endSeq) - this.firstSeq);
		if (count === 0) return 0;
		this.head += count;
		this.firstSeq += count;
		if (this.head >= COMPACT_AFTER && this.head * 2 >= this.items.length) {
			this.items = this.items.slice(this.head);
			this.head = 0;
		}
		return count;
	}

	/** Empties the buffer and starts numbering at `nextSeq` (a new boot). */
	reset(nextSeq: number): void {
		this.items = [];
		this.head = 0;
		this.firstSeq = nextSeq;
	}
}
