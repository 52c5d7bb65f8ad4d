/**
 * How a fieldchain HTTP service answers an error: the status from the code's catalogue entry
 * (platform/errors.ts), the body `{ error: { code, message, hint, details? } }` with the message
 * and the hint apart, and `www-authenticate` on every 401 (RFC 9110 asks for it). The gateway's
 * local API and the billing service both answer through here, so one client reads both.
 */
import type { FastifyReply } from "fastify";
import { type ErrorCode, type FieldchainError, statusOf } from "./errors.js";

export interface ErrorBody {
	error: { code: ErrorCode; message: string; hint: string | null; details?: Record<string, unknown> };
}

/** The JSON Schema of ErrorBody, for OpenAPI documents and response validation. */
export const errorBodySchema: Record<string, unknown> = {
	type: "object",
	properties: {
		error: {
			type: "object",
			properties: {
				code: { type: "string", pattern: "^FC_[A-Z_]+$" },
				message: { type: "string" },
				hint: { type: ["string", "null"] },
				details: { type: "object" },
			},
			required: ["code", "message", "hint"],
			additionalProperties: false,
		},
	},
	required: ["error"],
	additionalProperties: false,
};

export function errorBody(error: FieldchainError): ErrorBody {
	// FieldchainError's message ends with its hint (for logs and the CLI); a body carries them apart.
	const message = error.hint && error.message.endsWith(` ${error.hint}`) ? error.message.slice(0, -error.hint.length - 1) : error.message;
	return { error: { code: error.code, message, hint: error.hint ?? null, ...(error.details ? { details: error.details } : {}) } };
}

export function sendError(reply: FastifyReply, error: FieldchainError): FastifyReply {
	const status = statusOf(error);
	if (status === 401) reply.header("www-authenticate", 'Bearer realm="fieldchain"');
	return reply.code(status).type("application/json").send(errorBody(error));
}
