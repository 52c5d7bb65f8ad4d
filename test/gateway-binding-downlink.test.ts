/**
 * The downlink filters on the server: a gateway whose own filter is off (no technicianIds in its
 * downlink config) still pulls only the work orders of the technicians the billing service binds
 * it to, through the real Downlink client against the real service on loopback.
 */
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { migrate } from "../gateway/store/migrations.js";
import { Downlink } from "../gateway/uplink/downlink.js";
import { WorkOrders } from "../gateway/work/work-orders.js";
import { emptySnapshot } from "../model/entities/kinds.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { systemClock } from "../platform/clock.js";
import { silentLogger } from "../platform/logger.js";

let service: TestService | undefined;
let db: Database.Database | undefined;

afterEach(async () => {
	db?.close();
	await service?.close();
	db = service = undefined;
});

describe("downlink of a bound gateway", () => {
	it("receives only its technicians' work orders, tasks and appointments, whatever its own filter", async () => {
		service = await startTestService({ validateResponses: false });
		const snapshot = baseSnapshot({
			workOrders: [make.workOrder({ id: "WO1", rootId: "WO1" }), make.workOrder({ id: "WO2", rootId: "WO2", title: "Another customer's" })],
			tasks: [make.task({ id: "T1", workOrderId: "WO1" }), make.task({ id: "T2", workOrderId: "WO2" })],
			appointments: [
				make.appointment({ id: "AP1", workOrderId: "WO1", technicianId: "TECH1" }),
				make.appointment({ id: "AP2", workOrderId: "WO2", technicianId: "TECH2" }),
			],
		});
		expect((await service.request("POST", "/v1/import", { body: snapshot })).status).toBeLessThan(300);
		const { enrollmentToken } = (await service.request("POST", "/v1/enrollments")).body;
		const enrolled = await service.request("POST", "/v1/gateways/enroll", {
			token: null,
			body: { enrollmentToken, gatewayId: "van-1", publicKey: Buffer.alloc(32, 3).toString("base64"), technicianIds: ["TECH1"] },
		});
		expect(enrolled.status).toBe(201);

		db = new Database(":memory:");
		migrate(db);
		const workOrders = new WorkOrders(emptySnapshot());
		const downlink = new Downlink({
			db,
			url: service.url,
			token: () => enrolled.body.token,
			workOrders,
			technicianIds: [],
			intervalMs: 3_600_000,
			requestTimeoutMs: 5000,
			clock: systemClock,
			logger: silentLogger(),
		});
		await downlink.refresh();
		expect(downlink.stats.lastError).toBeNull();
		expect(workOrders.snapshot.workOrders.map((o) => o.id)).toEqual(["WO1"]);
		expect(workOrders.snapshot.tasks.map((t) => t.id)).toEqual(["T1"]);
		expect(workOrders.snapshot.appointments.map((a) => a.id)).toEqual(["AP1"]);
		await downlink.stop();
	});
});
