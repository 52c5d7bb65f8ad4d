/**
 * A batch's claimed chain positions decide which accepted records ingest reads: only those it
 * names, never the whole range from its lowest position up to the head. A batch of a few records
 * claiming chain_seq 1 against a head of a billion must not load a billion records.
 */
import { describe, expect, it } from "vitest";
import { ZERO_HASH_HEX } from "../store/types.js";
import { verifyBatch } from "./verify-batch.js";

const HEAD = 1_000_000_000;

function readsOf(records: { chainSeq: number }[]): Promise<{ ranges: [number, number][]; rows: number }> {
	const ranges: [number, number][] = [];
	const batch = records.map(({ chainSeq }) => ({ chainSeq, record: "AAAA", contentHash: ZERO_HASH_HEX }));
	return verifyBatch(batch, [], {
		gateway: { id: "van-1", publicKey: Buffer.alloc(32).toString("base64"), keyId: ZERO_HASH_HEX, enrolledAt: 0, revokedAt: null, technicianIds: [] },
		head: { gatewayId: "van-1", headSeq: HEAD, headHash: ZERO_HASH_HEX, sealedUpTo: HEAD },
		async stored(from, to) {
			ranges.push([from, to]);
			return [];
		},
	}).then(() => ({ ranges, rows: ranges.reduce((sum, [from, to]) => sum + (to - from + 1), 0) }));
}

describe("ingest reads a bounded range of the stored chain", () => {
	it("reads only the position a far-behind record claims", async () => {
		const { ranges, rows } = await readsOf([{ chainSeq: 1 }]);
		expect(ranges).toEqual([[1, 1]]);
		expect(rows).toBe(1);
	});

	it("reads no more positions than the batch names, however far apart they are", async () => {
		const { rows } = await readsOf([{ chainSeq: 1 }, { chainSeq: 2 }, { chainSeq: 500_000 }, { chainSeq: HEAD - 1 }, { chainSeq: HEAD + 7 }]);
		expect(rows).toBeLessThanOrEqual(4);
	});
});
