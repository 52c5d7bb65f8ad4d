/**
 * A gateway's evidence chain for tests and the benchmark, built with the real protocol/evidence
 * code: Ed25519 key, EvidenceChain, signCheckpoint. It speaks the batch wire format.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { type ChainedRecord, EvidenceChain, type EvidenceRecordInit } from "../../../protocol/evidence/chain.js";
import { type SignedCheckpoint, signCheckpoint } from "../../../protocol/evidence/checkpoint.js";
import { keyIdOf, publicKeyRaw } from "../../../protocol/evidence/keys.js";
import { EvidenceKind, EvidenceOutcome, SignerRole } from "../../../protocol/evidence/record.js";
import type { EvidenceBatch } from "../../../protocol/uplink/wire.js";

let counter = 0;
const uuid = () => `0190f5c2-7e00-7000-8000-${(++counter).toString(16).padStart(12, "0")}`;

export interface ReadingTarget {
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
}

export class SimulatedGateway {
	readonly privateKey: KeyObject;
	readonly publicKeyRaw: Buffer;
	readonly keyId: Buffer;
	readonly chain = new EvidenceChain();
	readonly records: ChainedRecord[] = [];
	readonly checkpoints: SignedCheckpoint[] = [];
	now = 1_764_000_000_000;

	constructor(readonly gatewayId: string) {
		const { privateKey, publicKey } = generateKeyPairSync("ed25519");
		this.privateKey = privateKey;
		this.publicKeyRaw = publicKeyRaw(publicKey);
		this.keyId = keyIdOf(this.publicKeyRaw);
	}

	get publicKeyBase64(): string {
		return this.publicKeyRaw.toString("base64");
	}

	append(init: Omit<EvidenceRecordInit, "gatewayId" | "id"> & { id?: string }): ChainedRecord {
		const chained = this.chain.append({ id: uuid(), gatewayId: this.gatewayId, gatewayTimeMs: ++this.now, ...init });
		this.records.push(chained);
		return chained;
	}

	reading(target: ReadingTarget, value: number, o: { quantity?: string; unit?: string } = {}): ChainedRecord {
		return this.append({
			...target,
			technicianId: "TECH1",
			kind: EvidenceKind.KIND_READING,
			device: {
				deviceId: "MEGGER-1",
				model: "MIT-525",
				bootId: Buffer.from("0123456789abcdef"),
				readingSeq: this.records.length + 1,
				calibrationCertificateId: "CAL-1",
				calibratedAtMs: this.now - 100 * 86_400_000,
				calibrationDueAtMs: this.now + 265 * 86_400_000,
				calibrationLaboratory: "Lab",
			},
			deviceTimeUs: this.now * 1000,
			quantity: o.quantity ?? "insulation_resistance",
			value,
			unit: o.unit ?? "MOhm",
			outcome: EvidenceOutcome.OUTCOME_PASS,
		});
	}

	acknowledgement(target: ReadingTarget, statement: string): ChainedRecord {
		return this.append({ ...target, technicianId: "TECH1", kind: EvidenceKind.KIND_ACKNOWLEDGEMENT, text: statement });
	}

	customerSignature(workOrderId: string, deliverableId: string, signer: string): ChainedRecord {
		return this.append({
			workOrderId,
			deliverableId,
			technicianId: "TECH1",
			kind: EvidenceKind.KIND_SIGNATURE,
			text: signer,
			signerRole: SignerRole.SIGNER_ROLE_CUSTOMER,
		});
	}

	/** Signs a checkpoint over the current head, with this gateway's key or another one. */
	seal(key: KeyObject = this.privateKey, keyId: Buffer = this.keyId): SignedCheckpoint {
		const last = this.records[this.records.length - 1];
		const checkpoint = signCheckpoint(
			{ gatewayId: this.gatewayId, chainSeq: last.chainSeq, headHash: last.entryHash, recordCount: last.chainSeq, createdAtMs: this.now, keyId },
			key,
		);
		this.checkpoints.push(checkpoint);
		return checkpoint;
	}

	/** Records fromSeq..toSeq (inclusive) and the checkpoints within that range, as a batch body. */
	batch(fromSeq: number, toSeq: number, batchId?: string): EvidenceBatch {
		return {
			gatewayId: this.gatewayId,
			...(batchId ? { batchId } : {}),
			records: this.records.slice(fromSeq - 1, toSeq).map(wire),
			checkpoints: this.checkpoints.filter((c) => c.chainSeq >= fromSeq && c.chainSeq <= toSeq).map((c) => Buffer.from(c.bytes).toString("base64")),
		};
	}
}

export function wire(chained: ChainedRecord): EvidenceBatch["records"][number] {
	return { chainSeq: chained.chainSeq, record: Buffer.from(chained.bytes).toString("base64"), contentHash: chained.contentHash.toString("hex") };
}
