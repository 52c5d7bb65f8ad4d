/**
 * Corrected evidence times (protocol/evidence/README.md, "Time"). Every format-2 record carries the
 * gateway's wall time, its quality and a monotonic anchor (gateway boot id + monotonic offset). A
 * record stamped while the gateway's clock was synchronised or set from a trusted source ties its
 * boot's monotonic clock to true time: offset = gateway_time_ms - monotonic.offset_ms. Records of
 * the same boot stamped while unsynchronised are re-anchored with the nearest such tie on the
 * monotonic clock: corrected = monotonic.offset_ms + offset. Pure; the stored bytes stay as received.
 * Invariant: a correction only ever comes from a trusted record of the same gateway and boot.
 */
import { type EvidenceRecord, TimeQuality } from "../../../protocol/evidence/record.js";

export type TimeQualityName = "synchronised" | "trusted-source" | "unsynchronised" | "unknown";

export interface CorrectedTime {
	chainSeq: number;
	recordId: string;
	/** gateway_time_ms as stamped. */
	stampedAtMs: number;
	quality: TimeQualityName;
	source: string;
	/** Hex boot id and offset of the monotonic anchor; null for records without one (format 1). */
	monotonic: { bootId: string; offsetMs: number } | null;
	/** The best time: as stamped when trusted, re-anchored when a trusted record of the boot allows; else null. */
	correctedAtMs: number | null;
	/** Where correctedAtMs comes from: the record itself, or the trusted record it was re-anchored by. */
	correction: { source: string; anchorChainSeq: number } | null;
}

const NAMES: Record<number, TimeQualityName> = {
	[TimeQuality.TIME_QUALITY_UNSYNCHRONISED]: "unsynchronised",
	[TimeQuality.TIME_QUALITY_SYNCHRONISED]: "synchronised",
	[TimeQuality.TIME_QUALITY_TRUSTED_SOURCE]: "trusted-source",
};

interface Tie {
	chainSeq: number;
	monotonicMs: number;
	offsetMs: number;
	source: string;
}

function trusted(record: EvidenceRecord): boolean {
	return record.timeQuality === TimeQuality.TIME_QUALITY_SYNCHRONISED || record.timeQuality === TimeQuality.TIME_QUALITY_TRUSTED_SOURCE;
}

function anchorOf(record: EvidenceRecord): { bootId: string; offsetMs: number } | null {
	const bootId = record.monotonic?.bootId;
	if (!bootId || bootId.length === 0) return null;
	return { bootId: Buffer.from(bootId).toString("hex"), offsetMs: Number(record.monotonic?.offsetMs ?? 0) };
}

/**
 * Corrected times of `records`; `context` are more records of the same gateway (before and after
 * them) whose trusted stamps may re-anchor them. Order does not matter.
 */
export function correctTimes(records: readonly EvidenceRecord[], context: readonly EvidenceRecord[] = []): CorrectedTime[] {
	const ties = new Map<string, Tie[]>();
	for (const record of [...records, ...context]) {
		const anchor = anchorOf(record);
		if (!anchor || !trusted(record)) continue;
		const list = ties.get(anchor.bootId) ?? [];
		if (!list.some((tie) => tie.chainSeq === Number(record.chainSeq))) {
			list.push({
				chainSeq: Number(record.chainSeq),
				monotonicMs: anchor.offsetMs,
				offsetMs: Number(record.gatewayTimeMs) - anchor.offsetMs,
				source: record.timeSource,
			});
		}
		ties.set(anchor.bootId, list);
	}
	return records.map((record) => {
		const anchor = anchorOf(record);
		const base = {
			chainSeq: Number(record.chainSeq),
			recordId: record.id,
			stampedAtMs: Number(record.gatewayTimeMs),
			quality: NAMES[record.timeQuality] ?? "unknown",
			source: record.timeSource,
			monotonic: anchor,
		};
		if (trusted(record)) return { ...base, correctedAtMs: base.stampedAtMs, correction: { source: record.timeSource, anchorChainSeq: base.chainSeq } };
		const candidates = anchor ? (ties.get(anchor.bootId) ?? []) : [];
		if (!anchor || candidates.length === 0) return { ...base, correctedAtMs: null, correction: null };
		// The nearest tie on the monotonic clock: the least drift between the two.
		let best = candidates[0];
		for (const tie of candidates) if (Math.abs(tie.monotonicMs - anchor.offsetMs) < Math.abs(best.monotonicMs - anchor.offsetMs)) best = tie;
		return { ...base, correctedAtMs: anchor.offsetMs + best.offsetMs, correction: { source: best.source, anchorChainSeq: best.chainSeq } };
	});
}
