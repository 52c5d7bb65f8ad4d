/**
 * Reads a work order's evidence out of a gateway data directory as a self-contained bundle
 * (protocol/evidence/README.md): its records, the other records of the same chain range as
 * redacted hashes, the checkpoints that seal them, the gateway's public key and the attachments.
 * Works while the gateway runs (SQLite WAL lets a reader in beside the writer).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../protocol/errors.js";
import { buildBundle, type EvidenceBundle } from "../../protocol/evidence/bundle.js";
import { GATEWAY_KEY_FILE, loadOrCreateGatewayKey } from "../../protocol/evidence/keys.js";
import { decodeRecord } from "../../protocol/evidence/record.js";

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
		const range = db.prepare("SELECT min(chain_seq) AS first, max(chain_seq) AS last FROM evidence WHERE work_order_id = ?").get(options.workOrderId) as {
			first: number | null;
			last: number | null;
		};
		if (range.first === null || range.last === null) {
			throw new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `No evidence for work order "${options.workOrderId}" in ${options.dataDir}.`);
		}
		// Up to the first checkpoint that seals the work order's last record, or to the chain head.
		const sealing = db.prepare("SELECT min(chain_seq) FROM evidence_checkpoints WHERE chain_seq >= ?").pluck().get(range.last) as number | null;
		const end = sealing ?? (db.prepare("SELECT max(chain_seq) FROM evidence").pluck().get() as number);
		const entries = (
			db.prepare("SELECT chain_seq, canonical, work_order_id FROM evidence WHERE chain_seq BETWEEN ? AND ? ORDER BY chain_seq").all(range.first, end) as Array<{
				chain_seq: number;
				canonical: Buffer;
				work_order_id: string;
			}>
		).map((row) => ({ chainSeq: row.chain_seq, bytes: row.canonical, workOrderId: row.work_order_id }));
		const checkpoints = (db.prepare("SELECT canonical FROM evidence_checkpoints WHERE chain_seq BETWEEN ? AND ? ORDER BY chain_seq").pluck().all(range.first, end) as Buffer[]).map(
			(bytes) => new Uint8Array(bytes),
		);
		const attachment = db.prepare("SELECT data FROM attachments WHERE sha256 = ?").pluck();
		return buildBundle({
			// The chain's own records say which gateway wrote them (config or gateway-id file).
			gatewayId: decodeRecord(entries[0].bytes).gatewayId,
			publicKeyRaw: key.publicKeyRaw,
			workOrderId: options.workOrderId,
			entries,
			checkpoints,
			attachmentData: options.includeAttachmentData === false ? undefined : (sha256) => (attachment.get(sha256) as Buffer | undefined) ?? undefined,
		});
	} finally {
		db.close();
	}
}
