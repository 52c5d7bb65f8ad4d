/**
 * The technician app's API over loopback HTTP with sign-in on: bearer access for scripts still
 * works, task start follows the safety rule, and the milestone lists unsubmitted time as missing
 * and submitted time as awaiting approval.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password-hash.js";
import { parseGatewayConfig } from "../config.js";
import { DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../../demo/demo-day.js";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";

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
	writeFileSync(workOrdersFile, JSON.stringify(demoDay(Date.now())));
	const pinHash = await hashPassword("1357", { ln: 10 });
	fixture = await startGateway(
		(config) => {
			config.http = { host: "127.0.0.1", port: 0, token: TOKEN };
			config.webApp = { technicians: [{ id: DEMO_TECHNICIAN_ID, pinHash }], sessionHours: 1 };
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
	const task = `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/${DEMO_TASK_ID}`;

	it("answers scripts with the bearer token and the browser with a session cookie", async () => {
		expect((await call("GET", "/api/v1/sync", undefined, {})).status).toBe(401);
		expect((await call("GET", "/api/v1/sync")).body).toMatchObject({ configured: false, state: "not configured" });
		const signIn = await fetch(`${fixture.baseUrl}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ pin: "1357" }) });
		expect(signIn.status).toBe(201);
		const cookie = signIn.headers.get("set-cookie") ?? "";
		expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
		const day = await call("GET", `/api/v1/technicians/${DEMO_TECHNICIAN_ID}/day`, undefined, { cookie: cookie.split(";")[0] });
		expect(day.status).toBe(200);
		expect((day.body.entries as unknown[]).length).toBe(3);
		// The session acts for its own technician only.
		const other = await call("GET", "/api/v1/technicians/someone-else/day", undefined, { cookie: cookie.split(";")[0] });
		expect(other.status).toBe(403);
		const posing = await call("POST", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/${DEMO_TASK_ID}/time-entries/start`, { technicianId: "someone-else" }, { cookie: cookie.split(";")[0] });
		expect(posing.status).toBe(403);
		expect(posing.body.error?.message).toContain(`Signed in as ${DEMO_TECHNICIAN_ID}`);
	});

	it("starts a task only after its safety acknowledgements", async () => {
		const refused = await call("POST", `${task}/start`, { technicianId: DEMO_TECHNICIAN_ID });
		expect(refused.status).toBe(409);
		expect(refused.body.error?.message).toContain("has no acknowledgement before start");
		for (const item of ["isolation", "ppe"]) expect((await call("POST", `${task}/evidence`, { kind: "acknowledgement", checklistItemId: item, technicianId: DEMO_TECHNICIAN_ID })).status).toBe(201);
		const started = await call("POST", `${task}/start`, { technicianId: DEMO_TECHNICIAN_ID });
		expect(started.status).toBe(200);
		expect(started.body).toMatchObject({ status: "in-progress", canStart: expect.any(Array) });
	});

	it("names unsubmitted time as missing and submitted time as awaiting approval", async () => {
		await call("POST", `${task}/time-entries/start`, { technicianId: DEMO_TECHNICIAN_ID });
		await call("POST", `${task}/time-entries/stop`, { technicianId: DEMO_TECHNICIAN_ID });
		const before = await call("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`);
		const [milestone] = before.body.milestones as Array<{ readyForApproval: boolean; missing: Array<{ message: string }> }>;
		expect(milestone.readyForApproval).toBe(false);
		const messages = milestone.missing.map((reason) => reason.message);
		expect(messages).toContain(`task ${DEMO_TASK_ID} is in-progress, not completed`);
		expect(messages.some((message) => /time entry .* is draft, not approved/.test(message))).toBe(true);
		expect(messages.some((message) => message.includes("'Insulation L1–earth ≥ 1 MΩ' has no valid evidence"))).toBe(true);

		const submitted = await call("POST", `/api/v1/technicians/${DEMO_TECHNICIAN_ID}/time-entries/submit`, {});
		expect((submitted.body.submitted as Array<{ status: string }>).map((entry) => entry.status)).toEqual(["submitted"]);
		const after = await call("GET", `/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/milestones`);
		const [next] = after.body.milestones as Array<{ missing: Array<{ message: string }>; awaitingApproval: Array<{ code: string }> }>;
		expect(next.missing.some((reason) => reason.message.includes("draft"))).toBe(false);
		expect(next.awaitingApproval.map((reason) => reason.code)).toEqual(["time-not-approved"]);
	});

	it("refuses a webApp section without a scrypt PIN hash, naming the field", () => {
		expect(() => parseGatewayConfig({ webApp: { technicians: [{ id: "t1", pinHash: "1234" }] } })).toThrow(/webApp\.technicians\[0\]\.pinHash/);
		expect(() => parseGatewayConfig({ webApp: { technicians: [] } })).toThrow(/webApp\.technicians/);
	});
});
