/**
 * The customer's signature signs off a work order's deliverables (the model's deliverable
 * sign-off, model/actions/deliverables.ts): one signature image, chained as two evidence records,
 * one for the task's customer-signature checklist item and one naming the deliverable (the billing
 * service files a record that names a deliverable under the deliverable alone); the sign-off (signer
 * name, time, the signature's evidence record) is kept in field_states and sent to the billing
 * service through the outbox, after the evidence, in the same transaction as the record.
 * Milestone readiness (model/rules/milestone-readiness.ts) checks exactly this on both sides.
 */
import type Database from "better-sqlite3";
import type { Deliverable } from "../../model/entities/deliverable.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { Task } from "../../model/entities/task.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { AttachmentInfo } from "../evidence/attachments.js";
import type { EvidenceLog } from "../evidence/evidence-log.js";
import type { EvidenceView } from "../evidence/evidence-view.js";
import type { FieldStates } from "./field-states.js";
import type { TimeEntryOutbox } from "./time-entries.js";
import type { WorkOrders } from "./work-orders.js";

export interface DeliverableView {
	id: string;
	workOrderId: string;
	kind: Deliverable["kind"];
	title: string;
	status: Deliverable["status"];
	signerName: string | null;
	signedOffAt: number | null;
	signatureEvidenceId: string | null;
	milestoneIds: string[];
}

export interface SignOffInput {
	workOrderId: string;
	deliverableId: string;
	technicianId: string;
	signerName: string;
	attachment: AttachmentInfo;
	/** The task checklist item the signature also satisfies; default: the order's first customer-signature item. */
	taskId?: string;
	checklistItemId?: string;
}

export class DeliverableSignOffs {
	constructor(
		private readonly db: Database.Database,
		private readonly workOrders: WorkOrders,
		private readonly evidence: Pick<EvidenceLog, "add">,
		private readonly fieldStates: FieldStates,
		private readonly uplink?: TimeEntryOutbox,
	) {
		workOrders.addOverlay((snapshot) => this.overlay(snapshot));
	}

	/** A sign-off made here stands over the office's pending or delivered copy. */
	private overlay(snapshot: ModelSnapshot): void {
		for (const state of this.fieldStates.all("deliverable")) {
			const deliverable = snapshot.deliverables.find((candidate) => candidate.id === state.entityId);
			if (!deliverable || deliverable.status === "signed-off") continue;
			Object.assign(deliverable, { status: "signed-off", ...state.data });
		}
	}

	list(workOrderId: string): DeliverableView[] {
		const snapshot = this.workOrders.snapshot;
		return snapshot.deliverables.filter((deliverable) => deliverable.workOrderId === workOrderId).map((deliverable) => this.view(deliverable));
	}

	private view(deliverable: Deliverable): DeliverableView {
		return {
			id: deliverable.id,
			workOrderId: deliverable.workOrderId,
			kind: deliverable.kind,
			title: deliverable.title,
			status: deliverable.status,
			signerName: deliverable.signedOffBy,
			signedOffAt: deliverable.signedOffAt,
			signatureEvidenceId: deliverable.signatureEvidenceId,
			milestoneIds: this.workOrders.snapshot.milestones
				.filter((milestone) => milestone.deliverableIds.includes(deliverable.id))
				.map((milestone) => milestone.id),
		};
	}

	private signatureItem(input: SignOffInput): { task: Task; checklistItemId: string } {
		const tasks = this.workOrders.tasksOf(input.workOrderId);
		if (input.taskId !== undefined || input.checklistItemId !== undefined) {
			const task = tasks.find((candidate) => candidate.id === input.taskId);
			const item = task?.checklist.find((candidate) => candidate.id === input.checklistItemId);
			if (!task || !item)
				throw new FieldchainError(
					ErrorCodes.FC_HTTP_BAD_REQUEST,
					`Work order ${input.workOrderId} has no checklist item "${input.checklistItemId}" on task "${input.taskId}".`,
					{ hint: 'Send both "taskId" and "checklistItemId", or neither (the first customer-signature item is used).' },
				);
			return { task, checklistItemId: item.id };
		}
		for (const task of tasks) {
			const item = task.checklist.find((candidate) => candidate.requirement.kind === "signature" && candidate.requirement.signerRole === "customer");
			if (item) return { task, checklistItemId: item.id };
		}
		throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Work order ${input.workOrderId} has no task asking for the customer's signature.`, {
			hint: "A signature is evidence on a task's checklist item; the work order needs one.",
		});
	}

	signOff(input: SignOffInput, now: number): { deliverable: DeliverableView; evidence: EvidenceView } {
		const snapshot = this.workOrders.snapshot;
		const deliverable = snapshot.deliverables.find((candidate) => candidate.id === input.deliverableId && candidate.workOrderId === input.workOrderId);
		if (!deliverable)
			throw new FieldchainError(
				ErrorCodes.FC_HTTP_NOT_FOUND,
				`Deliverable "${input.deliverableId}" of work order "${input.workOrderId}" is not held by this gateway.`,
			);
		if (deliverable.status === "signed-off")
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_ILLEGAL_TRANSITION,
				`Deliverable ${deliverable.id} is signed off already (by ${deliverable.signedOffBy}).`,
				{
					details: { entity: "deliverable", id: deliverable.id, from: deliverable.status, to: "signed-off" },
				},
			);
		if (deliverable.status === "refused")
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_ILLEGAL_TRANSITION,
				`Deliverable ${deliverable.id} was refused by the customer; the office reopens it first.`,
				{
					details: { entity: "deliverable", id: deliverable.id, from: deliverable.status, to: "signed-off" },
				},
			);
		// Only a technician with a visit in this job (its work order or one of the same root) takes the
		// customer's signature for it: another technician on the same hub cannot sign off its deliverables.
		const rootOf = (id: string) => snapshot.workOrders.find((order) => order.id === id)?.rootId;
		const root = rootOf(input.workOrderId);
		if (!snapshot.appointments.some((visit) => visit.technicianId === input.technicianId && rootOf(visit.workOrderId) === root))
			throw new FieldchainError(
				ErrorCodes.FC_APP_FORBIDDEN,
				`Technician ${input.technicianId} has no visit in work order ${input.workOrderId}; only its technicians take the customer's sign-off.`,
			);
		const { task, checklistItemId } = this.signatureItem(input);
		const signed = this.db.transaction(() => {
			const signature = {
				technicianId: input.technicianId,
				workOrderId: input.workOrderId,
				task,
				checklistItemId,
				kind: "signature" as const,
				text: input.signerName,
				signerRole: "customer" as const,
				attachment: input.attachment,
			};
			// One image, two chained records: the billing service files a record naming a deliverable
			// under the deliverable only, so the task's checklist item gets its own record.
			this.evidence.add(signature);
			const evidence = this.evidence.add({ ...signature, deliverableId: deliverable.id });
			const data = { signatureEvidenceId: evidence.id, signedOffBy: input.signerName, signedOffAt: now };
			this.fieldStates.put({ entity: "deliverable", entityId: deliverable.id, status: "signed-off", data, changedBy: input.technicianId, changedAt: now });
			this.uplink?.outbox.add({
				kind: "deliverable-sign-off",
				recordId: `deliverable-sign-off:${deliverable.id}:${evidence.id}`,
				workOrderId: input.workOrderId,
				taskId: task.id,
				payload: {
					deliverableId: deliverable.id,
					signatureEvidenceId: evidence.id,
					signerName: input.signerName,
					at: now,
					afterChainSeq: this.uplink.chainHead(),
				},
				createdAt: now,
			});
			return evidence;
		})();
		this.overlay(this.workOrders.snapshot);
		return { deliverable: this.view(deliverable), evidence: signed };
	}
}
