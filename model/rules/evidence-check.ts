/**
 * Does one piece of evidence satisfy one checklist item? Kept apart from the task rules because
 * the milestone readiness check and predecessor acceptance ask the same question.
 */
import type { Evidence } from "../entities/evidence.js";
import type { ChecklistItem, Task } from "../entities/task.js";
import { areConvertible, convertUnit, withinRange } from "../units/ucum.js";

const HASH = /^[0-9a-f]{64}$/;

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/** Null when the evidence satisfies the item, else why not (a phrase naming the evidence). */
export function evidenceProblem(item: ChecklistItem, evidence: Evidence): string | null {
	const req = item.requirement;
	const payload = evidence.payload;
	const id = `evidence ${evidence.id}`;
	if (evidence.status === "rejected") return `${id} was rejected`;
	if (!HASH.test(evidence.contentHash)) return `${id} has no valid content hash`;
	if (payload.kind !== req.kind) return `${id} is ${payload.kind} evidence, not ${req.kind}`;
	if (req.kind === "reading" && payload.kind === "reading") {
		if (payload.quantity !== req.quantity) return `${id} measures ${payload.quantity}, not ${req.quantity}`;
		if (!Number.isFinite(payload.value)) return `${id} has no numeric value`;
		if (!areConvertible(payload.unit, req.unit)) return `${id} is in ${payload.unit}, which cannot be converted to ${req.unit}`;
		const value = convertUnit(payload.value, payload.unit, req.unit);
		const shown = `${payload.value} ${payload.unit}`;
		if (req.min !== null && !withinRange(value, req.min, null)) return `${id}: ${shown} is below the minimum ${req.min} ${req.unit}`;
		if (req.max !== null && !withinRange(value, null, req.max)) return `${id}: ${shown} is above the maximum ${req.max} ${req.unit}`;
		if (req.calibratedDevice) {
			const cal = payload.calibration;
			if (!cal) return `${id}: device ${payload.deviceId} reported no calibration`;
			if (evidence.capturedAt < cal.calibratedAt || evidence.capturedAt >= cal.dueAt) {
				return `${id}: device ${payload.deviceId} was out of calibration at capture (${iso(evidence.capturedAt)}; certificate ${cal.certificateId} valid ${iso(cal.calibratedAt)} to ${iso(cal.dueAt)})`;
			}
		}
	}
	if (req.kind === "signature" && payload.kind === "signature" && payload.signerRole !== req.signerRole) {
		return `${id} is signed by the ${payload.signerRole}, not the ${req.signerRole}`;
	}
	if (payload.kind === "note" && payload.text.trim() === "") return `${id} is an empty note`;
	if (payload.kind === "photo" && payload.byteLength <= 0) return `${id} is an empty photo`;
	return null;
}

export interface ItemAssessment {
	item: ChecklistItem;
	/** Evidence that satisfies the item. */
	valid: Evidence[];
	/** Why each other piece of evidence for the item does not. */
	problems: string[];
}

export function assessItem(task: Task, item: ChecklistItem, evidence: readonly Evidence[]): ItemAssessment {
	const valid: Evidence[] = [];
	const problems: string[] = [];
	for (const e of evidence) {
		if (e.taskId !== task.id || e.checklistItemId !== item.id) continue;
		const problem = evidenceProblem(item, e);
		if (problem) problems.push(problem);
		else valid.push(e);
	}
	return { item, valid, problems };
}

/** "task T2: checklist item 'insulation' has no valid evidence (evidence E5: ...)". */
export function describeMissing(task: Task, assessment: ItemAssessment, what = "valid evidence"): string {
	const why = assessment.problems.length ? ` (${assessment.problems.join("; ")})` : "";
	return `task ${task.id}: checklist item '${assessment.item.label}' has no ${what}${why}`;
}

/** The requirement a deliverable's sign-off signature is checked against. */
export const CUSTOMER_SIGN_OFF_ITEM: ChecklistItem = {
	id: "sign-off",
	label: "customer sign-off",
	required: true,
	beforeStart: false,
	requirement: { kind: "signature", signerRole: "customer" },
};
