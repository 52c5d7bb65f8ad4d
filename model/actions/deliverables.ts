import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { CUSTOMER_SIGN_OFF_ITEM, evidenceProblem } from "../rules/evidence-check.js";
import { requireEntity } from "../rules/lookup.js";
import { deliverableMachine } from "../state-machines/machines.js";
import { type ActionContext, type ActionResult, write } from "./context.js";

export function deliverDeliverable(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("deliverable", deliverableMachine.transition(requireEntity(snapshot, "deliverable", id), "delivered", ctx))] };
}

/** The customer signs a delivered deliverable; the signature must be valid evidence for it. */
export function signOffDeliverable(snapshot: ModelSnapshot, id: string, signatureEvidenceId: string, ctx: ActionContext): ActionResult {
	const deliverable = requireEntity(snapshot, "deliverable", id);
	deliverableMachine.assert(id, deliverable.status, "signed-off");
	const evidence = requireEntity(snapshot, "evidence", signatureEvidenceId);
	const problem = evidence.deliverableId !== id ? `evidence ${evidence.id} is not for deliverable ${id}` : evidenceProblem(CUSTOMER_SIGN_OFF_ITEM, evidence);
	if (problem) throw new FieldchainError(ErrorCodes.FC_MODEL_RULE_REFUSED, `Cannot sign off deliverable ${id}: ${problem}.`);
	const next = {
		...deliverableMachine.transition(deliverable, "signed-off", ctx),
		signatureEvidenceId: evidence.id,
		signedOffBy: evidence.capturedBy.id,
		signedOffAt: ctx.now,
	};
	return { writes: [write("deliverable", next)] };
}

export function refuseDeliverable(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("deliverable", deliverableMachine.transition(requireEntity(snapshot, "deliverable", id), "refused", ctx))] };
}

export function reopenDeliverable(snapshot: ModelSnapshot, id: string, ctx: ActionContext): ActionResult {
	return { writes: [write("deliverable", deliverableMachine.transition(requireEntity(snapshot, "deliverable", id), "pending", ctx))] };
}
