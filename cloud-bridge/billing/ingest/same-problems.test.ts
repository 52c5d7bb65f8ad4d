/**
 * The field verifier (`fieldchain evidence verify`) and billing ingest run the same chain and
 * checkpoint steps, so the same tampered bytes get the same problem kind from both: in the
 * bundle's problems and in the receipt's rejections, beside the receipt's wire reason.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildBundle, type EvidenceBundle } from "../../../protocol/evidence/bundle.js";
import { contentHash } from "../../../protocol/evidence/chain.js";
import { encodeRecord } from "../../../protocol/evidence/record.js";
import { verifyBundle } from "../../../protocol/evidence/verify/verify-bundle.js";
import type { BatchReceipt, EvidenceBatch } from "../../../protocol/uplink/wire.js";
import { startTestService, type TestService } from "../testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION, WO } from "../testing/scenario.js";

let service: TestService;
let scenario: Scenario;
beforeEach(async () => {
	service = await startTestService();
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
	// Records 1..3 of the work order, sealed by a checkpoint at 3.
	for (let i = 0; i < 3; i++) scenario.gateway.reading(TARGET_INSULATION, 500 + i);
	scenario.gateway.seal();
});
afterEach(async () => {
	await service.close();
});

const send = async (batch: EvidenceBatch) =>
	expectOk<BatchReceipt>(await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: batch }));

/** The work order's bundle over the given record bytes (chain_seq 1..n) and checkpoints. */
function bundleOf(bytes: Uint8Array[], checkpoints: Uint8Array[]): EvidenceBundle {
	const gateway = scenario.gateway;
	return buildBundle({
		gatewayId: gateway.gatewayId,
		publicKeyRaw: gateway.publicKeyRaw,
		workOrderId: WO,
		entries: bytes.map((b, i) => ({ chainSeq: i + 1, bytes: b })),
		checkpoints,
	});
}

const recordBytes = () => scenario.gateway.records.map((r) => r.bytes);
const checkpointBytes = () => scenario.gateway.checkpoints.map((c) => c.bytes);

describe("the same tampered bytes, verified in the field and by billing ingest", () => {
	it("a modified record (its hash recomputed): modified", async () => {
		const modified = encodeRecord({ ...scenario.gateway.records[1].record, value: 9999 });
		const bytes = recordBytes();
		bytes[1] = modified;
		const field = verifyBundle(bundleOf(bytes, checkpointBytes()));
		const batch = scenario.gateway.batch(1, 3);
		batch.records[1] = { chainSeq: 2, record: Buffer.from(modified).toString("base64"), contentHash: contentHash(modified).toString("hex") };
		const receipt = await send(batch);

		expect(field.problems.map((p) => p.kind)).toEqual(["modified"]);
		expect(receipt.rejected).toMatchObject([{ chainSeq: 3, reason: "chain-broken", problem: "modified" }]);
		expect(receipt.accepted).toBe(0);
	});

	it("a removed record: removed", async () => {
		const bundle = bundleOf(recordBytes(), checkpointBytes());
		bundle.entries = bundle.entries.filter((e) => e.chainSeq !== 2);
		const field = verifyBundle(bundle);
		const batch = scenario.gateway.batch(1, 3);
		batch.records = batch.records.filter((r) => r.chainSeq !== 2);
		const receipt = await send(batch);

		expect(field.problems).toMatchObject([{ kind: "removed", chainSeq: 2 }]);
		expect(receipt.rejected).toMatchObject([{ chainSeq: 3, reason: "chain-gap", problem: "removed" }]);
		expect(receipt.accepted).toBe(0);
	});

	it("a forged checkpoint (another key's signature under the gateway's key id): forged-checkpoint", async () => {
		scenario.gateway.checkpoints.length = 0;
		scenario.gateway.seal(generateKeyPairSync("ed25519").privateKey);
		const field = verifyBundle(bundleOf(recordBytes(), checkpointBytes()));
		const receipt = await send(scenario.gateway.batch(1, 3));

		expect(field.problems[0]).toMatchObject({ kind: "forged-checkpoint", chainSeq: 3 });
		expect(field.problems.slice(1).map((p) => p.kind)).toEqual(["unsealed", "unsealed", "unsealed"]);
		expect(receipt.checkpointsRejected).toMatchObject([{ chainSeq: 3, reason: "bad-signature", problem: "forged-checkpoint" }]);
		expect(receipt).toMatchObject({ accepted: 0, unsealed: 3 });
	});
});
