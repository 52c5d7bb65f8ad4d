/**
 * Reads a work order's evidence out of a gateway data directory as a self-contained bundle
 * (protocol/evidence/README.md): its records, the other records of the same chain range as
 * redacted hashes, the checkpoints that seal them, the gateway's public key and the attachments.
 * Works while the gateway runs (SQLite WAL lets a reader in beside the writer).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { buildBundle, type EvidenceBundle } from "../../protocol/evidence/bundle.js";
import { GATEWAY_KEY_FILE, loadOrCreateGatewayKey } from "../../protocol/evidence/keys.js";
import { decodeRecord } from "../../protocol/evidence/record.js";
import { EvidenceBatches } from "./evidence-batches.js";
import { storedManifestsAt } from "./manifests.js";

export interface ExportOptions {
	dataDir: string;
	workOrderId: string;
	/** Put attachment bytes in the bundle (default) or only their hashes. */
	includeAttachmentData?: boolean;
}

export function exportEvidenceBundle(options: ExportOptions): EvidenceBundle {
	const dbPath = join(options.dataDir, "gateway.db");
	if (!existsSync(dbPath) || !existsSync(join(options.dataDir, GATEWAY_KEY_FILE))) {
		throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `${options.dataDir} is not a gateway data directory (no gateway.db or ${GATEWAY_KEY_FILE}).`, {
			hint: "Pass the --data-dir the gateway runs with.",
		});
	}
	const key = loadOrCreateGatewayKey(options.dataDir);
	const db = new Database(dbPath, { fileMustExist: true });
	try {
		const batches = new EvidenceBatches(db);
		const range = batches.workOrderRange(options.workOrderId);
		if (!range) {
			throw new FieldchainError(ErrorCodes.FC_EVIDENCE_NOT_FOUND, `No evidence for work order "${options.workOrderId}" in ${options.dataDir}.`);
		}
		// Up to the first checkpoint that seals the work order's last record, or to the chain head.
		const sealing = db.prepare("SELECT min(chain_seq) FROM evidence_checkpoints WHERE chain_seq >= ?").pluck().get(range.last) as number | null;
		const end = sealing ?? batches.head()?.chainSeq ?? range.last;
		// Each record says which work order it belongs to; the bundle redacts the others.
		const entries = batches
			.between(range.first, end)
			.map((stored) => ({ chainSeq: stored.chainSeq, bytes: stored.bytes, workOrderId: decodeRecord(stored.bytes).workOrderId }));
		const checkpoints = (
			db.prepare("SELECT canonical FROM evidence_checkpoints WHERE chain_seq BETWEEN ? AND ? ORDER BY chain_seq").pluck().all(range.first, end) as Buffer[]
		).map((bytes) => new Uint8Array(bytes));
		const attachment = db.prepare("SELECT data FROM attachments WHERE sha256 = ?").pluck();
		return buildBundle({
			// The chain's own records say which gateway wrote them (config or gateway-id file).
			gatewayId: decodeRecord(entries[0].bytes).gatewayId,
			publicKeyRaw: key.publicKeyRaw,
			workOrderId: options.workOrderId,
			entries,
			checkpoints,
			manifestsAt: storedManifestsAt(db),
			attachmentData: options.includeAttachmentData === false ? undefined : (sha256) => (attachment.get(sha256) as Buffer | undefined) ?? undefined,
		});
	} finally {
		db.close();
	}
}
