/**
 * The read side of the evidence log, as the local API and the uplink see it: a task's records with
 * their outcome, whether a checkpoint seals them and how far the uplink has taken them, and which
 * checklist items valid evidence satisfies.
 */
import type { Task } from "../../model/entities/task.js";
import { contentHash } from "../../protocol/evidence/chain.js";
import { decodeRecord } from "../../protocol/evidence/record.js";
import type { EvidenceBatches, StoredRecord } from "./evidence-batches.js";
import { type EvidenceOutcome, KIND_NAMES, OUTCOME_NAMES } from "./record-codes.js";

export type UplinkStatus = "stored" | "uploaded" | "receipted";

/** How far the uplink has taken the chain (gateway/uplink); chain seqs at or below are uploaded / receipted. */
export interface UplinkProgress {
	uploadedUpTo: number;
	receiptedUpTo: number;
}

export interface EvidenceView {
	id: string;
	chainSeq: number;
	workOrderId: string;
	taskId: string;
	checklistItemId: string;
	kind: string;
	outcome: EvidenceOutcome;
	/** stored on this gateway; uploaded: sent to the cloud, no receipt yet; receipted: the cloud's receipt covers it. */
	status: UplinkStatus;
	sealed: boolean;
	contentHash: string;
	createdAt: string;
	/** What a reading record holds, for the technician's screen ("Stamped 1 240 MΩ from megger-7"). */
	reading?: { deviceId: string; quantity: string; value: number; unit: string };
	/** A note's text, or the signer's name on a signature. */
	text?: string;
	/** The deliverable a signature signs off. */
	deliverableId?: string;
	/** The photo's or signature's bytes (content-addressed, SHA-256 hex). */
	attachment?: { sha256: string; mediaType: string };
}

export interface ChecklistItemState {
	id: string;
	label: string;
	kind: string;
	required: boolean;
	satisfied: boolean;
}

export class EvidenceReadView {
	constructor(
		private readonly batches: EvidenceBatches,
		/** Chain seqs at or below are sealed by a checkpoint. */
		private readonly sealedUpTo: () => number,
		/** The uplink's cursor (without an uplink every record is "stored"). */
		private readonly uplinkProgress?: () => UplinkProgress,
	) {}

	/** Records afterSeq+1..upToSeq in chain order. */
	range(afterSeq: number, upToSeq: number): EvidenceView[] {
		const progress = this.uplinkProgress?.();
		return this.batches.between(afterSeq + 1, upToSeq).map((stored) => this.toView(stored, progress));
	}

	forTask(workOrderId: string, taskId: string): EvidenceView[] {
		const views: EvidenceView[] = [];
		const progress = this.uplinkProgress?.();
		for (const stored of this.batches.batchRecordsOfTask(workOrderId, taskId)) {
			const view = this.toView(stored, progress);
			if (view.taskId === taskId && view.workOrderId === workOrderId) views.push(view);
		}
		return views;
	}

	/** Each checklist item of the task and whether valid evidence satisfies it. */
	checklistState(task: Task): ChecklistItemState[] {
		const satisfied = new Set(this.batches.satisfiedItems(task.id));
		return task.checklist.map((item) => ({
			id: item.id,
			label: item.label,
			kind: item.requirement.kind,
			required: item.required,
			satisfied: satisfied.has(item.id),
		}));
	}

	toView(stored: StoredRecord, progress = this.uplinkProgress?.()): EvidenceView {
		const record = decodeRecord(stored.bytes);
		return {
			id: record.id,
			chainSeq: stored.chainSeq,
			workOrderId: record.workOrderId,
			taskId: record.taskId,
			checklistItemId: record.checklistItemId,
			kind: KIND_NAMES.get(record.kind) ?? "unknown",
			outcome: OUTCOME_NAMES.get(record.outcome) ?? "recorded",
			status:
				progress === undefined
					? "stored"
					: stored.chainSeq <= progress.receiptedUpTo
						? "receipted"
						: stored.chainSeq <= progress.uploadedUpTo
							? "uploaded"
							: "stored",
			sealed: stored.chainSeq <= this.sealedUpTo(),
			contentHash: contentHash(stored.bytes).toString("hex"),
			createdAt: new Date(Number(record.gatewayTimeMs)).toISOString(),
			...(record.quantity ? { reading: { deviceId: record.device?.deviceId ?? "", quantity: record.quantity, value: record.value, unit: record.unit } } : {}),
			...(record.text ? { text: record.text } : {}),
			...(record.deliverableId ? { deliverableId: record.deliverableId } : {}),
			...(record.attachmentSha256?.length
				? { attachment: { sha256: Buffer.from(record.attachmentSha256).toString("hex"), mediaType: record.attachmentMediaType } }
				: {}),
		};
	}
}
