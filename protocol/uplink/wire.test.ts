import { describe, expect, it } from "vitest";
import { parseBatchReceipt } from "./wire.js";

const receipt = {
	gatewayId: "gw-1",
	batchId: "chain-1-3",
	replayed: false,
	accepted: 3,
	unsealed: 0,
	duplicates: 0,
	rejected: [],
	checkpointsAccepted: 1,
	checkpointsRejected: [],
	gap: null,
	headSeq: 3,
	sealedUpTo: 3,
	evidenceCreated: 3,
	unlinked: [],
};

describe("parseBatchReceipt", () => {
	it("reads a receipt as the billing service sends it", () => {
		expect(parseBatchReceipt(receipt)).toEqual(receipt);
		const gap = { ...receipt, gap: { expectedSeq: 4, receivedSeq: 8, message: "hole" }, rejected: [{ chainSeq: 8, reason: "chain-gap", message: "hole" }] };
		expect(parseBatchReceipt(gap)).toEqual(gap);
	});

	it("reads an outside-binding refusal, which the drain alarms on and retries like any other", () => {
		const refused = { ...receipt, accepted: 1, rejected: [{ chainSeq: 2, reason: "outside-binding", message: "not bound to WO9" }] };
		expect(parseBatchReceipt(refused)).toEqual(refused);
	});

	it("reads each rejection's problem kind, and leaves out one it does not know (a newer service's)", () => {
		const known = { ...receipt, rejected: [{ chainSeq: 3, reason: "chain-broken", message: "m", problem: "modified" }] };
		expect(parseBatchReceipt(known)).toEqual(known);
		const newer = { ...receipt, checkpointsRejected: [{ chainSeq: 3, reason: "bad-signature", message: "m", problem: "made-up" }] };
		expect(parseBatchReceipt(newer)).toMatchObject({ checkpointsRejected: [{ chainSeq: 3, reason: "bad-signature", message: "m" }] });
		expect((parseBatchReceipt(newer) as { checkpointsRejected: object[] }).checkpointsRejected[0]).not.toHaveProperty("problem");
	});

	it("says what is wrong with an answer that is no receipt, instead of trusting a cast", () => {
		expect(parseBatchReceipt(null)).toMatch(/not a JSON object/);
		expect(parseBatchReceipt({ ...receipt, sealedUpTo: "3" })).toMatch(/"sealedUpTo"/);
		expect(parseBatchReceipt({ ...receipt, sealedUpTo: -1 })).toMatch(/"sealedUpTo"/);
		expect(parseBatchReceipt({ ...receipt, rejected: [{ chainSeq: 1, reason: "made-up", message: "" }] })).toMatch(/unknown reason "made-up"/);
		expect(parseBatchReceipt({ ...receipt, checkpointsRejected: "none" })).toMatch(/"checkpointsRejected" is not an array/);
		expect(parseBatchReceipt({ ...receipt, gap: { expectedSeq: "x" } })).toMatch(/"gap"/);
	});
});
