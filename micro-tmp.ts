import { createHash } from "node:crypto";
import { EvidenceChain, contentHash, entryHash } from "./protocol/evidence/chain.js";
import { encodeRecord, EvidenceKind, EvidenceOutcome } from "./protocol/evidence/record.js";
import { fieldchain } from "./protocol/generated/evidence.js";

const bootId = Buffer.from("0123456789abcdef");
function make(n: number) {
	return {
		id: `0190f5c2-7e00-7000-8000-${n.toString(16).padStart(12, "0")}`,
		gatewayId: "gw-bench-01",
		workOrderId: "WO-2026-000123",
		taskId: "WO-2026-000123-task-1",
		checklistItemId: "item-insulation",
		technicianId: "tech-7",
		kind: EvidenceKind.KIND_READING,
		device: {
			deviceId: "meter-42", model: "IR-5000", firmwareVersion: "2.3.1", serialNumber: "SN-000042",
			bootId, readingSeq: n, calibrationCertificateId: "CAL-2026-001",
			calibratedAtMs: 1_760_000_000_000, calibrationDueAtMs: 1_800_000_000_000, calibrationLaboratory: "Lab One",
		},
		deviceTimeUs: 1_764_000_000_000_000 + n * 1000,
		gatewayTimeMs: 1_764_000_000_000 + n,
		clockSkewMs: -3,
		quantity: "insulation_resistance",
		value: 512.5 + n,
		unit: "MOhm",
		requirement: { max: 1000, unit: "MOhm" },
		outcome: EvidenceOutcome.OUTCOME_PASS,
	};
}
const N = 2000;
const inits = Array.from({ length: N }, (_, i) => make(i + 1));
const prevHash = Buffer.alloc(32, 7);
const full = inits.map((r, i) => ({ ...r, chainSeq: i + 1, prevHash }));

function time(label: string, iters: number, fn: (i: number) => unknown) {
	let best = Infinity;
	for (let round = 0; round < 7; round++) {
		const t = performance.now();
		for (let i = 0; i < iters; i++) fn(i);
		const us = ((performance.now() - t) * 1000) / iters;
		if (round > 1) best = Math.min(best, us);
	}
	console.log(`${label.padEnd(28)} ${best.toFixed(3)} µs`);
}
const ITERS = 200_000;
let sink = 0;
const chain = new EvidenceChain();
time("append", ITERS, (i) => { sink += chain.append(inits[i % N]).bytes.length; });
time("encodeRecord", ITERS, (i) => { sink += encodeRecord(full[i % N]).length; });
const bytes = encodeRecord(full[0]);
time("pbjs encode(full)", ITERS, (i) => { sink += fieldchain.evidence.v1.EvidenceRecord.encode(full[i % N]).finish().length; });
const c = contentHash(bytes);
time("contentHash", ITERS, () => { sink += contentHash(bytes).length; });
time("entryHash", ITERS, (i) => { sink += entryHash(i + 1, prevHash, c).length; });
time("bare sha256", ITERS, () => { sink += createHash("sha256").update(bytes).digest().length; });
console.log(sink > 0, bytes.length);
