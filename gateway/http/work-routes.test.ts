import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { baseSnapshot, items, make } from "../../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";

let fixture: GatewayFixture | undefined;
let dir: string | undefined;
afterEach(async () => {
	await fixture?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
	fixture = dir = undefined;
});

async function start() {
	dir = mkdtempSync(join(tmpdir(), "fc-routes-"));
	const workOrdersFile = join(dir, "wo.json");
	const snapshot = baseSnapshot({
		workOrders: [make.workOrder({ status: "in-progress", startedAt: Date.now() - 60_000 })],
		tasks: [make.task({ status: "in-progress", startedAt: Date.now() - 30_000, checklist: [items.safety(), items.photo(), items.insulation()] })],
	});
	writeFileSync(workOrdersFile, JSON.stringify(snapshot));
	fixture = await startGateway(() => {}, undefined, { workOrdersFile });
	return fixture.baseUrl;
}

async function call(method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(url, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : {} };
}

describe("work, evidence and time routes", () => {
	it("lists work orders with their tasks", async () => {
		const base = await start();
		const { body } = await call("GET", `${base}/api/v1/work-orders`);
		expect(body.workOrders).toEqual([expect.objectContaining({ id: "WO1", tasks: [expect.objectContaining({ id: "T1" })] })]);
	});

	it("sets, reads and clears the active task, refusing a task the gateway does not hold", async () => {
		const base = await start();
		expect((await call("GET", `${base}/api/v1/technicians/TECH1/active-task`)).status).toBe(404);
		expect((await call("PUT", `${base}/api/v1/technicians/TECH1/active-task`, { workOrderId: "WO1", taskId: "T9" })).status).toBe(404);
		expect((await call("PUT", `${base}/api/v1/technicians/TECH1/active-task`, { workOrderId: "WO1" })).body.error).toMatchObject({
			message: expect.stringContaining("taskId"),
		});
		const set = await call("PUT", `${base}/api/v1/technicians/TECH1/active-task`, { workOrderId: "WO1", taskId: "T1", deviceIds: ["megger-1"] });
		expect(set.body).toMatchObject({ technicianId: "TECH1", taskId: "T1", deviceIds: ["megger-1"] });
		expect((await call("GET", `${base}/api/v1/technicians/TECH1/active-task`)).body).toMatchObject({ taskId: "T1", deviceIds: ["megger-1"] });
		expect((await call("DELETE", `${base}/api/v1/technicians/TECH1/active-task`)).status).toBe(204);
		expect((await call("GET", `${base}/api/v1/technicians/TECH1/active-task`)).status).toBe(404);
	});

	it("stores photos content-addressed, refuses oversize ones and mismatched kinds", async () => {
		const base = await start();
		const url = `${base}/api/v1/work-orders/WO1/tasks/T1/evidence`;
		const photo = Buffer.from("fake jpeg bytes").toString("base64");
		const created = await call("POST", url, { kind: "photo", checklistItemId: "photo", technicianId: "TECH1", dataBase64: photo, mediaType: "image/jpeg" });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ kind: "photo", checklistItemId: "photo", outcome: "recorded", chainSeq: 1, status: "stored" });
		const sha256 = createHash("sha256").update("fake jpeg bytes").digest("hex");
		expect(fixture!.gateway.parts.attachments.get(sha256)).toMatchObject({ mediaType: "image/jpeg", size: 15 });

		const tooBig = await call("POST", url, {
			kind: "photo",
			checklistItemId: "photo",
			technicianId: "TECH1",
			dataBase64: Buffer.alloc(11 * 1024 * 1024).toString("base64"),
			mediaType: "image/jpeg",
		});
		expect(tooBig.status).toBe(413);
		expect(tooBig.body.error).toMatchObject({ code: "FC_EVIDENCE_TOO_LARGE" });

		const wrongKind = await call("POST", url, { kind: "note", checklistItemId: "photo", technicianId: "TECH1", text: "hi" });
		expect(wrongKind.status).toBe(400);
		expect((wrongKind.body.error as { message: string }).message).toContain("asks for a photo");

		const reading = await call("POST", url, { kind: "reading", checklistItemId: "insulation", technicianId: "TECH1" });
		expect(reading.status).toBe(400);

		const list = await call("GET", url);
		expect(list.body.evidence).toHaveLength(1);
	});

	it("runs one timer per technician", async () => {
		const base = await start();
		const url = `${base}/api/v1/work-orders/WO1/tasks/T1/time-entries`;
		const started = await call("POST", `${url}/start`, { technicianId: "TECH1" });
		expect(started.status).toBe(201);
		expect(started.body).toMatchObject({ kind: "work", endedAt: null });
		expect((await call("POST", `${url}/start`, { technicianId: "TECH1" })).status).toBe(409);
		const stopped = await call("POST", `${url}/stop`, { technicianId: "TECH1" });
		expect(stopped.body.endedAt).toEqual(expect.any(Number));
		expect((await call("POST", `${url}/stop`, { technicianId: "TECH1" })).status).toBe(409);
		expect((await call("GET", url)).body.timeEntries).toHaveLength(1);
	});
});
