/**
 * The evidence record format (fieldchain.evidence.v1) as the encoders see it: the generated
 * types and enums, one table per message naming each field's type, and the value rules every
 * encoder applies. This and table-encoder.ts / decode.ts / to-json.ts are the only code that
 * touches protocol/generated/evidence.js.
 */
import "../../protobuf-numbers.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { fieldchain } from "../../generated/evidence.js";

export const ev1 = fieldchain.evidence.v1;
export const HASH_LENGTH = 32;

export type EvidenceRecord = fieldchain.evidence.v1.EvidenceRecord;
export type EvidenceRecordFields = fieldchain.evidence.v1.EvidenceRecord.$Properties;
export type DeviceIdentity = fieldchain.evidence.v1.DeviceIdentity.$Properties;
export type Requirement = fieldchain.evidence.v1.Requirement.$Properties;
export type Checkpoint = fieldchain.evidence.v1.Checkpoint;
export type CheckpointMessageFields = fieldchain.evidence.v1.Checkpoint.$Properties;
export type WorkOrderManifest = fieldchain.evidence.v1.WorkOrderManifest;
export type WorkOrderManifestFields = fieldchain.evidence.v1.WorkOrderManifest.$Properties;

export const EvidenceKind = ev1.EvidenceRecord.Kind;
export type EvidenceKind = fieldchain.evidence.v1.EvidenceRecord.Kind;
export const EvidenceOutcome = ev1.EvidenceRecord.Outcome;
export type EvidenceOutcome = fieldchain.evidence.v1.EvidenceRecord.Outcome;
export const SignerRole = ev1.EvidenceRecord.SignerRole;
export type SignerRole = fieldchain.evidence.v1.EvidenceRecord.SignerRole;
export const TimeQuality = ev1.EvidenceRecord.TimeQuality;
export type TimeQuality = fieldchain.evidence.v1.EvidenceRecord.TimeQuality;
export type MonotonicAnchor = fieldchain.evidence.v1.MonotonicAnchor.$Properties;

export type Scalar = "string" | "uint64" | "sint64" | "double" | "optional-double" | "bool" | "bytes" | "hash" | "optional-hash";
export type FieldType = Scalar | { enum: object } | { message: Table };
export type Table = Readonly<Record<string, FieldType>>;

export const DEVICE: Table = {
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

export const REQUIREMENT: Table = {
	min: "optional-double",
	max: "optional-double",
	unit: "string",
	calibratedRequired: "bool",
};

export const MONOTONIC_ANCHOR: Table = {
	bootId: "bytes",
	offsetMs: "uint64",
};

export const RECORD: Table = {
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
	// Format 2 (FIELD_FORMATS): the gateway clock's quality and the record's monotonic anchor.
	timeQuality: { enum: ev1.EvidenceRecord.TimeQuality },
	timeSource: "string",
	monotonic: { message: MONOTONIC_ANCHOR },
	deviceTimeImplausible: "bool",
};

export const CHECKPOINT: Table = {
	gatewayId: "string",
	chainSeq: "uint64",
	headHash: "hash",
	recordCount: "uint64",
	createdAtMs: "uint64",
	keyId: "hash",
	signature: "bytes",
	manifestsRoot: "optional-hash",
};

export const MANIFEST: Table = {
	workOrderId: "string",
	checkpointSeq: "uint64",
	recordCount: "uint64",
	firstChainSeq: "uint64",
	lastChainSeq: "uint64",
	accumulator: "hash",
};

/**
 * Format evolution (README.md, "Format evolution"). Format 1 is every field of the tables above as
 * they were when manifests were added. Each field added since belongs to one later format, listed
 * here and nowhere else; the encoders write `format_version` (field 100 of every hashed message) as
 * the highest format among the fields present, and only when that is 2 or more, so a format-1
 * message keeps its bytes. `field` is the key in the message's table (a new sub-message counts for
 * the message that holds it).
 */
export type HashedMessage = "EvidenceRecord" | "Checkpoint" | "WorkOrderManifest";
export interface FieldFormat {
	message: HashedMessage;
	field: string;
	format: number;
}
export const FIELD_FORMATS: readonly FieldFormat[] = [
	// Time you can trust offline (README.md, "Time"): clock quality and the monotonic anchor.
	{ message: "EvidenceRecord", field: "timeQuality", format: 2 },
	{ message: "EvidenceRecord", field: "timeSource", format: 2 },
	{ message: "EvidenceRecord", field: "monotonic", format: 2 },
	{ message: "EvidenceRecord", field: "deviceTimeImplausible", format: 2 },
];

/** The highest evidence format this code reads and writes. */
export const SUPPORTED_FORMAT = FIELD_FORMATS.reduce((max, f) => Math.max(max, f.format), 1);
export const FORMAT_VERSION_KEY = "formatVersion";

const formatsByMessage = new Map<HashedMessage, ReadonlyArray<readonly [string, number]>>();
for (const { message, field, format } of FIELD_FORMATS) {
	formatsByMessage.set(message, [...(formatsByMessage.get(message) ?? []), [field, format] as const]);
}

/** The format a message's normalised fields need: 1 unless it carries a field of a later format. */
export function formatOf(message: HashedMessage, fields: Record<string, unknown>): number {
	let format = 1;
	for (const [field, since] of formatsByMessage.get(message) ?? []) {
		if (fields[field] !== undefined && since > format) format = since;
	}
	return format;
}

export function invalid(path: string, message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_EVIDENCE_INVALID, `Evidence field ${path}: ${message}.`, {
		hint: "This is a bug in the code that builds the record; the record was not chained.",
	});
}

const nativeIsWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

export function isWellFormedUtf16(value: string): boolean {
	// A lone surrogate would be written as U+FFFD and decode to a different string.
	if (nativeIsWellFormed) return nativeIsWellFormed.call(value);
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
