import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Evidence } from "../../model/entities/evidence.js";
import { contentHash } from "../../protocol/evidence/chain.js";
import { encodeRecord } from "../../protocol/evidence/record.js";
import type { BatchReceipt, EvidenceBatch } from "../../protocol/uplink/wire.js";
import { wire } from "./testing/gateway-sim.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, TARGET_INSULATION, WO } from "./testing/scenario.js";

let service: TestService;
let scenario: Scenario;
beforeEach(async () => {
	service = await startTestService();
	scenario = new Scenario(service);
	await scenario.seedParties();
	await scenario.createWorkOrder();
	await scenario.enroll();
});
afterEach(async () => {
	await service.close();
});

const send = (body: EvidenceBatch, token = scenario.gatewayToken) => service.request("POST", "/v1/evidence/batches", { token, body });
const evidenceCount = async () => expectOk<{ evidence: Evidence[] }>(await service.request("GET", `/v1/work-orders/${WO}/evidence`)).evidence.length;
const readings = (n: number) => {
	for (let i = 0; i < n; i++) scenario.gateway.reading(TARGET_INSULATION, 500 + i);
};

describe("evidence batch ingest", () => {
	it("accepts a valid batch, seals it, turns it into evidence on the checklist item and answers with a receipt", async () => {
		readings(5);
		scenario.gateway.seal();
		const receipt = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 5, "b-1")));
		expect(receipt).toMatchObject({
			accepted: 5,
			duplicates: 0,
			rejected: [],
			unsealed: 0,
			headSeq: 5,
			sealedUpTo: 5,
			checkpointsAccepted: 1,
			evidenceCreated: 5,
			gap: null,
			replayed: false,
		});
		const evidence = expectOk<{ evidence: Evidence[] }>(
			await service.request("GET", `/v1/work-orders/${WO}/evidence`, { token: service.tokens.reader }),
		).evidence;
		expect(evidence).toHaveLength(5);
		expect(evidence[0]).toMatchObject({
			taskId: "T1",
			checklistItemId: "insulation",
			capturedBy: { kind: "device", id: "MEGGER-1" },
			payload: { kind: "reading", unit: "MOhm" },
		});
		expect(evidence.map((e) => e.contentHash).sort()).toEqual(scenario.gateway.records.map((r) => r.contentHash.toString("hex")).sort());
		expect(expectOk(await service.request("GET", "/v1/gateways/gw-1/chain", { token: scenario.gatewayToken }))).toMatchObject({ headSeq: 5, sealedUpTo: 5 });
		expect(service.events.events.filter((e) => e.type === "evidence.accepted")).toHaveLength(1);
	});

	it("accepts a retried or duplicate batch once and acknowledges it both times", async () => {
		readings(4);
		scenario.gateway.seal();
		const first = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 4, "b-1")));
		const replay = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 4, "b-1")));
		expect(replay).toEqual({ ...first, replayed: true });
		// The same records under no (or another) batch id: all duplicates, nothing counted twice.
		const again = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 4)));
		expect(again).toMatchObject({ accepted: 0, duplicates: 4, rejected: [], headSeq: 4, sealedUpTo: 4, evidenceCreated: 0 });
		expect(await evidenceCount()).toBe(4);
		// An overlapping batch adds only what is new.
		readings(2);
		scenario.gateway.seal();
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(3, 6)))).toMatchObject({ accepted: 2, duplicates: 2, sealedUpTo: 6 });
		expect(await evidenceCount()).toBe(6);
		// A batch id reused for other content is refused.
		const reused = await send(scenario.gateway.batch(5, 6, "b-1"));
		expect(reused.status).toBe(409);
		expect(reused.body.error.code).toBe("FC_BILLING_CONFLICT");
	});

	it("rejects a tampered record with the reason and never counts it", async () => {
		readings(3);
		scenario.gateway.seal();
		const batch = scenario.gateway.batch(1, 3);
		// A canonical record whose reading was changed after the gateway hashed and chained it.
		const bytes = encodeRecord({ ...scenario.gateway.records[1].record, value: 9999 });
		batch.records[1].record = Buffer.from(bytes).toString("base64");
		const receipt = expectOk<BatchReceipt>(await send(batch));
		expect(receipt.rejected[0]).toMatchObject({ chainSeq: 2, reason: "hash-mismatch" });
		expect(receipt.rejected[1]).toMatchObject({ chainSeq: 3, reason: "chain-gap" });
		expect(receipt.checkpointsRejected[0]).toMatchObject({ chainSeq: 3, reason: "beyond-head" });
		expect(receipt).toMatchObject({ accepted: 0, unsealed: 1, sealedUpTo: 0, evidenceCreated: 0 });
		expect(await evidenceCount()).toBe(0);

		// The same change with its hash recomputed breaks the link to the next record.
		batch.records[1].contentHash = contentHash(bytes).toString("hex");
		const relinked = expectOk<BatchReceipt>(await send(batch));
		expect(relinked.rejected[0]).toMatchObject({ chainSeq: 3, reason: "chain-broken" });
		expect(relinked.accepted).toBe(0);
		expect(await evidenceCount()).toBe(0);

		// The genuine batch still goes through afterwards.
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 3)))).toMatchObject({ accepted: 3, sealedUpTo: 3 });
	});

	it("rejects a checkpoint signed by a key that is not the gateway's enrolled key, and accepts nothing it would seal", async () => {
		readings(3);
		const stranger = generateKeyPairSync("ed25519").privateKey;
		scenario.gateway.seal(stranger, Buffer.alloc(32, 9));
		const unknownKey = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 3)));
		expect(unknownKey.checkpointsRejected[0]).toMatchObject({ chainSeq: 3, reason: "unknown-key" });
		expect(unknownKey).toMatchObject({ accepted: 0, unsealed: 3, sealedUpTo: 0 });

		// Claiming the enrolled key id with another key's signature: a forgery.
		scenario.gateway.checkpoints.length = 0;
		scenario.gateway.seal(stranger);
		const forged = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 3)));
		expect(forged.checkpointsRejected[0]).toMatchObject({ reason: "bad-signature" });
		expect(forged.accepted).toBe(0);

		// Without any checkpoint, nothing is accepted either.
		scenario.gateway.checkpoints.length = 0;
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 3)))).toMatchObject({ accepted: 0, unsealed: 3 });
		expect(await evidenceCount()).toBe(0);
	});

	it("reports a gap in the chain instead of papering over it, and fills it when the missing records come", async () => {
		readings(5);
		scenario.gateway.seal();
		readings(5);
		scenario.gateway.seal();
		expectOk(await send(scenario.gateway.batch(1, 5)));
		const gap = expectOk<BatchReceipt>(await send(scenario.gateway.batch(8, 10)));
		expect(gap.gap).toMatchObject({ expectedSeq: 6, receivedSeq: 8 });
		expect(gap.gap?.message).toContain("records 6 to 7 are missing");
		expect(gap.rejected.map((r) => r.reason)).toEqual(["chain-gap", "chain-gap", "chain-gap"]);
		expect(gap).toMatchObject({ accepted: 0, headSeq: 5 });
		expect(expectOk<BatchReceipt>(await send(scenario.gateway.batch(6, 10)))).toMatchObject({ accepted: 5, headSeq: 10, sealedUpTo: 10, gap: null });
	});

	it("rejects a record that conflicts with one accepted before (a forked chain)", async () => {
		readings(2);
		scenario.gateway.seal();
		expectOk(await send(scenario.gateway.batch(1, 2)));
		const fork = new (scenario.gateway.constructor as typeof import("./testing/gateway-sim.js").SimulatedGateway)("gw-1");
		fork.reading(TARGET_INSULATION, 1);
		fork.reading(TARGET_INSULATION, 2);
		const receipt = expectOk<BatchReceipt>(await send({ gatewayId: "gw-1", records: fork.records.map(wire), checkpoints: [] }));
		expect(receipt.rejected.map((r) => r.reason)).toEqual(["conflict", "conflict"]);
	});

	it("keeps records for unknown checklist items in the chain but reports them as unlinked", async () => {
		scenario.gateway.reading({ workOrderId: WO, taskId: "T-unknown", checklistItemId: "x" }, 1);
		scenario.gateway.reading(TARGET_INSULATION, 2);
		scenario.gateway.seal();
		const receipt = expectOk<BatchReceipt>(await send(scenario.gateway.batch(1, 2)));
		expect(receipt).toMatchObject({ accepted: 2, evidenceCreated: 1 });
		expect(receipt.unlinked).toEqual([{ chainSeq: 1, recordId: expect.any(String), message: "task T-unknown is not known to this service" }]);
	});

	it("takes evidence only from the gateway's own, unrevoked token", async () => {
		readings(1);
		scenario.gateway.seal();
		const batch = scenario.gateway.batch(1, 1);
		expect((await send(batch, service.tokens.admin)).status).toBe(403);
		expect((await send({ ...batch, gatewayId: "gw-other" })).status).toBe(403);
		expectOk(await service.request("POST", "/v1/gateways/gw-1/revoke"));
		const revoked = await send(batch);
		expect(revoked.status).toBe(401);
		expect(revoked.body.error.message).toContain("revoked");
		expect(expectOk<{ gateways: { id: string; revoked: boolean }[] }>(await service.request("GET", "/v1/gateways")).gateways).toEqual([
			expect.objectContaining({ id: "gw-1", revoked: true }),
		]);
	});

	it("takes evidence batches far larger than other bodies", async () => {
		readings(3000);
		scenario.gateway.seal();
		const body = scenario.gateway.batch(1, 3000);
		expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024);
		expect(expectOk<BatchReceipt>(await send(body))).toMatchObject({ accepted: 3000, sealedUpTo: 3000 });
		const tooBig = await service.request("PATCH", "/v1/work-orders/WO1", { body: { title: "x".repeat(1024 * 1024 + 1), version: 1 } });
		expect(tooBig.status).toBe(413);
	});

	it("refuses a malformed batch body with a 400 naming the field", async () => {
		const bad = await send({ gatewayId: "gw-1", records: [{ chainSeq: 0, record: "x", contentHash: "nothex" }], checkpoints: [] } as EvidenceBatch);
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe("FC_BILLING_BAD_REQUEST");
		expect(bad.body.error.message).toMatch(/chainSeq|contentHash/);
	});
});
