/**
 * The work-order manifests a gateway signed into its checkpoints (protocol/evidence/README.md,
 * "Completeness"), as ingest verified them against the checkpoint's signed manifests_root. The
 * evidence bundles behind an invoice carry them, so a verifier can prove a work order's records
 * complete. Invariant: a manifest is stored only after its checkpoint verified with the gateway's
 * enrolled key; storing the same manifest again changes nothing (a retried batch is harmless), and
 * a stored manifest is never changed or removed.
 */

export interface StoredManifest {
	gatewayId: string;
	/** chain_seq of the checkpoint whose manifests_root commits to it. */
	checkpointSeq: number;
	workOrderId: string;
	/** Canonical WorkOrderManifest bytes. */
	bytes: Uint8Array;
}

export interface ManifestStore {
	/** Stores manifests, keeping the first one stored for a (gateway, checkpoint, work order). */
	putManifests(manifests: readonly StoredManifest[]): Promise<void>;
	/** The manifests issued with the gateway's checkpoint at checkpointSeq, by work order id (none for checkpoints before manifests). */
	getManifests(gatewayId: string, checkpointSeq: number): Promise<StoredManifest[]>;
}
