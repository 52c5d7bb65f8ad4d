/**
 * The MQTT uplink carries the work-order manifests too: a gateway whose uplink drains through a
 * real Mosquitto to the billing service's ingest worker (the same schema and ingest as the HTTP
 * route) ends with the service holding every manifest the gateway signed into its checkpoints,
 * byte for byte, and the work order's bundle built from the service's store verifies complete.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { BillingContext } from "../cloud-bridge/billing/context.js";
import { assembleBundle } from "../cloud-bridge/billing/evidence-bundles/invoice-bundles.js";
import { type MqttIngestService, startMqttIngest } from "../cloud-bridge/billing/ingest/mqtt-ingest-service.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { type MosquittoBroker, startMosquitto } from "./support/mosquitto.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { uplinkSnapshot } from "./support/uplink-fixture.js";
import { waitFor } from "./support/wait.js";

const GATEWAY_ID = "gw-mqtt-manifests";
const dir = mkdtempSync(join(tmpdir(), "fc-uplink-mqtt-manifests-"));
let broker: MosquittoBroker | undefined;
let service: TestService | undefined;
let ingest: MqttIngestService | undefined;
let fixture: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let pty: PtyPair | undefined;

afterAll(async () => {
	await simulator?.stop();
	await fixture?.stop();
	await ingest?.close();
	await pty?.dispose();
	await broker?.stop();
	await service?.close();
	rmSync(dir, { recursive: true, force: true });
}, 60_000);

const silent = { info() {}, warn() {}, error() {} };

describe("work-order manifests over the MQTT uplink", () => {
	it("the service stores every manifest the gateway signed, and the work order's bundle verifies complete", async () => {
		broker = await startMosquitto(join(dir, "broker"));
		service = await startTestService({ validateResponses: false });
		expect((await service.request("POST", "/v1/import", { body: uplinkSnapshot() })).status).toBeLessThan(300);
		const enrollment = await service.request("POST", "/v1/enrollments");
		ingest = await startMqttIngest({
			storage: service.storage,
			events: service.events,
			logger: silent,
			mqtt: { url: broker.url, username: "cloud", password: broker.password },
		});
		const workOrdersFile = join(dir, "work-orders.json");
		writeFileSync(workOrdersFile, JSON.stringify(uplinkSnapshot()));
		pty = await createPtyPair();
		const hostEnd = pty.hostEnd;
		const mqttBroker = broker;
		fixture = await startGateway(
			(config) => {
				config.http = false;
				config.gatewayId = GATEWAY_ID;
				config.serial.targets = [{ path: hostEnd }];
				config.uplink = {
					transport: "mqtt",
					mqtt: { url: mqttBroker.url, username: "gateway", password: mqttBroker.password },
					// Small batches: several batches, each with the manifests of its own checkpoints.
					batchRecords: 20,
					requestTimeoutMs: 5000,
					idlePollMs: 50,
					retry: { initialDelayMs: 50, maxDelayMs: 500 },
					breaker: { failureThreshold: 5, openMs: 300, maxOpenMs: 1000 },
					url: service!.url,
					enrollmentToken: enrollment.body.enrollmentToken,
					downlink: { intervalMs: 3_600_000, technicianIds: ["TECH1"] },
				};
			},
			join(dir, "data"),
			{ workOrdersFile, sealEveryRecords: 7 },
		);
		const gateway = fixture.gateway;
		gateway.parts.activeTasks.set("TECH1", "WO1", "T1", Date.now(), []);
		const count = 60;
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-q", quantity: "insulation_resistance", rate: 200, count, retryMs: 100 });
		await simulator.done;
		await waitFor(
			"every record receipted by the billing service",
			() => {
				const cursor = gateway.parts.cursors.current;
				return gateway.parts.evidence.headSeq === count && cursor.receiptedUpTo === count ? true : undefined;
			},
			60_000,
		);

		// What the gateway signed: its stored manifests, by checkpoint.
		const db = new Database(join(dir, "data", "gateway.db"), { readonly: true });
		const signed = db.prepare("SELECT checkpoint_seq, work_order_id, canonical FROM evidence_manifests ORDER BY checkpoint_seq").all() as Array<{
			checkpoint_seq: number;
			work_order_id: string;
			canonical: Buffer;
		}>;
		db.close();
		expect(new Set(signed.map((m) => m.checkpoint_seq)).size, "several checkpoints, over several batches").toBeGreaterThan(3);
		const store = service.storage.store;
		for (const m of signed) {
			const held = await store.getManifests(GATEWAY_ID, m.checkpoint_seq);
			expect(held.map((h) => [h.workOrderId, Buffer.from(h.bytes).toString("hex")])).toEqual([[m.work_order_id, m.canonical.toString("hex")]]);
		}

		const positions = (await store.workOrderChainPositions("WO1")).filter((p) => p.gatewayId === GATEWAY_ID);
		expect(positions).toHaveLength(count);
		const bundle = await assembleBundle({ store } as unknown as BillingContext, {
			gatewayId: GATEWAY_ID,
			workOrderId: "WO1",
			evidenceIds: positions.map((p) => p.recordId),
			firstSeq: positions[0].chainSeq,
			lastSeq: positions[positions.length - 1].chainSeq,
		});
		expect(bundle.verification).toMatchObject({ ok: true, problems: [], complete: true, completeUpTo: count });
	}, 120_000);
});
