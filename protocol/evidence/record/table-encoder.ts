/**
 * The table-driven encoder: the reference for the canonical bytes. It copies only the known
 * fields of a message, validating every value (so a value protobufjs would silently coerce is
 * refused instead), leaves out every value the canonical encoding omits (proto3 defaults, empty
 * sub-messages) and has protobufjs write the rest, which it does in field-number order. It is
 * the slow path (~5 µs a record): record-writer.ts writes the same bytes in one pass for the
 * common case and falls back here for anything else, which then encodes or throws the precise error.
 */
import {
	CHECKPOINT,
	type CheckpointMessageFields,
	type EvidenceRecordFields,
	ev1,
	FORMAT_VERSION_KEY,
	formatOf,
	type HashedMessage,
	invalid,
	isWellFormedUtf16,
	MANIFEST,
	RECORD,
	type Scalar,
	type Table,
	type WorkOrderManifestFields,
} from "./schema.js";

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
				typeof type === "string"
					? { key, scalar: type }
					: "enum" in type
						? { key, values: new Set(Object.values(type.enum)) }
						: { key, message: compile(type.message) },
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
			if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
				throw invalid(path + key, `expected a non-negative safe integer, got ${String(value)}`);
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

/**
 * Normalises a hashed message and adds its `format_version` (README.md, "Format evolution"): the
 * highest format among its fields, written only when 2 or more. A caller-given version (a decoded
 * message has one when its bytes carried it) must be exactly that, so a format-1 message never
 * carries the field and a later one always carries the one right value: one byte string per message.
 */
function versioned(message: HashedMessage, table: Table, input: object): Record<string, unknown> | undefined {
	const { [FORMAT_VERSION_KEY]: given, ...rest } = input as Record<string, unknown>;
	const fields = normalise(table, rest, `${message}.`);
	if (!fields) return fields;
	const format = formatOf(message, fields);
	if (given !== undefined && given !== null && given !== format && !(format === 1 && given === 0)) {
		throw invalid(`${message}.${FORMAT_VERSION_KEY}`, `is ${String(given)}, but the fields present make it format ${format}`);
	}
	if (format > 1) fields[FORMAT_VERSION_KEY] = format;
	return fields;
}

/** Canonical bytes of an evidence record by the tables, or the precise FC_EVIDENCE_INVALID. */
export function encodeRecordByTable(record: EvidenceRecordFields): Uint8Array {
	const fields = versioned("EvidenceRecord", RECORD, record);
	if (!fields?.chainSeq) throw invalid("EvidenceRecord.chainSeq", "must be at least 1");
	if (!fields.prevHash) throw invalid("EvidenceRecord.prevHash", "is required (32 zero bytes for the first record)");
	return ev1.EvidenceRecord.encode(fields).finish();
}

/** Canonical bytes of a checkpoint; leave signature out for the bytes that are signed. */
export function encodeCheckpoint(checkpoint: CheckpointMessageFields): Uint8Array {
	const fields = versioned("Checkpoint", CHECKPOINT, checkpoint);
	if (!fields?.headHash) throw invalid("Checkpoint.headHash", "is required");
	if (!fields.keyId) throw invalid("Checkpoint.keyId", "is required");
	return ev1.Checkpoint.encode(fields).finish();
}

/** Canonical bytes of a work-order manifest (README.md, "Completeness"). */
export function encodeManifest(manifest: WorkOrderManifestFields): Uint8Array {
	const fields = versioned("WorkOrderManifest", MANIFEST, manifest);
	if (!fields?.accumulator) throw invalid("WorkOrderManifest.accumulator", "is required");
	return ev1.WorkOrderManifest.encode(fields).finish();
}
