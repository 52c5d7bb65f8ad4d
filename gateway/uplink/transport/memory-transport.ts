/**
 * An in-memory destination for fast unit tests of the drain: keeps a chain by seq (dedup by
 * seq and record), a set of outbox record ids, and can be told to be down or to lose the
 * response after applying a request (the case that makes "exactly once" hard).
 */
import type { OutboxEntry } from "../outbox.js";
import { type EvidenceReceipt, type EvidenceUpload, type OutboxResult, type UplinkTransport, uplinkFailure } from "./transport.js";

export class MemoryTransport implements UplinkTransport {
	readonly destination = "memory";
	/** chainSeq -> base64 record. */
	readonly chain = new Map<number, string>();
	readonly outbox = new Map<string, OutboxEntry>();
	/** Every record as received, duplicates included. */
	received = 0;
	down = false;
	/** The next N requests are applied, then answered with a timeout. */
	loseResponses = 0;
	/** What sendOutbox answers for a record id, instead of storing it. */
	conflicts = new Map<string, unknown>();

	get head(): number {
		let head = 0;
		while (this.chain.has(head + 1)) head++;
		return head;
	}

	async sendEvidence(upload: EvidenceUpload): Promise<EvidenceReceipt> {
		await Promise.resolve();
		if (this.down) throw uplinkFailure("network", "memory destination is down");
		const head = this.head;
		const first = upload.records[0]?.chainSeq ?? head + 1;
		if (first > head + 1) {
			// As the billing service answers: the gap, and every record after it refused as "chain-gap".
			const rejected = upload.records.map((r) => ({ chainSeq: r.chainSeq, reason: "chain-gap", message: `record ${head + 1} has not been accepted` }));
			return { sealedUpTo: head, accepted: 0, duplicates: 0, rejected, gap: { expectedSeq: head + 1, receivedSeq: first } };
		}
		let accepted = 0;
		let duplicates = 0;
		for (const record of upload.records) {
			this.received++;
			const existing = this.chain.get(record.chainSeq);
			if (existing === undefined) {
				this.chain.set(record.chainSeq, record.record);
				accepted++;
			} else if (existing === record.record) duplicates++;
			else
				return {
					sealedUpTo: this.head,
					accepted,
					duplicates,
					rejected: [{ chainSeq: record.chainSeq, reason: "conflict", message: "another record holds this seq" }],
					gap: null,
				};
		}
		if (this.loseResponses > 0) {
			this.loseResponses--;
			throw uplinkFailure("timeout", "memory destination: response lost");
		}
		return { sealedUpTo: this.head, accepted, duplicates, rejected: [], gap: null };
	}

	async sendOutbox(entry: OutboxEntry): Promise<OutboxResult> {
		await Promise.resolve();
		if (this.down) throw uplinkFailure("network", "memory destination is down");
		const conflict = this.conflicts.get(entry.recordId);
		if (conflict !== undefined) return { outcome: "conflict", cloud: conflict, message: "the cloud changed it too" };
		this.outbox.set(entry.recordId, entry);
		if (this.loseResponses > 0) {
			this.loseResponses--;
			throw uplinkFailure("timeout", "memory destination: response lost");
		}
		return { outcome: "delivered" };
	}

	async close(): Promise<void> {}
}
