/**
 * A decoder specialised for the Envelopes that arrive by the thousand (a Reading, an Ack), written
 * against the generated protobufjs code (protocol/generated/device.js) and checked against it by
 * envelope-decoder.test.ts. It builds the same objects protobufjs builds (the generated classes,
 * fields set in wire order, zero values left to the prototype) for the messages it accepts, and
 * returns undefined for everything else — another body, an unknown field, a wrong wire type, a
 * repeated scalar, a multi-byte tag, a long varint, non-ASCII text, truncation — so the caller
 * decodes those with protobufjs and gets its result or its refusal. Invariant: for any input it
 * accepts, the result is field for field what v1.Envelope.decode returns.
 *
 * Why it is faster: no Reader object, no per-field calls, and the short strings that repeat on
 * every reading (quantity, unit, channel) are taken from a one-entry cache after a byte compare.
 */
import { fieldchain } from "../generated/device.js";

const { Envelope, Reading, Ack, SeqRange } = fieldchain.device.v1;

// Tags (field number << 3 | wire type) the fast path knows; all fit in one byte.
const ENVELOPE_SEQ = (1 << 3) | 0;
const ENVELOPE_READING = (12 << 3) | 2;
const ENVELOPE_ACK = (13 << 3) | 2;
const READING_SEQ = (1 << 3) | 0;
const READING_DEVICE_TIME = (2 << 3) | 0;
const READING_QUANTITY = (3 << 3) | 2;
const READING_VALUE = (4 << 3) | 1;
const READING_UNIT = (5 << 3) | 2;
const READING_FLAGS = (6 << 3) | 0;
const READING_CHANNEL = (7 << 3) | 2;
const ACK_UP_TO_SEQ = (1 << 3) | 0;
const ACK_BOOT_ID = (2 << 3) | 2;
const ACK_SACK = (3 << 3) | 2;
const RANGE_FIRST = (1 << 3) | 0;
const RANGE_LAST = (2 << 3) | 0;

/** Read position in the buffer being decoded (one decode runs at a time: the code is synchronous). */
let pos = 0;

/** Says "not for the fast path"; every reader returns it instead of throwing. */
const NO = -1;

/** A uint32 varint of at most 5 bytes with no bits beyond 32, else NO. */
function readUint32(buf: Buffer, end: number): number {
	let byte = pos < end ? buf[pos++] : 256;
	if (byte < 0x80) return byte;
	if (byte === 256) return NO;
	let value = byte & 0x7f;
	byte = pos < end ? buf[pos++] : 256;
	if (byte < 0x80) return value | (byte << 7);
	if (byte === 256) return NO;
	value |= (byte & 0x7f) << 7;
	byte = pos < end ? buf[pos++] : 256;
	if (byte < 0x80) return value | (byte << 14);
	if (byte === 256) return NO;
	value |= (byte & 0x7f) << 14;
	byte = pos < end ? buf[pos++] : 256;
	if (byte < 0x80) return value | (byte << 21);
	if (byte === 256) return NO;
	value |= (byte & 0x7f) << 21;
	byte = pos < end ? buf[pos++] : 256;
	// protobufjs keeps the low 4 bits of a fifth byte and skips up to five more: leave those to it.
	if (byte < 0x10) return value + byte * 0x10000000;
	return NO;
}

/**
 * A uint64 varint of at most 8 bytes (56 bits: every microsecond timestamp), as the number
 * protobufjs makes of it without Long (low + high * 2^32, rounded once; the same real value
 * rounded once here gives the same double). Longer ones: NO.
 */
function readUint64(buf: Buffer, end: number): number {
	let low = 0;
	let shift = 0;
	for (; shift < 28; shift += 7) {
		if (pos >= end) return NO;
		const byte = buf[pos++];
		low |= (byte & 0x7f) << shift;
		if (byte < 0x80) return low;
	}
	let high = 0;
	for (shift = 0; shift < 28; shift += 7) {
		if (pos >= end) return NO;
		const byte = buf[pos++];
		high |= (byte & 0x7f) << shift;
		if (byte < 0x80) return low + high * 0x10000000;
	}
	return NO;
}

const doubleBytes = new Uint8Array(8);
const doubleView = new Float64Array(doubleBytes.buffer);

/** Little-endian double at pos (the caller checked 8 bytes remain). */
function readDouble(buf: Buffer): number {
	const p = pos;
	doubleBytes[0] = buf[p];
	doubleBytes[1] = buf[p + 1];
	doubleBytes[2] = buf[p + 2];
	doubleBytes[3] = buf[p + 3];
	doubleBytes[4] = buf[p + 4];
	doubleBytes[5] = buf[p + 5];
	doubleBytes[6] = buf[p + 6];
	doubleBytes[7] = buf[p + 7];
	pos = p + 8;
	return doubleView[0];
}

/** Node's Buffer has it (Buffer#toString("latin1") calls it after argument checks); @types/node does not list it. */
interface LatinSlicer {
	latin1Slice(start: number, end: number): string;
}

const CACHED_STRING_MAX = 64;

/** The last string decoded for one field: a reading's quantity and unit repeat from frame to frame. */
class LastString {
	readonly bytes = new Uint8Array(CACHED_STRING_MAX);
	length = -1;
	value = "";
}

const lastQuantity = new LastString();
const lastUnit = new LastString();
const lastChannel = new LastString();

/**
 * A length-delimited ASCII string, or undefined (truncated, or a byte >= 0x80: protobufjs then
 * validates the UTF-8 and may refuse it, so it decides).
 */
function readAscii(buf: Buffer, end: number, last: LastString): string | undefined {
	const length = readUint32(buf, end);
	if (length === NO || length > end - pos) return undefined;
	const start = pos;
	pos = start + length;
	if (length === last.length) {
		const bytes = last.bytes;
		let i = 0;
		while (i < length && buf[start + i] === bytes[i]) i++;
		if (i === length) return last.value;
	}
	for (let i = start; i < start + length; i++) if (buf[i] >= 0x80) return undefined;
	const value = (buf as unknown as LatinSlicer).latin1Slice(start, start + length);
	if (length <= CACHED_STRING_MAX) {
		last.bytes.set(buf.subarray(start, start + length));
		last.length = length;
		last.value = value;
	}
	return value;
}

function decodeReading(buf: Buffer, end: number): fieldchain.device.v1.Reading | undefined {
	const reading = new Reading();
	let seen = 0;
	while (pos < end) {
		const tag = buf[pos++];
		// A field seen twice merges or overwrites in protobufjs: rare enough to leave to it.
		const bit = 1 << (tag >>> 3);
		if (seen & bit) return undefined;
		seen |= bit;
		switch (tag) {
			case READING_SEQ: {
				const value = readUint32(buf, end);
				if (value === NO) return undefined;
				if (value !== 0) reading.seq = value;
				break;
			}
			case READING_DEVICE_TIME: {
				const value = readUint64(buf, end);
				if (value === NO) return undefined;
				if (value !== 0) reading.deviceTimeUs = value;
				break;
			}
			case READING_QUANTITY: {
				const value = readAscii(buf, end, lastQuantity);
				if (value === undefined) return undefined;
				if (value.length !== 0) reading.quantity = value;
				break;
			}
			case READING_VALUE: {
				if (end - pos < 8) return undefined;
				const value = readDouble(buf);
				// Object.is: protobufjs keeps -0 and drops only +0.
				if (!Object.is(value, 0)) reading.value = value;
				break;
			}
			case READING_UNIT: {
				const value = readAscii(buf, end, lastUnit);
				if (value === undefined) return undefined;
				if (value.length !== 0) reading.unit = value;
				break;
			}
			case READING_FLAGS: {
				const value = readUint32(buf, end);
				if (value === NO) return undefined;
				if (value !== 0) reading.flags = value;
				break;
			}
			case READING_CHANNEL: {
				const value = readAscii(buf, end, lastChannel);
				if (value === undefined) return undefined;
				if (value.length !== 0) reading.channel = value;
				break;
			}
			default:
				return undefined;
		}
	}
	return reading;
}

function decodeSeqRange(buf: Buffer, end: number): fieldchain.device.v1.SeqRange | undefined {
	const range = new SeqRange();
	let seen = 0;
	while (pos < end) {
		const tag = buf[pos++];
		const value = tag === RANGE_FIRST || tag === RANGE_LAST ? readUint32(buf, end) : NO;
		if (value === NO || seen & tag) return undefined;
		seen |= tag;
		if (value !== 0) {
			if (tag === RANGE_FIRST) range.first = value;
			else range.last = value;
		}
	}
	return range;
}

function decodeAck(buf: Buffer, end: number): fieldchain.device.v1.Ack | undefined {
	const ack = new Ack();
	let seen = 0;
	while (pos < end) {
		const tag = buf[pos++];
		if (tag === ACK_SACK) {
			const length = readUint32(buf, end);
			if (length === NO || length > end - pos) return undefined;
			const range = decodeSeqRange(buf, pos + length);
			if (range === undefined) return undefined;
			if (ack.sack.length === 0) ack.sack = [range];
			else ack.sack.push(range);
			continue;
		}
		if (seen & (1 << (tag >>> 3))) return undefined;
		seen |= 1 << (tag >>> 3);
		if (tag === ACK_UP_TO_SEQ) {
			const value = readUint32(buf, end);
			if (value === NO) return undefined;
			if (value !== 0) ack.upToSeq = value;
		} else if (tag === ACK_BOOT_ID) {
			const length = readUint32(buf, end);
			if (length === NO || length > end - pos) return undefined;
			// protobufjs hands out a view (Buffer.prototype.slice, a Buffer) into the message's bytes, as here.
			if (length !== 0) ack.bootId = buf.subarray(pos, pos + length);
			pos += length;
		} else return undefined;
	}
	return ack;
}

/**
 * The Envelope in `buf`, or undefined when the fast path does not handle it (decode it with
 * protobufjs then). Never throws.
 */
export function fastDecodeEnvelope(buf: Buffer): fieldchain.device.v1.Envelope | undefined {
	const end = buf.length;
	pos = 0;
	const envelope = new Envelope();
	let seenSeq = false;
	let seenBody = false;
	while (pos < end) {
		const tag = buf[pos++];
		if (tag === ENVELOPE_SEQ) {
			if (seenSeq) return undefined;
			seenSeq = true;
			const value = readUint32(buf, end);
			if (value === NO) return undefined;
			if (value !== 0) envelope.seq = value;
			continue;
		}
		if (seenBody || (tag !== ENVELOPE_READING && tag !== ENVELOPE_ACK)) return undefined;
		seenBody = true;
		const length = readUint32(buf, end);
		if (length === NO || length > end - pos) return undefined;
		const bodyEnd = pos + length;
		if (tag === ENVELOPE_READING) {
			const reading = decodeReading(buf, bodyEnd);
			if (reading === undefined) return undefined;
			envelope.reading = reading;
		} else {
			const ack = decodeAck(buf, bodyEnd);
			if (ack === undefined) return undefined;
			envelope.ack = ack;
		}
	}
	return seenBody ? envelope : undefined;
}
