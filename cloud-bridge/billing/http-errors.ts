/**
 * What the billing client gets for anything thrown in a handler: a FieldchainError as it is, a
 * fastify refusal (schema, body size, media type) as FC_BILLING_BAD_REQUEST or _TOO_LARGE, and
 * anything else as FC_BILLING_STORE, flagged unexpected so the service logs it. The answer itself
 * goes out through platform/http-errors.ts, as every service's does.
 */
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";

export function asFieldchainError(error: unknown): { error: FieldchainError; unexpected: boolean } {
	if (isFieldchainError(error)) return { error, unexpected: false };
	const e = error as { statusCode?: number; validation?: unknown; message?: string; code?: string };
	if (e.validation || (e.statusCode && e.statusCode < 500)) {
		const hint = e.validation ? "See /openapi.json for the request schema." : undefined;
		if (e.statusCode === 413) {
			return {
				error: new FieldchainError(ErrorCodes.FC_BILLING_TOO_LARGE, `${e.message ?? "Request body is too large"}.`, {
					hint: "Send less at once (evidence: smaller batches).",
				}),
				unexpected: false,
			};
		}
		if (e.statusCode === 415)
			return {
				error: new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, e.message ?? "Unsupported media type.", { hint: "Send Content-Type: application/json." }),
				unexpected: false,
			};
		return { error: new FieldchainError(ErrorCodes.FC_BILLING_BAD_REQUEST, `Bad request: ${e.message ?? "invalid input"}.`, { hint }), unexpected: false };
	}
	return {
		error: new FieldchainError(ErrorCodes.FC_BILLING_STORE, "The billing service failed to handle the request.", {
			hint: "The error is in the service log; retry, and report it if it persists.",
		}),
		unexpected: true,
	};
}
