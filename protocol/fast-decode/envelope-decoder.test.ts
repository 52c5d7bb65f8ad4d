/**
 * The specialised Envelope decoder against protobufjs, property by property: for random readings
 * and acks, the same messages with unknown fields, repeated fields, wrong wire types, truncation,
 * flipped bytes and plain garbage, decodeEnvelope gives field for field what protobufjs gives, or
 * the same refusal; and the fast path really is taken for the messages it exists for.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { decodeEnvelope, type Envelope, type EnvelopeInit, encodeEnvelope, v1 } from "../codec.js";
import { fastDecodeEnvelope } from "./envelope-decoder.js";

/** Own keys in order, prototypes and values (Object.is; bytes by content and type): what a caller can observe. */
function sameMessage(actual: unknown, expected: unknown, path = "envelope"): void {
	if (expected instanceof Uint8Array) {
		expect(actual instanceof Uint8Array, path).toBe(true);
		expect(Buffer.isBuffer(actual), `${path} is a Buffer`).toBe(Buffer.isBuffer(expected));
		expect(Buffer.from(actual as Uint8Array).equals(Buffer.from(expected)), path).toBe(true);
		return;
	}
	if (Array.isArray(expected)) {
		expect(Array.isArray(actual), path).toBe(true);
		expect((actual as unknown[]).length, path).toBe(expected.length);
		expected.forEach((item, i) => {
			sameMessage((actual as unknown[])[i], item, `${path}[${i}]`);
		});
		return;
	}
	if (typeof expected === "object" && expected !== null) {
		expect(typeof actual, path).toBe("object");
		expect(Object.getPrototypeOf(actual), `${path} prototype`).toBe(Object.getPrototypeOf(expected));
		expect(Reflect.ownKeys(actual as object), `${path} keys`).toEqual(Reflect.ownKeys(expected));
		for (const key of Reflect.ownKeys(expected)) {
			sameMessage((actual as Record<PropertyKey, unknown>)[key], (expected as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
		}
		if (expected instanceof v1.Envelope) expect((actual as Envelope).body, `${path}.body`).toBe(expected.body);
		return;
	}
	expect(Object.is(actual, expected), `${path}: ${String(actual)} vs ${String(expected)}`).toBe(true);
}

type Outcome = { ok: true; value: unknown } | { ok: false; code: string };

function viaProtobufjs(bytes: Buffer): Outcome {
	try {
		const value = v1.Envelope.decode(bytes);
		return value.body === undefined ? { ok: false, code: "FC_PROTO_EMPTY" } : { ok: true, value };
	} catch {
		return { ok: false, code: "FC_PROTO_DECODE" };
	}
}

function viaCodec(bytes: Buffer): Outcome {
	try {
		return { ok: true, value: decodeEnvelope(bytes) };
	} catch (error) {
		if (!isFieldchainError(error)) throw error;
		return { ok: false, code: error.code };
	}
}

/** The check every property ends in: the codec (fast path or not) agrees with protobufjs. */
function agrees(bytes: Buffer): void {
	const expected = viaProtobufjs(bytes);
	const fast = fastDecodeEnvelope(bytes);
	if (fast !== undefined) {
		expect(expected.ok, `fast path accepted ${bytes.toString("hex")}, protobufjs refused it`).toBe(true);
		if (expected.ok) sameMessage(fast, expected.value);
	}
	const actual = viaCodec(bytes);
	expect(actual.ok, bytes.toString("hex")).toBe(expected.ok);
	if (actual.ok && expected.ok) sameMessage(actual.value, expected.value);
	else if (!actual.ok && !expected.ok) expect(actual.code).toBe(expected.code);
}

const uint32 = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 0xffffffff }));
// Every timestamp width up to 2^53, plus zero; negative and larger ones wrap in encode and reach the slow path.
const uint64 = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 21 }), fc.maxSafeInteger().map(Math.abs), fc.constant(1_760_000_000_123_456));
const text = fc.oneof(fc.constantFrom("", "resistance", "Ohm", "V", "A"), fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 8 }));
const double = fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 123.456));

const reading = fc.record({ seq: uint32, deviceTimeUs: uint64, quantity: text, value: double, unit: text, flags: uint32, channel: text }, { requiredKeys: [] });
const ack = fc.record(
	{
		upToSeq: uint32,
		bootId: fc.uint8Array({ maxLength: 20 }),
		sack: fc.array(fc.record({ first: uint32, last: uint32 }, { requiredKeys: [] }), { maxLength: 4 }),
	},
	{ requiredKeys: [] },
);
const envelope = fc.oneof(
	fc.record({ seq: uint32, reading }, { requiredKeys: ["reading"] }),
	fc.record({ seq: uint32, ack }, { requiredKeys: ["ack"] }),
	fc.record({ seq: uint32, heartbeat: fc.record({ deviceTimeUs: uint64, unackedReadings: uint32 }) }, { requiredKeys: ["heartbeat"] }),
);
const encoded = envelope.map((init) => Buffer.from(encodeEnvelope(init as EnvelopeInit)));

/** A varint as protobuf writes it. */
function varint(value: number): number[] {
	const out: number[] = [];
	let rest = value;
	while (rest >= 0x80) {
		out.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	out.push(rest);
	return out;
}

/** A field of any wire type, known or not, well formed or not. */
const field = fc.oneof(
	fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 40 })).map(([n, v]) => [...varint(n << 3), ...varint(v)]),
	fc.tuple(fc.integer({ min: 1, max: 40 }), fc.uint8Array({ maxLength: 12 })).map(([n, b]) => [...varint((n << 3) | 2), ...varint(b.length), ...b]),
	fc.tuple(fc.integer({ min: 1, max: 40 }), fc.uint8Array({ minLength: 8, maxLength: 8 })).map(([n, b]) => [...varint((n << 3) | 1), ...b]),
	fc.tuple(fc.integer({ min: 1, max: 40 }), fc.uint8Array({ minLength: 4, maxLength: 4 })).map(([n, b]) => [...varint((n << 3) | 5), ...b]),
	fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 3, max: 7 })).map(([n, w]) => varint((n << 3) | w)),
);

/** Wraps body bytes as field 12 (reading) or 13 (ack) of an Envelope. */
function inEnvelope(fieldNumber: number, body: number[], seq?: number): Buffer {
	return Buffer.from([...(seq === undefined ? [] : [0x08, ...varint(seq)]), (fieldNumber << 3) | 2, ...varint(body.length), ...body]);
}

describe("fast Envelope decoder against protobufjs", () => {
	it("takes the fast path for plain readings and acks, and returns what protobufjs returns", () => {
		const bytes = Buffer.from(
			encodeEnvelope({ seq: 2, reading: { seq: 1, deviceTimeUs: 1_760_000_000_000_123, quantity: "resistance", value: 12.5, unit: "Ohm", flags: 0 } }),
		);
		const fast = fastDecodeEnvelope(bytes);
		expect(fast).toBeDefined();
		sameMessage(fast, v1.Envelope.decode(bytes));
		// Twice: the second time the strings come from the cache.
		sameMessage(fastDecodeEnvelope(bytes), v1.Envelope.decode(bytes));
		const ackBytes = Buffer.from(encodeEnvelope({ seq: 9, ack: { upToSeq: 7, bootId: Buffer.alloc(16, 1), sack: [{ first: 9, last: 12 }] } }));
		expect(fastDecodeEnvelope(ackBytes)).toBeDefined();
		sameMessage(fastDecodeEnvelope(ackBytes), v1.Envelope.decode(ackBytes));
	});

	it("leaves other bodies, unknown fields and non-ASCII text to protobufjs", () => {
		expect(fastDecodeEnvelope(Buffer.from(encodeEnvelope({ seq: 3, heartbeat: { deviceTimeUs: 5 } })))).toBeUndefined();
		expect(fastDecodeEnvelope(Buffer.from(encodeEnvelope({ seq: 3, reading: { quantity: "Widerstand Ω" } })))).toBeUndefined();
		expect(fastDecodeEnvelope(inEnvelope(12, [0x08, 0x01, 0xf8, 0x01, 0x05]))).toBeUndefined();
		expect(fastDecodeEnvelope(Buffer.from([0x08, 0x01]))).toBeUndefined();
	});

	it("agrees on random readings, acks and heartbeats", () => {
		fc.assert(fc.property(encoded, agrees), { numRuns: 3000 });
	});

	it("agrees when the same strings repeat (the string cache) and when they change by one byte", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom("Ohm", "Ohn", "Oh", "Ohmm", "V", ""), fc.constantFrom("resistance", "resistancf", "")), {
					minLength: 2,
					maxLength: 12,
				}),
				(pairs) => {
					for (const [unit, quantity] of pairs) agrees(Buffer.from(encodeEnvelope({ seq: 1, reading: { seq: 1, unit, quantity, value: 1 } })));
				},
			),
		);
	});

	it("agrees when fields are repeated, unknown, of the wrong wire type or out of order", () => {
		fc.assert(
			fc.property(fc.constantFrom(12, 13), fc.array(field, { maxLength: 6 }), fc.option(fc.integer({ min: 0, max: 2 ** 32 - 1 })), (body, fields, seq) =>
				agrees(inEnvelope(body, fields.flat(), seq ?? undefined)),
			),
			{ numRuns: 3000 },
		);
		fc.assert(
			fc.property(fc.array(field, { maxLength: 6 }), (fields) => agrees(Buffer.from(fields.flat()))),
			{ numRuns: 1000 },
		);
	});

	it("agrees on long and over-long varints (uint32 of 5 to 10 bytes, uint64 past 2^53)", () => {
		const long = fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 3, maxLength: 10 });
		fc.assert(
			fc.property(fc.constantFrom(0x08, 0x10, 0x30), long, fc.integer({ min: 0, max: 0x7f }), (tag, continuation, last) =>
				agrees(inEnvelope(12, [tag, ...continuation, last], 2)),
			),
			{ numRuns: 2000 },
		);
	});

	it("agrees on truncated, corrupted and extended messages", () => {
		fc.assert(
			fc.property(encoded, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.array(field, { maxLength: 2 }), (bytes, at, byte, extra) => {
				const cut = at % (bytes.length + 1);
				agrees(bytes.subarray(0, cut));
				const flipped = Buffer.from(bytes);
				if (flipped.length > 0) flipped[at % flipped.length] = byte;
				agrees(flipped);
				agrees(Buffer.concat([bytes, Buffer.from(extra.flat())]));
			}),
			{ numRuns: 3000 },
		);
	});

	it("agrees on garbage", () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => agrees(Buffer.from(bytes))),
			{ numRuns: 3000 },
		);
	});

	it("decodes a plain Uint8Array (not a Buffer) through protobufjs", () => {
		const bytes = encodeEnvelope({ seq: 2, reading: { seq: 1, quantity: "resistance", value: 1, unit: "Ohm" } });
		const plain = new Uint8Array(bytes);
		sameMessage(decodeEnvelope(plain), v1.Envelope.decode(plain));
	});
});
