/**
 * What a client of the local API learns when the gateway itself fails: a generic message and a
 * correlation id; the log gets the full error (SQLite's text, the stack) under the same id, so an
 * operator can find it and a client learns nothing of the gateway's insides.
 * Invariant: a 500 answer never carries the message of the error that caused it.
 */
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorCodes, FieldchainError, isFieldchainError, statusOf } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import type { Logger } from "../../platform/logger.js";

/** fastify's own refusals as the HTTP layer's codes: 413 body size, 415 media type, 400 the rest (unparsable JSON...); undefined for failures of the gateway. */
function frameworkRefusal(error: Error & { statusCode?: number }): FieldchainError | undefined {
	const status = error.statusCode ?? 500;
	if (status >= 500) return undefined;
	if (status === 413) return new FieldchainError(ErrorCodes.FC_HTTP_TOO_LARGE, error.message);
	if (status === 415) return new FieldchainError(ErrorCodes.FC_HTTP_UNSUPPORTED_MEDIA_TYPE, error.message);
	return new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, error.message);
}

/**
 * fastify's refusals before routing (FST_ERR_BAD_URL: a path that does not decode) in the shared
 * body; fastify's own answer would be of another shape and would echo the path.
 */
export function answerUnroutable(logger: Logger, error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): FastifyReply {
	if (error.code === "FST_ERR_BAD_URL") {
		return sendError(
			reply,
			new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, "The request's path does not decode as a URL.", {
				hint: "Percent-encode the path's special characters (a lone % is %25).",
			}),
		);
	}
	return answerError(logger, error, request, reply);
}

/**
 * Another process holding the database's write lock (a backup, a sqlite3 shell) makes a write fail
 * after the short busy timeout instead of stalling the event loop: that is a moment to retry, not a
 * failure of the gateway, so the client gets 503 with Retry-After (SQLite's text stays in the log).
 */
function databaseBusy(error: unknown): FieldchainError | undefined {
	const code = (error as { code?: unknown } | undefined)?.code;
	if (code !== "SQLITE_BUSY" && code !== "SQLITE_LOCKED") return undefined;
	return new FieldchainError(ErrorCodes.FC_STORE_WRITE, "The gateway's database is busy with another writer; nothing was changed.", {
		hint: "Send the request again in a moment.",
	});
}

/** The local API's error handler: the request's fault as is, the gateway's own as an id to look up in the log. */
export function answerError(logger: Logger, error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
	const busy = databaseBusy(error);
	if (busy) {
		logger.warn({ err: error, method: request.method, route: request.routeOptions.url }, "local API request met a locked database; the client will retry");
		return sendError(reply.header("retry-after", "1"), busy);
	}
	const known = isFieldchainError(error) ? error : frameworkRefusal(error as Error);
	if (known && statusOf(known) !== 500) return sendError(reply, known);
	const correlationId = randomBytes(8).toString("hex");
	logger.error({ err: error, correlationId, method: request.method, route: request.routeOptions.url }, "local API request failed");
	return sendError(
		reply,
		new FieldchainError(ErrorCodes.FC_HTTP_INTERNAL, `The gateway failed to answer this request (error ${correlationId}).`, {
			hint: "Try again; if it keeps failing, give the operator this error id: the gateway's log has the details under it.",
			details: { correlationId },
		}),
	);
}
