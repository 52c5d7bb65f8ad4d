/**
 * The MQTT uplink option through a real Mosquitto (username/password, persistent sessions),
 * restarted in the middle of the stream: the billing service's ingest worker on the shared
 * subscription ends with every sealed record of the gateway's chain, each with the gateway's content
 * hash, and the gateway counts a batch receipted only once the service's receipt came back.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mqtt, { type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import { type MqttIngestService, startMqttIngest } from "../cloud-bridge/billing/ingest/mqtt-ingest-service.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import type { UplinkConfig, UplinkMqttConfig } from "../gateway/uplink/uplink-config.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { type MosquittoBroker, startMosquitto } from "./support/mosquitto.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { uplinkSnapshot } from "./support/uplink-fixture.js";
import { waitFor } from "./support/wait.js";

let dir: string | undefined;
let broker: MosquittoBroker | undefined;
let consumer: MqttClient | undefined;
let fixture: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let pty: PtyPair | undefined;
let service: TestService | undefined;
let ingest: MqttIngestService | undefined;

afterEach(async () => {
	await simulator?.stop();
	await fixture?.stop();
	await ingest?.close();
	await consumer?.endAsync(true);
	await pty?.dispose();
	await broker?.stop();
	await service?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = broker = consumer = fixture = simulator = pty = service = ingest = undefined;
});

const silent = { info() {}, warn() {}, error() {} };

/**
 * The billing service with the gateway's plan, its ingest worker on the broker, and the uplink
 * settings that enroll the gateway there (its key pinned, bound to TECH1) before it drains over MQTT.
 */
type Enrollment = Pick<UplinkConfig, "url" | "enrollmentToken" | "downlink">;

async function startBillingWithIngest(mqttOptions: Parameters<typeof startMqttIngest>[0]["mqtt"]): Promise<Enrollment> {
	service = await startTestService({ validateResponses: false });
	expect((await service.request("POST", "/v1/import", { body: uplinkSnapshot() })).status).toBeLessThan(300);
	const enrollment = await service.request("POST", "/v1/enrollments");
	ingest = await startMqttIngest({ storage: service.storage, events: service.events, logger: silent, mqtt: mqttOptions });
	return { url: service.url, enrollmentToken: enrollment.body.enrollmentToken, downlink: { intervalMs: 3_600_000, technicianIds: ["TECH1"] } };
}

/** What the billing service holds of a gateway's chain, by chain_seq. */
async function serviceChain(gatewayId: string): Promise<Map<number, string>> {
	const store = (service as TestService).storage.store;
	const head = await store.getChainHead(gatewayId);
	return new Map((await store.getChainRecords(gatewayId, 1, Math.max(1, head.headSeq))).map((r) => [r.chainSeq, r.contentHash]));
}

/**
 * A gateway on `dir` whose uplink drains to the test's MQTT broker, with the tool on a fresh pty
 * and the insulation task active: the part every MQTT uplink test shares.
 */
async function startMqttUplinkGateway(
	workDir: string,
	gatewayId: string,
	mqttOptions: UplinkMqttConfig,
	requestTimeoutMs: number,
	enroll: Enrollment,
): Promise<{ gateway: GatewayFixture["gateway"]; deviceEnd: string }> {
	const workOrdersFile = join(workDir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(uplinkSnapshot()));
	pty = await createPtyPair();
	const hostEnd = pty.hostEnd;
	fixture = await startGateway(
		(config) => {
			config.http = false;
			config.gatewayId = gatewayId;
			config.serial.targets = [{ path: hostEnd }];
			config.uplink = {
				transport: "mqtt",
				mqtt: mqttOptions,
				batchRecords: 200,
				requestTimeoutMs,
				idlePollMs: 50,
				retry: { initialDelayMs: 50, maxDelayMs: 500 },
				breaker: { failureThreshold: 5, openMs: 300, maxOpenMs: 1000 },
				...enroll,
			};
		},
		join(workDir, "data"),
		{ workOrdersFile },
	);
	fixture.gateway.parts.activeTasks.set("TECH1", "WO1", "T1", Date.now(), []);
	return { gateway: fixture.gateway, deviceEnd: pty.deviceEnd };
}

describe("MQTT uplink through Mosquitto", () => {
	it("delivers every sealed record across a broker restart mid-stream", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-uplink-mqtt-"));
		broker = await startMosquitto(join(dir, "broker"));
		const enroll = await startBillingWithIngest({ url: broker.url, username: "cloud", password: broker.password });
		const { gateway, deviceEnd } = await startMqttUplinkGateway(
			dir,
			"gw-mqtt-1",
			{ url: broker.url, username: "gateway", password: broker.password },
			2000,
			enroll,
		);
		const count = 3000;
		simulator = await runSerialSimulator({
			path: deviceEnd,
			deviceId: "megger-m",
			quantity: "insulation_resistance",
			rate: 1000,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		await waitFor("the first records stored by the service", async () => ((await serviceChain("gw-mqtt-1")).size >= 500 ? true : undefined));
		const storedAtRestart = (await serviceChain("gw-mqtt-1")).size;
		await broker.restart();
		await simulator.done;
		await waitFor(
			"every record receipted by the billing service",
			() => {
				const cursor = gateway.parts.cursors.current;
				return gateway.parts.evidence.headSeq === count && cursor.receiptedUpTo === count ? true : undefined;
			},
			40_000,
		);
		// Receipted means stored: the service's chain is the gateway's, record for record.
		const received = await serviceChain("gw-mqtt-1");
		const local = gateway.parts.evidence.range(0, count);
		expect([...received.keys()]).toEqual(local.map((r) => r.chainSeq));
		expect(local.every((r) => received.get(r.chainSeq) === r.contentHash)).toBe(true);
		// The restart was mid-stream: most of the chain reached the service through the restarted broker.
		expect(storedAtRestart).toBeLessThan(count);
		expect(local.every((r) => r.status === "receipted")).toBe(true);
	}, 90_000);

	it("over TLS, authenticated by a client certificate checked against the broker's CA", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-uplink-mqtts-"));
		broker = await startMosquitto(join(dir, "broker"), { tls: true });
		const tls = broker.tls!;
		const enroll = await startBillingWithIngest({ url: broker.url, caFile: tls.caFile, certFile: tls.clientCertFile, keyFile: tls.clientKeyFile });
		const { gateway, deviceEnd } = await startMqttUplinkGateway(
			dir,
			"gw-mqtts-1",
			{ url: broker.url, caFile: tls.caFile, certFile: tls.clientCertFile, keyFile: tls.clientKeyFile },
			2000,
			enroll,
		);
		const count = 500;
		simulator = await runSerialSimulator({
			path: deviceEnd,
			deviceId: "megger-t",
			quantity: "insulation_resistance",
			rate: 1000,
			count,
			resendTimeoutMs: 300,
			retryMs: 100,
		});
		await simulator.done;
		await waitFor(
			"every record stored and receipted over TLS",
			async () => ((await serviceChain("gw-mqtts-1")).size === count && gateway.parts.cursors.current.receiptedUpTo === count ? true : undefined),
			20_000,
		);
		expect(gateway.parts.cursors.current.destination).toBe(`mqtt:127.0.0.1:${broker.port}`);
	}, 60_000);

	it("refreshes the cached plan from the billing service when the cloud pushes on the downlink topic", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-downlink-push-"));
		broker = await startMosquitto(join(dir, "broker"));
		service = await startTestService({ validateResponses: false });
		const now = Date.now();
		const snapshot = baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress", startedAt: now - 3_600_000 })],
			tasks: [make.task({ id: "T2", title: "Plan A", status: "pending" })],
			// TECH1's visit: the gateway, bound to TECH1, reaches this work order.
			appointments: [make.appointment()],
		});
		expect((await service.request("POST", "/v1/import", { body: snapshot })).status).toBeLessThan(300);
		const enrollment = await service.request("POST", "/v1/enrollments");
		const billingUrl = service.url;
		const mqttUrl = broker.url;
		const password = broker.password;
		fixture = await startGateway(
			(config) => {
				config.http = false;
				config.gatewayId = "gw-push-1";
				config.uplink = {
					url: billingUrl,
					enrollmentToken: enrollment.body.enrollmentToken,
					transport: "mqtt",
					mqtt: { url: mqttUrl, username: "gateway", password },
					batchRecords: 200,
					requestTimeoutMs: 2000,
					idlePollMs: 50,
					retry: { initialDelayMs: 50, maxDelayMs: 500 },
					breaker: { failureThreshold: 5, openMs: 300, maxOpenMs: 1000 },
					// Far longer than the test: only the push can bring the change in time.
					downlink: { intervalMs: 3_600_000, technicianIds: ["TECH1"] },
				};
			},
			join(dir, "data"),
		);
		const gateway = fixture.gateway;
		await waitFor("the first pull after enrollment", () => (gateway.parts.workOrders.task("T2")?.title === "Plan A" ? true : undefined), 20_000);
		await waitFor("the MQTT uplink connected", () => (gateway.uplink.runner?.drain ? true : undefined), 20_000);
		const t2 = await service.request("GET", "/v1/tasks/T2");
		expect((await service.request("PATCH", "/v1/tasks/T2", { body: { title: "Plan B" }, headers: { "if-match": `"${t2.body.version}"` } })).status).toBe(200);
		consumer = await mqtt.connectAsync(broker.url, { protocolVersion: 5, clientId: "cloud-pusher", username: "cloud", password: broker.password });
		// The gateway subscribes once connected; push until the change arrives.
		await waitFor(
			"the pushed plan change",
			async () => {
				if (gateway.parts.workOrders.task("T2")?.title === "Plan B") return true;
				await consumer?.publishAsync("fieldchain/v1/gateways/gw-push-1/downlink", "changed", { qos: 1 });
				await new Promise((resolve) => setTimeout(resolve, 200));
				return undefined;
			},
			15_000,
		);
	}, 60_000);
});
