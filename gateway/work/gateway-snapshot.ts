/**
 * The gateway's view of the execution model: the work-order snapshot it was given, with what
 * happened here laid over it: task states (task-states.ts changes the snapshot's task objects),
 * the evidence records of the chain as model Evidence, and the technician's time entries as model
 * TimeEntries. The model's rules (model/rules) then judge it exactly as the billing
 * service will, offline.
 */

import type { Evidence, EvidencePayload } from "../../model/entities/evidence.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { TimeEntry } from "../../model/entities/time-entry.js";
import { contentHash } from "../../protocol/evidence/chain.js";
import { decodeRecord, EvidenceKind as Kind, SignerRole } from "../../protocol/evidence/record.js";
import type { EvidenceBatches } from "../evidence/evidence-batches.js";
import type { TimeSubmissions } from "./time-submissions.js";
import type { WorkOrders } from "./work-orders.js";

export interface SnapshotParts {
	workOrders: WorkOrders;
	batches: EvidenceBatches;
	submissions: TimeSubmissions;
}

type DecodedRecord = ReturnType<typeof decodeRecord>;

function payloadOf(record: DecodedRecord): EvidencePayload | undefined {
	switch (record.kind) {
		case Kind.KIND_READING: {
			const device = record.device;
			const dueAt = Number(device?.calibrationDueAtMs ?? 0);
			return {
				kind: "reading",
				quantity: record.quantity,
				value: record.value,
				unit: record.unit,
				deviceId: device?.deviceId ?? "",
				calibration:
					dueAt > 0
						? {
								certificateId: device?.calibrationCertificateId ?? "",
								calibratedAt: Number(device?.calibratedAtMs ?? 0),
								dueAt,
								laboratory: device?.calibrationLaboratory ?? "",
							}
						: null,
			};
		}
		case Kind.KIND_PHOTO:
			return { kind: "photo", mediaType: record.attachmentMediaType, byteLength: Number(record.attachmentSize) };
		case Kind.KIND_NOTE:
			return { kind: "note", text: record.text };
		case Kind.KIND_ACKNOWLEDGEMENT:
			return { kind: "acknowledgement", statement: record.text };
		case Kind.KIND_SIGNATURE:
			return { kind: "signature", signerName: record.text, signerRole: record.signerRole === SignerRole.SIGNER_ROLE_CUSTOMER ? "customer" : "technician" };
		default:
			return undefined;
	}
}

/** One chained record as the model's Evidence entity. */
export function evidenceOf(bytes: Uint8Array): Evidence | undefined {
	const record = decodeRecord(bytes);
	const payload = payloadOf(record);
	if (!payload) return undefined;
	const at = Number(record.gatewayTimeMs);
	const capturedBy: Evidence["capturedBy"] =
		payload.kind === "reading"
			? { kind: "device", id: payload.deviceId }
			: payload.kind === "signature" && payload.signerRole === "customer"
				? { kind: "customer", id: payload.signerName }
				: { kind: "technician", id: record.technicianId };
	return {
		id: record.id,
		version: 1,
		createdAt: at,
		updatedAt: at,
		workOrderId: record.workOrderId,
		taskId: record.taskId || null,
		checklistItemId: record.checklistItemId || null,
		deliverableId: record.deliverableId || null,
		payload,
		capturedBy,
		capturedAt: at,
		contentHash: contentHash(bytes).toString("hex"),
		status: "captured",
		signature: null,
		previousHash: null,
	};
}

/** The snapshot with this gateway's evidence and time entries for the given tasks laid over it. */
export function gatewaySnapshot(parts: SnapshotParts, taskIds: readonly string[]): ModelSnapshot {
	const base = parts.workOrders.snapshot;
	const evidence: Evidence[] = [...base.evidence];
	// The gateway's own entries (with the office's decisions merged in, time-submissions.ts) replace
	// the office's copies of them; entries recorded elsewhere stay as the office has them.
	const local = parts.submissions.forTasks(taskIds);
	const mine = new Set(local.map((entry) => entry.id));
	const timeEntries: TimeEntry[] = base.timeEntries.filter((entry) => !mine.has(entry.id));
	for (const taskId of taskIds) {
		const task = parts.workOrders.task(taskId);
		if (!task) continue;
		for (const stored of parts.batches.batchRecordsOfTask(task.workOrderId, task.id)) {
			const entity = evidenceOf(stored.bytes);
			if (entity && entity.taskId === task.id) evidence.push(entity);
		}
	}
	for (const entry of local) {
		timeEntries.push({
			id: entry.id,
			version: 1,
			createdAt: entry.startedAt,
			updatedAt: entry.submittedAt ?? entry.endedAt ?? entry.startedAt,
			workOrderId: entry.workOrderId,
			taskId: entry.taskId,
			technicianId: entry.technicianId,
			kind: entry.kind,
			// Time on a task is billable unless the billing service decides otherwise at approval.
			billable: true,
			start: entry.startedAt,
			end: entry.endedAt,
			status: entry.status,
			note: "",
		});
	}
	return { ...base, evidence, timeEntries };
}
