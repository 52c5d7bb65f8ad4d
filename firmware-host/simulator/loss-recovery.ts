/**
 * The device's fast recovery from lost reading frames (protocol/README.md, "Fast recovery"):
 * counts duplicate acks, keeps the selective-ack marks of the current link, and decides which
 * readings are lost. It only keeps books; the device does the sending.
 *
 * Invariant: a reading is declared lost only when a transmission made after its own has reached
 * the host (acked or selectively acked): on an in-order link that is proof it is gone, so a
 * re-sent reading is re-sent again only after one more round trip, never in a storm.
 */
import type { SeqRange } from "../../protocol/codec.js";
import type { PendingReading, UnackedBuffer } from "./unacked-buffer.js";

/** Duplicate acks that start recovery (the "two duplicate acks", TCP's dupthresh). */
export const DUP_ACK_THRESHOLD = 2;
/** Bounds of the tail-loss probe timeout, milliseconds. */
const MIN_PROBE_MS = 10;

export type RecoveryAction =
	/** Nothing to re-send now. */
	| { kind: "none" }
	/** Re-send these seqs now (selective: the gaps the ack shows, each sent before something that arrived). */
	| { kind: "selective"; seqs: number[] }
	/** No selective ranges from this host: go back to up_to_seq + 1 and re-send everything (once per up_to_seq). */
	| { kind: "goBack" };

export class LossRecovery {
	/** Transmission counter: every reading frame sent gets the next number. */
	private tx = 0;
	/** Marks selective acks of the current link only: a new link may lead to another gateway. */
	private epoch = 1;
	private lastUpTo = -1;
	private dupAcks = 0;
	private wentBack = false;
	/** In recovery until the cumulative ack reaches this seq (the newest sent when it began); 0: not in recovery. */
	private recoverPoint = 0;
	/** Highest transmission number known to have arrived. */
	private deliveredTx = 0;
	/**
	 * Shortest ack round trip seen (first send of a reading to the ack that covers it), ms: the
	 * line and the gateway's commit without the queue a burst builds up in front of it.
	 */
	private minRttMs: number | undefined;
	/** The reading with the highest transmission number the ack being booked reports. */
	private newestDelivered: PendingReading | undefined;
	fastRetransmits = 0;
	probes = 0;

	/** A new link: selective marks and duplicate counting start over. */
	newLink(): void {
		this.epoch++;
		this.lastUpTo = -1;
		this.dupAcks = 0;
		this.wentBack = false;
		this.recoverPoint = 0;
	}

	/** Stamps a reading as sent now. */
	stamp(pending: PendingReading): void {
		pending.tx = ++this.tx;
	}

	/** True when the host of this link said it holds the reading (no need to send it again on this link). */
	isSacked(pending: PendingReading): boolean {
		return pending.sackEpoch === this.epoch;
	}

	/**
	 * Books an ack for the current boot, before the buffer forgets what it covers. `upTo` is already
	 * clamped to the newest reading; `highestSent` is the newest seq ever sent.
	 */
	onAck(buffer: UnackedBuffer, upTo: number, sack: readonly SeqRange[], highestSent: number, now: number): RecoveryAction {
		// What the cumulative part covers has arrived (each reading is forgotten once, so this is amortised O(1)).
		this.newestDelivered = undefined;
		for (let seq = buffer.oldestSeq; seq <= upTo; seq++) this.delivered(buffer.get(seq));
		// Clamp the ranges to what the buffer holds; they arrive lowest first (a host that sends them
		// out of order loses nothing: only this ack's gaps are judged).
		const ranges: SeqRange[] = [];
		for (const range of sack) {
			const first = Math.max(range.first, upTo + 1, buffer.oldestSeq);
			const last = Math.min(range.last, buffer.endSeq - 1);
			if (last < first) continue;
			for (let seq = first; seq <= last; seq++) {
				const pending = buffer.get(seq)!;
				if (pending.sackEpoch === this.epoch) continue;
				pending.sackEpoch = this.epoch;
				this.delivered(pending);
			}
			ranges.push({ first, last });
		}
		ranges.sort((a, b) => a.first - b.first);
		// Round trip of the newest reading this ack reports, if it was sent only once (Karn's rule).
		const newest = this.newestDelivered as PendingReading | undefined;
		if (newest?.sentAt !== undefined && !newest.resent) this.sampleRtt(now - newest.sentAt);
		if (upTo > this.lastUpTo) {
			this.lastUpTo = upTo;
			this.dupAcks = 0;
			if (upTo >= this.recoverPoint) {
				this.recoverPoint = 0;
				this.wentBack = false;
			}
		} else if (upTo === this.lastUpTo && highestSent > upTo) this.dupAcks++;
		// Recovery starts at the second duplicate ack and lasts until everything sent before it is
		// acked: a partial ack (up_to_seq moved, but not that far) shows the next gap at once.
		if (this.recoverPoint === 0 && this.dupAcks >= DUP_ACK_THRESHOLD) this.recoverPoint = highestSent;
		if (ranges.length === 0) {
			if (this.recoverPoint === 0 || this.wentBack) return { kind: "none" };
			this.wentBack = true;
			this.fastRetransmits++;
			return { kind: "goBack" };
		}
		// The gaps between the ranges. A reading in one is lost when something sent after it arrived,
		// and, outside recovery, when at least DUP_ACK_THRESHOLD readings are stored above it (the
		// same evidence as two duplicate acks, without waiting for them).
		const seqs: number[] = [];
		let storedAbove = 0;
		for (let i = ranges.length - 1; i >= 0; i--) {
			storedAbove += ranges[i].last - ranges[i].first + 1;
			if (this.recoverPoint === 0 && storedAbove < DUP_ACK_THRESHOLD) continue;
			const gapFirst = i === 0 ? Math.max(upTo + 1, buffer.oldestSeq) : ranges[i - 1].last + 1;
			for (let seq = ranges[i].first - 1; seq >= gapFirst; seq--) {
				const pending = buffer.get(seq);
				if (!pending || pending.sackEpoch === this.epoch || pending.tx === undefined) continue;
				if (pending.tx < this.deliveredTx) seqs.push(seq);
			}
		}
		if (seqs.length === 0) return { kind: "none" };
		seqs.reverse();
		this.fastRetransmits++;
		return { kind: "selective", seqs };
	}

	/** Tail-loss probe timeout: a few round trips, and well below the resend timeout. */
	probeTimeoutMs(resendTimeoutMs: number): number {
		const base = this.minRttMs === undefined ? resendTimeoutMs / 4 : 4 * this.minRttMs + MIN_PROBE_MS;
		return Math.max(MIN_PROBE_MS, Math.min(resendTimeoutMs / 4, base));
	}

	/** The reading a tail-loss probe re-sends: the newest one neither acked nor selectively acked. */
	probeSeq(buffer: UnackedBuffer): number | undefined {
		for (let seq = buffer.endSeq - 1; seq >= buffer.oldestSeq; seq--) {
			const pending = buffer.get(seq)!;
			if (pending.sentAt !== undefined && pending.sackEpoch !== this.epoch) return seq;
		}
		return undefined;
	}

	private delivered(pending: PendingReading | undefined): void {
		if (pending?.tx === undefined) return;
		if (pending.tx > this.deliveredTx) this.deliveredTx = pending.tx;
		if (pending.tx > (this.newestDelivered?.tx ?? 0)) this.newestDelivered = pending;
	}

	private sampleRtt(sample: number): void {
		if (!(sample >= 0)) return;
		this.minRttMs = this.minRttMs === undefined ? sample : Math.min(this.minRttMs, sample);
	}
}
