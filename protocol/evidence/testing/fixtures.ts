/** Shared fixtures of the evidence tests: a small interleaved chain with checkpoints and a photo. */
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { buildBundle, type EvidenceBundle, type StoredChainEntry } from "../bundle.js";
import { type ChainedRecord, EvidenceChain, type EvidenceRecordInit } from "../chain.js";
import { type SignedCheckpoint, signCheckpoint } from "../checkpoint.js";
import { keyIdOf, publicKeyRaw } from "../keys.js";
import { EvidenceKind, EvidenceOutcome, SignerRole } from "../record.js";

export const GATEWAY_ID = "gw-test-01";
export const PHOTO = Buffer.from("\x89PNG\r\n\x1a\n fake photo bytes for the tests");
export const PHOTO_SHA256 = createHash("sha256").update(PHOTO).digest();

export function testKey(): { privateKey: KeyObject; publicKeyRaw: Buffer; keyId: Buffer } {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	const raw = publicKeyRaw(publicKey);
	return { privateKey, publicKeyRaw: raw, keyId: keyIdOf(raw) };
}

export function reading(workOrderId: string, n: number): EvidenceRecordInit {
	return {
		id: `0190f5c2-7e00-7000-8000-${n.toString(16).padStart(12, "0")}`,
		gatewayId: GATEWAY_ID,
		workOrderId,
		taskId: `${workOrderId}-task-1`,
		checklistItemId: "item-insulation",
		technicianId: "tech-7",
		kind: EvidenceKind.KIND_READING,
		device: {
			deviceId: "meter-42",
			model: "IR-5000",
			firmwareVersion: "2.3.1",
			bootId: Buffer.from("0123456789abcdef"),
			readingSeq: n,
			calibrationCertificateId: "CAL-2026-001",
			calibratedAtMs: 1_760_000_000_000,
			calibrationDueAtMs: 1_800_000_000_000,
			calibrationLaboratory: "Lab One",
		},
		deviceTimeUs: 1_764_000_000_000_000 + n * 1000,
		gatewayTimeMs: 1_764_000_000_000 + n,
		clockSkewMs: -3,
		quantity: "insulation_resistance",
		value: 512.5 + n,
		unit: "MOhm",
		requirement: { min: 1, unit: "MOhm", calibratedRequired: true },
		outcome: EvidenceOutcome.OUTCOME_PASS,
	};
}

export function photo(workOrderId: string, n: number): EvidenceRecordInit {
	return {
		id: `0190f5c2-7e00-7000-9000-${n.toString(16).padStart(12, "0")}`,
		gatewayId: GATEWAY_ID,
		workOrderId,
		taskId: `${workOrderId}-task-1`,
		technicianId: "tech-7",
		kind: EvidenceKind.KIND_PHOTO,
		gatewayTimeMs: 1_764_000_000_000 + n,
		attachmentSha256: PHOTO_SHA256,
		attachmentMediaType: "image/png",
		attachmentSize: PHOTO.length,
	};
}

export function signature(workOrderId: string, n: number): EvidenceRecordInit {
	return {
		id: `0190f5c2-7e00-7000-a000-${n.toString(16).padStart(12, "0")}`,
		gatewayId: GATEWAY_ID,
		workOrderId,
		technicianId: "tech-7",
		kind: EvidenceKind.KIND_SIGNATURE,
		gatewayTimeMs: 1_764_000_000_000 + n,
		text: "Ada Customer",
		signerRole: SignerRole.SIGNER_ROLE_CUSTOMER,
	};
}

export interface TestChain {
	key: ReturnType<typeof testKey>;
	chained: ChainedRecord[];
	entries: StoredChainEntry[];
	checkpoints: SignedCheckpoint[];
	chain: EvidenceChain;
}

/**
 * 14 records of work orders WO-A, WO-B and WO-C interleaved, a checkpoint after every 4th record
 * (4, 8, 12); records 13 and 14 are unsealed. WO-A: 2 (reading), 5 (photo), 7 (reading), 10 (signature).
 */
export function makeTestChain(): TestChain {
	const key = testKey();
	const chain = new EvidenceChain();
	const plan: EvidenceRecordInit[] = [
		reading("WO-B", 1),
		reading("WO-A", 2),
		reading("WO-B", 3),
		reading("WO-C", 4),
		photo("WO-A", 5),
		reading("WO-B", 6),
		reading("WO-A", 7),
		reading("WO-C", 8),
		reading("WO-B", 9),
		signature("WO-A", 10),
		reading("WO-B", 11),
		reading("WO-C", 12),
		reading("WO-C", 13),
		reading("WO-B", 14),
	];
	const chained: ChainedRecord[] = [];
	const checkpoints: SignedCheckpoint[] = [];
	for (const init of plan) {
		const entry = chain.append(init);
		chained.push(entry);
		if (entry.chainSeq % 4 === 0) {
			checkpoints.push(
				signCheckpoint(
					{
						gatewayId: GATEWAY_ID,
						chainSeq: entry.chainSeq,
						headHash: entry.entryHash,
						recordCount: entry.chainSeq,
						createdAtMs: 1_764_000_000_500 + entry.chainSeq,
						keyId: key.keyId,
					},
					key.privateKey,
				),
			);
		}
	}
	const entries = chained.map((c) => ({ chainSeq: c.chainSeq, bytes: c.bytes, workOrderId: String(c.record.workOrderId) }));
	return { key, chained, entries, checkpoints, chain };
}

/** The WO-A bundle: entries 2..12 (first WO-A record to the checkpoint covering record 10), checkpoints 4, 8, 12. */
export function makeTestBundle(t: TestChain = makeTestChain(), workOrderId = "WO-A"): EvidenceBundle {
	return buildBundle({
		gatewayId: GATEWAY_ID,
		publicKeyRaw: t.key.publicKeyRaw,
		workOrderId,
		entries: t.entries,
		checkpoints: t.checkpoints.map((c) => c.bytes),
		attachmentData: (sha) => (sha === PHOTO_SHA256.toString("hex") ? PHOTO : undefined),
	});
}
