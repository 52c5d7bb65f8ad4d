/** A plain JSON view of a decoded record, for logs and reports: bytes as hex, enums as names. */
import { type EvidenceRecord, ev1 } from "./schema.js";

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
