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
