import "../protobuf-numbers.js";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../errors.js";
import { fieldchain } from "../generated/evidence.js";
import { decodeCheckpoint, decodeRecord, EvidenceKind, EvidenceOutcome, type EvidenceRecordFields, encodeCheckpoint, encodeRecord, recordToJson } from "./record.js";
import { reading } from "./test-fixtures.js";

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
			encodeCheckpoint({ gatewayId: "gw-01", chainSeq: 4096, headHash: hash(1), recordCount: 4096, createdAtMs: 1_764_000_000_000, keyId: hash(2), signature: Buffer.alloc(64, 3) }),
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
		const noisy = encodeRecord({ chainSeq: 1, prevHash: hash(1), id: "", value: 0, kind: 0, device: { deviceId: "" }, requirement: {}, clockSkewMs: 0, attachmentSha256: new Uint8Array(0) });
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
