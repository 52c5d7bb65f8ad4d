/**
 * Image upload over SMP ("Application/software image management group", "Image upload"): chunks
 * of the file at increasing offsets; the first carries `len`, `sha` (SHA-256 of the whole file,
 * which names the upload session) and `image` when given. The device answers every chunk with the
 * offset it expects next, so:
 * - resume: a first chunk whose `sha` matches the device's unfinished upload is answered with the
 *   offset reached, and sending goes on from there;
 * - window: up to `window` chunks are in flight (the device's buf_count allows that many packets
 *   queued); a chunk the device did not take (lost, out of order) shows as an answer with an
 *   earlier offset, and sending restarts from the device's offset once the window has drained;
 * - each chunk's packet fits the device's buf_size (header + CBOR, plus the console framing's
 *   length and CRC), per mcumgr_params;
 * - an answer with offset 0 after progress means the device lost the session (it reset): the
 *   first-chunk fields are sent again, as the specification's note on "off" of 0 asks.
 * Invariant: the upload finishes only when the device reports the file's full length.
 */
import { createHash } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { SMP_HEADER_SIZE, SmpGroup, SmpOp } from "./header.js";
import { type SmpClient, toCbor } from "./smp-client.js";
import type { McumgrParams } from "./smp-commands.js";

/** The 2-byte packet length and 2-byte CRC16 that share the device's receive buffer with the packet. */
export const SERIAL_OVERHEAD = 4;

export interface UploadOptions {
	/** SMP's `image` field (multi-image devices); omitted when undefined, meaning image 0. */
	image?: number;
	params: McumgrParams;
	/** Chunks in flight at most; default from params (buf_count - 1, at least 1, at most 8). */
	window?: number;
	onProgress?: (confirmed: number, total: number) => void;
}

export interface UploadOutcome {
	bytes: number;
	/** SHA-256 of the file, as sent in `sha`. */
	sha256: Buffer;
	/** The offset the device resumed from (0: a fresh upload). */
	resumedAt: number;
	chunks: number;
	/** Chunks sent again after the device reported an earlier offset. */
	resent: number;
	/** The device's `match` (CONFIG_IMG_ENABLE_IMAGE_CHECK), undefined when it does not say. */
	match: boolean | undefined;
	seconds: number;
}

/** Largest `data` that keeps the packet within buf_size (CBOR byte-string heads grow at 24 and 256 bytes). */
export function chunkSize(bufSize: number, fields: Record<string, unknown>): number {
	const overhead = SMP_HEADER_SIZE + toCbor({ ...fields, data: new Uint8Array(0) }).length;
	let size = bufSize - overhead;
	// The head of a byte string of n bytes: 1 byte below 24, 2 below 256, 3 below 65536 (empty: 1 counted above).
	const head = (n: number) => (n < 24 ? 0 : n < 256 ? 1 : 2);
	while (size > 0 && overhead + size + head(size) > bufSize) size--;
	if (size < 1) {
		throw new FieldchainError(ErrorCodes.FC_SMP_DEVICE, `The device's SMP buffer of ${bufSize} bytes cannot carry an image chunk.`, {
			hint: "The device reports a buf_size too small for uploads (CONFIG_MCUMGR_TRANSPORT_NETBUF_SIZE).",
		});
	}
	return size;
}

export async function uploadImage(client: SmpClient, file: Buffer, options: UploadOptions): Promise<UploadOutcome> {
	const started = Date.now();
	const total = file.length;
	if (total === 0) throw new FieldchainError(ErrorCodes.FC_FIRMWARE_IMAGE, "The image file is empty.");
	const sha256 = createHash("sha256").update(file).digest();
	const first = { image: options.image, len: total, off: 0, sha: sha256 };
	// Over the console transport the device decodes length, packet and CRC16 into one buffer of
	// buf_size ("SMP Transport Specification", "Frame formats"): 4 bytes of it are not the packet's.
	const packetLimit = options.params.bufSize - SERIAL_OVERHEAD;
	const firstChunk = chunkSize(packetLimit, first);
	// Later chunks carry only off (up to 5 bytes of CBOR for a u32) and data.
	const laterChunk = chunkSize(packetLimit, { off: 0xffffffff });
	const window = Math.max(1, options.window ?? Math.min(8, options.params.bufCount - 1));
	let chunks = 0;
	let resent = 0;
	let match: boolean | undefined;

	// The request in flight for each offset, so a gap the device reports is filled at once, not after a timeout.
	const resenders = new Map<number, () => void>();
	const send = async (off: number): Promise<{ off: number; match?: boolean }> => {
		const isFirst = off === 0;
		const data = file.subarray(off, off + (isFirst ? firstChunk : laterChunk));
		chunks++;
		let body: Record<string, unknown>;
		try {
			body = await client.request(
				{
					op: SmpOp.WRITE,
					group: SmpGroup.IMAGE,
					command: 1,
					body: isFirst ? { ...first, data } : { off, data },
					name: `image upload at offset ${off}`,
				},
				{ onSent: (resend) => resenders.set(off, resend) },
			);
		} finally {
			resenders.delete(off);
		}
		const reported = body.off;
		if (typeof reported !== "number" || !Number.isSafeInteger(reported) || reported < 0 || reported > total) {
			throw new FieldchainError(
				ErrorCodes.FC_SMP_DECODE,
				`The device answered the chunk at ${off} with offset ${String(reported)} (the image has ${total} bytes).`,
			);
		}
		return { off: reported, match: typeof body.match === "boolean" ? body.match : undefined };
	};

	// The first chunk opens (or resumes) the session; its answer says where the device is.
	const opening = await send(0);
	let deviceOffset = opening.off;
	match = opening.match;
	const resumedAt = deviceOffset > firstChunk ? deviceOffset : 0;
	options.onProgress?.(deviceOffset, total);
	let restarts = 0;
	while (deviceOffset < total) {
		let next = deviceOffset;
		let sawGap = false;
		let latest = deviceOffset;
		let failure: Error | undefined;
		const inFlight = new Set<Promise<void>>();
		// Fill the window, then refill as answers come, until a gap shows or the file is sent.
		while (((next < total && !sawGap) || inFlight.size > 0) && !failure) {
			while (next < total && !sawGap && inFlight.size < window) {
				const off = next;
				next = Math.min(total, off + laterChunk);
				// Every in-flight request settles into this loop's state: none is left to reject unheard.
				const promise: Promise<void> = send(off).then(
					(answer) => {
						inFlight.delete(promise);
						latest = answer.off;
						if (answer.match !== undefined) match = answer.match;
						if (answer.off !== Math.min(total, off + laterChunk)) {
							// The device skipped this chunk because an earlier one did not arrive: send that one again now.
							if (!sawGap) resenders.get(answer.off)?.();
							sawGap = true;
						} else options.onProgress?.(answer.off, total);
					},
					(error: Error) => {
						inFlight.delete(promise);
						failure ??= error;
					},
				);
				inFlight.add(promise);
			}
			if (inFlight.size > 0) await Promise.race(inFlight);
		}
		if (failure) throw failure;
		if (latest === 0 && deviceOffset > 0) {
			// The device lost the session (a reset): open it again with every first-chunk field.
			if (++restarts > 3) throw new FieldchainError(ErrorCodes.FC_FIRMWARE_UPLOAD, "The device lost the upload session three times; giving up.");
			const again = await send(0);
			latest = again.off;
		}
		if (sawGap) resent++;
		deviceOffset = latest;
		options.onProgress?.(deviceOffset, total);
	}
	if (match === false) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_UPLOAD,
			"The device's SHA-256 of the uploaded image differs from the file's; the image must not be used.",
			{
				hint: "Upload it again; if it fails again, the line corrupts data the CRC did not catch.",
			},
		);
	}
	return { bytes: total, sha256, resumedAt, chunks, resent, match, seconds: (Date.now() - started) / 1000 };
}
