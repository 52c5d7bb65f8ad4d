/**
 * Serial frame = COBS( payload || CRC-32C(payload) as 4 bytes little-endian ) followed by 0x00.
 * protocol/README.md ("Serial framing") is the normative text; this file implements it.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { cobsEncodeInto, cobsMaxEncodedLength } from "./cobs.js";
import { crc32c } from "./crc32c.js";

/** max_payload a device gets when its Hello says 0. */
export const DEFAULT_MAX_PAYLOAD = 1024;
/** No device may advertise more than this. */
export const ABSOLUTE_MAX_PAYLOAD = 16384;
export const CRC_LENGTH = 4;
export const FRAME_DELIMITER = 0x00;

/** Largest number of bytes between two delimiters for a payload of maxPayload bytes. */
export function maxEncodedFrameLength(maxPayload: number): number {
	return cobsMaxEncodedLength(maxPayload + CRC_LENGTH);
}

export function encodeFrame(payload: Uint8Array, maxPayload = ABSOLUTE_MAX_PAYLOAD): Buffer {
	if (payload.length > maxPayload) {
		throw new FieldchainError(ErrorCodes.FC_PROTO_TOO_LARGE, `Message of ${payload.length} bytes exceeds the peer's max_payload of ${maxPayload} bytes.`, {
			hint: "Send smaller messages, or raise max_payload on the device (at most 16384).",
		});
	}
	const raw = Buffer.allocUnsafe(payload.length + CRC_LENGTH);
	raw.set(payload, 0);
	raw.writeUInt32LE(crc32c(payload), payload.length);
	const out = Buffer.allocUnsafe(cobsMaxEncodedLength(raw.length) + 1);
	const length = cobsEncodeInto(raw, out, 0);
	out[length] = FRAME_DELIMITER;
	return out.subarray(0, length + 1);
}
