/**
 * Why a rule refuses. Every rule has an explain* form returning Reasons (for the UI: "milestone 2:
 * waiting for customer sign-off") and an assert form throwing one FieldchainError that lists them.
 */
import { type ErrorCode, ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { EntityKind } from "../entities/kinds.js";

export interface Reason {
	/** Stable code a UI may switch on, e.g. "evidence-missing". */
	code: string;
	/** A sentence naming the ids involved and what is missing. */
	message: string;
	/** The entity the reason is about. */
	entity: EntityKind;
	id: string;
}

export function reason(code: string, entity: EntityKind, id: string, message: string): Reason {
	return { code, entity, id, message };
}

/** Throws when there is any reason; `action` reads like "start work order WO-1". */
export function assertNoReasons(action: string, reasons: readonly Reason[], code: ErrorCode = ErrorCodes.FC_MODEL_RULE_REFUSED): void {
	if (reasons.length === 0) return;
	throw new FieldchainError(code, `Cannot ${action}: ${reasons.map((r) => r.message).join("; ")}.`, {
		details: { action, reasons },
	});
}
