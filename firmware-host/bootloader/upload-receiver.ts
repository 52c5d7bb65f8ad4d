/**
 * The device side of image upload (protocol/README.md, "Image upload"; MCUmgr's image upload,
 * SMP group 1 command 1): the first chunk opens or resumes an upload keyed by the image's SHA-256,
 * every chunk must start at the offset the device expects, and every answer says which offset
 * that is. The last answer says whether the SHA-256 matched; only then is the image verified and
 * handed to the bootloader.
 */
import { createHash } from "node:crypto";
import { isFieldchainError, toError } from "../../platform/errors.js";
import { ImageStatus, type ImageUpload, type ImageUploadResult, imageStatusOf, UPLOAD_SLOT } from "../../protocol/firmware/messages.js";
import type { Bootloader } from "./bootloader.js";

interface PartialUpload {
	sha256: Buffer;
	length: number;
	allowDowngrade: boolean;
	bytes: Buffer;
	offset: number;
}

export interface UploadProgress {
	sha256: Buffer;
	offset: number;
	length: number;
}

export class UploadReceiver {
	private partial: PartialUpload | undefined;
	/** The answer to the last byte of the last finished upload, repeated for retransmitted chunks. */
	private finished: { sha256: Buffer; length: number; result: Omit<ImageUploadResult, "requestSeq"> } | undefined;

	constructor(private readonly bootloader: Bootloader) {}

	get progress(): UploadProgress | undefined {
		const p = this.partial;
		return p ? { sha256: p.sha256, offset: p.offset, length: p.length } : undefined;
	}

	handle(upload: ImageUpload, requestSeq: number): ImageUploadResult {
		return { requestSeq, ...this.answer(upload) };
	}

	private answer(upload: ImageUpload): Omit<ImageUploadResult, "requestSeq"> {
		const offset = upload.offset ?? 0;
		const data = Buffer.from(upload.data ?? []);
		const first = offset === 0 && ((upload.imageLength ?? 0) > 0 || (upload.sha256?.length ?? 0) > 0);
		if (first) {
			const refused = this.open(upload);
			if (refused) return refused;
		}
		const partial = this.partial;
		if (!partial) {
			const done = this.finished;
			if (done && offset + data.length === done.length) return done.result;
			return {
				status: ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT,
				nextOffset: 0,
				message: "No upload in progress: send the first chunk (offset 0) with image_length and sha256.",
			};
		}
		// Out of order (a lost or repeated chunk): drop it and say where to continue.
		if (offset !== partial.offset) return { status: ImageStatus.IMAGE_STATUS_OK, nextOffset: partial.offset };
		if (offset + data.length > partial.length) {
			return {
				status: ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT,
				nextOffset: partial.offset,
				message: `Chunk at ${offset} of ${data.length} bytes runs past the image length ${partial.length}.`,
			};
		}
		data.copy(partial.bytes, offset);
		partial.offset += data.length;
		if (partial.offset < partial.length) return { status: ImageStatus.IMAGE_STATUS_OK, nextOffset: partial.offset };
		return this.complete(partial);
	}

	/** Opens a new upload or resumes one with the same hash; returns an answer when it refuses. */
	private open(upload: ImageUpload): Omit<ImageUploadResult, "requestSeq"> | undefined {
		const length = upload.imageLength ?? 0;
		const sha256 = Buffer.from(upload.sha256 ?? []);
		const refuse = (status: number, message: string) => ({ status, nextOffset: 0, message });
		if (length === 0 || sha256.length !== 32)
			return refuse(ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT, "The first chunk needs image_length > 0 and a 32-byte sha256.");
		if ((upload.slot ?? 0) !== UPLOAD_SLOT)
			return refuse(ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT, `Only slot ${UPLOAD_SLOT} (secondary) takes uploads; the running image is in slot 0.`);
		if (length > this.bootloader.slotSize)
			return refuse(ImageStatus.IMAGE_STATUS_NO_SPACE, `An image of ${length} bytes does not fit the ${this.bootloader.slotSize}-byte slot.`);
		try {
			this.bootloader.checkCanWriteSecondary();
		} catch (error) {
			return refuse(ImageStatus.IMAGE_STATUS_BUSY, toError(error).message);
		}
		const current = this.partial;
		const resumable = current && !upload.restart && current.length === length && current.sha256.equals(sha256);
		if (resumable) {
			current.allowDowngrade = upload.allowDowngrade ?? false;
			// Resume: the data of this first chunk is already here; say where to go on.
			if (current.offset > 0) return { status: ImageStatus.IMAGE_STATUS_OK, nextOffset: current.offset };
			return undefined;
		}
		this.finished = undefined;
		this.partial = { sha256, length, allowDowngrade: upload.allowDowngrade ?? false, bytes: Buffer.alloc(length), offset: 0 };
		return undefined;
	}

	private complete(partial: PartialUpload): Omit<ImageUploadResult, "requestSeq"> {
		this.partial = undefined;
		const match = createHash("sha256").update(partial.bytes).digest().equals(partial.sha256);
		let result: Omit<ImageUploadResult, "requestSeq">;
		if (!match) {
			result = {
				status: ImageStatus.IMAGE_STATUS_HASH_MISMATCH,
				nextOffset: partial.length,
				complete: true,
				match: false,
				message: "The SHA-256 of the received image differs from the one announced; nothing was written.",
			};
		} else {
			try {
				const slot = this.bootloader.installSecondary(partial.bytes, partial.allowDowngrade);
				result = {
					status: ImageStatus.IMAGE_STATUS_OK,
					nextOffset: partial.length,
					complete: true,
					match: true,
					message: `Image ${slot.version} verified and written to slot ${UPLOAD_SLOT}.`,
				};
			} catch (error) {
				const status = isFieldchainError(error) ? imageStatusOf(error.code) : ImageStatus.IMAGE_STATUS_BAD_IMAGE;
				result = { status, nextOffset: partial.length, complete: true, match: true, message: `${toError(error).message} Nothing was written.` };
			}
		}
		this.finished = { sha256: partial.sha256, length: partial.length, result };
		return result;
	}
}
