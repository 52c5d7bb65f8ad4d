/**
 * The chain-gap part of the BillingStore contract (billing-store.contract.ts runs it for every
 * backend): gaps are noted by ingest, widened while open, acknowledged once with exactly the noted
 * range (of two racing acknowledgements one wins, the other gets the first), never changed after;
 * checkpoints by range; a work order's records found across gateways.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BillingStore, StoredChainRecord } from "./types.js";

const hex = (n: number) => n.toString(16).padStart(64, "0");
const record = (seq: number, workOrderId: string): StoredChainRecord => ({
	chainSeq: seq,
	recordId: `rec-${seq}-${workOrderId}`,
	workOrderId,
	contentHash: hex(100 + seq),
	entryHash: hex(200 + seq),
	bytes: new Uint8Array([seq]),
});
const ack = { reason: "gateway burnt out", acknowledgedBy: "admin-1", acknowledgedAt: 5000 };

export function chainGapsContract(name: string, makeStore: () => BillingStore | Promise<BillingStore>): void {
	describe(`BillingStore contract, chain gaps: ${name}`, () => {
		let store: BillingStore;
		beforeEach(async () => {
			store = await makeStore();
		});
		afterEach(async () => {
			await store.close();
		});

		it("notes a gap, widens it while open, and acknowledges exactly that range once", async () => {
			expect(await store.listChainGaps("gw-1")).toEqual([]);
			await store.noteChainGap("gw-1", 4, 6, 1000);
			await store.noteChainGap("gw-1", 4, 9, 2000);
			await store.noteChainGap("gw-2", 1, 1, 2000);
			expect(await store.listChainGaps("gw-1")).toEqual([{ gatewayId: "gw-1", fromSeq: 4, toSeq: 9, observedAt: 2000, acknowledgement: null }]);
			// A range ingest did not observe is not a gap.
			expect(await store.acknowledgeChainGap({ gatewayId: "gw-1", fromSeq: 4, toSeq: 6, ...ack })).toEqual({ outcome: "unknown" });
			expect(await store.acknowledgeChainGap({ gatewayId: "gw-1", fromSeq: 5, toSeq: 9, ...ack })).toEqual({ outcome: "unknown" });
			expect(await store.acknowledgeChainGap({ gatewayId: "gw-9", fromSeq: 4, toSeq: 9, ...ack })).toEqual({ outcome: "unknown" });
			const first = await store.acknowledgeChainGap({ gatewayId: "gw-1", fromSeq: 4, toSeq: 9, ...ack });
			const gap = { gatewayId: "gw-1", fromSeq: 4, toSeq: 9, observedAt: 2000, acknowledgement: ack };
			expect(first).toEqual({ outcome: "acknowledged", gap });
			// Again (another reason even): the first acknowledgement stands.
			expect(await store.acknowledgeChainGap({ gatewayId: "gw-1", fromSeq: 4, toSeq: 9, ...ack, reason: "other", acknowledgedAt: 9000 })).toEqual({
				outcome: "already",
				gap,
			});
			// Ingest seeing the gap again never changes an acknowledged one.
			await store.noteChainGap("gw-1", 4, 12, 3000);
			expect(await store.listChainGaps("gw-1")).toEqual([gap]);
		});

		it("of two racing acknowledgements, one records it and the other gets the first", async () => {
			await store.noteChainGap("gw-1", 2, 3, 1000);
			const results = await Promise.all([
				store.acknowledgeChainGap({ gatewayId: "gw-1", fromSeq: 2, toSeq: 3, ...ack, acknowledgedBy: "a" }),
				store.acknowledgeChainGap({ gatewayId: "gw-1", fromSeq: 2, toSeq: 3, ...ack, acknowledgedBy: "b" }),
			]);
			expect(results.map((r) => r.outcome).sort()).toEqual(["acknowledged", "already"]);
			const [one, two] = results as Array<{ gap: { acknowledgement: unknown } }>;
			expect(one.gap.acknowledgement).toEqual(two.gap.acknowledgement);
		});

		it("appends records that resume after an acknowledged gap, and reads ranges across it", async () => {
			await store.appendChain({
				gatewayId: "gw-1",
				expectedHeadSeq: 0,
				records: [record(1, "WO1"), record(2, "WO1")],
				checkpoints: [],
				sealedUpTo: 2,
				receipt: null,
			});
			// Without the gap named, a jump is refused as before.
			await expect(
				store.appendChain({ gatewayId: "gw-1", expectedHeadSeq: 2, records: [record(5, "WO1")], checkpoints: [], sealedUpTo: 5, receipt: null }),
			).rejects.toThrow(/does not follow 2/);
			// A gap that does not start right after the head does not let the records jump either.
			await expect(
				store.appendChain({
					gatewayId: "gw-1",
					expectedHeadSeq: 2,
					resumesAfter: { fromSeq: 4, toSeq: 4 },
					records: [record(5, "WO1")],
					checkpoints: [],
					sealedUpTo: 5,
					receipt: null,
				}),
			).rejects.toThrow(/does not follow/);
			const head = await store.appendChain({
				gatewayId: "gw-1",
				expectedHeadSeq: 2,
				resumesAfter: { fromSeq: 3, toSeq: 4 },
				records: [record(5, "WO1"), record(6, "WO2")],
				checkpoints: [{ chainSeq: 6, bytes: new Uint8Array([6]), keyId: hex(7) }],
				sealedUpTo: 6,
				receipt: null,
			});
			expect(head).toMatchObject({ headSeq: 6, headHash: hex(206), sealedUpTo: 6 });
			expect((await store.getChainRecords("gw-1", 2, 5)).map((r) => r.chainSeq)).toEqual([2, 5]);
			expect((await store.getChainRecords("gw-1", 3, 4)).map((r) => r.chainSeq)).toEqual([]);
			expect((await store.getChainRecords("gw-1", 1, 99)).map((r) => r.chainSeq)).toEqual([1, 2, 5, 6]);
		});

		it("reads checkpoints by range and finds a work order's records on every gateway", async () => {
			await store.appendChain({
				gatewayId: "gw-b",
				expectedHeadSeq: 0,
				records: [record(1, "WO1"), record(2, "WO2"), record(3, "WO1")],
				checkpoints: [
					{ chainSeq: 1, bytes: new Uint8Array([1]), keyId: hex(7) },
					{ chainSeq: 3, bytes: new Uint8Array([3]), keyId: hex(7) },
				],
				sealedUpTo: 3,
				receipt: null,
			});
			await store.appendChain({ gatewayId: "gw-a", expectedHeadSeq: 0, records: [record(1, "WO1")], checkpoints: [], sealedUpTo: 0, receipt: null });
			expect((await store.getCheckpoints("gw-b", 2, 9)).map((c) => [c.chainSeq, [...c.bytes], c.keyId])).toEqual([[3, [3], hex(7)]]);
			expect(await store.getCheckpoints("gw-a", 1, 9)).toEqual([]);
			expect(await store.workOrderChainPositions("WO1")).toEqual([
				{ gatewayId: "gw-a", chainSeq: 1, recordId: "rec-1-WO1" },
				{ gatewayId: "gw-b", chainSeq: 1, recordId: "rec-1-WO1" },
				{ gatewayId: "gw-b", chainSeq: 3, recordId: "rec-3-WO1" },
			]);
			expect(await store.workOrderChainPositions("WO-none")).toEqual([]);
		});
	});
}
