/**
 * The host side of image upload (protocol/README.md, "Image upload"; MCUmgr image upload): the
 * first chunk carries length, SHA-256 and slot and is sent alone, because its answer may resume
 * an interrupted upload at a later offset; then up to `window` chunks are in flight, each at most
 * `chunkSize` bytes; every answer names the next offset the device expects. An answer below what
 * was sent means a chunk was lost: go back to that offset (go-back-N). No progress for
 * `timeoutMs`: send again from the last confirmed offset, at most `maxRetries` times in a row.
 * Time comes from a Clock so all of this is tested with a fake one.
 */
import { createHash } from "node:crypto";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { encodeEnvelope } from "../codec.js";
import { errorCodeOfStatus, ImageStatus, type ImageUpload, type ImageUploadResult, statusName, UPLOAD_SLOT } from "./messages.js";

export interface UploaderOptions {
	image: Uint8Array;
	/** Largest payload of data per chunk; see chunkSizeFor(). */
	chunkSize: number;
	/** Chunks in flight at most (the device's Hello.window, 0 meaning 1). */
	window: number;
	timeoutMs?: number;
	maxRetries?: number;
	allowDowngrade?: boolean;
	/** Discard an interrupted upload of this image on the device instead of resuming it. */
	restart?: boolean;
	clock: Clock;
	/**
	 * Sends one chunk and returns the Envelope.seq it goes out with (synchronously, so an answer
	 * can never arrive before its chunk is known). A failed send is the owner's to handle: the
	 * link is going away, and it pauses the uploader; otherwise the timeout resends.
	 */
	send: (upload: ImageUpload) => number;
	onProgress?: (confirmed: number, total: number) => void;
}

export interface UploadOutcome {
	/** Offset the device reported on the first answer: > 0 when it resumed an earlier upload. */
	resumedAt: number;
	retransmissions: number;
	chunksSent: number;
}

interface InFlight {
	offset: number;
	end: number;
	generation: number;
}

/** Largest data field that keeps every chunk Envelope within maxPayload. */
export function chunkSizeFor(maxPayload: number, imageLength: number): number {
	const worst = encodeEnvelope({
		seq: 0xffffffff,
		imageUpload: {
			offset: imageLength,
			data: new Uint8Array(0),
			imageLength,
			sha256: new Uint8Array(32),
			slot: UPLOAD_SLOT,
			allowDowngrade: true,
			restart: true,
		},
	}).length;
	// The data length and the body length each grow by at most 2 varint bytes for data up to 16 KiB.
	const size = maxPayload - worst - 4;
	if (size < 16) throw new FieldchainError(ErrorCodes.FC_FIRMWARE_UPLOAD, `The device's max_payload of ${maxPayload} bytes leaves no room for image chunks.`);
	return size;
}

export class ImageUploader {
	readonly total: number;
	readonly sha256: Buffer;
	private readonly image: Buffer;
	private readonly timeoutMs: number;
	private readonly maxRetries: number;
	private confirmed = 0;
	private cursor = 0;
	private generation = 0;
	private inFlight: InFlight[] = [];
	private bySeq = new Map<number, InFlight>();
	private opened = false;
	private resumedAt: number | undefined;
	private retries = 0;
	private retransmissions = 0;
	private chunksSent = 0;
	private timer: TimerHandle | undefined;
	private paused = true;
	private settled = false;
	private resolve: (outcome: UploadOutcome) => void = () => {};
	private reject: (error: Error) => void = () => {};
	readonly done: Promise<UploadOutcome>;

	constructor(private readonly options: UploaderOptions) {
		this.image = Buffer.from(options.image);
		this.total = this.image.length;
		this.sha256 = createHash("sha256").update(this.image).digest();
		this.timeoutMs = options.timeoutMs ?? 1000;
		this.maxRetries = options.maxRetries ?? 5;
		this.done = new Promise((resolve, reject) => {
			this.resolve = resolve;
			this.reject = reject;
		});
		this.done.catch(() => {});
	}

	get confirmedOffset(): number {
		return this.confirmed;
	}

	/** Starts, or continues after pause(): always with a first chunk, so the device names the offset. */
	start(): void {
		if (this.settled) return;
		this.paused = false;
		this.opened = false;
		this.retries = 0;
		this.restartFrom(0);
	}

	/** Stops sending (the link went away); start() resumes from what the device reports. */
	pause(): void {
		this.paused = true;
		this.options.clock.clearTimeout(this.timer);
		this.timer = undefined;
		this.inFlight = [];
		this.bySeq.clear();
	}

	/** Feeds one ImageUploadResult from the device. */
	onResult(result: ImageUploadResult): void {
		if (this.paused || this.settled) return;
		const chunk = this.bySeq.get(result.requestSeq ?? 0);
		if (!chunk) return;
		this.bySeq.delete(result.requestSeq ?? 0);
		const status = result.status ?? 0;
		const next = result.nextOffset ?? 0;
		if (status !== ImageStatus.IMAGE_STATUS_OK) {
			this.fail(
				new FieldchainError(
					errorCodeOfStatus(status),
					`The device refused the image (${statusName(status)}) at offset ${next}: ${result.message || "no reason given"}.`,
					{ details: { status, nextOffset: next } },
				),
			);
			return;
		}
		if (result.complete) {
			if (!result.match) {
				this.fail(
					new FieldchainError(ErrorCodes.FC_FIRMWARE_UPLOAD, "The device received every byte but the SHA-256 did not match; nothing was written.", {
						hint: "Flash again; check the cable.",
					}),
				);
				return;
			}
			this.confirmed = this.total;
			this.options.onProgress?.(this.total, this.total);
			this.finish();
			return;
		}
		this.inFlight = this.inFlight.filter((c) => c !== chunk && c.end > next);
		if (!this.opened) {
			// The first answer: where the device stands (0, or further when it resumes).
			this.opened = true;
			this.resumedAt = next;
			this.confirmed = next;
			this.retries = 0;
			this.options.onProgress?.(next, this.total);
			if (next !== this.cursor) this.restartFrom(next);
			else this.pump();
			this.armTimer();
			return;
		}
		if (next > this.total) {
			this.fail(new FieldchainError(ErrorCodes.FC_FIRMWARE_UPLOAD, `The device expects offset ${next}, past the end of the ${this.total}-byte image.`));
			return;
		}
		if (next > this.confirmed) {
			this.confirmed = next;
			this.retries = 0;
			this.options.onProgress?.(this.confirmed, this.total);
			this.armTimer();
		}
		// The device dropped this chunk because an earlier one is missing: go back to where it
		// stands, once per loss (answers to chunks sent before the go-back are stale).
		if (next < chunk.offset && chunk.generation === this.generation) {
			this.restartFrom(next);
			return;
		}
		this.pump();
	}

	private restartFrom(offset: number): void {
		this.generation++;
		this.inFlight = [];
		this.bySeq.clear();
		this.cursor = offset;
		this.confirmed = Math.min(this.confirmed, offset);
		this.pump();
		this.armTimer();
	}

	private pump(): void {
		if (this.paused || this.settled) return;
		if (!this.opened) {
			// Only the first chunk until the device said where it stands.
			if (this.inFlight.length === 0) this.sendChunk(0, true);
			return;
		}
		const window = Math.max(1, this.options.window);
		while (this.cursor < this.total && this.inFlight.length < window) {
			this.sendChunk(this.cursor, false);
		}
	}

	private sendChunk(offset: number, first: boolean): void {
		const end = Math.min(this.total, offset + this.options.chunkSize);
		const upload: ImageUpload = { offset, data: this.image.subarray(offset, end) };
		if (first)
			Object.assign(upload, {
				imageLength: this.total,
				sha256: this.sha256,
				slot: UPLOAD_SLOT,
				allowDowngrade: this.options.allowDowngrade ?? false,
				restart: this.options.restart ?? false,
			});
		const record: InFlight = { offset, end, generation: this.generation };
		this.inFlight.push(record);
		this.cursor = Math.max(this.cursor, end);
		this.chunksSent++;
		if (!this.timer) this.armTimer();
		this.bySeq.set(this.options.send(upload), record);
	}

	private armTimer(): void {
		this.options.clock.clearTimeout(this.timer);
		this.timer = this.options.clock.setTimeout(() => {
			this.timer = undefined;
			this.onTimeout();
		}, this.timeoutMs);
	}

	private onTimeout(): void {
		if (this.paused || this.settled) return;
		this.retries++;
		if (this.retries > this.maxRetries) {
			this.fail(
				new FieldchainError(
					ErrorCodes.FC_PROTO_TIMEOUT,
					`The device stopped answering at offset ${this.confirmed} of ${this.total} (${this.maxRetries} retransmissions, ${this.timeoutMs} ms each).`,
					{
						hint: "Check the cable and that the device is powered; run again with --resume to continue from where it stopped.",
					},
				),
			);
			return;
		}
		this.retransmissions++;
		if (!this.opened) this.inFlight = [];
		this.restartFrom(this.opened ? this.confirmed : 0);
	}

	private finish(): void {
		this.settled = true;
		this.options.clock.clearTimeout(this.timer);
		this.resolve({ resumedAt: this.resumedAt ?? 0, retransmissions: this.retransmissions, chunksSent: this.chunksSent });
	}

	private fail(error: Error): void {
		if (this.settled) return;
		this.settled = true;
		this.options.clock.clearTimeout(this.timer);
		this.reject(error);
	}
}
