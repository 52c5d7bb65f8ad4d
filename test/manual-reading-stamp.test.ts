/**
 * Stamping a stored reading by hand (POST .../tasks/{task}/readings) through a real gateway over
 * loopback HTTP, with a device on an in-memory link: a reading becomes evidence at most once
 * (also when the ingest stamped it, and after a restart); with an active task only on that task
 * from a device bound to it; without one only on a task in progress, from its start on.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { baseSnapshot, items, make } from "../model/testing/builders.js";
import { createMemoryLinkPair, type MemoryLink } from "../protocol/transport/memory-link.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { waitFor } from "./support/wait.js";

let dir: string | undefined;
let gateway: GatewayFixture | undefined;
let devices: MemoryLink[] = [];

afterEach(async () => {
	for (const device of devices) await device.close();
	await gateway?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
	gateway = dir = undefined;
	devices = [];
});

function workOrdersFile(): string {
	dir = mkdtempSync(join(tmpdir(), "fc-stamp-once-"));
	const file = join(dir, "work-orders.json");
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
		tasks: [
			make.task({ status: "in-progress", startedAt: Date.now() - 3_000_000, checklist: [items.insulation()] }),
			make.task({ id: "T2", status: "in-progress", startedAt: Date.now() - 3_000_000, checklist: [items.insulation()] }),
			make.task({ id: "T3", status: "pending", startedAt: null, checklist: [items.insulation()] }),
			// Started after the readings of these tests arrive.
			make.task({ id: "T4", status: "in-progress", startedAt: Date.now() + 3_600_000, checklist: [items.insulation()] }),
		],
	});
	writeFileSync(file, JSON.stringify(snapshot));
	return file;
}

async function start(): Promise<GatewayFixture> {
	const file = workOrdersFile();
	gateway = await startGateway(() => {}, join(dir!, "gateway"), { workOrdersFile: file, sealEveryMs: 100 });
	return gateway;
}

/** A calibrated insulation tester on an in-memory link that sends `count` readings of 500 MOhm. */
async function device(fixture: GatewayFixture, deviceId: string, count: number): Promise<void> {
	const [deviceEnd, hostEnd] = createMemoryLinkPair([deviceId, `memory:${deviceId}`]);
	devices.push(deviceEnd);
	let ackedUpTo = -1;
	deviceEnd.on("envelope", (envelope) => {
		if (envelope.body === "ack") ackedUpTo = envelope.ack?.upToSeq ?? 0;
	});
	fixture.gateway.addLink(hostEnd);
	const now = Date.now();
	const calibration = { certificateId: "CAL-1", calibratedAt: now - 86_400_000, dueAt: now + 365 * 86_400_000, laboratory: "lab" };
	const bootId = Buffer.alloc(16, deviceId.length);
	await deviceEnd.send({ seq: 1, hello: { deviceId, model: "MIT", protocolMajor: 1, bootId, calibration } });
	await waitFor("the hello's ack", async () => (ackedUpTo >= 0 ? true : undefined), 5000);
	for (let seq = 1; seq <= count; seq++) {
		await deviceEnd.send({ seq: seq + 1, reading: { seq, deviceTimeUs: seq * 1000, quantity: "insulation_resistance", value: 500, unit: "MOhm" } });
	}
	await waitFor("the readings' ack", async () => (ackedUpTo === count ? true : undefined), 5000);
}

async function call(fixture: GatewayFixture, method: string, path: string, body: unknown): Promise<{ status: number; body: { error?: { code: string } } }> {
	const response = await fetch(`${fixture.baseUrl}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const activate = (fixture: GatewayFixture, technicianId: string, taskId: string, deviceIds?: string[]) =>
	call(fixture, "PUT", `/api/v1/technicians/${technicianId}/active-task`, { workOrderId: "WO1", taskId, ...(deviceIds ? { deviceIds } : {}) });

const stamp = (fixture: GatewayFixture, technicianId: string, deviceId: string, seq: number, taskId = "T1") =>
	call(fixture, "POST", `/api/v1/work-orders/WO1/tasks/${taskId}/readings`, { technicianId, checklistItemId: "insulation", deviceId, seq });

describe("stamping a stored reading by hand", () => {
	it("stamps a reading once: the second time is 409 FC_EVIDENCE_DUPLICATE, also after a restart", async () => {
		let fixture = await start();
		await device(fixture, "megger-1", 3);
		expect((await activate(fixture, "TECH1", "T1", ["megger-1"])).status).toBe(200);
		expect((await stamp(fixture, "TECH1", "megger-1", 2)).status).toBe(201);
		const again = await stamp(fixture, "TECH1", "megger-1", 2);
		expect(again.status).toBe(409);
		expect(again.body.error?.code).toBe("FC_EVIDENCE_DUPLICATE");
		// Two requests racing for one reading: exactly one wins.
		const raced = await Promise.all([stamp(fixture, "TECH1", "megger-1", 3), stamp(fixture, "TECH1", "megger-1", 3)]);
		expect(raced.map((answer) => answer.status).sort()).toEqual([201, 409]);

		await fixture.stop();
		gateway = fixture = await startGateway(() => {}, join(dir!, "gateway"), { workOrdersFile: join(dir!, "work-orders.json") });
		expect((await stamp(fixture, "TECH1", "megger-1", 2)).body.error?.code).toBe("FC_EVIDENCE_DUPLICATE");
		expect((await stamp(fixture, "TECH1", "megger-1", 1)).status).toBe(201);
	});

	it("refuses a reading the ingest already stamped on the active task", async () => {
		const fixture = await start();
		expect((await activate(fixture, "TECH1", "T1", ["megger-1"])).status).toBe(200);
		await device(fixture, "megger-1", 2);
		const first = await stamp(fixture, "TECH1", "megger-1", 1);
		expect(first.status).toBe(409);
		expect(first.body.error?.code).toBe("FC_EVIDENCE_DUPLICATE");
	});

	it("stamps only on the technician's active task, from a device bound to it; without one, on a task in progress", async () => {
		const fixture = await start();
		await device(fixture, "megger-1", 4);
		await device(fixture, "megger-2", 4);
		// No active task (auto-stamp off): not on a task that has not started...
		expect((await stamp(fixture, "TECH1", "megger-1", 1, "T3")).body.error?.code).toBe("FC_EVIDENCE_TASK_NOT_ACTIVE");
		// ...nor a reading received before the task started.
		expect((await stamp(fixture, "TECH1", "megger-1", 1, "T4")).body.error?.code).toBe("FC_EVIDENCE_DEVICE_NOT_BOUND");
		// With an active task, another task than the active one.
		expect((await activate(fixture, "TECH1", "T2", ["megger-1"])).status).toBe(200);
		expect((await stamp(fixture, "TECH1", "megger-1", 1)).body.error?.code).toBe("FC_EVIDENCE_TASK_NOT_ACTIVE");
		// The active task, a device it does not name.
		expect((await activate(fixture, "TECH1", "T1", ["megger-1"])).status).toBe(200);
		const other = await stamp(fixture, "TECH1", "megger-2", 1);
		expect(other.status).toBe(409);
		expect(other.body.error?.code).toBe("FC_EVIDENCE_DEVICE_NOT_BOUND");
		// A device another technician's active task holds.
		expect((await activate(fixture, "TECH2", "T2", ["megger-1"])).status).toBe(200);
		expect((await stamp(fixture, "TECH1", "megger-1", 1)).body.error?.code).toBe("FC_EVIDENCE_DEVICE_NOT_BOUND");
		expect((await call(fixture, "DELETE", "/api/v1/technicians/TECH2/active-task", {})).status).toBe(204);
		expect((await stamp(fixture, "TECH1", "megger-1", 1)).status).toBe(201);
		// Auto-stamp off again: any reading taken during a task in progress, as the technician app stamps.
		expect((await call(fixture, "DELETE", "/api/v1/technicians/TECH1/active-task", {})).status).toBe(204);
		expect((await stamp(fixture, "TECH1", "megger-2", 1)).status).toBe(201);
	});

	it("with deviceIds omitted, stamps only readings received while it is the one active task", async () => {
		const fixture = await start();
		await device(fixture, "megger-1", 2);
		expect((await activate(fixture, "TECH1", "T1")).status).toBe(200);
		// Received before the task became active: any device's old readings are out of reach.
		expect((await stamp(fixture, "TECH1", "megger-1", 1)).body.error?.code).toBe("FC_EVIDENCE_DEVICE_NOT_BOUND");
		// Received while it is the one active task: the ingest stamped the first that matched...
		await device(fixture, "megger-3", 2);
		expect((await stamp(fixture, "TECH1", "megger-3", 1)).body.error?.code).toBe("FC_EVIDENCE_DUPLICATE");
		// ...and the item, satisfied, left the second a plain reading, which may be stamped by hand.
		expect((await stamp(fixture, "TECH1", "megger-3", 2)).status).toBe(201);
		// With a second technician active, an unnamed device is nobody's.
		await device(fixture, "megger-4", 1);
		expect((await activate(fixture, "TECH2", "T2", ["megger-9"])).status).toBe(200);
		expect((await stamp(fixture, "TECH1", "megger-4", 1)).body.error?.code).toBe("FC_EVIDENCE_DEVICE_NOT_BOUND");
	});
});
