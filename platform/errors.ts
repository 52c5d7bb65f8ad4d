/**
 * The one error class of fieldchain. Every error a user can meet carries a string code, grouped by
 * area (FC_FRAME_*, FC_SERIAL_*, ...), a message that says what went wrong, and a hint that says
 * what to do about it. Modelled on fastify's lib/errors.js and zwave-js's ZWaveError.
 *
 * Each catalogue entry carries the HTTP status an HTTP client gets when the error reaches it
 * (platform/http-errors.ts answers with it): 4xx when the request, or the state it meets, is at
 * fault; 5xx when the service or something behind it (a device, the disk, the cloud) is. Codes
 * that never leave a process still carry one, so no error reaches a client without a status.
 */
const catalogue = {
	// Configuration and command-line options (the operator's, never a client's).
	FC_CONFIG_INVALID: { status: 500 },
	// Serial framing (COBS + CRC-32C): the device sent bytes that do not frame.
	FC_FRAME_CRC: { status: 502 },
	FC_FRAME_COBS: { status: 502 },
	FC_FRAME_OVERSIZED: { status: 502 },
	FC_FRAME_SHORT: { status: 502 },
	// Protocol messages and session rules: the device broke the protocol, or did not answer in time.
	FC_PROTO_DECODE: { status: 502 },
	FC_PROTO_EMPTY: { status: 502 },
	FC_PROTO_VERSION: { status: 502 },
	FC_PROTO_UNEXPECTED: { status: 502 },
	FC_PROTO_TOO_LARGE: { status: 502 },
	FC_PROTO_TIMEOUT: { status: 504 },
	// A device claimed (over serial) the id of a device connected with an authenticated (MQTT) session.
	FC_PROTO_IDENTITY: { status: 502 },
	// A device broke a memory bound (seq gaps, boot ids, hellos): the message is ignored, the device re-sends.
	FC_PROTO_LIMIT: { status: 502 },
	// Serial ports: the device cannot be reached, or a write to it failed.
	FC_SERIAL_OPEN: { status: 503 },
	FC_SERIAL_CLOSED: { status: 503 },
	FC_SERIAL_WRITE: { status: 502 },
	// MQTT: a device's credentials or topics refused by the broker; the broker unreachable.
	FC_MQTT_AUTH: { status: 502 },
	FC_MQTT_FORBIDDEN: { status: 502 },
	FC_MQTT_CONNECT: { status: 503 },
	// The embedded broker is shedding load (connection cap, CONNECT rate limit, password-check queue full); the device retries.
	FC_MQTT_BUSY: { status: 503 },
	// Durable storage: the request may succeed later (the gateway's app retries on 503).
	FC_STORE_OPEN: { status: 503 },
	FC_STORE_WRITE: { status: 503 },
	FC_STORE_CLOSED: { status: 503 },
	FC_STORE_CORRUPT: { status: 503 },
	// The data directory or a database file is readable by other OS users (platform/private-data.ts): the operator's to fix.
	FC_STORE_PERMISSIONS: { status: 500 },
	// Local HTTP API, the HTTP layer itself: route parameters and bodies, auth, routes, listening.
	FC_HTTP_BAD_REQUEST: { status: 400 },
	FC_HTTP_UNAUTHORIZED: { status: 401 },
	FC_HTTP_NOT_FOUND: { status: 404 },
	FC_HTTP_TOO_LARGE: { status: 413 },
	FC_HTTP_UNSUPPORTED_MEDIA_TYPE: { status: 415 },
	FC_HTTP_INTERNAL: { status: 500 },
	FC_HTTP_LISTEN: { status: 500 },
	// Another fieldchain process holds this data directory (platform/instance-lock.ts); nothing of it was touched.
	FC_INSTANCE_LOCKED: { status: 500 },
	// The Host header names no host this gateway answers for (DNS-rebinding guard, gateway/http/host-allow-list.ts).
	FC_HTTP_MISDIRECTED: { status: 421 },
	// Technician web app sign-in (gateway/http/session-routes.ts).
	FC_APP_UNAUTHORIZED: { status: 401 },
	FC_APP_WRONG_PIN: { status: 401 },
	FC_APP_TOO_MANY_ATTEMPTS: { status: 429 },
	FC_APP_FORBIDDEN: { status: 403 },
	// Alerts for technicians (gateway/work/alerts.ts), raised over the API or by flows.
	FC_ALERT_INVALID: { status: 400 },
	// Evidence on the gateway (stamping, attachments).
	FC_EVIDENCE_TOO_LARGE: { status: 413 },
	// A stored reading stamped by hand: it is evidence already, or not from the technician's active task and its devices.
	FC_EVIDENCE_DUPLICATE: { status: 409 },
	FC_EVIDENCE_TASK_NOT_ACTIVE: { status: 409 },
	FC_EVIDENCE_DEVICE_NOT_BOUND: { status: 409 },
	// Work-order execution model (model): entities, state machines, rules, repository.
	FC_MODEL_INVALID: { status: 400 },
	FC_MODEL_NOT_FOUND: { status: 404 },
	FC_MODEL_ILLEGAL_TRANSITION: { status: 409 },
	FC_MODEL_VERSION_CONFLICT: { status: 409 },
	FC_MODEL_RULE_REFUSED: { status: 409 },
	FC_MODEL_IMMUTABLE: { status: 409 },
	FC_MODEL_MARGIN_BELOW_FLOOR: { status: 409 },
	FC_MODEL_CURRENCY_MISMATCH: { status: 409 },
	FC_MODEL_UNIT_UNKNOWN: { status: 400 },
	FC_MODEL_UNIT_INCOMPATIBLE: { status: 400 },
	FC_MODEL_DEPENDENCY_CYCLE: { status: 409 },
	FC_MODEL_MIGRATION: { status: 500 },
	// Scheduling (scheduling/): a problem that cannot be read or solved as given; an external routing engine failing.
	FC_SCHEDULE_INPUT: { status: 400 },
	FC_SCHEDULE_ENGINE: { status: 502 },
	// Evidence integrity (protocol/evidence): records, chain, keys, checkpoints, bundles.
	FC_EVIDENCE_INVALID: { status: 400 },
	FC_EVIDENCE_MALFORMED: { status: 400 },
	FC_EVIDENCE_CHAIN: { status: 400 },
	FC_EVIDENCE_KEY: { status: 400 },
	FC_EVIDENCE_NOT_FOUND: { status: 404 },
	// Firmware images and updates (protocol/firmware, firmware-host).
	FC_FIRMWARE_IMAGE: { status: 400 },
	FC_FIRMWARE_SIGNATURE: { status: 400 },
	FC_FIRMWARE_HARDWARE: { status: 409 },
	FC_FIRMWARE_DOWNGRADE: { status: 409 },
	FC_FIRMWARE_KEY: { status: 400 },
	FC_FIRMWARE_UPLOAD: { status: 502 },
	FC_FIRMWARE_STATE: { status: 409 },
	FC_FIRMWARE_ROLLBACK: { status: 502 },
	// SMP (MCUmgr) devices: a packet that does not decode, or an error the device answered (firmware-host/smp).
	FC_SMP_DECODE: { status: 502 },
	FC_SMP_DEVICE: { status: 502 },
	// Reference billing service (cloud-bridge/billing): auth, enrollment, ingest, storage.
	FC_BILLING_UNAUTHORIZED: { status: 401 },
	FC_BILLING_FORBIDDEN: { status: 403 },
	FC_BILLING_BAD_REQUEST: { status: 400 },
	FC_BILLING_NOT_FOUND: { status: 404 },
	FC_BILLING_CONFLICT: { status: 409 },
	FC_BILLING_PRECONDITION_FAILED: { status: 412 },
	FC_BILLING_PRECONDITION_REQUIRED: { status: 428 },
	FC_BILLING_TOO_LARGE: { status: 413 },
	FC_BILLING_ENROLLMENT: { status: 401 },
	FC_BILLING_GATEWAY_REVOKED: { status: 403 },
	FC_BILLING_STORE: { status: 500 },
	FC_BILLING_CONFIG: { status: 400 },
	FC_BILLING_RESPONSE_INVALID: { status: 500 },
	// A gateway's token reaches only the work of the technicians it is bound to (PATCH /v1/gateways/{id} changes that).
	FC_BILLING_NOT_BOUND: { status: 403 },
	// A time entry too long, or overlapping another of the same technician: a typo or a padded bill.
	FC_BILLING_TIME_ENTRY: { status: 409 },
	// The billing service's storage failed or is unreachable; the details are in its log under a correlation id.
	FC_BILLING_UNAVAILABLE: { status: 503 },
	// A schedule plan (POST /v1/schedule/plans) applied after something it read changed, or applied twice: make a new plan.
	FC_SCHEDULE_PLAN_STALE: { status: 409 },
	// Impact previews (cloud-bridge/impact): a change set that does not make sense, a plan applied after what it read changed
	// (or twice), a plan applied before the pack approvals it requires.
	FC_IMPACT_CHANGESET: { status: 400 },
	FC_IMPACT_PLAN_STALE: { status: 409 },
	FC_IMPACT_APPROVAL_REQUIRED: { status: 409 },
	// Office console of the billing service (cloud-bridge/console): sign-in of people, sessions, CSRF.
	FC_CONSOLE_SIGN_IN_FAILED: { status: 401 },
	FC_CONSOLE_TOO_MANY_ATTEMPTS: { status: 429 },
	FC_CONSOLE_CROSS_ORIGIN: { status: 403 },
	FC_CONSOLE_OWN_ENTRY: { status: 403 },
	// Webhooks of the billing service (cloud-bridge/webhooks): subscriptions, signatures, storage.
	FC_WEBHOOK_INVALID: { status: 400 },
	FC_WEBHOOK_NOT_FOUND: { status: 404 },
	FC_WEBHOOK_CONFLICT: { status: 409 },
	FC_WEBHOOK_SIGNATURE: { status: 400 },
	FC_WEBHOOK_MIGRATION: { status: 500 },
	// Node-RED flows and the embedded runtime (flows/, gateway/node-red/)
	FC_FLOW_CONFIG: { status: 500 },
	FC_FLOW_INPUT: { status: 400 },
	FC_FLOW_NO_GATEWAY: { status: 500 },
	FC_FLOW_COMMAND: { status: 502 },
	FC_NODE_RED_START: { status: 503 },
	FC_NODE_RED_OFF_LOOPBACK: { status: 403 },
	FC_NODE_RED_TOO_MANY_ATTEMPTS: { status: 429 },
	// Store-and-forward uplink (gateway/uplink, gateway/ingest/capacity): drain, enrollment, quota.
	FC_UPLINK_ENROLLMENT: { status: 502 },
	FC_UPLINK_TRANSPORT: { status: 502 },
	FC_UPLINK_REJECTED: { status: 502 },
	FC_CAPACITY_QUOTA: { status: 507 },
	FC_CAPACITY_DISK_FULL: { status: 507 },
} as const satisfies Record<`FC_${string}`, { readonly status: number }>;

export type ErrorCode = keyof typeof catalogue;

/** Every code by its name, so code says ErrorCodes.FC_MODEL_INVALID and gets "FC_MODEL_INVALID". */
export const ErrorCodes = Object.freeze(Object.fromEntries(Object.keys(catalogue).map((code) => [code, code]))) as { readonly [C in ErrorCode]: C };

type AreaOf<C> = C extends `FC_${infer Area}_${string}` ? Area : never;
/** The word after FC_: MODEL for FC_MODEL_NOT_FOUND. */
export type ErrorArea = AreaOf<ErrorCode>;

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

/** The HTTP status of an error's code, from the catalogue. */
export function statusOf(error: FieldchainError): number {
	return catalogue[error.code].status;
}

/** True for a FieldchainError of one area: isFieldchainErrorIn(error, "MODEL") for every FC_MODEL_* (as zwave-js's isTransmissionError). */
export function isFieldchainErrorIn(value: unknown, area: ErrorArea): value is FieldchainError {
	return isFieldchainError(value) && value.code.startsWith(`FC_${area}_`);
}
