/**
 * The gateway's work-order manifests (protocol/evidence/README.md, "Completeness"): the running
 * state of every work order, noted as each record is chained, issued and stored with each
 * checkpoint in evidence_manifests. Invariant: after reload() the state is exactly what the stored
 * manifests and the records after the last checkpoint say, so a failed transaction loses nothing.
 */
import type Database from "better-sqlite3";
import { contentHash, entryHash } from "../../protocol/evidence/chain.js";
import { ManifestLedger } from "../../protocol/evidence/manifest.js";
import { decodeRecord } from "../../protocol/evidence/record.js";
import type { EvidenceBatches } from "./evidence-batches.js";

export class GatewayManifests {
	private readonly ledger = new ManifestLedger();
	private readonly statements;

	constructor(
		db: Database.Database,
		private readonly batches: EvidenceBatches,
	) {
		this.statements = {
			latest: db
				.prepare(
					`SELECT canonical FROM evidence_manifests WHERE (work_order_id, checkpoint_seq) IN
						(SELECT work_order_id, max(checkpoint_seq) FROM evidence_manifests GROUP BY work_order_id)`,
				)
				.pluck(),
			lastCheckpoint: db.prepare("SELECT max(chain_seq) FROM evidence_checkpoints").pluck(),
			insert: db.prepare("INSERT INTO evidence_manifests (work_order_id, checkpoint_seq, canonical) VALUES (?, ?, ?)"),
		};
	}

	/** Rebuilds the state from the database: the last manifest of each work order, then the records no checkpoint covers yet. */
	reload(): void {
		this.ledger.clear();
		for (const bytes of this.statements.latest.all() as Buffer[]) this.ledger.restore(bytes);
		const sealed = (this.statements.lastCheckpoint.get() as number | null) ?? 0;
		const head = this.batches.head();
		if (!head || head.chainSeq <= sealed) return;
		for (const stored of this.batches.between(sealed + 1, head.chainSeq)) {
			if (stored.chainSeq <= sealed) continue;
			const record = decodeRecord(stored.bytes);
			this.ledger.note(record.workOrderId, stored.chainSeq, entryHash(stored.chainSeq, record.prevHash, contentHash(stored.bytes)));
		}
	}

	/** A record was chained (inside the transaction that stores it). */
	note(workOrderId: string, chainSeq: number, recordEntryHash: Uint8Array): void {
		this.ledger.note(workOrderId, chainSeq, recordEntryHash);
	}

	/** Issues and stores the manifests for a checkpoint at checkpointSeq (inside its transaction); returns the root it must sign. */
	issue(checkpointSeq: number): Uint8Array | undefined {
		const { manifests, root } = this.ledger.issue(checkpointSeq);
		for (const m of manifests) this.statements.insert.run(m.workOrderId, checkpointSeq, Buffer.from(m.bytes));
		return root;
	}
}

/** The manifests stored with a checkpoint, for an export that has no gateway running. */
export function storedManifestsAt(db: Database.Database): (checkpointSeq: number) => Uint8Array[] {
	const at = db.prepare("SELECT canonical FROM evidence_manifests WHERE checkpoint_seq = ?").pluck();
	return (checkpointSeq) => (at.all(checkpointSeq) as Buffer[]).map((b) => new Uint8Array(b));
}
