/**
 * Splits a serial byte stream into frame payloads. It never throws on input: garbage, a bad
 * CRC, invalid COBS or an oversized frame is counted and skipped, and decoding resumes after the
 * next 0x00 (the resynchronisation point of COBS framing).
 */
import { cobsDecodeInto } from "./cobs.js";
import { crc32c } from "./crc32c.js";
import { ABSOLUTE_MAX_PAYLOAD, CRC_LENGTH, DEFAULT_MAX_PAYLOAD, maxEncodedFrameLength } from "./frame.js";

export type FrameErrorKind = "crc" | "cobs" | "oversized" | "short";

export interface FrameError {
	kind: FrameErrorKind;
	/** Encoded bytes thrown away with this error. */
	discardedBytes: number;
}

export interface FrameStats {
	frames: number;
	bytes: number;
	badCrc: number;
	badCobs: number;
	oversized: number;
	short: number;
	/** Times the decoder threw bytes away and waited for the next delimiter. */
	resyncs: number;
	discardedBytes: number;
}

export interface FrameDecoderOptions {
	maxPayload?: number;
	onFrame: (payload: Buffer) => void;
	onError?: (error: FrameError) => void;
}

/**
 * Size of the blocks decoded frames are carved from: Buffer.poolSize, so a payload view kept by a
 * decoded message pins no more memory than a Buffer.allocUnsafe() slice would.
 */
const DECODE_BLOCK_SIZE = 8192;

export function emptyFrameStats(): FrameStats {
	return { frames: 0, bytes: 0, badCrc: 0, badCobs: 0, oversized: 0, short: 0, resyncs: 0, discardedBytes: 0 };
}

export class FrameDecoder {
	readonly stats: FrameStats = emptyFrameStats();
	private maxEncoded = 0;
	private pending: Buffer[] = [];
	private pendingLength = 0;
	/** True after an oversized frame: drop everything up to the next delimiter. */
	private skipping = false;
	/** Decoded frames are written here back to back; a block is never reused (see decodeFrame). */
	private block = Buffer.allocUnsafe(0);
	private blockUsed = 0;
	private readonly onFrame: (payload: Buffer) => void;
	private readonly onError: ((error: FrameError) => void) | undefined;

	constructor(options: FrameDecoderOptions) {
		this.onFrame = options.onFrame;
		this.onError = options.onError;
		this.setMaxPayload(options.maxPayload ?? DEFAULT_MAX_PAYLOAD);
	}

	/** The device's Hello may raise or lower the limit; it is clamped to the protocol maximum. */
	setMaxPayload(maxPayload: number): void {
		const effective = Math.min(maxPayload > 0 ? maxPayload : DEFAULT_MAX_PAYLOAD, ABSOLUTE_MAX_PAYLOAD);
		this.maxEncoded = maxEncodedFrameLength(effective);
	}

	push(chunk: Buffer): void {
		this.stats.bytes += chunk.length;
		let position = 0;
		while (position < chunk.length) {
			const delimiter = chunk.indexOf(0, position);
			if (delimiter === -1) {
				this.keepPartial(chunk, position);
				return;
			}
			if (this.skipping) {
				this.skipping = false;
				this.stats.discardedBytes += delimiter - position;
			} else if (this.pendingLength === 0) {
				this.decodeFrame(chunk, position, delimiter);
			} else {
				this.pending.push(chunk.subarray(position, delimiter));
				const joined = Buffer.concat(this.pending, this.pendingLength + delimiter - position);
				this.pending = [];
				this.pendingLength = 0;
				this.decodeFrame(joined, 0, joined.length);
			}
			position = delimiter + 1;
		}
	}

	/** Bytes of a frame whose delimiter has not arrived yet. */
	private keepPartial(chunk: Buffer, position: number): void {
		const length = chunk.length - position;
		if (this.skipping) {
			this.stats.discardedBytes += length;
			return;
		}
		if (this.pendingLength + length > this.maxEncoded) {
			this.fail("oversized", this.pendingLength + length);
			this.pending = [];
			this.pendingLength = 0;
			this.skipping = true;
			return;
		}
		// Copy: the caller may reuse its chunk buffer.
		this.pending.push(Buffer.from(chunk.subarray(position)));
		this.pendingLength += length;
	}

	private decodeFrame(source: Buffer, start: number, end: number): void {
		const length = end - start;
		if (length === 0) return; // back-to-back delimiters are idle line, not an error
		if (length > this.maxEncoded) {
			this.fail("oversized", length);
			return;
		}
		// Fresh, never reused memory per frame, since decoded messages may keep views into it (bytes
		// fields); carved from a block rather than Buffer.allocUnsafe(), so each frame costs one
		// Buffer object (the payload view) instead of two.
		if (this.block.length - this.blockUsed < length) {
			this.block = Buffer.allocUnsafe(Math.max(DECODE_BLOCK_SIZE, length));
			this.blockUsed = 0;
		}
		const block = this.block;
		const offset = this.blockUsed;
		const decodedLength = cobsDecodeInto(source, start, end, block, offset);
		if (decodedLength < 0) {
			this.fail("cobs", length);
			return;
		}
		if (decodedLength < CRC_LENGTH) {
			this.fail("short", length);
			return;
		}
		const payloadLength = decodedLength - CRC_LENGTH;
		const payload = block.subarray(offset, offset + payloadLength);
		if (crc32c(payload) !== block.readUInt32LE(offset + payloadLength)) {
			this.fail("crc", length);
			return;
		}
		this.blockUsed = offset + decodedLength;
		this.stats.frames++;
		this.onFrame(payload);
	}

	private fail(kind: FrameErrorKind, discardedBytes: number): void {
		const stats = this.stats;
		if (kind === "crc") stats.badCrc++;
		else if (kind === "cobs") stats.badCobs++;
		else if (kind === "oversized") stats.oversized++;
		else stats.short++;
		stats.resyncs++;
		stats.discardedBytes += discardedBytes;
		this.onError?.({ kind, discardedBytes });
	}
}
