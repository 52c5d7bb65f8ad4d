/**
 * The office's decisions pushed down over MQTT (issue 16): the billing service publishes "the
 * office decided" on a real Mosquitto (cloud-bridge/billing/downlink-push.ts) to the downlink
 * topic of each gateway bound to the work order; the gateway, whose MQTT uplink subscribes to it,
 * pulls the decision at once, although its periodic pull is an hour away.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { DownlinkPushSink, mqttPushPublisher } from "../cloud-bridge/billing/downlink-push.js";
import { createBillingService } from "../cloud-bridge/billing/service.js";
import { type BillingStorage, openBillingStorage } from "../cloud-bridge/billing/storage.js";
import { MemoryEventSink } from "../cloud-bridge/events/billing-events.js";
import { demoAdminToken } from "../demo/demo-admin-token.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { type MosquittoBroker, startMosquitto } from "./support/mosquitto.js";
import { waitFor } from "./support/wait.js";

let dir: string | undefined;
let broker: MosquittoBroker | undefined;
let fixture: GatewayFixture | undefined;
let app: FastifyInstance | undefined;
let storage: BillingStorage | undefined;
let publisher: ReturnType<typeof mqttPushPublisher> | undefined;

afterEach(async () => {
	await fixture?.stop();
	await app?.close();
	await publisher?.close();
	await storage?.close();
	await broker?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = broker = fixture = app = storage = publisher = undefined;
});

describe("downlink push over MQTT", () => {
	it("a rejection in the office reaches the gateway through the push, not the hourly pull", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-office-push-"));
		broker = await startMosquitto(join(dir, "broker"));
		storage = await openBillingStorage({ db: join(dir, "billing.sqlite") });
		const url = new URL(broker.url);
		publisher = mqttPushPublisher(`mqtt://cloud:${broker.password}@${url.host}`);
		app = createBillingService({ storage, events: new DownlinkPushSink(new MemoryEventSink(), storage, publisher.publish, { warn: () => {} } as never) });
		await app.listen({ host: "127.0.0.1", port: 0 });
		const address = app.server.address();
		const billingUrl = `http://127.0.0.1:${address && typeof address === "object" ? address.port : 0}`;
		const token = await demoAdminToken(storage.store, dir);
		const b = async (method: string, path: string, body?: unknown) => {
			const response = await fetch(`${billingUrl}${path}`, {
				method,
				headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			// biome-ignore lint/suspicious/noExplicitAny: read loosely; the service's own tests check shapes.
			return { status: response.status, body: (await response.json()) as any };
		};
		const now = Date.now();
		const snapshot = baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress", startedAt: now - 3_600_000 })],
			tasks: [make.task({ id: "T2", title: "Plan A", status: "in-progress", startedAt: now - 3_600_000 })],
			appointments: [make.appointment()],
		});
		expect((await b("POST", "/v1/import", snapshot)).status).toBeLessThan(300);
		const enrollment = (await b("POST", "/v1/enrollments")).body.enrollmentToken as string;
		const password = broker.password;
		fixture = await startGateway(
			(config) => {
				config.http = false;
				config.gatewayId = "gw-office-push";
				config.uplink = {
					url: billingUrl,
					enrollmentToken: enrollment,
					transport: "mqtt",
					mqtt: { url: broker?.url as string, username: "gateway", password },
					batchRecords: 200,
					requestTimeoutMs: 2000,
					idlePollMs: 50,
					retry: { initialDelayMs: 50, maxDelayMs: 500 },
					breaker: { failureThreshold: 5, openMs: 300, maxOpenMs: 1000 },
					// Far longer than the test: only the push can bring the decision in time.
					downlink: { intervalMs: 3_600_000, technicianIds: ["TECH1"] },
				};
			},
			join(dir, "data"),
		);
		const gateway = fixture.gateway;
		await waitFor("the first pull after enrollment", () => (gateway.parts.workOrders.task("T2") ? true : undefined), 20_000);
		await waitFor("the MQTT uplink connected", () => (gateway.uplink.runner?.drain ? true : undefined), 20_000);
		const refreshes = gateway.uplink.downlink?.stats.refreshes ?? 0;

		// The office records TECH1's time and rejects it with a reason.
		const recorded = await b("POST", "/v1/time-entries", { taskId: "T2", technicianId: "TECH1", kind: "work", billable: true, start: now - 60_000, end: now });
		expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
		// The gateway subscribes once connected: reject once the push can land, and wait for it.
		expect((await b("POST", `/v1/time-entries/${recorded.body.id}/reject`, { reason: "not on this visit" })).status).toBe(200);
		const rejection = await waitFor(
			"the pushed rejection",
			() => gateway.parts.workOrders.snapshot.approvals.find((approval) => approval.subjectId === recorded.body.id),
			15_000,
		);
		expect(rejection).toMatchObject({ decision: "rejected", reason: "not on this visit" });
		expect(gateway.uplink.downlink?.stats.refreshes).toBeGreaterThan(refreshes);
	}, 60_000);
});
