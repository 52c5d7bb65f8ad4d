/**
 * What the billing client gets for anything thrown in a handler: a FieldchainError of the
 * request's fault (4xx) as it is, a fastify refusal (schema, body size, media type) as
 * FC_BILLING_BAD_REQUEST or _TOO_LARGE, and any failure of the service itself (a driver error, a
 * store error, a bug) as a generic message with a correlation id, flagged unexpected so the
 * service logs the full error under that id. The answer itself goes out through
 * platform/http-errors.ts, as every service's does.
 * Invariant: a 5xx answer never carries the message of the error that caused it (database host
 * and port, SQL text, file paths stay in the log).
 */
import { randomBytes } from "node:crypto";
import { ErrorCodes, FieldchainError, isFieldchainError, statusOf } from "../../platform/errors.js";
import { isConnectionError, sqlState } from "../../platform/postgres.js";

export interface ClientError {
	error: FieldchainError;
	unexpected: boolean;
	/** Set when unexpected: the id the log entry and the client's answer share. */
	correlationId?: string;
}

/** A failure of the storage behind the service (ours wrapped, or the driver's own): worth a retry, so 503. */
function isStorageFailure(error: unknown): boolean {
	if (isFieldchainError(error)) return error.code.startsWith("FC_STORE_") || error.code === ErrorCodes.FC_BILLING_STORE;
	const e = error as { name?: unknown; code?: unknown } | undefined;
	return (
		e?.name === "SqliteError" || (typeof e?.code === "string" && e.code.startsWith("SQLITE_")) || sqlState(error) !== undefined || isConnectionError(error)
	);
}

function internal(error: unknown): ClientError {
	const correlationId = randomBytes(8).toString("hex");
	const hint = "Retry in a moment; if it keeps failing, give the operator this error id: the service's log has the details under it.";
	const details = { correlationId };
	const answer = isStorageFailure(error)
		? new FieldchainError(ErrorCodes.FC_BILLING_UNAVAILABLE, `The billing service's storage is unavailable; nothing was changed (error ${correlationId}).`, {
				hint,
				details,
			})
		: new FieldchainError(ErrorCodes.FC_BILLING_STORE, `The billing service failed to handle the request (error ${correlationId}).`, { hint, details });
	return { error: answer, unexpected: true, correlationId };
}

export function asFieldchainError(error: unknown): ClientError {
	if (isFieldchainError(error)) return statusOf(error) < 500 ? { error, unexpected: false } : internal(error);
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
	return internal(error);
}
