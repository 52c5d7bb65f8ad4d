/**
 * Billing ingest workers on a shared subscription of a real Mosquitto 2, over the billing service's
 * SQLite storage: a batch published on a gateway's evidence topic is answered on its receipt topic
 * with exactly the receipt POST /v1/evidence/batches gives (the HTTP resend is its replay), the
 * batches are spread over both workers, and the attacker is refused: a batch on gateway A's topic
 * that gateway B signed, or that claims to be B's, leaves no record stored and no receipt saying so.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mqtt, { type IPublishPacket, type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uplinkEvidenceTopic, uplinkReceiptTopic } from "../../../protocol/uplink/topics.js";
import type { BatchReceipt, EvidenceBatch } from "../../../protocol/uplink/wire.js";
import { type MosquittoBroker, startMosquitto } from "../../../test/support/mosquitto.js";
import { waitFor } from "../../../test/support/wait.js";
import { SimulatedGateway } from "../testing/gateway-sim.js";
import { startTestService, type TestService } from "../testing/harness.js";
import { Scenario, TARGET_INSULATION } from "../testing/scenario.js";
import { type MqttIngestService, startMqttIngest } from "./mqtt-ingest-service.js";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

interface Answer {
	status: number;
	body: Record<string, unknown>;
	correlation: string;
}

let dir: string;
let broker: MosquittoBroker;
let service: TestService;
let workers: MqttIngestService[] = [];
let gatewayClient: MqttClient;
const answers = new Map<string, Answer[]>();

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-mqtt-ingest-"));
	broker = await startMosquitto(join(dir, "broker"));
	service = await startTestService({ validateResponses: false });
	const mqttOptions = { url: broker.url, username: "cloud", password: broker.password, group: "billing-test" };
	for (let i = 0; i < 2; i++) workers.push(await startMqttIngest({ storage: service.storage, events: service.events, logger: silent, mqtt: mqttOptions }));
	gatewayClient = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: "test-gateways", username: "gateway", password: broker.password });
	await gatewayClient.subscribeAsync("fieldchain/v1/gateways/+/receipts", { qos: 1 });
	gatewayClient.on("message", (topic, payload, packet: IPublishPacket) => {
		const list = answers.get(topic) ?? [];
		list.push({
			status: Number(packet.properties?.userProperties?.status),
			body: JSON.parse(payload.toString()),
			correlation: Buffer.from(packet.properties?.correlationData ?? Buffer.alloc(0)).toString(),
		});
		answers.set(topic, list);
	});
}, 60_000);

afterAll(async () => {
	await gatewayClient?.endAsync(true);
	for (const worker of workers) await worker.close();
	workers = [];
	await service?.close();
	await broker?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** Publishes `body` on gateway `topicGateway`'s evidence topic and waits for the answer correlated to `correlation`. */
async function publish(topicGateway: string, body: unknown, correlation: string): Promise<Answer> {
	const topic = uplinkReceiptTopic(topicGateway);
	const before = (answers.get(topic) ?? []).filter((a) => a.correlation === correlation).length;
	await gatewayClient.publishAsync(uplinkEvidenceTopic(topicGateway), typeof body === "string" ? body : JSON.stringify(body), {
		qos: 1,
		properties: { correlationData: Buffer.from(correlation) },
	});
	return waitFor(`the answer to ${correlation} on ${topic}`, () => (answers.get(topic) ?? []).filter((a) => a.correlation === correlation)[before], 20_000);
}

function readings(gateway: SimulatedGateway, n: number): void {
	for (let i = 0; i < n; i++) gateway.reading(TARGET_INSULATION, 100 + i);
}

describe("billing ingest workers on an MQTT shared subscription", () => {
	it("answers on the gateway's receipt topic with the HTTP receipt, spreading batches over both workers", { timeout: 60_000 }, async () => {
		const a = new Scenario(service, "gw-a");
		await a.seedParties();
		await a.createWorkOrder();
		await a.enroll();
		const receipts: BatchReceipt[] = [];
		for (let b = 0; b < 6; b++) {
			readings(a.gateway, 10);
			a.gateway.seal();
			const batch = a.gateway.batch(b * 10 + 1, (b + 1) * 10, `chain-${b * 10 + 1}-${(b + 1) * 10}`);
			const answer = await publish("gw-a", batch, batch.batchId as string);
			expect(answer.status, JSON.stringify(answer.body)).toBe(200);
			receipts.push(answer.body as unknown as BatchReceipt);
		}
		expect(receipts.map((r) => [r.accepted, r.sealedUpTo, r.replayed])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [10, n * 10, false]));
		expect(workers.map((w) => w.worker.stats.batches).every((n) => n > 0)).toBe(true);

		// The same batch over HTTP, with the gateway's own token: the stored receipt, identical.
		const http = await service.request("POST", "/v1/evidence/batches", { token: a.gatewayToken, body: a.gateway.batch(1, 10, "chain-1-10") });
		expect(http.status).toBe(200);
		expect({ ...http.body, replayed: false }).toEqual(receipts[0]);
		expect(http.body.replayed).toBe(true);
		// And the resend over MQTT: the same stored receipt.
		const again = await publish("gw-a", a.gateway.batch(11, 20, "chain-11-20"), "chain-11-20");
		expect({ ...again.body, replayed: false }).toEqual(receipts[1]);
		expect((await service.storage.store.getChainHead("gw-a")).sealedUpTo).toBe(60);
	});

	it("refuses a batch on gateway A's topic that gateway B signed or claims; nothing stored, no receipt says stored", { timeout: 60_000 }, async () => {
		const a = new Scenario(service, "gw-victim");
		const b = new Scenario(service, "gw-attacker");
		await a.enroll();
		await b.enroll();

		// 1. B's own, genuinely signed batch, relabelled as A's, on A's topic.
		readings(b.gateway, 5);
		b.gateway.seal();
		const relabelled: EvidenceBatch = { ...b.gateway.batch(1, 5, "forged-relabelled"), gatewayId: "gw-victim" };
		const first = await publish("gw-victim", relabelled, "forged-relabelled");
		// 2. Records in A's name, chained right, sealed with B's key.
		const forger = new SimulatedGateway("gw-victim");
		readings(forger, 5);
		forger.seal(b.gateway.privateKey, b.gateway.keyId);
		const second = await publish("gw-victim", forger.batch(1, 5, "forged-signed-by-b"), "forged-signed-by-b");
		for (const answer of [first, second]) {
			expect(answer.status).toBe(200);
			const receipt = answer.body as unknown as BatchReceipt;
			expect([receipt.accepted, receipt.sealedUpTo, receipt.headSeq, receipt.evidenceCreated]).toEqual([0, 0, 0, 0]);
			expect(receipt.rejected.length + receipt.checkpointsRejected.length).toBeGreaterThan(0);
		}
		expect((first.body as unknown as BatchReceipt).rejected.map((r) => r.reason)).toContain("wrong-gateway");
		expect((second.body as unknown as BatchReceipt).checkpointsRejected.map((r) => r.reason)).toContain("unknown-key");
		// 3. B's batch as B's, on A's topic: the topic names the gateway; refused outright (403, as a foreign token over HTTP).
		const third = await publish("gw-victim", b.gateway.batch(1, 5, "chain-1-5"), "claims-b");
		expect(third.status).toBe(403);
		expect((third.body as { error: { code: string } }).error.code).toBe("FC_BILLING_FORBIDDEN");
		// 4. A gateway that is not enrolled, garbage, a schema violation: each answered, none stored.
		const unknown = await publish("gw-nobody", forger.batch(1, 5, "x"), "unknown");
		expect([unknown.status, (unknown.body as { error: { code: string } }).error.code]).toEqual([403, "FC_BILLING_FORBIDDEN"]);
		expect((await publish("gw-victim", "{not json", "garbage")).status).toBe(400);
		const extra = await publish("gw-victim", { ...forger.batch(1, 5, "extra"), key: "AAAA" }, "extra");
		expect(extra.status).toBe(400);

		expect(await service.storage.store.getChainHead("gw-victim")).toMatchObject({ headSeq: 0, sealedUpTo: 0 });
		expect(await service.storage.store.getChainHead("gw-attacker")).toMatchObject({ headSeq: 0, sealedUpTo: 0 });
		// No answer ever reached the attacker's receipt topic: answers go where the topic points, not where the batch says.
		expect(answers.get(uplinkReceiptTopic("gw-attacker")) ?? []).toEqual([]);

		// The victim's own chain goes through afterwards, untouched by the attempts.
		readings(a.gateway, 5);
		a.gateway.seal();
		const genuine = await publish("gw-victim", a.gateway.batch(1, 5, "chain-1-5"), "chain-1-5");
		expect([genuine.status, (genuine.body as unknown as BatchReceipt).accepted]).toEqual([200, 5]);
	});
});
