/**
 * The one error class of fieldchain. Every error a user can meet carries a string code, grouped by
 * area (FC_FRAME_*, FC_SERIAL_*, ...), a message that says what went wrong, and a hint that says
 * what to do about it. Modelled on fastify's lib/errors.js and zwave-js's ZWaveError.
 */
export const ErrorCodes = {
	// Configuration and command-line options.
	FC_CONFIG_INVALID: "FC_CONFIG_INVALID",
	// Serial framing (COBS + CRC-32C).
	FC_FRAME_CRC: "FC_FRAME_CRC",
	FC_FRAME_COBS: "FC_FRAME_COBS",
	FC_FRAME_OVERSIZED: "FC_FRAME_OVERSIZED",
	FC_FRAME_SHORT: "FC_FRAME_SHORT",
	// Protocol messages and session rules.
	FC_PROTO_DECODE: "FC_PROTO_DECODE",
	FC_PROTO_EMPTY: "FC_PROTO_EMPTY",
	FC_PROTO_VERSION: "FC_PROTO_VERSION",
	FC_PROTO_UNEXPECTED: "FC_PROTO_UNEXPECTED",
	FC_PROTO_TOO_LARGE: "FC_PROTO_TOO_LARGE",
	FC_PROTO_TIMEOUT: "FC_PROTO_TIMEOUT",
	// Serial ports.
	FC_SERIAL_OPEN: "FC_SERIAL_OPEN",
	FC_SERIAL_CLOSED: "FC_SERIAL_CLOSED",
	FC_SERIAL_WRITE: "FC_SERIAL_WRITE",
	// MQTT.
	FC_MQTT_AUTH: "FC_MQTT_AUTH",
	FC_MQTT_FORBIDDEN: "FC_MQTT_FORBIDDEN",
	FC_MQTT_CONNECT: "FC_MQTT_CONNECT",
	// Durable storage.
	FC_STORE_OPEN: "FC_STORE_OPEN",
	FC_STORE_WRITE: "FC_STORE_WRITE",
	FC_STORE_CLOSED: "FC_STORE_CLOSED",
	FC_STORE_CORRUPT: "FC_STORE_CORRUPT",
	// Local HTTP API.
	FC_HTTP_BAD_REQUEST: "FC_HTTP_BAD_REQUEST",
	FC_HTTP_NOT_FOUND: "FC_HTTP_NOT_FOUND",
	FC_HTTP_LISTEN: "FC_HTTP_LISTEN",
	// Technician web app sign-in (gateway/http/session-routes.ts).
	FC_APP_UNAUTHORIZED: "FC_APP_UNAUTHORIZED",
	FC_APP_WRONG_PIN: "FC_APP_WRONG_PIN",
	FC_APP_TOO_MANY_ATTEMPTS: "FC_APP_TOO_MANY_ATTEMPTS",
	FC_APP_FORBIDDEN: "FC_APP_FORBIDDEN",
	// Evidence on the gateway (stamping, attachments).
	FC_EVIDENCE_TOO_LARGE: "FC_EVIDENCE_TOO_LARGE",
	FC_EVIDENCE_CONFLICT: "FC_EVIDENCE_CONFLICT",
	// Work-order execution model (model): entities, state machines, rules, repository.
	FC_MODEL_INVALID: "FC_MODEL_INVALID",
	FC_MODEL_NOT_FOUND: "FC_MODEL_NOT_FOUND",
	FC_MODEL_ILLEGAL_TRANSITION: "FC_MODEL_ILLEGAL_TRANSITION",
	FC_MODEL_VERSION_CONFLICT: "FC_MODEL_VERSION_CONFLICT",
	FC_MODEL_RULE_REFUSED: "FC_MODEL_RULE_REFUSED",
	FC_MODEL_IMMUTABLE: "FC_MODEL_IMMUTABLE",
	FC_MODEL_MARGIN_BELOW_FLOOR: "FC_MODEL_MARGIN_BELOW_FLOOR",
	FC_MODEL_CURRENCY_MISMATCH: "FC_MODEL_CURRENCY_MISMATCH",
	FC_MODEL_UNIT_UNKNOWN: "FC_MODEL_UNIT_UNKNOWN",
	FC_MODEL_UNIT_INCOMPATIBLE: "FC_MODEL_UNIT_INCOMPATIBLE",
	FC_MODEL_DEPENDENCY_CYCLE: "FC_MODEL_DEPENDENCY_CYCLE",
	FC_MODEL_MIGRATION: "FC_MODEL_MIGRATION",
	// Evidence integrity (protocol/evidence): records, chain, keys, checkpoints, bundles.
	FC_EVIDENCE_INVALID: "FC_EVIDENCE_INVALID",
	FC_EVIDENCE_MALFORMED: "FC_EVIDENCE_MALFORMED",
	FC_EVIDENCE_CHAIN: "FC_EVIDENCE_CHAIN",
	FC_EVIDENCE_KEY: "FC_EVIDENCE_KEY",
	FC_EVIDENCE_NOT_FOUND: "FC_EVIDENCE_NOT_FOUND",
	// Firmware images and updates (protocol/firmware, firmware-host).
	FC_FIRMWARE_IMAGE: "FC_FIRMWARE_IMAGE",
	FC_FIRMWARE_SIGNATURE: "FC_FIRMWARE_SIGNATURE",
	FC_FIRMWARE_HARDWARE: "FC_FIRMWARE_HARDWARE",
	FC_FIRMWARE_DOWNGRADE: "FC_FIRMWARE_DOWNGRADE",
	FC_FIRMWARE_KEY: "FC_FIRMWARE_KEY",
	FC_FIRMWARE_UPLOAD: "FC_FIRMWARE_UPLOAD",
	FC_FIRMWARE_STATE: "FC_FIRMWARE_STATE",
	FC_FIRMWARE_ROLLBACK: "FC_FIRMWARE_ROLLBACK",
	// Reference billing service (cloud-bridge/billing): auth, enrollment, ingest, storage.
	FC_BILLING_UNAUTHORIZED: "FC_BILLING_UNAUTHORIZED",
	FC_BILLING_FORBIDDEN: "FC_BILLING_FORBIDDEN",
	FC_BILLING_BAD_REQUEST: "FC_BILLING_BAD_REQUEST",
	FC_BILLING_NOT_FOUND: "FC_BILLING_NOT_FOUND",
	FC_BILLING_CONFLICT: "FC_BILLING_CONFLICT",
	FC_BILLING_PRECONDITION_FAILED: "FC_BILLING_PRECONDITION_FAILED",
	FC_BILLING_PRECONDITION_REQUIRED: "FC_BILLING_PRECONDITION_REQUIRED",
	FC_BILLING_TOO_LARGE: "FC_BILLING_TOO_LARGE",
	FC_BILLING_ENROLLMENT: "FC_BILLING_ENROLLMENT",
	FC_BILLING_GATEWAY_REVOKED: "FC_BILLING_GATEWAY_REVOKED",
	FC_BILLING_STORE: "FC_BILLING_STORE",
	FC_BILLING_CONFIG: "FC_BILLING_CONFIG",
	FC_BILLING_RESPONSE_INVALID: "FC_BILLING_RESPONSE_INVALID",
	// Webhooks of the billing service (cloud-bridge/webhooks): subscriptions, signatures, storage.
	FC_WEBHOOK_INVALID: "FC_WEBHOOK_INVALID",
	FC_WEBHOOK_NOT_FOUND: "FC_WEBHOOK_NOT_FOUND",
	FC_WEBHOOK_SIGNATURE: "FC_WEBHOOK_SIGNATURE",
	FC_WEBHOOK_MIGRATION: "FC_WEBHOOK_MIGRATION",
	// Node-RED flows and the embedded runtime (flows/, gateway/node-red/)
	FC_FLOW_CONFIG: "FC_FLOW_CONFIG",
	FC_FLOW_INPUT: "FC_FLOW_INPUT",
	FC_FLOW_NO_GATEWAY: "FC_FLOW_NO_GATEWAY",
	FC_FLOW_COMMAND: "FC_FLOW_COMMAND",
	FC_NODE_RED_START: "FC_NODE_RED_START",
	// Store-and-forward uplink (gateway/uplink, gateway/capacity): drain, enrollment, quota.
	FC_UPLINK_CONFIG: "FC_UPLINK_CONFIG",
	FC_UPLINK_ENROLLMENT: "FC_UPLINK_ENROLLMENT",
	FC_UPLINK_TRANSPORT: "FC_UPLINK_TRANSPORT",
	FC_UPLINK_REJECTED: "FC_UPLINK_REJECTED",
	FC_UPLINK_CIRCUIT_OPEN: "FC_UPLINK_CIRCUIT_OPEN",
	FC_CAPACITY_QUOTA: "FC_CAPACITY_QUOTA",
	FC_CAPACITY_DISK_FULL: "FC_CAPACITY_DISK_FULL",
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export interface FieldchainErrorOptions {
	/** What the user can do about it. Shown after the message. */
	hint?: string;
	cause?: unknown;
	/** Extra facts for logs and API bodies (never secrets). */
	details?: Record<string, unknown>;
}

export class FieldchainError extends Error {
	readonly code: ErrorCode;
	readonly hint: string | undefined;
	readonly details: Record<string, unknown> | undefined;

	constructor(code: ErrorCode, message: string, options: FieldchainErrorOptions = {}) {
		super(options.hint ? `${message} ${options.hint}` : message, { cause: options.cause });
		this.name = "FieldchainError";
		this.code = code;
		this.hint = options.hint;
		this.details = options.details;
	}

	toJSON(): Record<string, unknown> {
		return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
	}
}

export function isFieldchainError(value: unknown, code?: ErrorCode): value is FieldchainError {
	return value instanceof FieldchainError && (code === undefined || value.code === code);
}

/** Any thrown value as an Error, so callers never lose what was thrown. */
export function toError(value: unknown): Error {
	return value instanceof Error ? value : new Error(String(value));
}
