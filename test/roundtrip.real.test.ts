/**
 * One truth between the field and the office (issue 16), end to end with the real parts: the
 * reference billing service (SQLite, HTTP over loopback) loaded with the demo day, and a gateway
 * whose uplink enrolled to it, its diagnostic tool on a pseudo-terminal. The technician works the
 * day through the gateway's local API (the routes the app calls); the office decides through the
 * billing API; the field view must show what the office decided:
 *
 * - a stopped timer is a draft in billing under the gateway's id; only Submit submits it;
 * - the office approves one entry and rejects another with a reason; the gateway shows both; the
 *   rejected one is corrected, resubmitted and approved;
 * - the customer's signature signs the deliverable off in both places;
 * - the milestone is approved and released; the gateway shows it invoiced with the invoice number;
 * - the second and third visits go dispatched → en route → on site → completed, their work orders
 *   following, and billing fires appointment.* events.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BillingEvent, MemoryEventSink } from "../cloud-bridge/events/billing-events.js";
import { type DemoBilling, startDemoBilling } from "../demo/demo-billing.js";
import { DEMO_DELIVERABLE_ID, DEMO_MILESTONE_ID, DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { parseUplinkConfig } from "../gateway/uplink/uplink-config.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";
import { waitFor } from "./support/wait.js";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const tech = DEMO_TECHNICIAN_ID;
let dir: string;
let billing: DemoBilling;
let gateway: GatewayFixture;
let pty: PtyPair;
let simulator: SimulatorHandle | undefined;
const events = new MemoryEventSink();

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely here; the services' own tests check their shapes.
type Answer = { status: number; body: any };

async function call(base: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<Answer> {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const g = (method: string, path: string, body?: unknown) => call(gateway.baseUrl, undefined, method, path, body);
const b = (method: string, path: string, body?: unknown) => call(billing.url, billing.adminToken, method, path, body);

async function ok(answer: Promise<Answer>, status = 200): Promise<Answer> {
	const result = await answer;
	expect(result.status, JSON.stringify(result.body)).toBe(status);
	return result;
}

// biome-ignore lint/suspicious/noExplicitAny: see Answer.
async function gatewayEntry(id: string): Promise<any> {
	return (await g("GET", `/api/v1/technicians/${tech}/time-entries?from=0`)).body.timeEntries.find((entry: { id: string }) => entry.id === id);
}

async function timeEntry(taskPath: string): Promise<string> {
	const started = await ok(g("POST", `${taskPath}/time-entries/start`, { technicianId: tech }), 201);
	await new Promise((resolve) => setTimeout(resolve, 20));
	await ok(g("POST", `${taskPath}/time-entries/stop`, { technicianId: tech }));
	return started.body.id;
}

async function drained(): Promise<void> {
	await waitFor(
		"the uplink to drain",
		async () => {
			const status = (await g("GET", "/api/v1/uplink")).body;
			return status.queueDepth === 0 ? status : undefined;
		},
		20_000,
	);
}

async function moveVisit(appointmentId: string, statuses: string[]): Promise<Answer> {
	let last: Answer | undefined;
	for (const status of statuses) last = await ok(g("POST", `/api/v1/appointments/${appointmentId}/status`, { technicianId: tech, status }));
	return last as Answer;
}

async function workTask(workOrderId: string, taskId: string, items: { ack: string[]; photo?: string }): Promise<void> {
	const path = `/api/v1/work-orders/${workOrderId}/tasks/${taskId}`;
	for (const item of items.ack) await ok(g("POST", `${path}/evidence`, { kind: "acknowledgement", checklistItemId: item, technicianId: tech }), 201);
	await ok(g("POST", `${path}/start`, { technicianId: tech }));
	if (items.photo)
		await ok(g("POST", `${path}/evidence`, { kind: "photo", checklistItemId: items.photo, technicianId: tech, dataBase64: PNG, mediaType: "image/png" }), 201);
	const signature = { kind: "signature", checklistItemId: "customer-signature", technicianId: tech, signerRole: "customer", text: "Jo Peeters" };
	await ok(g("POST", `${path}/evidence`, { ...signature, dataBase64: PNG, mediaType: "image/png" }), 201);
	await ok(g("POST", `${path}/complete`, { technicianId: tech }));
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-roundtrip-"));
	const snapshot = demoDay(Date.now());
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(snapshot));
	pty = await createPtyPair();
	const hostEnd = pty.hostEnd;
	billing = await startDemoBilling({ dataDir: dir, host: "127.0.0.1", port: 0, snapshot, gatewayEnrolled: false, events });
	gateway = await startGateway(
		(config) => {
			config.serial.targets.push({ path: hostEnd });
			config.uplink = parseUplinkConfig({
				url: billing.url,
				enrollmentToken: billing.enrollmentToken,
				idlePollMs: 100,
				downlink: { technicianIds: [tech], intervalMs: 1000 },
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

describe("field ⇄ office round trip", () => {
	it("time, sign-off, decisions, release and the day's visits agree on both sides", async () => {
		const task = `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/${DEMO_TASK_ID}`;
		simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-9", quantity: "insulation_resistance", rate: 20, count: 5, retryMs: 100 });
		await simulator.done;

		// Visit 1 (on site already): the insulation test.
		for (const item of ["isolation", "ppe"])
			await ok(g("POST", `${task}/evidence`, { kind: "acknowledgement", checklistItemId: item, technicianId: tech }), 201);
		await ok(g("POST", `${task}/start`, { technicianId: tech }));
		await ok(g("PUT", `/api/v1/technicians/${tech}/active-task`, { workOrderId: DEMO_WORK_ORDER_ID, taskId: DEMO_TASK_ID, deviceIds: ["megger-9"] }));
		expect(
			(await ok(g("POST", `${task}/readings`, { technicianId: tech, checklistItemId: "insulation-l1", deviceId: "megger-9", seq: 3 }), 201)).body.outcome,
		).toBe("pass");

		// The customer's signature signs the deliverable off (and satisfies the task's signature item).
		const deliverables = (await ok(g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/deliverables`))).body.deliverables;
		expect(deliverables).toMatchObject([{ id: DEMO_DELIVERABLE_ID, status: "pending", milestoneIds: [DEMO_MILESTONE_ID] }]);
		const sign = {
			technicianId: tech,
			signerName: "Jo Peeters",
			dataBase64: PNG,
			mediaType: "image/png",
			taskId: DEMO_TASK_ID,
			checklistItemId: "customer-signature",
		};
		const signed = (await ok(g("POST", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/deliverables/${DEMO_DELIVERABLE_ID}/sign-off`, sign), 201)).body;
		expect(signed.deliverable).toMatchObject({ status: "signed-off", signerName: "Jo Peeters", signatureEvidenceId: signed.evidence.id });
		// A second signature on a signed-off deliverable is refused, not recorded.
		expect((await g("POST", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/deliverables/${DEMO_DELIVERABLE_ID}/sign-off`, sign)).status).toBe(409);

		// Two timers; both are drafts, here and in billing, under the same ids.
		const first = await timeEntry(task);
		const second = await timeEntry(task);
		await ok(g("POST", `${task}/complete`, { technicianId: tech }));
		let milestone = (await ok(g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`))).body.milestones[0];
		expect(milestone.stage).toBe("in-progress");
		expect(milestone.missing.map((r: { code: string }) => r.code)).toEqual(["time-not-submitted", "time-not-submitted"]);
		expect(milestone.missing[0].humanMessage).toEqual(expect.any(String));
		await drained();
		const cloudDrafts = (await ok(b("GET", `/v1/work-orders/${DEMO_WORK_ORDER_ID}/time-entries`))).body.timeEntries;
		expect(cloudDrafts.map((entry: { id: string; status: string }) => [entry.id, entry.status]).sort()).toEqual(
			[
				[first, "draft"],
				[second, "draft"],
			].sort(),
		);
		// The office cannot approve time the technician never submitted.
		expect((await b("POST", `/v1/time-entries/${first}/approve`, { reason: "too early" })).status).toBe(409);

		// Only the technician's Submit submits.
		const submitted = (await ok(g("POST", `/api/v1/technicians/${tech}/time-entries/submit`, {}))).body.submitted;
		expect(submitted.map((entry: { status: string }) => entry.status)).toEqual(["submitted", "submitted"]);
		milestone = (await ok(g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`))).body.milestones[0];
		expect(milestone).toMatchObject({ stage: "awaiting-time-approval", readyForApproval: true, missing: [] });
		await drained();
		const readiness = await waitFor(
			"billing to see the task, the sign-off and the submitted time",
			async () => {
				const answer = (await b("GET", `/v1/milestones/${DEMO_MILESTONE_ID}/readiness`)).body;
				return answer.missing.length === 2 && answer.missing.every((reason: { code: string }) => reason.code === "time-not-approved") ? answer : undefined;
			},
			20_000,
		);
		expect(readiness.missing.map((r: { message: string }) => r.message).join()).toContain("submitted");
		const deliverable = (await ok(b("GET", `/v1/work-orders/${DEMO_WORK_ORDER_ID}/deliverables`))).body.deliverables[0];
		expect(deliverable).toMatchObject({ id: DEMO_DELIVERABLE_ID, status: "signed-off", signatureEvidenceId: signed.evidence.id, signedOffBy: "Jo Peeters" });

		// The office approves one entry and rejects the other with a reason; the field view shows both.
		await ok(b("POST", `/v1/time-entries/${first}/approve`, { reason: "checked against the visit" }));
		await ok(b("POST", `/v1/time-entries/${second}/reject`, { reason: "booked twice: merge it with the first" }));
		const decided = await waitFor(
			"the gateway to show the office's decisions",
			async () => {
				const [a, r] = [await gatewayEntry(first), await gatewayEntry(second)];
				return a?.status === "approved" && r?.status === "rejected" ? { a, r } : undefined;
			},
			20_000,
		);
		expect(decided.a).toMatchObject({ status: "approved", rejectionReason: null, decidedBy: expect.any(String), synced: true });
		expect(decided.r).toMatchObject({ status: "rejected", rejectionReason: "booked twice: merge it with the first" });
		milestone = (await ok(g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`))).body.milestones[0];
		expect(milestone.stage).toBe("in-progress");
		expect(milestone.missing.map((r: { code: string }) => r.code)).toEqual(["time-rejected"]);

		// Corrected and resubmitted; an approved entry cannot be; the office approves the correction.
		expect((await g("POST", `/api/v1/technicians/${tech}/time-entries/${first}/resubmit`, {})).status).toBe(409);
		expect((await g("POST", `/api/v1/technicians/${tech}/time-entries/${second}/resubmit`, { startedAt: 10, endedAt: 5 })).status).toBe(400);
		const correctedEnd = decided.r.startedAt + 8_000;
		const resubmitted = (await ok(g("POST", `/api/v1/technicians/${tech}/time-entries/${second}/resubmit`, { endedAt: correctedEnd }))).body;
		expect(resubmitted).toMatchObject({ status: "submitted", endedAt: correctedEnd });
		await drained();
		await waitFor(
			"billing to hold the resubmission",
			async () => ((await b("GET", `/v1/time-entries/${second}`)).body.status === "submitted" ? true : undefined),
			20_000,
		);
		expect((await b("GET", `/v1/time-entries/${second}`)).body.end).toBe(correctedEnd);
		await ok(b("POST", `/v1/time-entries/${second}/approve`, { reason: "merged" }));
		await waitFor("the gateway to show the second approval", async () => ((await gatewayEntry(second))?.status === "approved" ? true : undefined), 20_000);

		// The README's office steps: approve the milestone, release it; the field shows the invoice.
		await ok(b("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/approve`, { reason: "evidence complete" }));
		const invoice = (await ok(b("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/release`, {}), 201)).body;
		const invoiced = await waitFor(
			"the gateway to show the invoice",
			async () => {
				const found = (await g("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`)).body.milestones[0];
				return found.stage === "invoiced" ? found : undefined;
			},
			20_000,
		);
		expect(invoiced.invoice).toMatchObject({ id: invoice.id, number: invoice.id, totalMinor: 48000, currency: "EUR" });
		// Billed time is rounded per entry (6-minute steps): an 8-second entry bills 0.0 h and nothing.
		for (const line of invoice.lines.filter((l: { source: { kind: string } }) => l.source.kind === "time-entry")) {
			expect(line.amountMinor).toBe(Math.round(line.quantity * line.unitPriceMinor));
			expect(line.description).toMatch(/recorded 0 h 00 min \d\d s, billed 0\.0 h: 6-minute steps/);
		}

		// Visit 1 ends (its work order waits for its follow-up child); visits 2 and 3 are worked through.
		const day = (await ok(g("GET", `/api/v1/technicians/${tech}/day`))).body;
		expect(day.entries.map((entry: { appointment: { id: string } }) => entry.appointment.id)).toEqual(["AP-1", "AP-2", "AP-3"]);
		expect(day.entries[1].actions).toEqual([{ status: "dispatched", allowed: true, reasons: [] }]);
		let moved = await moveVisit("AP-1", ["completed"]);
		expect(moved.body.workOrder).toEqual({ id: DEMO_WORK_ORDER_ID, status: "in-progress" });
		// Completing a visit with open tasks is refused with the model's reasons and a human sentence.
		await moveVisit("AP-2", ["dispatched", "en-route"]);
		const early = await g("POST", "/api/v1/appointments/AP-2/status", { technicianId: tech, status: "completed" });
		expect(early.status).toBe(409);
		expect(early.body.error.code).toBe("FC_MODEL_ILLEGAL_TRANSITION");
		moved = await moveVisit("AP-2", ["on-site"]);
		expect(moved.body.workOrder).toEqual({ id: "WO-1052", status: "in-progress" });
		const open = await g("POST", "/api/v1/appointments/AP-2/status", { technicianId: tech, status: "completed" });
		expect(open.status).toBe(409);
		expect(open.body.error.details.reasons).toMatchObject([{ code: "task-open", id: "WO-1052-T1", humanMessage: expect.any(String) }]);
		expect((await g("POST", "/api/v1/appointments/AP-2/status", { technicianId: "tech-other", status: "completed" })).status).toBe(403);
		await workTask("WO-1052", "WO-1052-T1", { ack: ["ppe"], photo: "photo" });
		moved = await moveVisit("AP-2", ["completed"]);
		expect(moved.body).toMatchObject({ appointment: { status: "completed" }, workOrder: { id: "WO-1052", status: "completed" }, actions: [] });
		moved = await moveVisit("AP-3", ["dispatched", "en-route", "on-site"]);
		expect(moved.body.workOrder).toEqual({ id: "WO-1041-F1", status: "in-progress" });
		await workTask("WO-1041-F1", "WO-1041-F1-T1", { ack: ["isolation"], photo: "photo" });
		moved = await moveVisit("AP-3", ["completed"]);
		expect(moved.body.workOrder).toEqual({ id: "WO-1041-F1", status: "completed" });
		const orders = (await ok(g("GET", "/api/v1/work-orders"))).body.workOrders;
		expect(Object.fromEntries(orders.map((order: { id: string; status: string }) => [order.id, order.status]))).toEqual({
			[DEMO_WORK_ORDER_ID]: "completed",
			"WO-1052": "completed",
			"WO-1041-F1": "completed",
		});

		// Billing follows: the visits' statuses, the work orders, and the appointment.* events.
		await drained();
		await waitFor(
			"billing to hold the visits and the work orders",
			async () => {
				const ap = (await b("GET", "/v1/work-orders/WO-1052/appointments")).body.appointments[0];
				const wo = (await b("GET", `/v1/work-orders/${DEMO_WORK_ORDER_ID}`)).body;
				return ap.status === "completed" && wo.status === "completed" ? true : undefined;
			},
			20_000,
		);
		const types = await waitFor(
			"the appointment events",
			async () => {
				const seen = new Set(events.events.map((event: BillingEvent) => event.type));
				return ["appointment.dispatched", "appointment.en_route", "appointment.on_site", "appointment.completed", "timeentry.rejected"].every((type) =>
					seen.has(type as BillingEvent["type"]),
				)
					? seen
					: undefined;
			},
			20_000,
		);
		expect(types.has("invoice.created")).toBe(true);
		// Nothing the field sent was refused by the office.
		expect((await ok(g("GET", "/api/v1/uplink/conflicts"))).body.conflicts).toEqual([]);
	});
});
