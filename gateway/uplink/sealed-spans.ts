/**
 * Reads what the uplink sends next: the sealed records after a chain seq, cut at a checkpoint so
 * every batch carries the checkpoints that seal it (the billing service accepts only records a
 * checkpoint of the same batch covers: cloud-bridge/billing/ingest/ingest.ts), and every work-order
 * manifest those checkpoints issued, so the destination can prove a work order complete.
 */
import type Database from "better-sqlite3";
import { contentHash } from "../../protocol/evidence/chain.js";
import type { BatchRecord } from "../../protocol/uplink/wire.js";
import type { EvidenceBatches, StoredRecord } from "../evidence/evidence-batches.js";

export interface SealedSpan {
	/** Records afterSeq+1..upToSeq, in chain order. */
	afterSeq: number;
	upToSeq: number;
	records: StoredRecord[];
	/** Canonical checkpoint bytes (signature included) with chain seq in (afterSeq, upToSeq], in order. */
	checkpoints: Array<{ chainSeq: number; bytes: Buffer }>;
	/** Canonical WorkOrderManifest bytes issued with those checkpoints (none for checkpoints before manifests). */
	manifests: Buffer[];
}

export class SealedSpans {
	private readonly statements;

	/** `batches` is the gateway's one EvidenceBatches over `db` (gateway/parts.ts). */
	constructor(
		db: Database.Database,
		private readonly batches: EvidenceBatches,
	) {
		this.statements = {
			checkpointsAfter: db.prepare("SELECT chain_seq, canonical FROM evidence_checkpoints WHERE chain_seq > ? ORDER BY chain_seq LIMIT ?"),
			sealedHead: db.prepare("SELECT coalesce(max(chain_seq), 0) FROM evidence_checkpoints").pluck(),
			chainHead: db.prepare("SELECT coalesce(max(last_seq), 0) FROM evidence_batches").pluck(),
			oldestAfter: db.prepare("SELECT created_at FROM evidence_checkpoints WHERE chain_seq > ? ORDER BY chain_seq LIMIT 1").pluck(),
			manifestsIn: db
				.prepare("SELECT canonical FROM evidence_manifests WHERE checkpoint_seq > ? AND checkpoint_seq <= ? ORDER BY checkpoint_seq, work_order_id")
				.pluck(),
			bytesAfter: db.prepare("SELECT coalesce(sum(length(records)), 0) FROM evidence_batches WHERE last_seq > ?").pluck(),
		};
	}

	/** The highest chain seq a checkpoint seals. */
	sealedHead(): number {
		return this.statements.sealedHead.get() as number;
	}

	/** The highest chain seq stored (sealed or not). */
	chainHead(): number {
		return this.statements.chainHead.get() as number;
	}

	/** When the first checkpoint after afterSeq was signed (how old the oldest unsent sealed record is, roughly). */
	oldestSealedAfter(afterSeq: number): number | null {
		return (this.statements.oldestAfter.get(afterSeq) as number | undefined) ?? null;
	}

	/** Bytes of the evidence batches holding records after afterSeq. */
	bytesAfter(afterSeq: number): number {
		return this.statements.bytesAfter.get(afterSeq) as number;
	}

	/**
	 * The next span after afterSeq: whole checkpoint spans up to maxRecords records, or a single
	 * longer span when one checkpoint alone covers more (older data). Undefined when nothing sealed waits.
	 */
	next(afterSeq: number, maxRecords: number): SealedSpan | undefined {
		const candidates = this.statements.checkpointsAfter.all(afterSeq, maxRecords + 1) as Array<{ chain_seq: number; canonical: Buffer }>;
		if (candidates.length === 0) return undefined;
		const taken = candidates.filter((c) => c.chain_seq - afterSeq <= maxRecords);
		const checkpoints = (taken.length > 0 ? taken : candidates.slice(0, 1)).map((c) => ({ chainSeq: c.chain_seq, bytes: c.canonical }));
		const upToSeq = checkpoints[checkpoints.length - 1].chainSeq;
		const manifests = this.statements.manifestsIn.all(afterSeq, upToSeq) as Buffer[];
		return { afterSeq, upToSeq, records: this.batches.between(afterSeq + 1, upToSeq), checkpoints, manifests };
	}
}

/** A stored record in the uplink's batch wire format (protocol/uplink/wire.ts). */
export function toWireRecord(stored: StoredRecord): BatchRecord {
	return { chainSeq: stored.chainSeq, record: stored.bytes.toString("base64"), contentHash: contentHash(stored.bytes).toString("hex") };
}
