/**
 * The SMP header, as Zephyr's "SMP Protocol Specification" defines it in "Frame: The envelope":
 * 8 bytes, multi-byte fields big-endian (network order).
 *
 *   byte 0   Res (bits 7..5, always 0) | Ver (bits 4..3) | OP (bits 2..0)
 *   byte 1   Flags (none defined, 0)
 *   2..3     Data Length (of the CBOR body that follows)
 *   4..5     Group ID
 *   6        Sequence Num (the response repeats the request's)
 *   7        Command ID
 *
 * Invariant: encodeSmpHeader(decodeSmpHeader(b)) gives back b for every valid header.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export const SMP_HEADER_SIZE = 8;

/** mcumgr_op_t ("Frame: The envelope", field OP): a response's OP is the request's plus one. */
export const SmpOp = { READ: 0, READ_RSP: 1, WRITE: 2, WRITE_RSP: 3 } as const;

/**
 * The Ver field: 0b00 is the original protocol (errors as `rc`), 0b01 is SMP version 2 (group
 * errors as `err: {group, rc}`); 0b10 and 0b11 are reserved.
 */
export const SMP_VERSION_1 = 0;
export const SMP_VERSION_2 = 1;

/** "Management Group ID's": the groups this client speaks. */
export const SmpGroup = { OS: 0, IMAGE: 1, STAT: 2, SHELL: 9 } as const;

export interface SmpHeader {
	version: number;
	op: number;
	flags: number;
	length: number;
	group: number;
	sequence: number;
	command: number;
}

export function encodeSmpHeader(header: SmpHeader): Buffer {
	const out = Buffer.alloc(SMP_HEADER_SIZE);
	out[0] = ((header.version & 0b11) << 3) | (header.op & 0b111);
	out[1] = header.flags & 0xff;
	out.writeUInt16BE(header.length, 2);
	out.writeUInt16BE(header.group, 4);
	out[6] = header.sequence & 0xff;
	out[7] = header.command & 0xff;
	return out;
}

export function decodeSmpHeader(bytes: Uint8Array): SmpHeader {
	if (bytes.length < SMP_HEADER_SIZE) {
		throw new FieldchainError(ErrorCodes.FC_SMP_DECODE, `SMP packet of ${bytes.length} bytes is shorter than the ${SMP_HEADER_SIZE}-byte header.`);
	}
	const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return {
		version: (b[0] >> 3) & 0b11,
		op: b[0] & 0b111,
		flags: b[1],
		length: b.readUInt16BE(2),
		group: b.readUInt16BE(4),
		sequence: b[6],
		command: b[7],
	};
}
