/**
 * The demo's chain end to end without a browser: the demo day in the reference billing service
 * (SQLite, loopback) and a gateway whose uplink enrolled to it; the technician's part through the
 * gateway API (the browser test drives the same routes), then the billing side approves the time
 * and the milestone and releases it with the README's curl steps, run as written: the invoice
 * exists with lines traceable to the work.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoBilling, startDemoBilling } from "../demo/demo-billing.js";
import { DEMO_DELIVERABLE_ID, DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
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
		// The customer's signature signs off the milestone's deliverable and the task's signature item (the app's sign-off view).
		const signature = {
			technicianId,
			signerName: "Jo Peeters",
			dataBase64: PNG,
			mediaType: "image/png",
			taskId: DEMO_TASK_ID,
			checklistItemId: "customer-signature",
		};
		expect((await g("POST", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/deliverables/${DEMO_DELIVERABLE_ID}/sign-off`, signature)).status).toBe(201);
		expect((await g("POST", `${task}/time-entries/start`, { technicianId })).status).toBe(201);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect((await g("POST", `${task}/time-entries/stop`, { technicianId })).status).toBe(200);
		expect((await g("POST", `${task}/complete`, { technicianId })).status).toBe(200);
		expect((await g("POST", `/api/v1/technicians/${technicianId}/time-entries/submit`, {})).status).toBe(200);
		const local = (await g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`)).body.milestones[0];
		expect(local).toMatchObject({ readyForApproval: true, missing: [], stage: "awaiting-time-approval" });

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

		// The office's part: the README's curl steps, run as written (only the service's address differs).
		const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
		const steps = /```sh\n(B=http:\/\/127\.0\.0\.1:8090;[\s\S]*?)```/.exec(readme)?.[1];
		expect(steps, "the README's office steps").toBeDefined();
		// Asynchronously: the billing service answering the curls runs in this process.
		const { stdout: output } = await promisify(execFile)(
			"bash",
			["-euo", "pipefail", "-c", (steps as string).replace("B=http://127.0.0.1:8090", `B=${billing.url}`)],
			{
				env: { ...process.env, T: billing.adminToken },
				encoding: "utf8",
			},
		);
		expect(output).toContain('"status":"approved"');
		const [invoiceRef] = (await b("GET", `/v1/work-orders/${DEMO_WORK_ORDER_ID}/invoices`)).body.invoices;
		const released = await b("GET", `/v1/invoices/${invoiceRef.id}`);
		expect(output).toContain(`"id":"${invoiceRef.id}"`);
		// The invoice's lines trace back to the gateway's evidence records and the approvals.
		const invoice = released.body;
		const evidenceIds = (await g("GET", `${task}/evidence`)).body.evidence.map((record: { id: string }) => record.id);
		expect(invoice).toMatchObject({ workOrderId: DEMO_WORK_ORDER_ID, milestoneId: "M-1041-1", totalMinor: 48000 });
		expect(invoice.lines.map((line: { source: { kind: string } }) => line.source.kind)).toEqual(["time-entry", "milestone"]);
		// The deliverable's own signature record is traced through the invoice's deliverable, not the task's lines.
		const taskEvidence = (await g("GET", `${task}/evidence`)).body.evidence.filter((record: { deliverableId?: string }) => !record.deliverableId);
		expect(invoice.deliverableIds).toEqual([DEMO_DELIVERABLE_ID]);
		for (const line of invoice.lines) {
			expect(line.evidenceIds.length).toBeGreaterThan(0);
			expect(line.evidenceIds.every((id: string) => evidenceIds.includes(id))).toBe(true);
			expect(taskEvidence.every((record: { id: string }) => line.evidenceIds.includes(record.id))).toBe(true);
			expect(line.approvalIds.length).toBeGreaterThan(0);
		}
	});
});
