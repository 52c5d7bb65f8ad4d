/** The refusals every impact store backend gives the same way. */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";

export function policyExists(id: string, version: number): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_IMPACT_PLAN_STALE, `Policy ${id} version ${version} is already stored: another plan was applied first.`, {
		hint: "Preview the change set again and apply the new plan.",
	});
}

export function alreadyApplied(id: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_IMPACT_PLAN_STALE, `Impact preview ${id} is already applied (or being applied).`, {
		hint: "A plan is applied once; preview the change set again for a new one.",
	});
}

export function policyIdTaken(id: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Policy ${id} already exists: a new version of it is a revision, not a new policy.`, {
		hint: "Revise it with POST /v1/impact/previews (plan before apply), then apply the plan; or pick another id for a new policy.",
		details: { id },
	});
}

export function notFirstVersion(id: string, version: number): FieldchainError {
	return new FieldchainError(
		ErrorCodes.FC_BILLING_CONFLICT,
		`Policy ${id} version ${version} is a revision: only version 1 of a new policy is created directly.`,
		{
			hint: "Revise a policy with POST /v1/impact/previews (plan before apply), then apply the plan.",
			details: { id, version },
		},
	);
}
