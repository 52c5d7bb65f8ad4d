/**
 * A verified, sealed evidence record as the model's Evidence entity, through the model's own
 * captureEvidence action (protocol/evidence/README.md, "Records", gives the mapping). Records that
 * name no checklist item or deliverable, or one this service does not know, stay in the chain but
 * do not become Evidence: the caller reports them as unlinked.
 */

import { captureEvidence, type EvidenceTarget } from "../../../model/actions/evidence.js";
import type { Evidence, EvidenceCapturer, EvidencePayload } from "../../../model/entities/evidence.js";
import { emptySnapshot, type ModelSnapshot } from "../../../model/entities/kinds.js";
import { isFieldchainError } from "../../../platform/errors.js";
import { EvidenceKind, type EvidenceRecord, SignerRole } from "../../../protocol/evidence/record.js";

export interface SealedRecord {
	record: EvidenceRecord;
	/** Hex SHA-256 of the canonical bytes. */
	contentHash: string;
	/** Hex signature of the checkpoint that sealed it. */
	sealedBy: string;
}

export type Conversion = { ok: true; evidence: Evidence } | { ok: false; message: string };

function payloadOf(record: EvidenceRecord): EvidencePayload | string {
	switch (record.kind) {
		case EvidenceKind.KIND_READING: {
			const device = record.device;
			const calibration =
				device?.calibrationCertificateId || device?.calibrationDueAtMs
					? {
							certificateId: device.calibrationCertificateId ?? "",
							calibratedAt: Number(device.calibratedAtMs ?? 0),
							dueAt: Number(device.calibrationDueAtMs ?? 0),
							laboratory: device.calibrationLaboratory ?? "",
						}
					: null;
			return { kind: "reading", quantity: record.quantity, value: record.value, unit: record.unit, deviceId: device?.deviceId ?? "", calibration };
		}
		case EvidenceKind.KIND_PHOTO:
			return { kind: "photo", mediaType: record.attachmentMediaType, byteLength: Number(record.attachmentSize) };
		case EvidenceKind.KIND_NOTE:
			return { kind: "note", text: record.text };
		case EvidenceKind.KIND_ACKNOWLEDGEMENT:
			return { kind: "acknowledgement", statement: record.text };
		case EvidenceKind.KIND_SIGNATURE:
			if (record.signerRole === SignerRole.SIGNER_ROLE_CUSTOMER) return { kind: "signature", signerName: record.text, signerRole: "customer" };
			if (record.signerRole === SignerRole.SIGNER_ROLE_TECHNICIAN) return { kind: "signature", signerName: record.text, signerRole: "technician" };
			return "a signature record without a signer role";
		default:
			return `record kind ${record.kind} is not one the model knows`;
	}
}

function capturerOf(record: EvidenceRecord, payload: EvidencePayload): EvidenceCapturer {
	if (payload.kind === "reading") return { kind: "device", id: payload.deviceId };
	if (payload.kind === "signature" && payload.signerRole === "customer") return { kind: "customer", id: payload.signerName };
	return { kind: "technician", id: record.technicianId };
}

/** What captureEvidence needs to look up: the task or deliverable the record names. */
export interface TargetLookup {
	task(id: string): Promise<ModelSnapshot["tasks"][number] | undefined>;
	deliverable(id: string): Promise<ModelSnapshot["deliverables"][number] | undefined>;
}

/** One snapshot per task or deliverable object: a batch of 500 readings on one item needs one, not 500. */
const snapshots = new WeakMap<object, ModelSnapshot>();

function snapshotWith(entity: ModelSnapshot["tasks"][number] | ModelSnapshot["deliverables"][number], kind: "tasks" | "deliverables"): ModelSnapshot {
	let snapshot = snapshots.get(entity);
	if (!snapshot) {
		snapshot = emptySnapshot();
		(snapshot[kind] as object[]).push(entity);
		snapshots.set(entity, snapshot);
	}
	return snapshot;
}

export async function recordToEvidence(sealed: SealedRecord, lookup: TargetLookup, now: number): Promise<Conversion> {
	const { record } = sealed;
	const payload = payloadOf(record);
	if (typeof payload === "string") return { ok: false, message: payload };
	let snapshot: ModelSnapshot;
	let target: EvidenceTarget;
	if (record.deliverableId) {
		const deliverable = await lookup.deliverable(record.deliverableId);
		if (!deliverable) return { ok: false, message: `deliverable ${record.deliverableId} is not known to this service` };
		if (deliverable.workOrderId !== record.workOrderId)
			return { ok: false, message: `deliverable ${deliverable.id} belongs to work order ${deliverable.workOrderId}, not ${record.workOrderId}` };
		snapshot = snapshotWith(deliverable, "deliverables");
		target = { deliverableId: deliverable.id };
	} else if (record.taskId && record.checklistItemId) {
		const task = await lookup.task(record.taskId);
		if (!task) return { ok: false, message: `task ${record.taskId} is not known to this service` };
		if (task.workOrderId !== record.workOrderId)
			return { ok: false, message: `task ${task.id} belongs to work order ${task.workOrderId}, not ${record.workOrderId}` };
		snapshot = snapshotWith(task, "tasks");
		target = { taskId: task.id, checklistItemId: record.checklistItemId };
	} else {
		return { ok: false, message: "the record names no checklist item and no deliverable" };
	}
	try {
		const { evidence } = captureEvidence(
			snapshot,
			{ target, payload, capturedBy: capturerOf(record, payload), capturedAt: Number(record.gatewayTimeMs), contentHash: sealed.contentHash },
			{ now, actorId: `gateway:${record.gatewayId}`, newId: () => record.id },
		);
		// Set in place, not spread into a copy: the copy would get a hidden class of its own (V8).
		evidence.previousHash = Buffer.from(record.prevHash).toString("hex");
		evidence.signature = sealed.sealedBy;
		return { ok: true, evidence };
	} catch (error) {
		if (isFieldchainError(error)) return { ok: false, message: error.message };
		throw error;
	}
}
