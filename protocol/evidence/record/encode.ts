/**
 * encodeRecord: the canonical bytes of an evidence record, written by the one shared RecordWriter
 * when it can (the common case, in one pass) and by the table-driven encoder otherwise. Both give
 * the same bytes; only the table-driven one explains what is invalid.
 */
import { RecordWriter } from "./record-writer.js";
import type { EvidenceRecordFields } from "./schema.js";
import { encodeRecordByTable } from "./table-encoder.js";

/** The process's record writer: one slab for every record encoded, templates included. */
export const recordWriter = new RecordWriter();

/** Canonical bytes of an evidence record. prevHash must be 32 bytes; chainSeq at least 1. */
export function encodeRecord(record: EvidenceRecordFields): Uint8Array {
	return recordWriter.writeRecord(record) ?? encodeRecordByTable(record);
}
