import "../protobuf-numbers.js";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { fieldchain } from "../generated/evidence.js";
import {
	decodeCheckpoint,
	decodeRecord,
	EvidenceKind,
	EvidenceOutcome,
	type EvidenceRecordFields,
	encodeCheckpoint,
	encodeRecord,
	ReadingRecordTemplate,
	type ReadingTemplateFields,
	type ReadingVaryingFields,
	recordToJson,
} from "./record.js";
import { reading } from "./testing/fixtures.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const hash = (byte: number) => Buffer.alloc(32, byte);

/** One record in every field kind, and the same record in protobuf text format for protoc. */
const FIXED: EvidenceRecordFields = {
	id: "0190f5c2-7e00-7000-8000-000000000007",
	chainSeq: 7,
	prevHash: hash(0xab),
	gatewayId: "gw-01",
	workOrderId: "WO-1",
	taskId: "T-1",
	checklistItemId: "CI-1",
	technicianId: "tech-7",
	kind: EvidenceKind.KIND_READING,
	device: {
		deviceId: "meter-42",
		model: "IR-5000",
		firmwareVersion: "2.3.1",
		bootId: Buffer.from([0, 1, 2, 3]),
		readingSeq: 300,
		calibrationCertificateId: "CAL-1",
		calibrationDueAtMs: 1_800_000_000_000,
	},
	deviceTimeUs: 1_764_000_000_123_456,
	gatewayTimeMs: 1_764_000_000_200,
	clockSkewMs: -77,
	quantity: "insulation_resistance",
	value: -0.5,
	unit: "MOhm",
	requirement: { min: 0, unit: "MOhm", calibratedRequired: true },
	outcome: EvidenceOutcome.OUTCOME_FAIL_OUT_OF_RANGE,
	text: "Grüße ✓",
};
const FIXED_TEXT = `
id: "0190f5c2-7e00-7000-8000-000000000007"
chain_seq: 7
prev_hash: "${"\\253".repeat(32)}"
gateway_id: "gw-01"
work_order_id: "WO-1"
task_id: "T-1"
checklist_item_id: "CI-1"
technician_id: "tech-7"
kind: KIND_READING
device { device_id: "meter-42" model: "IR-5000" firmware_version: "2.3.1" boot_id: "\\000\\001\\002\\003" reading_seq: 300 calibration_certificate_id: "CAL-1" calibration_due_at_ms: 1800000000000 }
device_time_us: 1764000000123456
gateway_time_ms: 1764000000200
clock_skew_ms: -77
quantity: "insulation_resistance"
value: -0.5
unit: "MOhm"
requirement { min: 0 unit: "MOhm" calibrated_required: true }
outcome: OUTCOME_FAIL_OUT_OF_RANGE
text: "Grüße ✓"
`;

function protocEncode(type: string, text: string): Buffer {
	return execFileSync("protoc", [`--encode=fieldchain.evidence.v1.${type}`, "--proto_path=protocol/evidence/v1", "evidence.proto"], { cwd: ROOT, input: text });
}

function expectCode(fn: () => unknown, code: "FC_EVIDENCE_INVALID" | "FC_EVIDENCE_MALFORMED"): void {
	try {
		fn();
	} catch (error) {
		expect(isFieldchainError(error, code), String(error)).toBe(true);
		return;
	}
	throw new Error(`expected ${code}`);
}

describe("canonical record encoding", () => {
	it("is byte for byte what protoc (an independent implementation) encodes", () => {
		const ours = Buffer.from(encodeRecord(FIXED));
		expect(ours.toString("hex")).toBe(protocEncode("EvidenceRecord", FIXED_TEXT).toString("hex"));
	});

	it("encodes checkpoints as protoc does", () => {
		const ours = Buffer.from(
			encodeCheckpoint({
				gatewayId: "gw-01",
				chainSeq: 4096,
				headHash: hash(1),
				recordCount: 4096,
				createdAtMs: 1_764_000_000_000,
				keyId: hash(2),
				signature: Buffer.alloc(64, 3),
			}),
		);
		const text = `gateway_id: "gw-01" chain_seq: 4096 head_hash: "${"\\001".repeat(32)}" record_count: 4096 created_at_ms: 1764000000000 key_id: "${"\\002".repeat(32)}" signature: "${"\\003".repeat(64)}"`;
		expect(ours.toString("hex")).toBe(protocEncode("Checkpoint", text).toString("hex"));
	});

	it("decodes canonical bytes and encodes them back byte-identical", () => {
		for (const record of [FIXED, { ...reading("WO-A", 1), chainSeq: 1, prevHash: hash(0) }, { chainSeq: 2 ** 53 - 1, prevHash: hash(9) }]) {
			const bytes = encodeRecord(record);
			const decoded = decodeRecord(bytes);
			expect(Buffer.from(encodeRecord(decoded)).equals(Buffer.from(bytes))).toBe(true);
			expect(Buffer.from(fieldchain.evidence.v1.EvidenceRecord.encode(decoded).finish()).equals(Buffer.from(bytes))).toBe(true);
		}
		const decoded = decodeRecord(encodeRecord(FIXED));
		expect(decoded.requirement?.min).toBe(0);
		expect(decoded.requirement?.max ?? null).toBe(null);
		expect(Object.is(decoded.value, -0.5)).toBe(true);
		expect(recordToJson(decoded)).toMatchObject({ kind: "KIND_READING", prevHash: "ab".repeat(32), text: "Grüße ✓" });
	});

	it("omits defaults and empty sub-messages, whatever the caller passes", () => {
		const minimal = encodeRecord({ chainSeq: 1, prevHash: hash(1) });
		const noisy = encodeRecord({
			chainSeq: 1,
			prevHash: hash(1),
			id: "",
			value: 0,
			kind: 0,
			device: { deviceId: "" },
			requirement: {},
			clockSkewMs: 0,
			attachmentSha256: new Uint8Array(0),
		});
		expect(Buffer.from(noisy).equals(Buffer.from(minimal))).toBe(true);
	});

	it("refuses values protobufjs would coerce", () => {
		const base = { chainSeq: 1, prevHash: hash(1) };
		expectCode(() => encodeRecord({ ...base, value: Number.NaN }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, value: Number.POSITIVE_INFINITY }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, gatewayTimeMs: 1.5 }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, gatewayTimeMs: -1 }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, deviceTimeUs: 2 ** 53 }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, prevHash: hash(1).subarray(1) }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, attachmentSha256: Buffer.alloc(20) }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, kind: 99 as EvidenceKind }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, text: "\uD800" }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ ...base, ...({ techID: "x" } as object) }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ prevHash: hash(1) }), "FC_EVIDENCE_INVALID");
		expectCode(() => encodeRecord({ chainSeq: 1 }), "FC_EVIDENCE_INVALID");
	});

	it("rejects bytes that decode but are not canonical", () => {
		const bytes = Buffer.from(encodeRecord({ chainSeq: 1, prevHash: hash(1), text: "x" }));
		// An explicitly written default (value = 0.0, field 16, wire type 1).
		expectCode(() => decodeRecord(Buffer.concat([bytes, Buffer.from([0x81, 0x01]), Buffer.alloc(8)])), "FC_EVIDENCE_MALFORMED");
		// An unknown field 99 (varint 1).
		expectCode(() => decodeRecord(Buffer.concat([bytes, Buffer.from([0x98, 0x06, 0x01])])), "FC_EVIDENCE_MALFORMED");
		// An empty device sub-message (field 11).
		expectCode(() => decodeRecord(Buffer.concat([bytes, Buffer.from([0x5a, 0x00])])), "FC_EVIDENCE_MALFORMED");
		// A field repeated (text twice: the last wins on decode, so re-encoding differs).
		expectCode(() => decodeRecord(Buffer.concat([bytes, Buffer.from([0xba, 0x01, 0x01, 0x79])])), "FC_EVIDENCE_MALFORMED");
		// Fields out of order (text before chain_seq).
		const reordered = Buffer.concat([Buffer.from([0xba, 0x01, 0x01, 0x78]), Buffer.from(encodeRecord({ chainSeq: 1, prevHash: hash(1) }))]);
		expectCode(() => decodeRecord(reordered), "FC_EVIDENCE_MALFORMED");
		// Truncated.
		expectCode(() => decodeRecord(bytes.subarray(0, bytes.length - 1)), "FC_EVIDENCE_MALFORMED");
		// Checkpoints follow the same rules.
		const checkpoint = Buffer.from(encodeCheckpoint({ chainSeq: 1, headHash: hash(1), keyId: hash(2), recordCount: 1 }));
		expect(decodeCheckpoint(checkpoint).chainSeq).toBe(1);
		expectCode(() => decodeCheckpoint(Buffer.concat([checkpoint, Buffer.from([0x98, 0x06, 0x01])])), "FC_EVIDENCE_MALFORMED");
	});
});

/**
 * encodeRecord takes a fast path for plain objects and the table-driven path (normalise, then
 * protobufjs) for anything else, such as an object with another prototype. Both must agree.
 */
function viaTables(record: object): EvidenceRecordFields {
	return Object.assign(Object.create({}), record);
}

function outcome(fn: () => Uint8Array): { hex: string } | { error: string } {
	try {
		return { hex: Buffer.from(fn()).toString("hex") };
	} catch (error) {
		return { error: `${(error as { code?: string }).code}: ${(error as Error).message}` };
	}
}

/** Mostly valid values, some null or undefined, a few invalid ones. */
function field<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
	return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 2, arbitrary: fc.constantFrom(undefined, null) }, { weight: 1, arbitrary: invalid });
}

const textArb = fc.oneof(
	{ weight: 6, arbitrary: fc.string({ maxLength: 50 }) },
	{
		weight: 4,
		arbitrary: fc
			.array(fc.constantFrom("a", "-", "\u0000", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "✓", "\uffff", "😀"), { maxLength: 60 })
			.map((parts) => parts.join("")),
	},
	{ weight: 1, arbitrary: fc.constantFrom("x".repeat(42), "x".repeat(43), "é".repeat(42), "y".repeat(300), "✓".repeat(100)) },
);
const badText = fc.constantFrom("\uD800", "a\uDC00b", "😀".slice(0, 1), 7, true, new Uint8Array(1));
const uint64Arb = fc.oneof(fc.constantFrom(0, -0, 1, 127, 128, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1), fc.nat(), fc.maxSafeNat());
const badUint64 = fc.constantFrom(-1, 1.5, 2 ** 53, Number.NaN, "1", 10n);
const sint64Arb = fc.oneof(
	fc.constantFrom(0, -0, 1, -1, 63, -64, 64, -65, 2 ** 52, -(2 ** 52), -(2 ** 52) - 1, 2 ** 53 - 1, -(2 ** 53 - 1)),
	fc.integer(),
	fc.maxSafeInteger(),
);
const badSint64 = fc.constantFrom(0.5, 2 ** 53, -(2 ** 53), Number.NEGATIVE_INFINITY, "-1");
const doubleArb = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e-310));
const badDouble = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, "0.5");
const bytesArb = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constantFrom(Buffer.alloc(0), Buffer.alloc(16, 1), new Uint8Array(200)));
const hashArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const badHash = fc.oneof(fc.uint8Array({ maxLength: 31 }), fc.constantFrom(new Uint8Array(33), [1, 2], "ab"));
const enumArb = (max: number) => fc.integer({ min: 0, max });
const badEnum = (max: number) => fc.constantFrom(max + 1, -1, 1.5, "1");
const extraKeys = fc.constantFrom({}, {}, {}, { extra: undefined }, { extra: 1 });

const deviceArb = fc
	.tuple(
		fc.record(
			{
				deviceId: field(textArb, badText),
				model: field(textArb, badText),
				firmwareVersion: field(textArb, badText),
				serialNumber: field(textArb, badText),
				bootId: field(bytesArb, fc.constantFrom("00", [0])),
				readingSeq: field(uint64Arb, badUint64),
				calibrationCertificateId: field(textArb, badText),
				calibratedAtMs: field(uint64Arb, badUint64),
				calibrationDueAtMs: field(uint64Arb, badUint64),
				calibrationLaboratory: field(textArb, badText),
			},
			{ requiredKeys: [], noNullPrototype: true },
		),
		extraKeys,
	)
	.map(([device, extra]) => ({ ...device, ...extra }));

const requirementArb = fc
	.tuple(
		fc.record(
			{
				min: field(doubleArb, badDouble),
				max: field(doubleArb, badDouble),
				unit: field(textArb, badText),
				calibratedRequired: field(fc.boolean(), fc.constantFrom(0, 1, "true")),
			},
			{ requiredKeys: [], noNullPrototype: true },
		),
		extraKeys,
	)
	.map(([requirement, extra]) => ({ ...requirement, ...extra }));

const recordArb = fc
	.tuple(
		fc.record(
			{
				id: field(textArb, badText),
				chainSeq: fc.oneof(
					{ weight: 20, arbitrary: fc.integer({ min: 1, max: 2 ** 53 - 1 }) },
					{ weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 53, null) },
				),
				prevHash: fc.oneof({ weight: 20, arbitrary: hashArb }, { weight: 1, arbitrary: badHash }),
				gatewayId: field(textArb, badText),
				workOrderId: field(textArb, badText),
				taskId: field(textArb, badText),
				checklistItemId: field(textArb, badText),
				deliverableId: field(textArb, badText),
				technicianId: field(textArb, badText),
				kind: field(enumArb(5), badEnum(5)),
				device: field(deviceArb, fc.constantFrom("device", 1, [], Buffer.alloc(1))),
				deviceTimeUs: field(uint64Arb, badUint64),
				gatewayTimeMs: field(uint64Arb, badUint64),
				clockSkewMs: field(sint64Arb, badSint64),
				quantity: field(textArb, badText),
				value: field(doubleArb, badDouble),
				unit: field(textArb, badText),
				requirement: field(requirementArb, fc.constantFrom("requirement", 0)),
				outcome: field(enumArb(4), badEnum(4)),
				attachmentSha256: field(fc.oneof(hashArb, fc.constant(new Uint8Array(0))), badHash),
				attachmentMediaType: field(textArb, badText),
				attachmentSize: field(uint64Arb, badUint64),
				text: field(textArb, badText),
				signerRole: field(enumArb(2), badEnum(2)),
			},
			{ requiredKeys: ["chainSeq", "prevHash"], noNullPrototype: true },
		),
		extraKeys,
	)
	.map(([record, extra]) => ({ ...record, ...extra }) as EvidenceRecordFields);

describe("the fast path of encodeRecord", () => {
	it("gives the bytes, or the error, of the table-driven path for arbitrary records", () => {
		fc.assert(
			fc.property(recordArb, (record) => {
				expect(outcome(() => encodeRecord(record))).toEqual(outcome(() => encodeRecord(viaTables(record))));
			}),
			{ numRuns: 3000 },
		);
	});

	it("is byte for byte what protoc encodes, and what the table-driven path gives", () => {
		expect(Buffer.from(encodeRecord(FIXED)).equals(Buffer.from(encodeRecord(viaTables(FIXED))))).toBe(true);
		expect(Buffer.from(encodeRecord({ ...FIXED, ...({ extra: undefined } as object) })).equals(Buffer.from(encodeRecord(FIXED)))).toBe(true);
	});

	it("never changes bytes it handed out, also when a record needs more room than is left", () => {
		const kept: Array<[Uint8Array, Buffer]> = [];
		for (let n = 1; n <= 400; n++) {
			const record = { ...reading("WO-A", n), chainSeq: n, prevHash: hash(n % 256), ...(n % 97 === 0 ? { text: "✓".repeat(20_000 + n) } : {}) };
			const bytes = encodeRecord(record);
			expect(Buffer.from(bytes).equals(Buffer.from(encodeRecord(viaTables(record))))).toBe(true);
			kept.push([bytes, Buffer.from(bytes)]);
		}
		for (const [bytes, copy] of kept) expect(Buffer.from(bytes).equals(copy)).toBe(true);
	});

	it("copes with a getter that encodes another record meanwhile", () => {
		const inner = { chainSeq: 2, prevHash: hash(2), text: "inner" };
		let innerBytes: Uint8Array | undefined;
		const outer = {
			chainSeq: 1,
			prevHash: hash(1),
			get text() {
				innerBytes = encodeRecord(inner);
				return "outer";
			},
		};
		expect(Buffer.from(encodeRecord(outer)).equals(Buffer.from(encodeRecord({ chainSeq: 1, prevHash: hash(1), text: "outer" })))).toBe(true);
		expect(Buffer.from(innerBytes!).equals(Buffer.from(encodeRecord({ ...inner })))).toBe(true);
	});
});

const templateArb = fc.record(
	{
		gatewayId: field(textArb, badText),
		workOrderId: field(textArb, badText),
		taskId: field(textArb, badText),
		checklistItemId: field(textArb, badText),
		technicianId: field(textArb, badText),
		device: deviceArb.map(({ readingSeq, ...device }) => device),
		requirement: field(requirementArb, fc.constantFrom("requirement", 0)),
	},
	{ requiredKeys: ["device"], noNullPrototype: true },
) as fc.Arbitrary<ReadingTemplateFields>;

const varyingArb = fc.record(
	{
		id: field(textArb, badText),
		readingSeq: field(uint64Arb, badUint64),
		deviceTimeUs: field(uint64Arb, badUint64),
		gatewayTimeMs: field(uint64Arb, badUint64),
		clockSkewMs: field(sint64Arb, badSint64),
		quantity: field(textArb, badText),
		value: field(doubleArb, badDouble),
		unit: field(textArb, badText),
		outcome: field(enumArb(4), badEnum(4)),
	},
	{ requiredKeys: [], noNullPrototype: true },
) as fc.Arbitrary<ReadingVaryingFields>;

describe("ReadingRecordTemplate", () => {
	it("gives the bytes, or the error, of encodeRecord on the whole record, for arbitrary fields", () => {
		fc.assert(
			fc.property(templateArb, varyingArb, fc.integer({ min: 1, max: 2 ** 53 - 1 }), hashArb, (fields, varying, chainSeq, prevHash) => {
				const { id, readingSeq, outcome: result, ...measured } = varying;
				const whole = {
					id,
					chainSeq,
					prevHash,
					...fields,
					kind: EvidenceKind.KIND_READING,
					device: { ...fields.device, readingSeq },
					...measured,
					outcome: result,
				};
				const expected = outcome(() => encodeRecord(whole));
				let template: ReadingRecordTemplate;
				try {
					template = new ReadingRecordTemplate(fields);
				} catch {
					expect(expected).toHaveProperty("error"); // an invalid shared field fails the whole record too
					return;
				}
				expect(outcome(() => template.encode(varying, chainSeq, prevHash))).toEqual(expected);
			}),
			{ numRuns: 3000 },
		);
	});

	it("encodes a gateway reading record as encodeRecord does, across a slab boundary, and decodes back", () => {
		const { id, device, deviceTimeUs, gatewayTimeMs, clockSkewMs, quantity, value, unit, requirement, outcome: result, ...ids } = reading("WO-A", 1);
		const { readingSeq, ...identity } = device ?? {};
		const template = new ReadingRecordTemplate({ ...(ids as ReadingTemplateFields), device: identity, requirement: requirement ?? undefined });
		const kept: Array<[Uint8Array, Buffer]> = [];
		for (let n = 1; n <= 200; n++) {
			const varying = {
				id: `${id}-${n}`,
				readingSeq: n * 1000,
				deviceTimeUs: Number(deviceTimeUs) + n,
				gatewayTimeMs: Number(gatewayTimeMs),
				clockSkewMs: Number(clockSkewMs),
				quantity: quantity ?? "",
				value: Number(value) + n,
				unit: unit ?? "",
				outcome: result ?? 0,
			};
			const bytes = template.encode(varying, n, hash(n));
			expect(Buffer.from(bytes).equals(Buffer.from(encodeRecord(template.wholeRecord(varying, n, hash(n)))))).toBe(true);
			kept.push([bytes, Buffer.from(bytes)]);
		}
		for (const [bytes, copy] of kept) expect(Buffer.from(bytes).equals(copy)).toBe(true);
		expect(decodeRecord(kept[4][0])).toMatchObject({ chainSeq: 5, workOrderId: "WO-A", device: { readingSeq: 5000, deviceId: "meter-42" } });
		expect(readingSeq).toBe(1);
	});

	it("refuses a template that carries a reading seq", () => {
		expect(
			() =>
				new ReadingRecordTemplate({
					gatewayId: "g",
					workOrderId: "w",
					taskId: "t",
					checklistItemId: "c",
					technicianId: "x",
					device: { readingSeq: 1 } as object,
				}),
		).toThrow(/readingSeq/);
	});
});
