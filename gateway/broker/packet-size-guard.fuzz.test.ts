/**
 * RemainingLengthScanner against mqtt-packet's parser (the one aedes uses), on streams of valid and
 * invalid packets cut into arbitrary chunks: wherever the parser finds a packet, the scanner found
 * the same boundary and Remaining Length, and the scanner refuses exactly the first packet above its
 * limit, and a Remaining Length longer than four bytes, as the parser does.
 */
import fc from "fast-check";
import { generate, type Packet, parser as packetParser } from "mqtt-packet";
import { describe, expect, it } from "vitest";
import { RemainingLengthScanner } from "./packet-size-guard.js";

const topic = fc.stringMatching(/^[a-z0-9/]{1,40}$/);
const messageId = fc.integer({ min: 1, max: 65_535 });
const payload = fc.oneof(
	{ weight: 4, arbitrary: fc.uint8Array({ maxLength: 300 }) },
	{ weight: 1, arbitrary: fc.uint8Array({ minLength: 16_000, maxLength: 17_500 }) },
);

/** Packets mqtt-packet itself writes, so the parser accepts them. */
const validPacket: fc.Arbitrary<Packet> = fc.oneof(
	fc.record({
		cmd: fc.constant("publish" as const),
		topic,
		payload: payload.map((bytes) => Buffer.from(bytes)),
		qos: fc.constant(0 as const),
		dup: fc.constant(false),
		retain: fc.boolean(),
	}),
	fc.record({
		cmd: fc.constant("publish" as const),
		topic,
		payload: payload.map((bytes) => Buffer.from(bytes)),
		qos: fc.constantFrom(1 as const, 2 as const),
		messageId,
		dup: fc.boolean(),
		retain: fc.boolean(),
	}),
	fc.record({ cmd: fc.constantFrom("puback" as const, "pubrec" as const, "pubrel" as const, "pubcomp" as const, "unsuback" as const), messageId }),
	fc.record({
		cmd: fc.constant("subscribe" as const),
		messageId,
		subscriptions: fc.array(fc.record({ topic, qos: fc.constantFrom(0 as const, 1 as const, 2 as const) }), { minLength: 1, maxLength: 5 }),
	}),
	fc.record({ cmd: fc.constant("unsubscribe" as const), messageId, unsubscriptions: fc.array(topic, { minLength: 1, maxLength: 5 }) }),
	fc.constantFrom<Packet>({ cmd: "pingreq" }, { cmd: "pingresp" }, { cmd: "disconnect" }),
	fc.record({ cmd: fc.constant("connack" as const), returnCode: fc.integer({ min: 0, max: 5 }), sessionPresent: fc.boolean() }),
) as fc.Arbitrary<Packet>;

/** A Remaining Length in `bytes` bytes (1..4), possibly not the shortest encoding; 5 bytes is malformed. */
function lengthBytes(value: number, bytes: number): number[] {
	const out: number[] = [];
	let rest = value;
	for (let i = 0; i < bytes; i++) {
		const last = i === bytes - 1;
		out.push((rest % 128) | (last ? 0 : 0x80));
		rest = Math.floor(rest / 128);
	}
	return out;
}

/** Whatever a peer may send: any first byte, any length encoding, a body of the announced size. */
const rawPacket = fc
	.record({
		type: fc.integer({ min: 0, max: 255 }),
		length: fc.integer({ min: 0, max: 400 }),
		extraLengthBytes: fc.integer({ min: 0, max: 2 }),
		seed: fc.integer(),
	})
	.map(({ type, length, extraLengthBytes, seed }) => {
		const minimal = length < 128 ? 1 : length < 16_384 ? 2 : 3;
		const body = Buffer.alloc(length, seed & 0xff);
		return Buffer.concat([Buffer.from([type, ...lengthBytes(length, Math.min(4, minimal + extraLengthBytes))]), body]);
	});

/** Ends a stream: a Remaining Length over four bytes, or a header announcing up to 268,435,455 bytes with a partial body. */
const trailer = fc.oneof(
	fc.constant(Buffer.alloc(0)),
	fc.constant(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01])),
	fc.integer({ min: 16_000, max: 268_435_455 }).map((length) => Buffer.concat([Buffer.from([0x30, ...lengthBytes(length, 4)]), Buffer.alloc(10)])),
);

const stream = fc
	.record({
		packets: fc.array(fc.oneof({ weight: 3, arbitrary: validPacket.map((packet) => generate(packet)) }, { weight: 1, arbitrary: rawPacket }), {
			maxLength: 12,
		}),
		trailer,
	})
	.map(({ packets, trailer: end }) => Buffer.concat([...packets, end]));

/** `bytes` cut at the given points. */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
	const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
	const chunks: Buffer[] = [];
	let start = 0;
	for (const point of [...points, bytes.length]) {
		if (point > start) chunks.push(bytes.subarray(start, point));
		start = Math.max(start, point);
	}
	return chunks;
}

function scan(chunks: Buffer[], limit: number) {
	const lengths: number[] = [];
	const scanner = new RemainingLengthScanner(limit, (length) => lengths.push(length));
	for (const chunk of chunks) {
		const problem = scanner.push(chunk);
		if (problem) return { lengths, problem };
	}
	return { lengths, problem: undefined };
}

function parse(chunks: Buffer[]) {
	const lengths: number[] = [];
	let error: Error | undefined;
	const parser = packetParser({ protocolVersion: 4 });
	parser.on("packet", (packet: Packet) => {
		if (!error) lengths.push(packet.length ?? -1);
	});
	parser.on("error", (caught: Error) => {
		error ??= caught;
	});
	for (const chunk of chunks) {
		if (error) break;
		parser.parse(chunk);
	}
	return { lengths, error };
}

describe("RemainingLengthScanner against mqtt-packet's parser", () => {
	it("agrees on packet boundaries, sizes and verdicts, however the stream is cut", () => {
		fc.assert(
			fc.property(stream, fc.array(fc.nat(), { maxLength: 24 }), fc.oneof(fc.constant(16_896), fc.integer({ min: 0, max: 20_000 })), (bytes, cuts, limit) => {
				const chunks = chunked(bytes, cuts);
				const parsed = parse(chunks);
				const scanned = scan(chunks, limit);
				const firstTooLarge = parsed.lengths.findIndex((length) => length > limit);
				if (firstTooLarge >= 0) {
					// The scanner stops at the parser's first oversize packet, having seen the same ones before it.
					expect(scanned.problem?.code).toBe("FC_PROTO_TOO_LARGE");
					expect(scanned.lengths).toEqual(parsed.lengths.slice(0, firstTooLarge + 1));
					return;
				}
				// Every packet the parser found, the scanner found at the same place with the same length.
				expect(scanned.lengths.slice(0, parsed.lengths.length)).toEqual(parsed.lengths);
				if (parsed.error?.message === "Invalid variable byte integer") {
					expect(scanned.problem?.code).toBe("FC_PROTO_DECODE");
					expect(scanned.lengths).toEqual(parsed.lengths);
				}
				if (!parsed.error && !scanned.problem) {
					// Both read the whole stream: the scanner may only be further into a last, unfinished packet.
					expect(scanned.lengths.length - parsed.lengths.length).toBeLessThanOrEqual(1);
				}
				if (scanned.problem?.code === "FC_PROTO_TOO_LARGE" && !parsed.error) {
					// Refused by size only where the announced length is above the limit, in a packet the parser was still reading.
					expect(scanned.lengths.at(-1)).toBeGreaterThan(limit);
					expect(scanned.lengths.length).toBe(parsed.lengths.length + 1);
				}
			}),
			{ seed: 20_141_205, numRuns: 400, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
		);
	});
});
