/** How errors leave the service: JSON `{ error: { code, message, hint, details? } }` and a status from the code. */
import type { FastifyReply } from "fastify";
import { type ErrorCode, ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { nullable, obj, str } from "./openapi/schema-helpers.js";

const STATUS: Partial<Record<ErrorCode, number>> = {
	FC_BILLING_UNAUTHORIZED: 401,
	FC_BILLING_ENROLLMENT: 401,
	FC_BILLING_FORBIDDEN: 403,
	FC_BILLING_GATEWAY_REVOKED: 403,
	FC_BILLING_NOT_FOUND: 404,
	FC_MODEL_NOT_FOUND: 404,
	FC_BILLING_CONFLICT: 409,
	FC_MODEL_VERSION_CONFLICT: 409,
	FC_MODEL_RULE_REFUSED: 409,
	FC_MODEL_ILLEGAL_TRANSITION: 409,
	FC_MODEL_IMMUTABLE: 409,
	FC_MODEL_MARGIN_BELOW_FLOOR: 409,
	FC_MODEL_DEPENDENCY_CYCLE: 409,
	FC_BILLING_PRECONDITION_FAILED: 412,
	FC_BILLING_PRECONDITION_REQUIRED: 428,
	FC_EVIDENCE_TOO_LARGE: 413,
	FC_BILLING_TOO_LARGE: 413,
	FC_STORE_OPEN: 503,
	FC_STORE_CLOSED: 503,
	FC_BILLING_STORE: 500,
	FC_BILLING_RESPONSE_INVALID: 500,
};

export function statusOf(error: FieldchainError): number {
	return STATUS[error.code] ?? 400;
}

export const ErrorBody = obj({ error: obj({ code: str({ pattern: "^FC_[A-Z_]+$" }), message: str(), hint: nullable(str()), details: { type: "object" } }, ["details"]) });

export function errorBody(error: FieldchainError): Record<string, unknown> {
	// The message is the sentence without the hint; the hint travels on its own.
	const message = error.hint && error.message.endsWith(` ${error.hint}`) ? error.message.slice(0, -error.hint.length - 1) : error.message;
	return { error: { code: error.code, message, hint: error.hint ?? null, ...(error.details ? { details: error.details } : {}) } };
}

export function sendError(reply: FastifyReply, error: FieldchainError): FastifyReply {
	if (error.code === "FC_BILLING_UNAUTHORIZED") reply.header("www-authenticate", 'Bearer realm="fieldchain"');
	return reply.code(statusOf(error)).type("application/json").send(errorBody(error));
}

/** Anything thrown in a handler, as the FieldchainError the client gets. */
export function asFieldchainError(error: unknown): { error: FieldchainError; unexpected: boolean } {
	if (isFieldchainError(error)) return { error, unexpected: false };
	const e = error as { statusCode?: number; validation?: unknown; message?: string; code?: string };
	if (e.validation || (e.statusCode && e.statusCode < 500)) {
		const hint = e.validation ? "See /openapi.json for the request schema." : undefined;
		if (e.statusCode === 413) {
			return { error: new FieldchainError(ErrorCodes.FC_BILLING_TOO_LARGE, `${e.message ?? "Request body is too large"}.`, { hint: "Send less at once (evidence: smaller batches)." }), unexpected: false };
		}
		if (e.statusCode === 415) return { error: new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, e.message ?? "Unsupported media type.", { hint: "Send Content-Type: application/json." }), unexpected: false };
		return { error: new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `Bad request: ${e.message ?? "invalid input"}.`, { hint }), unexpected: false };
	}
	return {
		error: new FieldchainError(ErrorCodes.FC_BILLING_STORE, "The billing service failed to handle the request.", { hint: "The error is in the service log; retry, and report it if it persists." }),
		unexpected: true,
	};
}
