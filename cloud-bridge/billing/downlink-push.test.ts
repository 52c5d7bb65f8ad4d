/**
 * The office tells gateways: every event about a work order is pushed to the downlink topic of
 * each unrevoked gateway bound to it, and to no other; the wrapped sink sees every event first;
 * a broker that fails loses no event.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryEventSink } from "../events/billing-events.js";
import { DownlinkPushSink } from "./downlink-push.js";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario, WO } from "./testing/scenario.js";

let service: TestService;

beforeEach(async () => {
	service = await startTestService();
});

afterEach(async () => {
	await service.close();
});

describe("downlink push", () => {
	it("pushes each event about a work order to the gateways bound to it, and only them", async () => {
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		await scenario.enroll();
		// A second gateway bound to nobody, and a third bound but revoked.
		const { enrollmentToken } = expectOk(await service.request("POST", "/v1/enrollments"), 201);
		const key = Buffer.alloc(32, 7).toString("base64");
		expectOk(
			await service.request("POST", "/v1/gateways/enroll", {
				token: null,
				body: { enrollmentToken, gatewayId: "gw-other", publicKey: key, technicianIds: [] },
			}),
			201,
		);
		expectOk(await service.request("POST", "/v1/appointments/AP1/status", { body: { status: "dispatched" } }));

		const pushed: Array<[string, unknown]> = [];
		const inner = new MemoryEventSink();
		const warnings: unknown[] = [];
		const sink = new DownlinkPushSink(inner, service.storage, async (topic, payload) => void pushed.push([topic, JSON.parse(payload)]), {
			warn: (entry: unknown) => void warnings.push(entry),
		} as never);
		for (const event of service.events.events) await sink.publish(event);
		await sink.idle();
		expect(inner.events).toEqual(service.events.events);
		expect(pushed.length).toBeGreaterThan(0);
		expect(new Set(pushed.map(([topic]) => topic))).toEqual(new Set(["fieldchain/v1/gateways/gw-1/downlink"]));
		expect(pushed).toContainEqual(["fieldchain/v1/gateways/gw-1/downlink", expect.objectContaining({ type: "appointment.dispatched", workOrderId: WO })]);

		// Revoked: told nothing more. A failing broker: logged, the event itself kept.
		expectOk(await service.request("POST", "/v1/gateways/gw-1/revoke"));
		pushed.length = 0;
		await sink.publish(service.events.events[service.events.events.length - 1]);
		await sink.idle();
		expect(pushed).toEqual([]);
		const failing = new DownlinkPushSink(
			inner,
			service.storage,
			async () => {
				throw new Error("broker down");
			},
			{ warn: (entry: unknown) => void warnings.push(entry) } as never,
		);
		expectOk(await service.request("PATCH", "/v1/gateways/gw-other", { body: { technicianIds: ["TECH1"] } }));
		const before = inner.events.length;
		await failing.publish(service.events.events[0]);
		await failing.idle();
		expect(inner.events.length).toBe(before + 1);
		expect(warnings).toHaveLength(1);
	});
});
