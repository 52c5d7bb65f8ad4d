/**
 * The downlink against the real billing service: the gateway enrolls, pulls its work orders and
 * tasks, takes the cloud's plan changes, keeps its own task progress (both versions reported),
 * and after a restart with the cloud down serves the cached plan.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import type { UplinkConfig } from "../gateway/uplink/uplink-config.js";
import { baseSnapshot, items, make } from "../model/testing/builders.js";
import { type GatewayFixture, getJson, startGateway } from "./support/gateway-fixture.js";
import { waitFor } from "./support/wait.js";

let dir: string | undefined;
let service: TestService | undefined;
let fixture: GatewayFixture | undefined;

afterEach(async () => {
	await fixture?.stop();
	await service?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = service = fixture = undefined;
});

describe("downlink of work orders", () => {
	it("pulls the plan, lets the cloud win for plan data and the field for progress, and works offline from its cache", async () => {
		dir = mkdtempSync(join(tmpdir(), "fc-downlink-"));
		service = await startTestService({ validateResponses: false });
		const now = Date.now();
		const snapshot = baseSnapshot({
			workOrders: [make.workOrder({ status: "in-progress", startedAt: now - 3_600_000 })],
			tasks: [
				make.task({ id: "T1", status: "in-progress", startedAt: now - 3_000_000, checklist: [items.insulation({ id: "ir" })] }),
				make.task({ id: "T2", sequence: 2, title: "Plan A", status: "pending" }),
			],
			appointments: [make.appointment()],
		});
		expect((await service.request("POST", "/v1/import", { body: snapshot })).status).toBeLessThan(300);
		const enrollment = await service.request("POST", "/v1/enrollments");
		const uplink: UplinkConfig = {
			url: service.url,
			enrollmentToken: enrollment.body.enrollmentToken,
			transport: "http",
			batchRecords: 5000,
			requestTimeoutMs: 2000,
			idlePollMs: 100,
			retry: { initialDelayMs: 50, maxDelayMs: 500 },
			breaker: { failureThreshold: 5, openMs: 300, maxOpenMs: 1000 },
			downlink: { intervalMs: 60_000, technicianIds: ["TECH1"] },
		};
		const dataDir = join(dir, "data");
		fixture = await startGateway((config) => {
			config.gatewayId = "gw-downlink-1";
			config.uplink = uplink;
		}, dataDir);
		const gateway = fixture.gateway;
		await waitFor("the plan from the cloud", () => (gateway.parts.workOrders.task("T2") ? true : undefined), 20_000);
		expect(gateway.parts.workOrders.task("T2")?.title).toBe("Plan A");
		expect(gateway.parts.workOrders.snapshot.appointments).toHaveLength(1);
		const listed = await getJson<{ workOrders: Array<{ id: string; tasks: unknown[] }> }>(`${fixture.baseUrl}/api/v1/work-orders`);
		expect(listed.body.workOrders.map((order) => [order.id, order.tasks.length])).toEqual([["WO1", 2]]);

		// The field completes T1 while the cloud still has it in progress; the cloud renames T2.
		gateway.parts.taskStates.apply("complete", "T1", { satisfiedItems: new Set(["ir"]), timerRunning: false }, "TECH1", Date.now());
		const t2 = await service.request("GET", "/v1/tasks/T2");
		expect((await service.request("PATCH", "/v1/tasks/T2", { body: { title: "Plan B" }, headers: { "if-match": `"${t2.body.version}"` } })).status).toBe(200);
		await gateway.uplink.downlink?.refresh();
		expect(gateway.parts.workOrders.task("T2")?.title).toBe("Plan B");
		expect(gateway.parts.workOrders.task("T1")?.status).toBe("completed");
		const conflicts = await getJson<{ downlink: Array<{ entity_id: string; field: string; local: unknown; cloud: unknown; resolution: string }> }>(
			`${fixture.baseUrl}/api/v1/uplink/conflicts`,
		);
		expect(conflicts.body.downlink).toEqual(
			expect.arrayContaining([expect.objectContaining({ entity_id: "T1", field: "status", local: "completed", cloud: "in-progress" })]),
		);
		// Seen again on the next refresh, recorded once.
		await gateway.uplink.downlink?.refresh();
		expect(
			(await getJson<{ downlink: unknown[] }>(`${fixture.baseUrl}/api/v1/uplink/conflicts`)).body.downlink.filter(
				(c) => (c as { field: string }).field === "status",
			),
		).toHaveLength(1);

		// Offline restart: the cloud is gone, the cached plan is served at once.
		await fixture.stop();
		fixture = undefined;
		await service.close();
		service = undefined;
		fixture = await startGateway((config) => {
			config.gatewayId = "gw-downlink-1";
			config.uplink = uplink;
		}, dataDir);
		expect(fixture.gateway.parts.workOrders.task("T2")?.title).toBe("Plan B");
		expect(fixture.gateway.parts.workOrders.task("T1")?.status).toBe("completed");
	}, 60_000);
});
