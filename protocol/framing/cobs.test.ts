import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cobsDecode, cobsDecodeInto, cobsEncode, cobsEncodeInto, cobsMaxEncodedLength } from "./cobs.js";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");
/** Bytes from..to inclusive, ascending: range(1, 254) is 01 02 ... FE. */
const range = (from: number, to: number) => Buffer.from(Array.from({ length: to - from + 1 }, (_, i) => from + i));
const cat = (...parts: Uint8Array[]) => Buffer.concat(parts);

// Cheshire & Baker 1999 and the examples of https://en.wikipedia.org/wiki/Consistent_Overhead_Byte_Stuffing.
const VECTORS: Array<{ name: string; decoded: Buffer; encoded: Buffer }> = [
	{ name: "empty packet", decoded: hex(""), encoded: hex("01") },
	{ name: "00", decoded: hex("00"), encoded: hex("01 01") },
	{ name: "00 00", decoded: hex("00 00"), encoded: hex("01 01 01") },
	{ name: "00 11 00", decoded: hex("00 11 00"), encoded: hex("01 02 11 01") },
	{ name: "11 22 00 33", decoded: hex("11 22 00 33"), encoded: hex("03 11 22 02 33") },
	{ name: "11 22 33 44", decoded: hex("11 22 33 44"), encoded: hex("05 11 22 33 44") },
	{ name: "11 00 00 00", decoded: hex("11 00 00 00"), encoded: hex("02 11 01 01 01") },
	// A full block of 254 data bytes has no implied zero. The paper's encoder (and ours) closes
	// the packet with an empty final block 01; Wikipedia's variant omits it (both decode the same).
	{ name: "01..FE (254 non-zero bytes)", decoded: range(1, 254), encoded: cat(hex("FF"), range(1, 254), hex("01")) },
	{ name: "00 01..FE (255 bytes)", decoded: cat(hex("00"), range(1, 254)), encoded: cat(hex("01 FF"), range(1, 254), hex("01")) },
	{ name: "01..FF (255 non-zero bytes)", decoded: range(1, 255), encoded: cat(hex("FF"), range(1, 254), hex("02 FF")) },
	{ name: "02..FF 00 (255 bytes)", decoded: cat(range(2, 255), hex("00")), encoded: cat(hex("FF"), range(2, 255), hex("01 01")) },
	{ name: "03..FF 00 01 (255 bytes)", decoded: cat(range(3, 255), hex("00 01")), encoded: cat(hex("FE"), range(3, 255), hex("02 01")) },
];

describe("COBS known vectors", () => {
	it.each(VECTORS)("encodes $name", ({ decoded, encoded }) => {
		expect(cobsEncode(decoded).toString("hex")).toBe(encoded.toString("hex"));
		expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(decoded.length));
	});

	it.each(VECTORS)("decodes $name", ({ decoded, encoded }) => {
		expect(cobsDecode(encoded)?.toString("hex")).toBe(decoded.toString("hex"));
	});

	it("also decodes Wikipedia's shorter form of a packet ending in a full block", () => {
		expect(cobsDecode(cat(hex("FF"), range(1, 254)))).toEqual(range(1, 254));
		expect(cobsDecode(cat(hex("01 FF"), range(1, 254)))).toEqual(cat(hex("00"), range(1, 254)));
	});

	it("encodes 508 non-zero bytes as two full blocks", () => {
		const data = cat(range(1, 254), range(1, 254));
		expect(cobsEncode(data)).toEqual(cat(hex("FF"), range(1, 254), hex("FF"), range(1, 254), hex("01")));
	});
});

describe("cobsEncodeInto / cobsDecodeInto", () => {
	it("writes at an offset of the destination and leaves the bytes around it alone", () => {
		const dst = Buffer.alloc(10, 0xaa);
		const written = cobsEncodeInto(hex("11 22 00 33"), dst, 3);
		expect(written).toBe(5);
		expect(dst.toString("hex")).toBe("aaaaaa0311220233aaaa");
	});

	it("decodes a sub-range of the source", () => {
		const src = hex("EE EE 03 11 22 02 33 EE");
		const dst = Buffer.alloc(8);
		expect(cobsDecodeInto(src, 2, 7, dst)).toBe(4);
		expect(dst.subarray(0, 4).toString("hex")).toBe("11220033");
	});
});

describe("COBS rejects invalid input", () => {
	it.each([
		{ name: "a zero code byte", encoded: hex("00") },
		{ name: "a zero inside a block", encoded: hex("03 11 00") },
		{ name: "a zero after a block", encoded: hex("02 11 00 01") },
		{ name: "a code byte that runs past the end", encoded: hex("05 11 22") },
		{ name: "a full-block code with too few bytes", encoded: cat(hex("FF"), range(1, 200)) },
		{ name: "a trailing code byte that runs past the end", encoded: hex("02 11 03 22") },
	])("returns undefined / -1 for $name", ({ encoded }) => {
		expect(cobsDecode(encoded)).toBeUndefined();
		expect(cobsDecodeInto(encoded, 0, encoded.length, Buffer.alloc(encoded.length))).toBe(-1);
	});
});

describe("COBS properties", () => {
	const payloads = fc.uint8Array({ maxLength: 3000 });

	it("decode(encode(x)) = x, with no zero byte in the encoding and within the size bound", () => {
		fc.assert(
			fc.property(payloads, (data) => {
				const encoded = cobsEncode(data);
				expect(encoded.includes(0)).toBe(false);
				expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(data.length));
				expect(cobsDecode(encoded)).toEqual(Buffer.from(data));
			}),
		);
	});

	it("decode(encode(x)) = x for long runs of non-zero bytes (block boundaries)", () => {
		const runs = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 250, max: 520 })), { maxLength: 6 });
		fc.assert(
			fc.property(runs, (lengths) => {
				const data = Buffer.concat(lengths.map((length) => (length === 0 ? hex("00") : Buffer.alloc(length, 0x5a))));
				expect(cobsDecode(cobsEncode(data))).toEqual(data);
			}),
		);
	});

	it("never throws on random input, and a successful decode is shorter than its input", () => {
		fc.assert(
			fc.property(payloads, (data) => {
				const decoded = cobsDecode(data);
				if (decoded !== undefined && data.length > 0) expect(decoded.length).toBeLessThan(data.length);
			}),
		);
	});

	it("never throws on random non-zero input either (only code bytes can make it invalid)", () => {
		const nonZero = fc.uint8Array({ min: 1, maxLength: 3000 });
		fc.assert(
			fc.property(nonZero, (data) => {
				const decoded = cobsDecode(data);
				// Whatever decodes re-encodes to a valid encoding of the same bytes.
				if (decoded !== undefined) expect(cobsDecode(cobsEncode(decoded))).toEqual(decoded);
			}),
		);
	});
});
