/**
 * Consistent Overhead Byte Stuffing, written here because no well-kept npm package implements it
 * with offsets into a caller's buffer (the ones that exist allocate per call and are unmaintained).
 *
 * Spec: S. Cheshire and M. Baker, "Consistent Overhead Byte Stuffing", IEEE/ACM Transactions on
 * Networking 7(2), 1999, section 3. Each block is a code byte N (1..255) followed by N-1 non-zero
 * bytes; a block with N < 255 stands for its bytes followed by one zero, except the last block of
 * the packet, whose implied zero is dropped. The encoded bytes contain no zero, so 0x00 can
 * delimit frames.
 */

/** Largest encoded size of `length` input bytes (without the 0x00 delimiter). */
export function cobsMaxEncodedLength(length: number): number {
	return length + Math.ceil(length / 254) + 1;
}

/**
 * Encodes src into dst at dstOffset and returns the number of bytes written. dst must have room
 * for cobsMaxEncodedLength(src.length) bytes.
 */
export function cobsEncodeInto(src: Uint8Array, dst: Uint8Array, dstOffset = 0): number {
	let codeIndex = dstOffset;
	let write = dstOffset + 1;
	let code = 1;
	for (let read = 0; read < src.length; read++) {
		const byte = src[read];
		if (byte === 0) {
			dst[codeIndex] = code;
			codeIndex = write++;
			code = 1;
			continue;
		}
		dst[write++] = byte;
		code++;
		if (code === 0xff) {
			// A full block of 254 data bytes has no implied zero (paper, section 3).
			dst[codeIndex] = code;
			codeIndex = write++;
			code = 1;
		}
	}
	dst[codeIndex] = code;
	return write - dstOffset;
}

export function cobsEncode(src: Uint8Array): Buffer {
	const out = Buffer.allocUnsafe(cobsMaxEncodedLength(src.length));
	const length = cobsEncodeInto(src, out);
	return out.subarray(0, length);
}

/**
 * Decodes src[start, end) (no delimiter) into dst at dstOffset and returns the decoded length, or
 * -1 when the input is not valid COBS (a zero byte inside, or a code byte that runs past the end).
 * dst needs end - start bytes at most from dstOffset.
 */
export function cobsDecodeInto(src: Uint8Array, start: number, end: number, dst: Uint8Array, dstOffset = 0): number {
	let read = start;
	let write = dstOffset;
	while (read < end) {
		const code = src[read++];
		if (code === 0) return -1;
		const blockEnd = read + code - 1;
		if (blockEnd > end) return -1;
		while (read < blockEnd) {
			const byte = src[read++];
			if (byte === 0) return -1;
			dst[write++] = byte;
		}
		if (code !== 0xff && read < end) dst[write++] = 0;
	}
	return write - dstOffset;
}

export function cobsDecode(src: Uint8Array): Buffer | undefined {
	const out = Buffer.allocUnsafe(src.length);
	const length = cobsDecodeInto(src, 0, src.length, out);
	return length < 0 ? undefined : out.subarray(0, length);
}
