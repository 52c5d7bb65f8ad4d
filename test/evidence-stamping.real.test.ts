/**
 * Simulator on a real pty -> gateway with an active task -> readings become evidence on the
 * right checklist items; out-of-range and out-of-calibration are recorded as failures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { baseSnapshot, items, make } from "../model/testing/builders.js";
import { type GatewayFixture, getJson, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

let pty: PtyPair | undefined;
let gateway: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let dir: string | undefined;

afterEach(async () => {
	await simulator?.stop();
	await gateway?.stop();
	await pty?.dispose();
	if (dir) rmSync(dir, { recursive: true, force: true });
	simulator = gateway = pty = dir = undefined;
});

interface EvidenceList {
	evidence: Array<{ checklistItemId: string; kind: string; outcome: string; sealed: boolean; chainSeq: number }>;
}

/** A work order whose task needs a safety acknowledgement, an insulation test >= 1 MOhm and one <= 100 MOhm. */
function writeWorkOrders(): string {
	dir = mkdtempSync(join(tmpdir(), "fc-wo-"));
	const file = join(dir, "work-orders.json");
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 3_600_000 })],
		tasks: [
			make.task({
				status: "in-progress",
				startedAt: Date.now() - 3_000_000,
				checklist: [
					items.safety(),
					items.insulation(),
					items.insulation({
						id: "insulation-low",
						label: "insulation (low range)",
						requirement: { kind: "reading", quantity: "insulation_resistance", unit: "MOhm", min: null, max: 100, calibratedDevice: true },
					}),
				],
			}),
		],
	});
	writeFileSync(file, JSON.stringify(snapshot));
	return file;
}

async function start(calibrationDueAt?: number) {
	const workOrdersFile = writeWorkOrders();
	pty = await createPtyPair();
	const hostEnd = pty.hostEnd;
	gateway = await startGateway((config) => config.serial.targets.push({ path: hostEnd }), undefined, { workOrdersFile, sealEveryMs: 100 });
	const put = await fetch(`${gateway.baseUrl}/api/v1/technicians/TECH1/active-task`, {
		method: "PUT",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ workOrderId: "WO1", taskId: "T1" }),
	});
	expect(put.status).toBe(200);
	simulator = await runSerialSimulator({
		path: pty.deviceEnd,
		deviceId: "megger-1",
		quantity: "insulation_resistance",
		rate: 50,
		count: 20,
		retryMs: 100,
		...(calibrationDueAt ? { calibration: { calibratedAt: calibrationDueAt - 365 * 86_400_000, dueAt: calibrationDueAt } } : {}),
	});
	await simulator.done;
	return gateway;
}

describe("evidence stamping", () => {
	it("stamps readings on the active task: passing on the first item, failing out of range on the second", async () => {
		const { baseUrl } = await start();
		const evidence = await waitFor("sealed evidence", async () => {
			const { body } = await getJson<EvidenceList>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`);
			return body.evidence.length > 0 && body.evidence.every((record) => record.sealed) ? body.evidence : undefined;
		});
		expect(evidence[0]).toMatchObject({ checklistItemId: "insulation", kind: "reading", outcome: "pass" });
		// Simulated insulation is 200-2000 MOhm: above the second item's 100 MOhm maximum.
		expect(evidence.slice(1).every((record) => record.checklistItemId === "insulation-low" && record.outcome === "fail-out-of-range")).toBe(true);
		expect(evidence.map((record) => record.chainSeq)).toEqual(evidence.map((_, index) => index + 1));

		// The safety acknowledgement arrives through the local API; then only the low-range item is open.
		const ack = await fetch(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ kind: "acknowledgement", checklistItemId: "safety", technicianId: "TECH1" }),
		});
		expect(ack.status).toBe(201);
		const { body: task } = await getJson<{ checklistState: Array<{ id: string; satisfied: boolean }> }>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1`);
		expect(task.checklistState).toEqual([
			expect.objectContaining({ id: "safety", satisfied: true }),
			expect.objectContaining({ id: "insulation", satisfied: true }),
			expect.objectContaining({ id: "insulation-low", satisfied: false }),
		]);
	});

	it("records a reading from a device past its calibration due date, flagged and not satisfying", async () => {
		const { baseUrl } = await start(Date.now() - 86_400_000);
		const evidence = await waitFor("evidence", async () => {
			const { body } = await getJson<EvidenceList>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`);
			return body.evidence.length >= 20 ? body.evidence : undefined;
		});
		expect(new Set(evidence.map((record) => record.outcome))).toEqual(new Set(["fail-out-of-calibration"]));
		const { body: task } = await getJson<{ checklistState: Array<{ id: string; satisfied: boolean }> }>(`${baseUrl}/api/v1/work-orders/WO1/tasks/T1`);
		expect(task.checklistState.find((item) => item.id === "insulation")?.satisfied).toBe(false);
	});

	it("keeps readings that match no active task as plain readings", async () => {
		const workOrdersFile = writeWorkOrders();
		pty = await createPtyPair();
		const hostEnd = pty.hostEnd;
		gateway = await startGateway((config) => config.serial.targets.push({ path: hostEnd }), undefined, { workOrdersFile });
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-2", quantity: "insulation_resistance", rate: 100, count: 30, retryMs: 100 });
		await simulator.done;
		expect(gateway.gateway.parts.store.countReadings()).toBe(30);
		expect(gateway.gateway.parts.evidence.stats.unmatched).toBe(30);
		const { body } = await getJson<EvidenceList>(`${gateway.baseUrl}/api/v1/work-orders/WO1/tasks/T1/evidence`);
		expect(body.evidence).toEqual([]);
	});
});
