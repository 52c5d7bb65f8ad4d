/**
 * The demo's chain end to end without a browser: the demo day in the reference billing service
 * (SQLite, loopback) and a gateway whose uplink enrolled to it; the technician's part through the
 * gateway API (the browser test drives the same routes), then the billing side approves the time
 * and the milestone and releases it: the invoice exists with lines traceable to the work.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoBilling, startDemoBilling } from "../demo/demo-billing.js";
import { DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { parseUplinkConfig } from "../gateway/uplink/uplink-config.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
let dir: string;
let billing: DemoBilling;
let gateway: GatewayFixture;
let pty: PtyPair;
let simulator: SimulatorHandle | undefined;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely here; the services' own tests check their shapes.
async function call(base: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-release-"));
	const snapshot = demoDay(Date.now());
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(snapshot));
	pty = await createPtyPair();
	const hostEnd = pty.hostEnd;
	billing = await startDemoBilling({ dataDir: dir, host: "127.0.0.1", port: 0, snapshot, gatewayEnrolled: false });
	gateway = await startGateway(
		(config) => {
			config.serial.targets.push({ path: hostEnd });
			config.uplink = parseUplinkConfig({
				url: billing.url,
				enrollmentToken: billing.enrollmentToken,
				idlePollMs: 100,
				downlink: { technicianIds: [DEMO_TECHNICIAN_ID] },
				retry: { initialDelayMs: 50, maxDelayMs: 500 },
			});
		},
		join(dir, "gateway"),
		{ workOrdersFile, sealEveryMs: 100 },
	);
});

afterAll(async () => {
	await simulator?.stop();
	await gateway?.stop();
	await pty?.dispose();
	await billing?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe("demo chain: gateway to billing release", () => {
	it("ends with an invoice once the technician's work is receipted and billing approves", async () => {
		const g = (method: string, path: string, body?: unknown) => call(gateway.baseUrl, undefined, method, path, body);
		const b = (method: string, path: string, body?: unknown) => call(billing.url, billing.adminToken, method, path, body);
		const task = `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/${DEMO_TASK_ID}`;
		const technicianId = DEMO_TECHNICIAN_ID;
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-9", quantity: "insulation_resistance", rate: 20, count: 5, retryMs: 100 });
		await simulator.done;

		for (const item of ["isolation", "ppe"])
			expect((await g("POST", `${task}/evidence`, { kind: "acknowledgement", checklistItemId: item, technicianId })).status).toBe(201);
		expect((await g("POST", `${task}/start`, { technicianId })).status).toBe(200);
		// A reading is stamped by hand only on the technician's active task, from a device bound to it.
		const active = { workOrderId: DEMO_WORK_ORDER_ID, taskId: DEMO_TASK_ID, deviceIds: ["megger-9"] };
		expect((await g("PUT", `/api/v1/technicians/${technicianId}/active-task`, active)).status).toBe(200);
		expect((await g("POST", `${task}/readings`, { technicianId, checklistItemId: "insulation-l1", deviceId: "megger-9", seq: 3 })).body.outcome).toBe("pass");
		const signature = {
			kind: "signature",
			checklistItemId: "customer-signature",
			technicianId,
			signerRole: "customer",
			text: "Jo Peeters",
			dataBase64: PNG,
			mediaType: "image/png",
		};
		expect((await g("POST", `${task}/evidence`, signature)).status).toBe(201);
		expect((await g("POST", `${task}/time-entries/start`, { technicianId })).status).toBe(201);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect((await g("POST", `${task}/time-entries/stop`, { technicianId })).status).toBe(200);
		expect((await g("POST", `${task}/complete`, { technicianId })).status).toBe(200);
		expect((await g("POST", `/api/v1/technicians/${technicianId}/time-entries/submit`, {})).status).toBe(200);
		const local = (await g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`)).body.milestones[0];
		expect(local).toMatchObject({ readyForApproval: true, missing: [] });

		// Everything the gateway holds reaches the service and is receipted.
		await waitFor(
			"the uplink to drain",
			async () => {
				const status = (await g("GET", "/api/v1/uplink")).body;
				return status.evidence.chainHead > 0 && status.queueDepth === 0 ? status : undefined;
			},
			20_000,
		);
		// The service agrees with the gateway: only the time's approval is missing.
		const readiness = await waitFor(
			"the service to see the completed task",
			async () => {
				const answer = (await b("GET", "/v1/milestones/M-1041-1/readiness")).body;
				return answer.missing.every((reason: { code: string }) => reason.code === "time-not-approved") ? answer : undefined;
			},
			20_000,
		);
		expect(readiness.missing).toHaveLength(1);

		const [entry] = (await b("GET", `/v1/work-orders/${DEMO_WORK_ORDER_ID}/time-entries`)).body.timeEntries;
		const approvedTime = await b("POST", `/v1/time-entries/${entry.id}/approve`, { reason: "checked against the visit" });
		expect(approvedTime.status, JSON.stringify(approvedTime.body)).toBe(200);
		const approved = await b("POST", "/v1/milestones/M-1041-1/approve", { reason: "evidence complete" });
		expect(approved.status, JSON.stringify(approved.body)).toBe(200);
		const released = await b("POST", "/v1/milestones/M-1041-1/release", {});
		expect(released.status, JSON.stringify(released.body)).toBe(201);
		// The invoice's lines trace back to the gateway's evidence records and the approvals.
		const invoice = released.body;
		const evidenceIds = (await g("GET", `${task}/evidence`)).body.evidence.map((record: { id: string }) => record.id);
		expect(invoice).toMatchObject({ workOrderId: DEMO_WORK_ORDER_ID, milestoneId: "M-1041-1", totalMinor: 48000 });
		expect(invoice.lines.map((line: { source: { kind: string } }) => line.source.kind)).toEqual(["time-entry", "milestone"]);
		for (const line of invoice.lines) {
			expect([...line.evidenceIds].sort()).toEqual([...evidenceIds].sort());
			expect(line.approvalIds.length).toBeGreaterThan(0);
		}
	});
});
