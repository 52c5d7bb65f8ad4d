import { once } from "node:events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cobsEncode } from "./cobs.js";
import { crc32c } from "./crc32c.js";
import { ABSOLUTE_MAX_PAYLOAD, DEFAULT_MAX_PAYLOAD, encodeFrame, maxEncodedFrameLength } from "./frame.js";
import { FrameDecoder, type FrameDecoderOptions, type FrameError } from "./frame-decoder.js";
import { FrameDecoderStream } from "./frame-decoder-stream.js";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");
const bytes = (...values: number[]) => Buffer.from(values);

/** A decoder that records what it emits. */
function collector(options: Omit<FrameDecoderOptions, "onFrame" | "onError"> = {}) {
	const payloads: Buffer[] = [];
	const errors: FrameError[] = [];
	const decoder = new FrameDecoder({ ...options, onFrame: (p) => payloads.push(Buffer.from(p)), onError: (e) => errors.push(e) });
	return { decoder, payloads, errors, hexes: () => payloads.map((p) => p.toString("hex")) };
}

/** A frame whose CRC field is wrong. */
function badCrcFrame(payload: Buffer): Buffer {
	const raw = Buffer.alloc(payload.length + 4);
	payload.copy(raw);
	raw.writeUInt32LE((crc32c(payload) ^ 1) >>> 0, payload.length);
	return Buffer.concat([cobsEncode(raw), bytes(0)]);
}

/** Cuts data at the given offsets (taken modulo its length) into consecutive chunks. */
function chunk(data: Buffer, cuts: number[]): Buffer[] {
	const points = [...new Set(cuts.map((c) => (data.length === 0 ? 0 : c % (data.length + 1))))].sort((a, b) => a - b);
	const chunks: Buffer[] = [];
	let start = 0;
	for (const point of points) {
		chunks.push(data.subarray(start, point));
		start = point;
	}
	chunks.push(data.subarray(start));
	return chunks;
}

const A = hex("0801 6a02 0811");
const B = hex("08 02 12 00 00 00 ff");
const C = Buffer.alloc(600, 0x41);

describe("FrameDecoder: valid frames", () => {
	it("decodes one frame", () => {
		const { decoder, hexes, errors } = collector();
		decoder.push(encodeFrame(A));
		expect(hexes()).toEqual([A.toString("hex")]);
		expect(errors).toEqual([]);
		expect(decoder.stats).toMatchObject({ frames: 1, bytes: encodeFrame(A).length, resyncs: 0, discardedBytes: 0 });
	});

	it("decodes frames split at every byte boundary", () => {
		const stream = Buffer.concat([encodeFrame(A), encodeFrame(B), encodeFrame(C)]);
		for (let cut = 0; cut <= stream.length; cut++) {
			const { decoder, hexes, errors } = collector();
			decoder.push(stream.subarray(0, cut));
			decoder.push(stream.subarray(cut));
			expect(hexes(), `cut at ${cut}`).toEqual([A, B, C].map((p) => p.toString("hex")));
			expect(errors).toEqual([]);
		}
	});

	it("decodes a stream fed one byte at a time", () => {
		const { decoder, hexes } = collector();
		for (const byte of Buffer.concat([encodeFrame(A), encodeFrame(C)])) decoder.push(bytes(byte));
		expect(hexes()).toEqual([A.toString("hex"), C.toString("hex")]);
	});

	it("decodes several frames in one chunk, ignoring idle delimiters between them", () => {
		const { decoder, hexes, errors } = collector();
		decoder.push(Buffer.concat([bytes(0, 0), encodeFrame(A), bytes(0, 0, 0), encodeFrame(B), encodeFrame(A)]));
		expect(hexes()).toEqual([A, B, A].map((p) => p.toString("hex")));
		expect(errors).toEqual([]);
		expect(decoder.stats.resyncs).toBe(0);
	});

	it("accepts an empty payload (CRC-32C of nothing is 0: frame 01 01 01 01 01 00)", () => {
		const { decoder, payloads } = collector();
		expect(encodeFrame(Buffer.alloc(0))).toEqual(hex("01 01 01 01 01 00"));
		decoder.push(hex("01 01 01 01 01 00"));
		expect(payloads).toEqual([Buffer.alloc(0)]);
	});

	it("copies partial frames, so the caller may reuse its chunk buffer", () => {
		const { decoder, hexes } = collector();
		const frame = encodeFrame(C);
		const reused = Buffer.from(frame.subarray(0, 300));
		decoder.push(reused);
		reused.fill(0x55);
		decoder.push(frame.subarray(300));
		expect(hexes()).toEqual([C.toString("hex")]);
	});

	it("accepts a payload of exactly max_payload bytes", () => {
		const { decoder, payloads, errors } = collector({ maxPayload: 64 });
		decoder.push(encodeFrame(Buffer.alloc(64, 7)));
		expect(payloads).toHaveLength(1);
		expect(errors).toEqual([]);
	});
});

describe("FrameDecoder: errors and resynchronisation", () => {
	it("drops a frame with a bad CRC and recovers the next one", () => {
		const { decoder, hexes, errors } = collector();
		const bad = badCrcFrame(A);
		decoder.push(Buffer.concat([bad, encodeFrame(B)]));
		expect(hexes()).toEqual([B.toString("hex")]);
		expect(errors).toEqual([{ kind: "crc", discardedBytes: bad.length - 1 }]);
		expect(decoder.stats).toMatchObject({ frames: 1, badCrc: 1, resyncs: 1, discardedBytes: bad.length - 1 });
	});

	it("drops invalid COBS (a code byte running past the delimiter) and recovers the next frame", () => {
		const { decoder, hexes, errors } = collector();
		decoder.push(Buffer.concat([hex("09 11 22 33 00"), encodeFrame(A)]));
		expect(hexes()).toEqual([A.toString("hex")]);
		expect(errors).toEqual([{ kind: "cobs", discardedBytes: 4 }]);
		expect(decoder.stats).toMatchObject({ badCobs: 1, resyncs: 1 });
	});

	it.each([
		{ name: "COBS of 1 byte", frame: hex("02 05 00") },
		{ name: "COBS of 3 bytes", frame: hex("04 01 02 03 00") },
		{ name: "a lone code byte", frame: hex("01 00") },
	])("drops a short frame ($name) and recovers the next one", ({ frame }) => {
		const { decoder, hexes, errors } = collector();
		decoder.push(Buffer.concat([frame, encodeFrame(A)]));
		expect(hexes()).toEqual([A.toString("hex")]);
		expect(errors).toEqual([{ kind: "short", discardedBytes: frame.length - 1 }]);
		expect(decoder.stats).toMatchObject({ short: 1, resyncs: 1 });
	});

	it("drops a frame above maxEncodedFrameLength that arrives in one chunk", () => {
		const { decoder, hexes, errors } = collector({ maxPayload: 16 });
		const tooLong = maxEncodedFrameLength(16) + 1;
		decoder.push(Buffer.concat([Buffer.alloc(tooLong, 0x33), bytes(0), encodeFrame(A)]));
		expect(hexes()).toEqual([A.toString("hex")]);
		expect(errors).toEqual([{ kind: "oversized", discardedBytes: tooLong }]);
		expect(decoder.stats).toMatchObject({ oversized: 1, resyncs: 1, discardedBytes: tooLong });
	});

	it("gives up on an oversized frame while it arrives, skips to the delimiter, and recovers", () => {
		const { decoder, hexes, errors } = collector({ maxPayload: 16 });
		const limit = maxEncodedFrameLength(16);
		decoder.push(Buffer.alloc(limit, 0x33)); // still possible
		expect(errors).toEqual([]);
		decoder.push(Buffer.alloc(5, 0x33)); // now too long: counted once
		decoder.push(Buffer.alloc(1000, 0x33)); // skipped
		decoder.push(Buffer.concat([Buffer.alloc(7, 0x33), bytes(0), encodeFrame(A)]));
		expect(hexes()).toEqual([A.toString("hex")]);
		expect(errors).toEqual([{ kind: "oversized", discardedBytes: limit + 5 }]);
		expect(decoder.stats).toMatchObject({ oversized: 1, resyncs: 1, discardedBytes: limit + 5 + 1000 + 7 });
	});

	it("counts every kind of error in one stream and keeps stats consistent", () => {
		const { decoder, hexes } = collector({ maxPayload: 16 });
		decoder.push(
			Buffer.concat([badCrcFrame(A), hex("09 11 00"), hex("02 05 00"), Buffer.alloc(100, 0x44), bytes(0), encodeFrame(B), badCrcFrame(B), encodeFrame(A)]),
		);
		expect(hexes()).toEqual([B, A].map((p) => p.toString("hex")));
		expect(decoder.stats).toMatchObject({ frames: 2, badCrc: 2, badCobs: 1, short: 1, oversized: 1, resyncs: 5 });
	});
});

describe("FrameDecoder.setMaxPayload", () => {
	it("uses the default 1024 for 0 and clamps to the absolute maximum of 16384", () => {
		const zero = collector({ maxPayload: 0 });
		zero.decoder.push(encodeFrame(Buffer.alloc(DEFAULT_MAX_PAYLOAD, 1)));
		expect(zero.payloads).toHaveLength(1);
		zero.decoder.push(Buffer.concat([Buffer.alloc(maxEncodedFrameLength(DEFAULT_MAX_PAYLOAD) + 1, 1), bytes(0)]));
		expect(zero.errors.map((e) => e.kind)).toEqual(["oversized"]);

		const huge = collector();
		huge.decoder.setMaxPayload(1_000_000);
		huge.decoder.push(encodeFrame(Buffer.alloc(ABSOLUTE_MAX_PAYLOAD, 1)));
		expect(huge.payloads).toHaveLength(1);
		huge.decoder.push(Buffer.concat([Buffer.alloc(maxEncodedFrameLength(ABSOLUTE_MAX_PAYLOAD) + 1, 1), bytes(0)]));
		expect(huge.errors.map((e) => e.kind)).toEqual(["oversized"]);
	});
});

describe("FrameDecoder properties", () => {
	const payloadList = fc.array(fc.uint8Array({ maxLength: 700 }), { maxLength: 8 });
	const cuts = fc.array(fc.nat(), { maxLength: 20 });

	function decodeAll(chunks: Buffer[], maxPayload?: number) {
		const result = collector({ maxPayload });
		for (const piece of chunks) result.decoder.push(piece);
		return result;
	}

	it("encode -> decode is the identity for any payloads in any chunking", () => {
		fc.assert(
			fc.property(payloadList, cuts, (payloads, cutPoints) => {
				const stream = Buffer.concat(payloads.map((p) => encodeFrame(p)));
				const { hexes, errors } = decodeAll(chunk(stream, cutPoints));
				expect(hexes()).toEqual(payloads.map((p) => Buffer.from(p).toString("hex")));
				expect(errors).toEqual([]);
			}),
		);
	});

	it("never throws on a random byte stream, and its stats add up", () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 5000 }), cuts, fc.integer({ min: 0, max: 2048 }), (data, cutPoints, maxPayload) => {
				const { decoder, errors } = decodeAll(chunk(Buffer.from(data), cutPoints), maxPayload);
				const s = decoder.stats;
				expect(s.bytes).toBe(data.length);
				expect(s.resyncs).toBe(s.badCrc + s.badCobs + s.oversized + s.short);
				expect(errors).toHaveLength(s.resyncs);
			}),
		);
	});

	it("recovers every frame after garbage without 0x00 once a 0x00 arrives", () => {
		const garbage = fc.uint8Array({ min: 1, minLength: 1, maxLength: 3000 });
		fc.assert(
			fc.property(garbage, payloadList, cuts, (junk, payloads, cutPoints) => {
				const frames = payloads.map((p) => encodeFrame(p));
				const { hexes, errors } = decodeAll(chunk(Buffer.concat([junk, bytes(0), ...frames]), cutPoints));
				const expected = payloads.map((p) => Buffer.from(p).toString("hex"));
				// The garbage is one frame: dropped (or, with odds of 2^-32, a valid frame of its own).
				const emitted = hexes();
				expect(emitted.slice(emitted.length - expected.length)).toEqual(expected);
				expect(emitted.length + errors.length).toBe(expected.length + 1);
			}),
		);
	});

	it("never throws on bit flips and never emits a payload that was not sent", () => {
		const nonEmpty = fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 6 });
		const flips = fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 8 });
		fc.assert(
			fc.property(nonEmpty, flips, cuts, (payloads, flipList, cutPoints) => {
				const stream = Buffer.concat(payloads.map((p) => encodeFrame(p)));
				for (const { at, bit } of flipList) stream[at % stream.length] ^= 1 << bit;
				const sent = new Set(payloads.map((p) => Buffer.from(p).toString("hex")));
				const { hexes } = decodeAll(chunk(stream, cutPoints));
				for (const payload of hexes()) {
					// The one structural exception: five 0x01 bytes between delimiters decode to an
					// empty payload whose CRC, 0x00000000, is correct. It holds no Envelope.
					if (payload === "") continue;
					expect(sent.has(payload), `unexpected payload ${payload}`).toBe(true);
				}
			}),
			{ numRuns: 500 },
		);
	});
});

describe("FrameDecoderStream", () => {
	it("emits one Buffer per payload and 'frameError' for bad frames, without ending the stream", async () => {
		const stream = new FrameDecoderStream({ maxPayload: 32 });
		const payloads: Buffer[] = [];
		const frameErrors: FrameError[] = [];
		stream.on("data", (payload: Buffer) => payloads.push(payload));
		stream.on("frameError", (error: FrameError) => frameErrors.push(error));
		const wire = Buffer.concat([bytes(0), encodeFrame(A), badCrcFrame(A), Buffer.alloc(60, 9), bytes(0), encodeFrame(B)]);
		stream.write(wire.subarray(0, 5));
		stream.write(wire.subarray(5));
		stream.end();
		await once(stream, "end");
		expect(payloads.map((p) => p.toString("hex"))).toEqual([A, B].map((p) => p.toString("hex")));
		expect(frameErrors.map((e) => e.kind)).toEqual(["crc", "oversized"]);
		expect(stream.stats).toMatchObject({ frames: 2, badCrc: 1, oversized: 1, resyncs: 2 });
	});

	it("applies setMaxPayload to frames that arrive afterwards", async () => {
		const stream = new FrameDecoderStream();
		const kinds: string[] = [];
		stream.on("frameError", (error: FrameError) => kinds.push(error.kind));
		stream.resume();
		stream.setMaxPayload(8);
		stream.write(encodeFrame(C));
		stream.end();
		await once(stream, "end");
		expect(kinds).toEqual(["oversized"]);
	});
});
