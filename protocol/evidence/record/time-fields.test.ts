/**
 * The format-2 time fields (README.md, "Time"): the worked example's bytes and hashes, the fast
 * writer and the reading template against the table-driven encoder, and format-1 records unchanged.
 */
import { describe, expect, it } from "vitest";
import { EvidenceChain } from "../chain.js";
import { decodeRecord, EvidenceKind, EvidenceOutcome, encodeRecord, ReadingRecordTemplate, TimeQuality } from "../record.js";
import { encodeRecordByTable } from "./table-encoder.js";

const BOOT = Buffer.from("90ebe5d9cdaf495da21fcf0297dbcd27", "hex");
const NOTE = {
	id: "0190f5c2-7e00-7000-8000-000000000002",
	gatewayId: "gw-01",
	workOrderId: "WO-1",
	kind: EvidenceKind.KIND_NOTE,
	gatewayTimeMs: 1764000000000,
	text: "Panel door left open",
};

describe("evidence time fields (format 2)", () => {
	it("encodes the README's worked example byte for byte (also what protoc --encode writes)", () => {
		const chained = new EvidenceChain().append({
			...NOTE,
			timeQuality: TimeQuality.TIME_QUALITY_UNSYNCHRONISED,
			monotonic: { bootId: BOOT, offsetMs: 5000 },
		});
		expect(Buffer.from(chained.bytes).toString("hex")).toBe(
			"0a2430313930663563322d376530302d373030302d383030302d30303030303030303030303210011a20" +
				"0000000000000000000000000000000000000000000000000000000000000000220567772d30312a0457" +
				"4f2d3150036880d0dfb4ab33ba011450616e656c20646f6f72206c656674206f70656e" +
				"c80101da01150a1090ebe5d9cdaf495da21fcf0297dbcd27108827a00602",
		);
		expect(chained.contentHash.toString("hex")).toBe("58d5d5c58359de3e0a48b3b9eb034cf596b6d49c88c2836d072ae4f94c1c9f8a");
		expect(chained.entryHash.toString("hex")).toBe("73d0630c9702cb7cf6f46e6c30d2a622a1816baf8942918f7d6c9fd1ed9f1bd4");
		const decoded = decodeRecord(chained.bytes);
		expect(decoded.timeQuality).toBe(TimeQuality.TIME_QUALITY_UNSYNCHRONISED);
		expect(Number(decoded.monotonic?.offsetMs)).toBe(5000);
		expect(decoded.formatVersion).toBe(2);
	});

	it("leaves a record without them in format 1, byte for byte as before (the first worked example)", () => {
		const chained = new EvidenceChain().append({ ...NOTE, id: "0190f5c2-7e00-7000-8000-000000000001" });
		expect(chained.entryHash.toString("hex")).toBe("b12a829a12653f13a5a2997156b1f6beee2bffeb6d4144d540961d50487d0096");
	});

	it("writes the same bytes on the fast path and the table-driven path, whatever subset is present", () => {
		const variants = [
			{ timeQuality: TimeQuality.TIME_QUALITY_SYNCHRONISED, timeSource: "ntp" },
			{ timeQuality: TimeQuality.TIME_QUALITY_TRUSTED_SOURCE, timeSource: "gnss:gnss-01", monotonic: { bootId: BOOT, offsetMs: 2 ** 40 } },
			{ deviceTimeImplausible: true },
			{ timeQuality: TimeQuality.TIME_QUALITY_UNSPECIFIED, timeSource: "", deviceTimeImplausible: false, monotonic: { bootId: Buffer.alloc(0), offsetMs: 0 } },
			{ monotonic: { offsetMs: 7 } },
		];
		for (const extra of variants) {
			const record = { ...NOTE, chainSeq: 3, prevHash: Buffer.alloc(32, 1), ...extra };
			const fast = Buffer.from(encodeRecord(record));
			expect(fast.toString("hex")).toBe(Buffer.from(encodeRecordByTable(record)).toString("hex"));
			expect(decodeRecord(fast).chainSeq).toBe(3);
		}
		// All defaults: the record stays format 1 (no field 100).
		const plain = Buffer.from(encodeRecord({ ...NOTE, chainSeq: 3, prevHash: Buffer.alloc(32, 1), ...variants[3] }));
		expect(decodeRecord(plain).formatVersion ?? 0).toBe(0);
	});

	it("gives reading templates the same bytes as the whole record", () => {
		const template = new ReadingRecordTemplate({
			gatewayId: "gw-01",
			workOrderId: "WO-1",
			taskId: "T-1",
			checklistItemId: "I-1",
			technicianId: "tech-1",
			device: { deviceId: "mm-1", bootId: Buffer.alloc(16, 9) },
		});
		const varying = {
			id: "0190f5c2-7e00-7000-8000-000000000003",
			readingSeq: 4,
			deviceTimeUs: 1_764_000_000_000_000,
			gatewayTimeMs: 1_764_000_000_100,
			clockSkewMs: -100,
			quantity: "voltage",
			value: 230.1,
			unit: "V",
			outcome: EvidenceOutcome.OUTCOME_PASS,
			timeQuality: TimeQuality.TIME_QUALITY_TRUSTED_SOURCE,
			timeSource: "gnss:gnss-01",
			monotonic: { bootId: BOOT, offsetMs: 123_456 },
			deviceTimeImplausible: true,
		};
		const fast = Buffer.from(template.encode(varying, 9, Buffer.alloc(32, 2)));
		expect(fast.toString("hex")).toBe(Buffer.from(encodeRecordByTable(template.wholeRecord(varying, 9, Buffer.alloc(32, 2)))).toString("hex"));
		expect(decodeRecord(fast).deviceTimeImplausible).toBe(true);
	});
});
