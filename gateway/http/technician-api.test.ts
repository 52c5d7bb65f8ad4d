/**
 * The technician app's API over loopback HTTP with sign-in on: bearer access for scripts still
 * works, task start follows the safety rule, and the milestone lists unsubmitted time as missing
 * and submitted time as awaiting approval.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import { baseSnapshot, HOUR, items, make } from "../../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";
import { hashPassword } from "../auth/password-hash.js";
import { parseGatewayConfig } from "../config.js";

const TECHNICIAN_ID = "TECH1";
const WORK_ORDER_ID = "WO1";
const TASK_ID = "T1";

/**
 * Today's visit for the technician: a work order in progress whose task needs two safety
 * acknowledgements before it starts and an insulation reading, billed by a fixed milestone.
 */
function today(now: number): ModelSnapshot {
	const midnight = new Date(now);
	midnight.setHours(0, 0, 0, 0);
	const at = (hours: number) => midnight.getTime() + hours * HOUR;
	return baseSnapshot({
		workOrders: [
			make.workOrder({
				id: WORK_ORDER_ID,
				status: "in-progress",
				sla: { respondBy: at(9), resolveBy: at(23) },
				plannedStart: at(8),
				plannedEnd: at(10),
				startedAt: Math.min(now, at(8)),
				contractValueMinor: 48000,
			}),
		],
		tasks: [
			make.task({
				id: TASK_ID,
				workOrderId: WORK_ORDER_ID,
				checklist: [items.safety({ id: "isolation" }), items.safety({ id: "ppe", label: "gloves and face shield worn" }), items.insulation()],
			}),
		],
		appointments: [
			make.appointment({
				workOrderId: WORK_ORDER_ID,
				technicianId: TECHNICIAN_ID,
				window: { start: at(8), end: at(10) },
				status: "on-site",
				dispatchedAt: at(7.5),
				arrivedAt: at(8),
			}),
		],
		milestones: [
			make.milestone({
				workOrderId: WORK_ORDER_ID,
				amount: { kind: "fixed", amountMinor: 48000 },
				taskIds: [TASK_ID],
				deliverableIds: [],
				status: "awaiting-evidence",
			}),
		],
	});
}

const TOKEN = "script-token-0123456789";
let dir: string;
let fixture: GatewayFixture;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) {
	const response = await fetch(`${fixture.baseUrl}${path}`, {
		method,
		headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string } } };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), "fc-tapi-"));
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(today(Date.now())));
	const pinHash = await hashPassword("1357", { ln: 10 });
	fixture = await startGateway(
		(config) => {
			config.http = { host: "127.0.0.1", port: 0, token: TOKEN };
			config.webApp = { technicians: [{ id: TECHNICIAN_ID, pinHash }], sessionHours: 1 };
		},
		undefined,
		{ workOrdersFile },
	);
});

afterAll(async () => {
	await fixture?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe("technician app API", () => {
	const task = `/api/v1/work-orders/${WORK_ORDER_ID}/tasks/${TASK_ID}`;

	it("answers scripts with the bearer token and the browser with a session cookie", async () => {
		expect((await call("GET", "/api/v1/sync", undefined, {})).status).toBe(401);
		expect((await call("GET", "/api/v1/sync")).body).toMatchObject({ configured: false, state: "not configured" });
		const signIn = await fetch(`${fixture.baseUrl}/api/v1/session`, {
			method: "POST",
			headers: { "content-type": "application/json" },
			body: JSON.stringify({ pin: "1357" }),
		});
		expect(signIn.status).toBe(201);
		const cookie = signIn.headers.get("set-cookie") ?? "";
		expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
		const day = await call("GET", `/api/v1/technicians/${TECHNICIAN_ID}/day`, undefined, { cookie: cookie.split(";")[0] });
		expect(day.status).toBe(200);
		expect((day.body.entries as unknown[]).length).toBe(1);
		// The session acts for its own technician only.
		const other = await call("GET", "/api/v1/technicians/someone-else/day", undefined, { cookie: cookie.split(";")[0] });
		expect(other.status).toBe(403);
		const posing = await call(
			"POST",
			`/api/v1/work-orders/${WORK_ORDER_ID}/tasks/${TASK_ID}/time-entries/start`,
			{ technicianId: "someone-else" },
			{ cookie: cookie.split(";")[0] },
		);
		expect(posing.status).toBe(403);
		expect(posing.body.error?.message).toContain(`Signed in as ${TECHNICIAN_ID}`);
	});

	it("starts a task only after its safety acknowledgements", async () => {
		const refused = await call("POST", `${task}/start`, { technicianId: TECHNICIAN_ID });
		expect(refused.status).toBe(409);
		expect(refused.body.error?.message).toContain("has no acknowledgement before start");
		for (const item of ["isolation", "ppe"])
			expect((await call("POST", `${task}/evidence`, { kind: "acknowledgement", checklistItemId: item, technicianId: TECHNICIAN_ID })).status).toBe(201);
		const started = await call("POST", `${task}/start`, { technicianId: TECHNICIAN_ID });
		expect(started.status).toBe(200);
		expect(started.body).toMatchObject({ status: "in-progress", canStart: expect.any(Array) });
	});

	it("names unsubmitted time as missing and submitted time as awaiting approval", async () => {
		await call("POST", `${task}/time-entries/start`, { technicianId: TECHNICIAN_ID });
		await call("POST", `${task}/time-entries/stop`, { technicianId: TECHNICIAN_ID });
		const before = await call("GET", `/api/v1/work-orders/${WORK_ORDER_ID}/milestones`);
		const [milestone] = before.body.milestones as Array<{ readyForApproval: boolean; missing: Array<{ message: string }> }>;
		expect(milestone.readyForApproval).toBe(false);
		const messages = milestone.missing.map((reason) => reason.message);
		expect(messages).toContain(`task ${TASK_ID} is in-progress, not completed`);
		expect(messages.some((message) => /time entry .* is draft, not submitted/.test(message))).toBe(true);
		expect(milestone.missing.map((reason) => (reason as { code?: string }).code)).toContain("time-not-submitted");
		expect(messages.some((message) => message.includes("'insulation' has no valid evidence"))).toBe(true);

		const submitted = await call("POST", `/api/v1/technicians/${TECHNICIAN_ID}/time-entries/submit`, {});
		expect((submitted.body.submitted as Array<{ status: string }>).map((entry) => entry.status)).toEqual(["submitted"]);
		const after = await call("GET", `/api/v1/work-orders/${WORK_ORDER_ID}/milestones`);
		const [next] = after.body.milestones as Array<{ missing: Array<{ message: string }>; awaitingApproval: Array<{ code: string }> }>;
		expect(next.missing.some((reason) => reason.message.includes("draft"))).toBe(false);
		expect(next.awaitingApproval.map((reason) => reason.code)).toEqual(["time-not-approved"]);
	});

	it("refuses a webApp section without a scrypt PIN hash, naming the field", () => {
		expect(() => parseGatewayConfig({ webApp: { technicians: [{ id: "t1", pinHash: "1234" }] } })).toThrow(/webApp\.technicians\[0\]\.pinHash/);
		expect(() => parseGatewayConfig({ webApp: { technicians: [] } })).toThrow(/webApp\.technicians/);
	});
});
