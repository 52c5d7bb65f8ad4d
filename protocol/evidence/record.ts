/**
 * Canonical encoding of evidence records and checkpoints (fieldchain.evidence.v1).
 *
 * The canonical bytes of a message are the protobuf encoding with proto3 default values omitted,
 * fields in field-number order, no unknown fields and no empty sub-messages. protobufjs writes
 * fields in field-number order and (since v8) skips proto3 defaults itself; this module adds the
 * rest: it copies only known fields, validates every value (so a value protobufjs would silently
 * coerce is refused instead), drops empty sub-messages, and on decode insists that the bytes are
 * exactly what encoding the decoded message gives again. This is the only module that touches the
 * generated code.
 */
import "../protobuf-numbers.js";
import { ErrorCodes, FieldchainError } from "../errors.js";
import { fieldchain } from "../generated/evidence.js";

const ev1 = fieldchain.evidence.v1;

export type EvidenceRecord = fieldchain.evidence.v1.EvidenceRecord;
export type EvidenceRecordFields = fieldchain.evidence.v1.EvidenceRecord.$Properties;
export type DeviceIdentity = fieldchain.evidence.v1.DeviceIdentity.$Properties;
export type Requirement = fieldchain.evidence.v1.Requirement.$Properties;
export type Checkpoint = fieldchain.evidence.v1.Checkpoint;
export type CheckpointMessageFields = fieldchain.evidence.v1.Checkpoint.$Properties;

export const EvidenceKind = ev1.EvidenceRecord.Kind;
export type EvidenceKind = fieldchain.evidence.v1.EvidenceRecord.Kind;
export const EvidenceOutcome = ev1.EvidenceRecord.Outcome;
export type EvidenceOutcome = fieldchain.evidence.v1.EvidenceRecord.Outcome;
export const SignerRole = ev1.EvidenceRecord.SignerRole;
export type SignerRole = fieldchain.evidence.v1.EvidenceRecord.SignerRole;

type Scalar = "string" | "uint64" | "sint64" | "double" | "optional-double" | "bool" | "bytes" | "hash" | "optional-hash";
type FieldType = Scalar | { enum: object } | { message: Table };
type Table = Readonly<Record<string, FieldType>>;

const DEVICE: Table = {
	deviceId: "string",
	model: "string",
	firmwareVersion: "string",
	serialNumber: "string",
	bootId: "bytes",
	readingSeq: "uint64",
	calibrationCertificateId: "string",
	calibratedAtMs: "uint64",
	calibrationDueAtMs: "uint64",
	calibrationLaboratory: "string",
};

const REQUIREMENT: Table = {
	min: "optional-double",
	max: "optional-double",
	unit: "string",
	calibratedRequired: "bool",
};

const RECORD: Table = {
	id: "string",
	chainSeq: "uint64",
	prevHash: "hash",
	gatewayId: "string",
	workOrderId: "string",
	taskId: "string",
	checklistItemId: "string",
	deliverableId: "string",
	technicianId: "string",
	kind: { enum: ev1.EvidenceRecord.Kind },
	device: { message: DEVICE },
	deviceTimeUs: "uint64",
	gatewayTimeMs: "uint64",
	clockSkewMs: "sint64",
	quantity: "string",
	value: "double",
	unit: "string",
	requirement: { message: REQUIREMENT },
	outcome: { enum: ev1.EvidenceRecord.Outcome },
	attachmentSha256: "optional-hash",
	attachmentMediaType: "string",
	attachmentSize: "uint64",
	text: "string",
	signerRole: { enum: ev1.EvidenceRecord.SignerRole },
};

const CHECKPOINT: Table = {
	gatewayId: "string",
	chainSeq: "uint64",
	headHash: "hash",
	recordCount: "uint64",
	createdAtMs: "uint64",
	keyId: "hash",
	signature: "bytes",
};

function invalid(path: string, message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `Evidence field ${path}: ${message}.`, {
		hint: "This is a bug in the code that builds the record; the record was not chained.",
	});
}

const nativeIsWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

function isWellFormedUtf16(value: string): boolean {
	// A lone surrogate would be written as U+FFFD and decode to a different string.
	if (nativeIsWellFormed) return nativeIsWellFormed.call(value);
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

interface Compiled {
	keys: ReadonlySet<string>;
	fields: ReadonlyArray<{ key: string; scalar?: Scalar; values?: ReadonlySet<unknown>; message?: Compiled }>;
}

const compiledTables = new Map<Table, Compiled>();

function compile(table: Table): Compiled {
	let compiled = compiledTables.get(table);
	if (!compiled) {
		compiled = {
			keys: new Set(Object.keys(table)),
			fields: Object.entries(table).map(([key, type]) =>
				typeof type === "string" ? { key, scalar: type } : "enum" in type ? { key, values: new Set(Object.values(type.enum)) } : { key, message: compile(type.message) },
			),
		};
		compiledTables.set(table, compiled);
	}
	return compiled;
}

/**
 * Copies the known fields of `input`, validated, leaving out every value the canonical encoding
 * omits (proto3 defaults, empty sub-messages). Returns undefined for an all-default message.
 */
function normalise(table: Table, input: object, path: string): Record<string, unknown> | undefined {
	return normaliseCompiled(compile(table), input, path);
}

function normaliseCompiled(table: Compiled, input: object, path: string): Record<string, unknown> | undefined {
	const source = input as Record<string, unknown>;
	for (const key of Object.keys(source)) {
		if (!table.keys.has(key) && source[key] !== undefined) throw invalid(`${path}${key}`, "unknown field");
	}
	const out: Record<string, unknown> = {};
	let any = false;
	for (const field of table.fields) {
		// Own properties only: a decoded message inherits its defaults from the prototype.
		const value = Object.hasOwn(source, field.key) ? source[field.key] : undefined;
		if (value === undefined || value === null) continue;
		let keep: unknown;
		if (field.scalar) keep = normaliseScalar(field.scalar, value, path, field.key);
		else if (field.values) {
			if (!field.values.has(value)) throw invalid(`${path}${field.key}`, `${String(value)} is not a known enum value`);
			keep = value === 0 ? undefined : value;
		} else {
			if (typeof value !== "object") throw invalid(`${path}${field.key}`, "expected a message");
			keep = normaliseCompiled(field.message as Compiled, value, `${path}${field.key}.`);
		}
		if (keep !== undefined) {
			out[field.key] = keep;
			any = true;
		}
	}
	return any ? out : undefined;
}

function normaliseScalar(type: Scalar, value: unknown, path: string, key: string): unknown {
	switch (type) {
		case "string":
			if (typeof value !== "string") throw invalid(path + key, "expected a string");
			if (!isWellFormedUtf16(value)) throw invalid(path + key, "contains a lone UTF-16 surrogate");
			return value === "" ? undefined : value;
		case "uint64":
			if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw invalid(path + key, `expected a non-negative safe integer, got ${String(value)}`);
			return value === 0 ? undefined : value;
		case "sint64":
			if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalid(path + key, `expected a safe integer, got ${String(value)}`);
			return value === 0 ? undefined : value;
		case "double":
		case "optional-double":
			if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(path + key, `expected a finite number, got ${String(value)}`);
			// A plain double field omits +0 only (-0 has other bits and is written, as protoc does);
			// an optional one is written whenever it is set.
			return type === "double" && Object.is(value, 0) ? undefined : value;
		case "bool":
			if (typeof value !== "boolean") throw invalid(path + key, "expected a boolean");
			return value ? true : undefined;
		case "bytes":
		case "hash":
		case "optional-hash":
			if (!(value instanceof Uint8Array)) throw invalid(path + key, "expected bytes (Uint8Array)");
			if (type === "hash" && value.length !== 32) throw invalid(path + key, `expected 32 bytes, got ${value.length}`);
			if (type === "optional-hash" && value.length !== 32 && value.length !== 0) throw invalid(path + key, `expected 32 bytes or none, got ${value.length}`);
			return value.length === 0 ? undefined : value;
	}
}

/** Canonical bytes of an evidence record. prevHash must be 32 bytes; chainSeq at least 1. */
export function encodeRecord(record: EvidenceRecordFields): Uint8Array {
	const fields = normalise(RECORD, record, "EvidenceRecord.");
	if (!fields?.chainSeq) throw invalid("EvidenceRecord.chainSeq", "must be at least 1");
	if (!fields.prevHash) throw invalid("EvidenceRecord.prevHash", "is required (32 zero bytes for the first record)");
	return ev1.EvidenceRecord.encode(fields).finish();
}

/** Canonical bytes of a checkpoint; leave signature out for the bytes that are signed. */
export function encodeCheckpoint(checkpoint: CheckpointMessageFields): Uint8Array {
	const fields = normalise(CHECKPOINT, checkpoint, "Checkpoint.");
	if (!fields?.headHash) throw invalid("Checkpoint.headHash", "is required");
	if (!fields.keyId) throw invalid("Checkpoint.keyId", "is required");
	return ev1.Checkpoint.encode(fields).finish();
}

function malformed(what: string, bytes: Uint8Array, reason: string, cause?: unknown): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_EVIDENCE_MALFORMED, `Malformed ${what} (${bytes.length} bytes): ${reason}.`, {
		cause,
		hint: "The bytes are not a canonical fieldchain.evidence.v1 message: they were altered, or written by other software.",
	});
}

function decodeCanonical<T extends object>(
	what: string,
	bytes: Uint8Array,
	decode: (bytes: Uint8Array) => T,
	encode: (message: T) => Uint8Array,
): T {
	let message: T;
	try {
		message = decode(bytes);
	} catch (cause) {
		throw malformed(what, bytes, (cause as Error).message, cause);
	}
	if (hasUnknowns(message)) throw malformed(what, bytes, "it carries fields this version does not know");
	let again: Uint8Array;
	try {
		again = encode(message);
	} catch (cause) {
		throw malformed(what, bytes, (cause as Error).message, cause);
	}
	if (!Buffer.from(again.buffer, again.byteOffset, again.byteLength).equals(bytes)) {
		throw malformed(what, bytes, "not in canonical form (defaults written, fields repeated or out of order)");
	}
	return message;
}

function hasUnknowns(message: object): boolean {
	const unknowns = (message as { $unknowns?: unknown[] }).$unknowns;
	if (unknowns?.length) return true;
	for (const value of Object.values(message)) {
		if (value && typeof value === "object" && !(value instanceof Uint8Array) && hasUnknowns(value)) return true;
	}
	return false;
}

/**
 * Decodes canonical record bytes. Throws FC_EVIDENCE_MALFORMED when the bytes do not decode, carry
 * unknown fields or are not exactly the canonical encoding of what they decode to.
 */
export function decodeRecord(bytes: Uint8Array): EvidenceRecord {
	return decodeCanonical("evidence record", bytes, (b) => ev1.EvidenceRecord.decode(b), encodeRecord);
}

/** Decodes canonical checkpoint bytes (signature included); same rules as decodeRecord. */
export function decodeCheckpoint(bytes: Uint8Array): Checkpoint {
	return decodeCanonical("checkpoint", bytes, (b) => ev1.Checkpoint.decode(b), encodeCheckpoint);
}

/** Plain JSON view of a record for logs and reports (bytes as hex, enums as names). */
export function recordToJson(record: EvidenceRecord): Record<string, unknown> {
	const plain = ev1.EvidenceRecord.toObject(record, { longs: Number, enums: String, defaults: false }) as Record<string, unknown>;
	return hexBytes(plain) as Record<string, unknown>;
}

function hexBytes(value: unknown): unknown {
	if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
	if (Array.isArray(value)) return value.map(hexBytes);
	if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hexBytes(v)]));
	return value;
}
