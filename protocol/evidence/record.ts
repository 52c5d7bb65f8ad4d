/**
 * Canonical encoding of evidence records and checkpoints (fieldchain.evidence.v1): the one import
 * path of the format for the rest of the code base. The canonical bytes of a message are the
 * protobuf encoding with proto3 default values omitted, fields in field-number order, no unknown
 * fields and no empty sub-messages (README.md, "Canonical encoding"). The parts, one job each:
 *
 *   record/schema.ts           the generated types and enums, a table per message, the value rules
 *   record/table-encoder.ts    the reference encoder: validate, normalise, protobufjs writes
 *   record/record-writer.ts    the one-pass writer of the same bytes, for stamping at full rate
 *   record/encode.ts           encodeRecord: the writer when it can, the tables otherwise
 *   record/reading-template.ts a commit's shared reading fields encoded once
 *   record/decode.ts           decoding that insists on canonical bytes
 *   record/to-json.ts          a JSON view for logs and reports
 */
export { decodeCheckpoint, decodeManifest, decodeRecord, UnsupportedFormatError } from "./record/decode.js";
export { encodeRecord } from "./record/encode.js";
export { ReadingRecordTemplate, type ReadingTemplateFields, type ReadingVaryingFields } from "./record/reading-template.js";
export {
	type Checkpoint,
	type CheckpointMessageFields,
	type DeviceIdentity,
	EvidenceKind,
	EvidenceOutcome,
	type EvidenceRecord,
	type EvidenceRecordFields,
	FIELD_FORMATS,
	type FieldFormat,
	type MonotonicAnchor,
	type Requirement,
	SignerRole,
	SUPPORTED_FORMAT,
	TimeQuality,
	type WorkOrderManifest,
	type WorkOrderManifestFields,
} from "./record/schema.js";
export { encodeCheckpoint, encodeManifest } from "./record/table-encoder.js";
export { recordToJson } from "./record/to-json.js";
