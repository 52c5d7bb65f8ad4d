/**
 * Bytes behind photo and signature evidence, stored content-addressed by SHA-256 (the same photo
 * twice is stored once, and the evidence record commits to its hash).
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

/** 10 MiB: a phone photo fits, a video does not. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface AttachmentInfo {
	sha256: string;
	mediaType: string;
	size: number;
}

export class Attachments {
	constructor(
		private readonly db: Database.Database,
		readonly maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
	) {}

	put(data: Buffer, mediaType: string, now: number): AttachmentInfo {
		if (data.length > this.maxBytes) {
			throw new FieldchainError(ErrorCodes.FC_EVIDENCE_TOO_LARGE, `Attachment of ${data.length} bytes is above the limit of ${this.maxBytes} bytes.`, {
				hint: "Send a smaller (compressed or resized) image.",
			});
		}
		if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(mediaType)) {
			throw new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `mediaType "${mediaType}" is not a media type such as image/jpeg.`);
		}
		const sha256 = createHash("sha256").update(data).digest("hex");
		this.db
			.prepare("INSERT OR IGNORE INTO attachments (sha256, media_type, size, data, created_at) VALUES (?, ?, ?, ?, ?)")
			.run(sha256, mediaType, data.length, data, now);
		return { sha256, mediaType, size: data.length };
	}

	get(sha256: string): (AttachmentInfo & { data: Buffer }) | undefined {
		const row = this.db.prepare("SELECT sha256, media_type, size, data FROM attachments WHERE sha256 = ?").get(sha256) as
			| { sha256: string; media_type: string; size: number; data: Buffer }
			| undefined;
		return row ? { sha256: row.sha256, mediaType: row.media_type, size: row.size, data: row.data } : undefined;
	}
}
