/**
 * A gap in a gateway's chain is recorded only when the gateway's key vouches for it (sealed-gap.ts):
 * records sent past a missing range make the receipt say "gap" (so an honest gateway resends), but
 * the service notes the gap for an admin to acknowledge only when a checkpoint signed by the
 * enrolled key seals a record past it. The attacker holds the gateway's token, not its key.
 * Over HTTP on loopback against the service on SQLite.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCheckpoint } from "../../../protocol/evidence/checkpoint.js";
import { keyIdOf, publicKeyRaw } from "../../../protocol/evidence/keys.js";
import type { BatchReceipt } from "../../../protocol/uplink/wire.js";
import { wire } from "../testing/gateway-sim.js";
import { startTestService, type TestService } from "../testing/harness.js";
import { expectOk, Scenario, TARGET_SAFETY } from "../testing/scenario.js";

let service: TestService;
let scenario: Scenario;

beforeAll(async () => {
	service = await startTestService();
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
	// Records 1 and 2 accepted; 3 and 4 never arrive; 5 is sealed by the gateway.
	scenario.gateway.acknowledgement(TARGET_SAFETY, "one");
	scenario.gateway.acknowledgement(TARGET_SAFETY, "two");
	await scenario.sendEvidence();
	for (const n of [3, 4, 5]) scenario.gateway.acknowledgement(TARGET_SAFETY, `record ${n}`);
	scenario.gateway.seal();
}, 60_000);
afterAll(async () => {
	await service?.close();
});

const send = async (body: unknown) => expectOk<BatchReceipt>(await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body }));
const gaps = () => service.storage.store.listChainGaps(scenario.gateway.gatewayId);

describe("a chain gap is noted only when the gateway's key seals a record past it", () => {
	it("records past the head without a checkpoint: the receipt says gap, nothing is noted", async () => {
		const gw = scenario.gateway;
		const receipt = await send({ gatewayId: gw.gatewayId, records: [wire(gw.records[4])], checkpoints: [] });
		expect(receipt.gap).toMatchObject({ expectedSeq: 3, receivedSeq: 5 });
		expect(receipt.accepted).toBe(0);
		expect(await gaps()).toEqual([]);
	});

	it("a record far past the head with a checkpoint of another key over it: nothing is noted", async () => {
		const gw = scenario.gateway;
		const thief = generateKeyPairSync("ed25519");
		const last = gw.records[4];
		const forged = signCheckpoint(
			{
				gatewayId: gw.gatewayId,
				chainSeq: last.chainSeq,
				headHash: last.entryHash,
				recordCount: last.chainSeq,
				createdAtMs: gw.now,
				keyId: keyIdOf(publicKeyRaw(thief.publicKey)),
			},
			thief.privateKey,
		);
		const receipt = await send({ gatewayId: gw.gatewayId, records: [wire(last)], checkpoints: [Buffer.from(forged.bytes).toString("base64")] });
		expect(receipt.gap).toMatchObject({ expectedSeq: 3, receivedSeq: 5 });
		expect(await gaps()).toEqual([]);
	});

	it("the gateway's genuine checkpoint over a different record 5: nothing is noted", async () => {
		const gw = scenario.gateway;
		const genuine = Buffer.from(gw.checkpoints[gw.checkpoints.length - 1].bytes).toString("base64");
		// Record 4 relabelled as 5 is refused by its own bytes; a made-up record 5 does not hash to the sealed head.
		const other = { ...wire(gw.records[3]), chainSeq: 5 };
		const receipt = await send({ gatewayId: gw.gatewayId, records: [other], checkpoints: [genuine] });
		expect(receipt.accepted).toBe(0);
		expect(await gaps()).toEqual([]);
	});

	it("an earlier genuine checkpoint replayed beside a record past the gap: nothing is noted", async () => {
		const gw = scenario.gateway;
		const early = Buffer.from(gw.checkpoints[0].bytes).toString("base64");
		await send({ gatewayId: gw.gatewayId, records: [wire(gw.records[4])], checkpoints: [early] });
		expect(await gaps()).toEqual([]);
	});

	it("record 5 with the gateway's own checkpoint over it: the gap 3..4 is noted", async () => {
		const gw = scenario.gateway;
		const receipt = await send(gw.batch(5, 5));
		expect(receipt.gap).toMatchObject({ expectedSeq: 3, receivedSeq: 5 });
		expect(await gaps()).toMatchObject([{ gatewayId: gw.gatewayId, fromSeq: 3, toSeq: 4, acknowledgement: null }]);
	});
});
