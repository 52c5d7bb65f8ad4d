import { describe, expect, it } from "vitest";
import { decodeRecord, EvidenceKind, encodeRecord, TimeQuality } from "../../../protocol/evidence/record.js";
import { correctTimes } from "./corrected-times.js";

const BOOT_A = Buffer.alloc(16, 0xa);
const BOOT_B = Buffer.alloc(16, 0xb);
const TRUE_START = Date.UTC(2026, 0, 15, 9);

function record(chainSeq: number, boot: Buffer | undefined, monotonicMs: number, gatewayTimeMs: number, timeQuality: TimeQuality, timeSource = "") {
	return decodeRecord(
		encodeRecord({
			id: `r${chainSeq}`,
			chainSeq,
			prevHash: Buffer.alloc(32),
			gatewayId: "gw",
			workOrderId: "WO",
			kind: EvidenceKind.KIND_NOTE,
			text: "n",
			gatewayTimeMs,
			timeQuality,
			timeSource,
			...(boot ? { monotonic: { bootId: boot, offsetMs: monotonicMs } } : {}),
		}),
	);
}

describe("correctTimes", () => {
	it("re-anchors records stamped while unsynchronised by a later trusted record of the same boot", () => {
		// Boot A: the handheld booted at 1970 + 5 s; NTP answered 10 minutes later.
		const records = [
			record(1, BOOT_A, 5_000, 5_000, TimeQuality.TIME_QUALITY_UNSYNCHRONISED),
			record(2, BOOT_A, 65_000, 65_000, TimeQuality.TIME_QUALITY_UNSYNCHRONISED),
			record(3, BOOT_A, 605_000, TRUE_START + 600_000, TimeQuality.TIME_QUALITY_SYNCHRONISED, "ntp"),
			// Boot B never learnt the time: nothing can correct it.
			record(4, BOOT_B, 1_000, 1_000, TimeQuality.TIME_QUALITY_UNSYNCHRONISED),
			// Format 1: no anchor.
			record(5, undefined, 0, TRUE_START, TimeQuality.TIME_QUALITY_UNSPECIFIED),
		];
		const times = correctTimes(records);
		expect(times.map((t) => t.correctedAtMs)).toEqual([TRUE_START, TRUE_START + 60_000, TRUE_START + 600_000, null, null]);
		expect(times[0].correction).toEqual({ source: "ntp", anchorChainSeq: 3 });
		expect(times[0]).toMatchObject({ stampedAtMs: 5_000, quality: "unsynchronised", monotonic: { bootId: "0a".repeat(16), offsetMs: 5_000 } });
		expect(times[4].quality).toBe("unknown");
	});

	it("takes the nearest trusted record on the monotonic clock, from the context too", () => {
		const later = [
			record(10, BOOT_A, 1_000_000, TRUE_START + 1_000_000, TimeQuality.TIME_QUALITY_TRUSTED_SOURCE, "gnss:gnss-1"),
			record(11, BOOT_A, 9_000_000, TRUE_START + 9_000_500, TimeQuality.TIME_QUALITY_SYNCHRONISED, "ntp"),
		];
		const [time] = correctTimes([record(2, BOOT_A, 2_000_000, 77, TimeQuality.TIME_QUALITY_UNSYNCHRONISED)], later);
		expect(time).toMatchObject({ correctedAtMs: TRUE_START + 2_000_000, correction: { source: "gnss:gnss-1", anchorChainSeq: 10 } });
	});
});
