/**
 * A dispatcher's move reaches the technician's gateway by itself: the real billing service (over
 * SQLite on loopback) with its MQTT downlink push, a real Mosquitto, and a real gateway bound to
 * TECH1 whose periodic pull is an hour away — only the push can bring the change in time. The
 * gateway ends with the moved visit, its previous window and why it moved (what the app shows).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { mqttPushPublisher } from "../cloud-bridge/billing/downlink-push.js";
import { publisherDownlinkPush } from "../cloud-bridge/billing/schedule/downlink-push.js";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { type MosquittoBroker, startMosquitto } from "./support/mosquitto.js";
import { waitFor } from "./support/wait.js";

let dir: string | undefined;
let broker: MosquittoBroker | undefined;
let fixture: GatewayFixture | undefined;
let service: TestService | undefined;
let push: ReturnType<typeof mqttPushPublisher> | undefined;

afterEach(async () => {
	await fixture?.stop();
	await service?.close();
	await push?.close();
	await broker?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = broker = fixture = service = push = undefined;
});

const H = 3_600_000;

describe("schedule changes pushed to the gateway", () => {
	it("a manual move and the dependent visit it pushes arrive at the technician's gateway with the reason", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-schedule-push-"));
		broker = await startMosquitto(join(dir, "broker"));
		// The publisher `cloud serve --downlink-mqtt-url` uses.
		const url = new URL(broker.url);
		push = mqttPushPublisher(`mqtt://${encodeURIComponent(broker.username)}:${encodeURIComponent(broker.password)}@${url.host}`);
		service = await startTestService({ validateResponses: true, downlinkPush: publisherDownlinkPush(push.publish) });
		const day = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
		const snapshot = baseSnapshot({
			workOrders: [
				make.workOrder({ id: "WO1", rootId: "WO1" }),
				make.workOrder({ id: "WO2", rootId: "WO2", dependencies: [{ predecessorId: "WO1", kind: "finish-to-start", lagMs: 0 }] }),
			],
			tasks: [make.task({ id: "T1", workOrderId: "WO1" }), make.task({ id: "T2", workOrderId: "WO2" })],
			appointments: [
				make.appointment({ id: "AP1", workOrderId: "WO1", technicianId: "TECH2", window: { start: day + 8 * H, end: day + 9 * H } }),
				// TECH1's visit after it: the gateway serves TECH1.
				make.appointment({ id: "AP2", workOrderId: "WO2", technicianId: "TECH1", window: { start: day + 10 * H, end: day + 11 * H } }),
			],
		});
		expect((await service.request("POST", "/v1/import", { body: snapshot })).status).toBeLessThan(300);
		const enrollment = await service.request("POST", "/v1/enrollments");
		const billingUrl = service.url;
		const mqttUrl = broker.url;
		const password = broker.password;
		fixture = await startGateway(
			(config) => {
				config.http = false;
				config.gatewayId = "gw-sched-1";
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
		const visit = () => gateway.parts.workOrders.snapshot.appointments.find((a) => a.id === "AP2");
		await waitFor("the first pull after enrollment", () => (visit() ? true : undefined), 20_000);
		await waitFor("the MQTT uplink connected", () => (gateway.uplink.runner?.drain ? true : undefined), 20_000);
		// The predecessor (TECH2's) runs two hours late; TECH1's visit after it must follow. The gateway
		// subscribes once connected: move again (a little later each time) until a push lands.
		let hours = 2;
		await waitFor(
			"the pushed schedule change",
			async () => {
				if (visit()?.lastMove) return true;
				const moved = await service!.request("POST", "/v1/appointments/AP1/reschedule", {
					body: { window: { start: day + (8 + hours) * H, end: day + (9 + hours) * H }, reason: "van broke down" },
				});
				expect(moved.status, JSON.stringify(moved.body)).toBe(200);
				expect(moved.body.pushedGateways).toEqual(["gw-sched-1"]);
				hours += 0.25;
				await new Promise((resolve) => setTimeout(resolve, 1000));
				return undefined;
			},
			20_000,
		);
		const arrived = visit()!;
		expect(arrived.window.start).toBeGreaterThanOrEqual(day + 11 * H);
		expect(arrived.lastMove).toMatchObject({ previousWindow: { start: expect.any(Number) }, cause: "dependency", reason: "predecessor WO1 moved" });
		const rescheduled = service.events.events.filter((e) => e.type === "appointment.rescheduled").map((e) => (e.data.appointment as { id: string }).id);
		expect(rescheduled.filter((id) => id === "AP2").length).toBe(rescheduled.filter((id) => id === "AP1").length);
	}, 60_000);
});
