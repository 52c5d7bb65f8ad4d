/**
 * The technician app in real headless Chromium against a real gateway on loopback, with the
 * simulated tool on a real pty: sign in, open the task, acknowledge safety, start, watch live
 * readings, stamp one, survive a gateway restart with unsent input, time the work, get the
 * customer's signature and see the milestone become ready for approval; then the office approves
 * and releases it through the billing service and the invoice traces back to that evidence.
 * Screenshots at phone and desktop size are saved in test-output/screenshots/ on every run (look
 * at them there); with FIELDCHAIN_UPDATE_SCREENSHOTS=1 they also replace the README's copies in
 * docs/screenshots/, so a plain test run leaves the work tree as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoBilling, startDemoBilling } from "../demo/demo-billing.js";
import { DEMO_MILESTONE_ID, DEMO_TASK_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { findWebBundle } from "../gateway/http/static-app.js";
import { parseUplinkConfig } from "../gateway/uplink/uplink-config.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { freePort } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";

const PIN = "246810";
const WAIT = { timeout: 10_000 };
const SHOTS_IN_REPO = join(import.meta.dirname, "..", "docs", "screenshots");
const SHOTS_OF_RUN = join(import.meta.dirname, "..", "test-output", "screenshots");

let dir: string;
let shots: string;
let pty: PtyPair;
let gateway: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let browser: Browser | undefined;
let port: number;
let workOrdersFile: string;
let pinHash: string;
let billing: DemoBilling | undefined;
let billingPort: number;
let enrollmentToken: string | undefined;

/** The office's calls to the billing service, with its admin token. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely here; the service's own tests check their shapes.
async function office(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
	if (!billing) throw new Error("the billing service is not running");
	const response = await fetch(`${billing.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${billing.adminToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The reference billing service on a fixed loopback port, over the same SQLite file each start. */
async function startBilling(): Promise<DemoBilling> {
	const snapshot = demoDay(Date.now());
	return startDemoBilling({ dataDir: join(dir, "billing"), host: "127.0.0.1", port: billingPort, snapshot, gatewayEnrolled: enrollmentToken !== undefined });
}

async function startTheGateway(): Promise<GatewayFixture> {
	const hostEnd = pty.hostEnd;
	return startGateway(
		(config) => {
			config.http = { host: "127.0.0.1", port };
			config.serial.targets.push({ path: hostEnd });
			config.webApp = { technicians: [{ id: DEMO_TECHNICIAN_ID, pinHash }], sessionHours: 12 };
			config.uplink = parseUplinkConfig({
				url: `http://127.0.0.1:${billingPort}`,
				...(enrollmentToken ? { enrollmentToken } : {}),
				idlePollMs: 100,
				downlink: { technicianIds: [DEMO_TECHNICIAN_ID] },
				retry: { initialDelayMs: 100, maxDelayMs: 500 },
				breaker: { failureThreshold: 3, openMs: 300, maxOpenMs: 1000 },
			});
		},
		join(dir, "gateway"),
		{ workOrdersFile, sealEveryMs: 100 },
	);
}

/** What the screen shows (a full-page shot would paint the fixed tab bar mid-page), centred on `focus`. */
async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
	if (focus) await focus.evaluate((element) => element.scrollIntoView({ block: "center" }));
	else await page.evaluate("window.scrollTo(0, 0)");
	await page.screenshot({ path: join(shots, `${name}.png`) });
}

beforeAll(async () => {
	if (!findWebBundle()) throw new Error("dist/web is missing: run node scripts/build.mjs (npm test builds it first).");
	dir = mkdtempSync(join(tmpdir(), "fc-app-"));
	shots = SHOTS_OF_RUN;
	rmSync(shots, { recursive: true, force: true });
	mkdirSync(shots, { recursive: true });
	workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(demoDay(Date.now())));
	pinHash = await hashPassword(PIN, { ln: 10 });
	port = await freePort();
	pty = await createPtyPair();
	billingPort = await freePort();
	mkdirSync(join(dir, "billing"));
	billing = await startBilling();
	enrollmentToken = billing.enrollmentToken;
	gateway = await startTheGateway();
	simulator = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "megger-7", quantity: "insulation_resistance", rate: 8, retryMs: 100 });
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
});

afterAll(async () => {
	await browser?.close();
	await simulator?.stop();
	await gateway?.stop();
	await billing?.stop();
	await pty?.dispose();
	rmSync(dir, { recursive: true, force: true });
});

describe("technician app in Chromium", () => {
	it("walks the day: sign in, safety, live readings, stamp, restart, time, signature, milestone ready, released with a traceable invoice", async () => {
		const base = `http://127.0.0.1:${port}`;
		// The API refuses requests without a session.
		expect((await fetch(`${base}/api/v1/work-orders`)).status).toBe(401);

		const phone = await browser!.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true });
		const page = await phone.newPage();
		const external: string[] = [];
		page.on("request", (request) => {
			if (!request.url().startsWith(base)) external.push(request.url());
		});
		const consoleErrors: string[] = [];
		page.on("pageerror", (error) => consoleErrors.push(error.message));
		await page.goto(`${base}/app/`);

		// A wrong PIN is refused; the right one signs in.
		await page.getByLabel("PIN", { exact: true }).fill("000000");
		await page.getByRole("button", { name: "Sign in" }).click();
		await expect.poll(() => page.getByRole("alert").textContent(), WAIT).toContain("Wrong PIN");
		await shoot(page, "phone-sign-in");
		await page.getByLabel("PIN", { exact: true }).fill(PIN);
		await page.getByRole("button", { name: "Sign in" }).click();

		// Today: three visits in order, SLA clocks, the follow-up waiting on the first visit.
		await page.getByRole("heading", { name: "Today, Ana Ferreira" }).waitFor(WAIT);
		const visits = page.locator(".visit h2");
		expect(await visits.allTextContents()).toEqual([
			"Quarterly insulation test, switchboard 3",
			"Emergency lighting inspection, block B",
			"Follow-up: replace breaker Q3 on switchboard 3",
		]);
		await expect.poll(() => page.getByLabel("Chain position").last().textContent()).toContain(`Waits on ${DEMO_WORK_ORDER_ID}`);
		// The first visit has been responded to (work started); the others count down.
		expect(await page.locator(".sla").allTextContents()).toEqual([
			expect.stringMatching(/^Responded /),
			expect.stringMatching(/^Resolve (in|overdue by)/),
			expect.stringMatching(/^Respond in/),
			expect.stringMatching(/^Resolve in/),
			expect.stringMatching(/^Respond in/),
			expect.stringMatching(/^Resolve in/),
		]);
		await page.getByText("Gateway online").waitFor(WAIT);
		await expect.poll(() => page.locator(".banner").textContent(), WAIT).toMatch(/Cloud sync: (idle|draining) · 0 queued/);
		await shoot(page, "phone-today");

		// The task: the start waits for both safety acknowledgements.
		await page.getByRole("link", { name: /Open task Insulation resistance test/ }).click();
		const start = page.getByRole("button", { name: "Start task" });
		await start.waitFor(WAIT);
		expect(await start.isDisabled()).toBe(true);
		// The refusal says what to do, not the model's reason.
		expect(await page.getByLabel("Why the task cannot start yet").textContent()).toBe("Confirm the two safety items above.");
		for (const statement of ["Circuit isolated, locked out and tagged", "Insulated gloves and face shield worn"]) {
			await page.getByRole("button", { name: `I confirm: ${statement}` }).click();
			await page.getByText(`${statement} acknowledged`).waitFor(WAIT);
		}
		await expect.poll(() => start.isDisabled(), WAIT).toBe(false);
		await start.click();
		await page.locator(".badge.status-in-progress").first().waitFor(WAIT);

		// Live readings from the simulated tool, pushed over SSE; then one tap stamps one.
		const current = page.getByTestId("current-value");
		await expect.poll(() => current.textContent(), WAIT).toMatch(/\d+ MΩ/);
		expect(await page.locator(".cal-ok").first().textContent()).toContain("Calibrated, due");
		await page.locator(".trend").first().waitFor(WAIT);
		await page.waitForTimeout(1000);
		await shoot(page, "phone-task", page.getByRole("heading", { name: "Live tools" }));
		await page.getByRole("button", { name: /^Stamp .* MΩ from megger-7 on Insulation L1/ }).click();
		await page.getByRole("listitem", { name: "Insulation L1–earth ≥ 1 MΩ: done" }).waitFor(WAIT);
		await expect.poll(() => page.locator(".evidence .outcome-pass").count(), WAIT).toBeGreaterThan(0);

		// The gateway restarts while the technician writes a note: the note waits on the device.
		await gateway!.stop();
		gateway = undefined;
		await page.getByText("Gateway not reachable").waitFor(WAIT);
		await page.getByRole("textbox", { name: "Notes for the customer" }).fill("Switchboard clean, no moisture.");
		await page.getByRole("button", { name: "Save note" }).click();
		await page.getByText("1 change kept on this device").waitFor(WAIT);
		expect(await page.evaluate('localStorage.getItem("fieldchain.pending.v1")')).toContain("Switchboard clean");
		await shoot(page, "phone-offline", page.getByRole("button", { name: "Save note" }));
		gateway = await startTheGateway();
		await page.getByText("Gateway online").waitFor({ timeout: 20_000 });
		await page.getByRole("listitem", { name: "Notes for the customer: done" }).waitFor(WAIT);
		expect(await page.evaluate('localStorage.getItem("fieldchain.pending.v1")')).toBe("[]");

		// The cloud goes away: the technician keeps working, the banner shows the queue.
		await billing!.stop();
		billing = undefined;
		await page.getByRole("link", { name: "Time" }).click();
		await page.getByRole("button", { name: "Start timer on Insulation resistance test" }).click();
		await page.getByRole("timer").waitFor(WAIT);
		await page.waitForTimeout(1100);
		await page.getByRole("button", { name: "Stop timer on Insulation resistance test" }).click();
		await expect.poll(() => page.getByTestId("time-status").allTextContents(), WAIT).toEqual(["Draft: not submitted"]);
		await page.getByRole("button", { name: "Submit 1 entry for approval" }).click();
		await expect.poll(() => page.getByTestId("time-status").allTextContents(), WAIT).toEqual(["Submitted: waiting for the office"]);
		await expect.poll(() => page.locator(".banner").textContent(), { timeout: 15_000 }).toMatch(/Cloud sync: offline \(.*\) · [1-9]\d* queued/);
		await shoot(page, "phone-time");
		billing = await startBilling();
		await expect
			.poll(() => page.locator(".banner").textContent(), { timeout: 20_000 })
			.toMatch(/Cloud sync: (idle|draining) · 0 queued · last receipt \d\d:\d\d/);

		// Sign-off: the milestone says exactly what is missing, then the customer signs.
		await page.getByRole("link", { name: "Sign-off" }).click();
		const state = page.getByTestId("milestone-state");
		// The evidence behind each item went to the cloud and came back receipted.
		await expect.poll(() => page.locator(".summary").textContent(), WAIT).toMatch(/Pass reading #\d+, receipted/);
		await expect.poll(() => state.textContent(), WAIT).toMatch(/^Not ready/);
		await shoot(page, "phone-sign-off-missing", page.getByRole("heading", { name: "Milestone" }));
		const missing = await page.getByLabel("Still missing").textContent();
		expect(missing).toContain("Complete the task with the Complete task button on this page.");
		expect(missing).toMatch(/Get the customer's signature on this page|Have the customer sign off .* on this page/);
		expect(missing).not.toContain(DEMO_TASK_ID);
		await page.getByLabel("Customer name").fill("Jo Peeters");
		const padElement = page.getByRole("img", { name: /Customer signature pad/ });
		await padElement.evaluate((element) => element.scrollIntoView({ block: "center" }));
		const pad = await padElement.boundingBox();
		if (!pad) throw new Error("no signature pad on the page");
		await page.mouse.move(pad.x + 30, pad.y + pad.height / 2);
		await page.mouse.down();
		for (const [dx, dy] of [
			[60, -50],
			[110, 40],
			[160, -30],
			[220, 30],
			[280, -20],
		])
			await page.mouse.move(pad.x + dx, pad.y + pad.height / 2 + dy, { steps: 5 });
		await page.mouse.up();
		await page.getByRole("button", { name: "Save signature" }).click();
		await expect.poll(() => page.getByTestId("signer-name").first().textContent(), WAIT).toBe("Jo Peeters");
		const complete = page.getByRole("button", { name: "Complete task" });
		await expect.poll(() => complete.isDisabled(), WAIT).toBe(false);
		await complete.click();
		await expect.poll(() => state.textContent(), WAIT).toBe("Waiting for the office to approve your time");
		expect(await page.locator(".milestone").textContent()).toContain("1 submitted time entry waits for the office to approve it.");
		await shoot(page, "phone-sign-off", page.getByRole("heading", { name: "Milestone" }));

		// The office's side, through the billing service: once the uplink has delivered the day,
		// approve the time and the milestone and release it; the invoice's lines trace back to the
		// evidence the technician made on this page and to the approvals.
		await expect
			.poll(async () => (await office("GET", `/v1/milestones/${DEMO_MILESTONE_ID}/readiness`)).body.missing.map((reason: { code: string }) => reason.code), {
				timeout: 20_000,
			})
			.toEqual(["time-not-approved"]);
		const [entry] = (await office("GET", `/v1/work-orders/${DEMO_WORK_ORDER_ID}/time-entries`)).body.timeEntries;
		expect((await office("POST", `/v1/time-entries/${entry.id}/approve`, { reason: "checked against the visit" })).status).toBe(200);
		expect((await office("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/approve`, { reason: "evidence complete" })).status).toBe(200);
		const released = await office("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/release`, {});
		expect(released.status, JSON.stringify(released.body)).toBe(201);
		const listed = (await (await page.request.get(`${base}/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/${DEMO_TASK_ID}/evidence`)).json()) as {
			evidence: Array<{ id: string }>;
		};
		const madeHere = new Set(listed.evidence.map((record) => record.id));
		expect(released.body).toMatchObject({ workOrderId: DEMO_WORK_ORDER_ID, milestoneId: DEMO_MILESTONE_ID });
		expect(released.body.lines.length).toBeGreaterThan(0);
		for (const line of released.body.lines as Array<{ evidenceIds: string[]; approvalIds: string[] }>) {
			expect(line.evidenceIds.length).toBeGreaterThan(0);
			expect(line.evidenceIds.every((id) => madeHere.has(id))).toBe(true);
			expect(line.approvalIds.length).toBeGreaterThan(0);
		}

		// The same app on a desktop screen.
		const desktop = await browser!.newContext({ viewport: { width: 1280, height: 800 }, storageState: await phone.storageState() });
		const wide = await desktop.newPage();
		await wide.goto(`${base}/app/#/task/${DEMO_WORK_ORDER_ID}/${DEMO_TASK_ID}`);
		await expect.poll(() => wide.getByTestId("current-value").textContent(), WAIT).toMatch(/\d+ MΩ/);
		await wide.waitForTimeout(1500);
		await shoot(wide, "desktop-task");
		await wide.goto(`${base}/app/#/today`);
		await wide.getByRole("heading", { name: "Today, Ana Ferreira" }).waitFor(WAIT);
		await shoot(wide, "desktop-today");
		await wide.goto(`${base}/app/#/devices`);
		await wide.getByRole("heading", { name: /megger-7/ }).waitFor(WAIT);
		await shoot(wide, "desktop-devices");
		await desktop.close();
		await phone.close();

		expect(external).toEqual([]);
		expect(consoleErrors).toEqual([]);
		if (process.env.FIELDCHAIN_UPDATE_SCREENSHOTS === "1") {
			mkdirSync(SHOTS_IN_REPO, { recursive: true });
			for (const file of readdirSync(shots)) copyFileSync(join(shots, file), join(SHOTS_IN_REPO, file));
		}
	}, 180_000);

	it("rate-limits wrong PINs and keeps the API closed without a session", async () => {
		const base = `http://127.0.0.1:${port}`;
		const signIn = (pin: string) =>
			fetch(`${base}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ pin }) });
		for (let attempt = 0; attempt < 5; attempt++) expect((await signIn("111111")).status).toBe(401);
		const limited = await signIn(PIN);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
		expect((await fetch(`${base}/api/v1/live`)).status).toBe(401);
		expect((await fetch(`${base}/api/v1/technicians/${DEMO_TECHNICIAN_ID}/day`, { headers: { cookie: "fc_session=forged" } })).status).toBe(401);
	});
});
