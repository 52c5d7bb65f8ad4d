/**
 * Decoding canonical bytes. A message decodes only when its bytes are exactly what encoding the
 * decoded message gives again: no unknown fields, no defaults written, no field repeated or out of
 * order. Anything else is FC_EVIDENCE_MALFORMED.
 */
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { encodeRecord } from "./encode.js";
import { type Checkpoint, type EvidenceRecord, type EvidenceRecordFields, ev1, SUPPORTED_FORMAT, type WorkOrderManifest } from "./schema.js";
import { encodeCheckpoint, encodeManifest } from "./table-encoder.js";

function malformed(what: string, bytes: Uint8Array, reason: string, cause?: unknown): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_EVIDENCE_MALFORMED, `Malformed ${what} (${bytes.length} bytes): ${reason}.`, {
		cause,
		hint: "The bytes are not a canonical fieldchain.evidence.v1 message: they were altered, or written by other software.",
	});
}

/**
 * The bytes declare an evidence format newer than this code knows (README.md, "Format evolution"):
 * not tampering, an older verifier. `partial` is the message as far as this code can read it (every
 * field it knows keeps its meaning in later formats; the rest is left out), so a verifier can still
 * hash the bytes, follow the links and check signatures; `format` is what the bytes declare.
 */
export class UnsupportedFormatError<T = unknown> extends FieldchainError {
	constructor(
		what: string,
		readonly format: number,
		readonly partial: T,
	) {
		super(
			ErrorCodes.FC_EVIDENCE_MALFORMED,
			`This ${what} is in evidence format ${format}; this fieldchain reads formats up to ${SUPPORTED_FORMAT}. Upgrade fieldchain to verify it.`,
			{ hint: "Newer evidence is not tampered evidence: verify it with a fieldchain at least as new as the gateway that wrote it." },
		);
	}
}

function decodeCanonical<T extends object>(what: string, bytes: Uint8Array, decode: (bytes: Uint8Array) => T, encode: (message: T) => Uint8Array): T {
	let message: T;
	try {
		message = decode(bytes);
	} catch (cause) {
		throw malformed(what, bytes, (cause as Error).message, cause);
	}
	const format = (message as { formatVersion?: number }).formatVersion ?? 0;
	if (format > SUPPORTED_FORMAT) throw new UnsupportedFormatError(what, format, message);
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
	return decodeCanonical(
		"evidence record",
		bytes,
		(b) => ev1.EvidenceRecord.decode(b),
		(message) => encodeRecord(plainRecord(message)),
	);
}

/**
 * The decoded message's own fields as plain objects. A decoded message has protobufjs's prototype,
 * which the one-pass writer does not take, and the table-driven encoder costs ~20 µs a record: the
 * billing service re-encodes every record it receives to check it is canonical. Only own fields
 * are copied, so a field the wire did not carry stays absent exactly as before.
 */
function plainRecord(message: EvidenceRecord): EvidenceRecordFields {
	const plain = Object.assign({}, message) as unknown as Record<string, unknown>;
	if (Object.hasOwn(message, "device") && message.device) plain.device = Object.assign({}, message.device);
	if (Object.hasOwn(message, "requirement") && message.requirement) plain.requirement = Object.assign({}, message.requirement);
	return plain as EvidenceRecordFields;
}

/** Decodes canonical checkpoint bytes (signature included); same rules as decodeRecord. */
export function decodeCheckpoint(bytes: Uint8Array): Checkpoint {
	return decodeCanonical("checkpoint", bytes, (b) => ev1.Checkpoint.decode(b), encodeCheckpoint);
}

/** Decodes canonical work-order manifest bytes; same rules as decodeRecord. */
export function decodeManifest(bytes: Uint8Array): WorkOrderManifest {
	return decodeCanonical("work-order manifest", bytes, (b) => ev1.WorkOrderManifest.decode(b), encodeManifest);
}
