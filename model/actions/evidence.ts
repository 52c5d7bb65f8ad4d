import { createHash } from "node:crypto";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { canonicalJson } from "../canonical-json.js";
import type { Approval } from "../entities/approval.js";
import type { Versioned } from "../entities/common.js";
import type { Evidence, EvidenceCapturer, EvidencePayload } from "../entities/evidence.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { requireEntity } from "../rules/lookup.js";
import { evidenceMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, fresh, write } from "./context.js";

export type EvidenceTarget = { taskId: string; checklistItemId: string } | { deliverableId: string };

export interface NewEvidence {
	target: EvidenceTarget;
	payload: EvidencePayload;
	capturedBy: EvidenceCapturer;
	/** Defaults to ctx.now; a device reading carries its own capture time. */
	capturedAt?: number;
	/** Defaults to the SHA-256 of the canonical content (photos pass the hash of their bytes). */
	contentHash?: string;
}

export function contentHashOf(content: unknown): string {
	return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * Records evidence against a checklist item or deliverable. Evidence that fails the item's limits is
 * still recorded (it is what was measured); the rules decide whether it satisfies the item. A kind
 * that cannot ever satisfy the item is refused.
 */
export function captureEvidence(snapshot: ModelSnapshot, input: NewEvidence, ctx: ActionContext): ActionResult & { evidence: Evidence } {
	let workOrderId: string;
	let taskId: string | null = null;
	let checklistItemId: string | null = null;
	let deliverableId: string | null = null;
	if ("deliverableId" in input.target) {
		const deliverable = requireEntity(snapshot, "deliverable", input.target.deliverableId);
		workOrderId = deliverable.workOrderId;
		deliverableId = deliverable.id;
	} else {
		const task = requireEntity(snapshot, "task", input.target.taskId);
		const item = task.checklist.find((c) => c.id === (input.target as { checklistItemId: string }).checklistItemId);
		if (!item) throw new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `Task ${task.id} has no checklist item "${input.target.checklistItemId}".`);
		if (item.requirement.kind !== input.payload.kind) {
			throw new FieldchainError(
				ErrorCodes.FC_MODEL_INVALID,
				`Task ${task.id}: checklist item '${item.label}' needs ${item.requirement.kind} evidence, not ${input.payload.kind}.`,
			);
		}
		workOrderId = task.workOrderId;
		taskId = task.id;
		checklistItemId = item.id;
	}
	const capturedAt = input.capturedAt ?? ctx.now;
	// Object.assign onto fresh(), not `{ ...fresh(), ... }`: V8 (Node 20) gives every object made by
	// spread-then-add a hidden class of its own (see evidence/chain.ts), which cost ~12 µs per capture
	// and slowed every later read and JSON.stringify of the evidence (billing ingest captures thousands).
	const content: Omit<Evidence, keyof Versioned> = {
		workOrderId,
		taskId,
		checklistItemId,
		deliverableId,
		payload: input.payload,
		capturedBy: input.capturedBy,
		capturedAt,
		contentHash: input.contentHash ?? contentHashOf({ target: input.target, payload: input.payload, capturedBy: input.capturedBy, capturedAt }),
		status: "captured",
		signature: null,
		previousHash: null,
	};
	const evidence: Evidence = Object.assign(fresh(ctx.newId("evidence"), ctx.now), content);
	return { evidence, writes: [write("evidence", evidence)] };
}

function decide(snapshot: ModelSnapshot, id: string, decision: "approved" | "rejected", reason: string, ctx: ActionContext) {
	const evidence = requireEntity(snapshot, "evidence", id);
	const next = evidenceMachine.transition(evidence, decision === "approved" ? "accepted" : "rejected", ctx);
	const approval: Approval = {
		...fresh(ctx.newId("approval"), ctx.now),
		workOrderId: evidence.workOrderId,
		kind: "evidence",
		subjectId: id,
		decision,
		approverId: ctx.actorId,
		decidedAt: ctx.now,
		reason,
	};
	return { approval, writes: [write("evidence", next), write("approval", approval)] };
}

/** A reviewer accepts evidence; finish-to-start dependants wait for this. */
export function acceptEvidence(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult & { approval: Approval } {
	return decide(snapshot, id, "approved", reason, ctx);
}

export function rejectEvidence(snapshot: ModelSnapshot, id: string, reason: string, ctx: ActionContext): ActionResult & { approval: Approval } {
	return decide(snapshot, id, "rejected", reason, ctx);
}
