/**
 * How the canonical records of one evidence batch are packed into its `records` column. Invariant:
 * unpacking gives back every record byte for byte, or throws FC_STORE_CORRUPT; it never returns
 * fewer, more or altered records. Packing is storage only: what is hashed, signed and uplinked is
 * the canonical bytes, never this layout.
 *
 * Two layouts, told apart by the first byte:
 * - Length-prefixed (schema version 3 and rows written before the delta layout): each record after
 *   its length as a uint32 big-endian. Its first byte is the top byte of a record length, so 0x00
 *   for any record under 16 MiB.
 * - Delta (DELTA_MARK first): consecutive records of a batch share most of their bytes (the same
 *   gateway, work order, task, item, device and calibration; only id, chain link, seq, time and
 *   value change), so each record is its length and then runs against the record before it:
 *   `copy` bytes taken from the previous record at the same offset, then `literal` bytes written
 *   out. Lengths are unsigned LEB128. A 285-byte reading record stores as about 81 bytes: less
 *   written to the WAL, to the database file at each checkpoint and to the flash, and less held
 *   against the disk quota (evidence is never aged out). Encoding is one pass of byte compares;
 *   deflate at level 1 measured about seven times slower for a similar size.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

export interface PackedRecord {
	chainSeq: number;
	bytes: Buffer;
}

/** First byte of a delta-packed row; a length-prefixed row starts with 0x00 for records under 16 MiB. */
export const DELTA_MARK = 0xfd;
const LENGTH_PREFIX = 4;
/** A shorter run of equal bytes is written as literal: two length headers would cost more than it saves. */
const MIN_COPY = 4;

/** Packs records (delta layout) into a reused buffer; the result is valid until the next pack(). */
export class RecordPacker {
	private scratch = Buffer.allocUnsafe(64 * 1024);

	pack(entries: readonly { bytes: Uint8Array }[]): Buffer {
		let bound = 1;
		for (const entry of entries) bound += worstCase(entry.bytes.byteLength);
		if (this.scratch.length < bound) this.scratch = Buffer.allocUnsafe(Math.max(bound, this.scratch.length * 2));
		const out = this.scratch;
		out[0] = DELTA_MARK;
		let at = 1;
		let previous: Uint8Array = EMPTY;
		for (const entry of entries) {
			at = packOne(entry.bytes, previous, out, at);
			previous = entry.bytes;
		}
		return out.subarray(0, at);
	}
}

/** Packs records into a new buffer (delta layout). */
export function packRecords(entries: readonly { bytes: Uint8Array }[]): Buffer {
	return Buffer.from(new RecordPacker().pack(entries));
}

/** The records of one batch row (either layout), numbered from firstSeq; refuses a row that does not add up. */
export function unpackRecords(firstSeq: number, lastSeq: number, packed: Buffer): PackedRecord[] {
	const expected = lastSeq - firstSeq + 1;
	const records = packed.length > 0 && packed[0] === DELTA_MARK ? unpackDelta(packed, expected) : unpackLengthPrefixed(packed);
	if (records === undefined || records.length !== expected) throw damaged(firstSeq, lastSeq, packed.length);
	return records.map((bytes, i) => ({ chainSeq: firstSeq + i, bytes }));
}

const EMPTY = new Uint8Array(0);

/** Bytes a record can take at most: its length, and per run two lengths (runs alternate, copies are at least MIN_COPY long). */
function worstCase(length: number): number {
	return 5 + length + 10 * (Math.floor(length / MIN_COPY) + 2);
}

function packOne(bytes: Uint8Array, previous: Uint8Array, out: Buffer, start: number): number {
	const length = bytes.length;
	const shared = Math.min(length, previous.length);
	let at = writeVarint(out, start, length);
	let i = 0;
	while (i < length) {
		const copyFrom = i;
		while (i < shared && bytes[i] === previous[i]) i++;
		const literalFrom = i;
		// The literal run ends where a run of MIN_COPY equal bytes starts (or at the end).
		while (i < length) {
			if (i < shared && bytes[i] === previous[i]) {
				let j = i + 1;
				while (j < shared && j - i < MIN_COPY && bytes[j] === previous[j]) j++;
				if (j - i >= MIN_COPY) break;
				i = j;
			} else {
				i++;
			}
		}
		at = writeVarint(out, at, literalFrom - copyFrom);
		at = writeVarint(out, at, i - literalFrom);
		for (let k = literalFrom; k < i; k++) out[at++] = bytes[k];
	}
	return at;
}

function unpackDelta(packed: Buffer, expected: number): Buffer[] | undefined {
	// First pass: check the structure and add up the lengths, so that the records share one buffer.
	const lengths: number[] = [];
	let total = 0;
	const cursor = { at: 1 };
	let previousLength = 0;
	while (cursor.at < packed.length) {
		if (lengths.length >= expected) return undefined;
		const length = readVarint(packed, cursor);
		if (length === undefined || length > packed.length * 64) return undefined;
		let filled = 0;
		while (filled < length) {
			const copy = readVarint(packed, cursor);
			const literal = readVarint(packed, cursor);
			if (copy === undefined || literal === undefined || (copy === 0 && literal === 0)) return undefined;
			if (filled + copy > previousLength || filled + copy + literal > length || cursor.at + literal > packed.length) return undefined;
			filled += copy + literal;
			cursor.at += literal;
		}
		lengths.push(length);
		total += length;
		previousLength = length;
	}
	// Second pass: copy the runs (short ones byte by byte: a native copy per run costs more).
	const out = Buffer.allocUnsafe(total);
	const records: Buffer[] = [];
	cursor.at = 1;
	let start = 0;
	let previousStart = 0;
	for (const length of lengths) {
		readVarint(packed, cursor);
		let filled = 0;
		while (filled < length) {
			const copy = readVarint(packed, cursor) as number;
			const literal = readVarint(packed, cursor) as number;
			for (let k = 0; k < copy; k++) out[start + filled + k] = out[previousStart + filled + k];
			filled += copy;
			for (let k = 0; k < literal; k++) out[start + filled + k] = packed[cursor.at + k];
			filled += literal;
			cursor.at += literal;
		}
		records.push(out.subarray(start, start + length));
		previousStart = start;
		start += length;
	}
	return records;
}

function unpackLengthPrefixed(packed: Buffer): Buffer[] | undefined {
	const records: Buffer[] = [];
	let offset = 0;
	while (offset < packed.length) {
		if (offset + LENGTH_PREFIX > packed.length) return undefined;
		const end = offset + LENGTH_PREFIX + packed.readUInt32BE(offset);
		if (end > packed.length) return undefined;
		records.push(packed.subarray(offset + LENGTH_PREFIX, end));
		offset = end;
	}
	return records;
}

function writeVarint(out: Buffer, at: number, value: number): number {
	let rest = value;
	while (rest >= 0x80) {
		out[at++] = (rest & 0x7f) | 0x80;
		rest = Math.floor(rest / 128);
	}
	out[at++] = rest;
	return at;
}

/** An unsigned LEB128 of at most 5 bytes, or undefined past the end or when longer. */
function readVarint(packed: Buffer, cursor: { at: number }): number | undefined {
	let value = 0;
	let scale = 1;
	for (let n = 0; n < 5; n++) {
		if (cursor.at >= packed.length) return undefined;
		const byte = packed[cursor.at++];
		value += (byte & 0x7f) * scale;
		if (byte < 0x80) return value;
		scale *= 128;
	}
	return undefined;
}

function damaged(firstSeq: number, lastSeq: number, size: number): FieldchainError {
	return new FieldchainError(
		ErrorCodes.FC_STORE_CORRUPT,
		`Evidence batch ${firstSeq}..${lastSeq} in the gateway database is damaged: its ${size} bytes do not unpack into its ${lastSeq - firstSeq + 1} records.`,
		{ hint: "Restore gateway.db from a backup; `fieldchain evidence verify` on an export shows which records are affected." },
	);
}
