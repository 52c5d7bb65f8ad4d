/**
 * The whole demo day in real headless Chromium, the way a new user meets it: a real gateway and the
 * real billing service on loopback, the simulated insulation tester on a real pty. The technician
 * takes all three visits through dispatched → en route → on site → complete in the app, records the
 * evidence, signs the deliverable off with the customer's name, and submits time from the Time tab.
 * The office then decides through the billing service's HTTP API: it approves one entry and rejects
 * another; the app shows both decisions (the rejection with its reason), the technician corrects and
 * resubmits the rejected one, and after the office releases the milestone the sign-off view shows
 * "Invoiced" with the invoice number. Refusals on the way read as instructions, not model internals.
 * Screenshots go to test-output/screenshots/ (and, with FIELDCHAIN_UPDATE_SCREENSHOTS=1, to
 * docs/screenshots/).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoBilling, startDemoBilling } from "../demo/demo-billing.js";
import { DEMO_MILESTONE_ID, DEMO_TECHNICIAN_ID, DEMO_WORK_ORDER_ID, demoDay } from "../demo/demo-day.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { findWebBundle } from "../gateway/http/static-app.js";
import { parseUplinkConfig } from "../gateway/uplink/uplink-config.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";
import { freePort } from "./support/gateway-process.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";

const PIN = "135790";
const WAIT = { timeout: 15_000 };
const SYNC = { timeout: 30_000 };
const SHOTS_IN_REPO = join(import.meta.dirname, "..", "docs", "screenshots");
const SHOTS_OF_RUN = join(import.meta.dirname, "..", "test-output", "screenshots-day");
/** A 2×2 PNG: the photo a technician takes of a test log or a new breaker. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");

let dir: string;
let pty: PtyPair;
let gateway: GatewayFixture | undefined;
let simulator: SimulatorHandle | undefined;
let browser: Browser | undefined;
let billing: DemoBilling | undefined;
let port: number;

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

async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
	if (focus) await focus.evaluate((element) => element.scrollIntoView({ block: "center" }));
	else await page.evaluate("window.scrollTo(0, 0)");
	await page.screenshot({ path: join(SHOTS_OF_RUN, `${name}.png`) });
}

/** Draws a signature stroke across the pad. */
async function sign(page: Page): Promise<void> {
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
}

/** The visit card on Today for a work order. */
const visit = (page: Page, workOrderId: string) => page.getByRole("listitem", { name: new RegExp(`^Visit ${workOrderId}:`) });

/** Takes a visit one step along, from Today. */
async function step(page: Page, workOrderId: string, action: string, expected: string): Promise<void> {
	await page.goto(`${new URL(page.url()).origin}/app/#/today`);
	const card = visit(page, workOrderId);
	await card.getByRole("button", { name: new RegExp(`^${action}:`) }).click();
	await expect.poll(() => card.getByTestId("appointment-status").textContent(), WAIT).toBe(expected);
}

async function timeOn(page: Page, taskTitle: string): Promise<void> {
	await page.getByRole("link", { name: "Time" }).click();
	await page.getByRole("button", { name: `Start timer on ${taskTitle}` }).click();
	await page.getByRole("timer").waitFor(WAIT);
	await page.waitForTimeout(1100);
	await page.getByRole("button", { name: `Stop timer on ${taskTitle}` }).click();
	await page.getByRole("timer").waitFor({ state: "detached", ...WAIT });
}

beforeAll(async () => {
	if (!findWebBundle()) throw new Error("dist/web is missing: run node scripts/build.mjs (npm test builds it first).");
	dir = mkdtempSync(join(tmpdir(), "fc-day-"));
	rmSync(SHOTS_OF_RUN, { recursive: true, force: true });
	mkdirSync(SHOTS_OF_RUN, { recursive: true });
	const workOrdersFile = join(dir, "work-orders.json");
	writeFileSync(workOrdersFile, JSON.stringify(demoDay(Date.now())));
	const pinHash = await hashPassword(PIN, { ln: 10 });
	port = await freePort();
	pty = await createPtyPair();
	const billingPort = await freePort();
	mkdirSync(join(dir, "billing"));
	billing = await startDemoBilling({
		dataDir: join(dir, "billing"),
		host: "127.0.0.1",
		port: billingPort,
		snapshot: demoDay(Date.now()),
		gatewayEnrolled: false,
	});
	const enrollmentToken = billing.enrollmentToken;
	const hostEnd = pty.hostEnd;
	gateway = await startGateway(
		(config) => {
			config.http = { host: "127.0.0.1", port };
			config.serial.targets.push({ path: hostEnd });
			config.webApp = { technicians: [{ id: DEMO_TECHNICIAN_ID, pinHash }], sessionHours: 12 };
			config.uplink = parseUplinkConfig({
				url: `http://127.0.0.1:${billingPort}`,
				...(enrollmentToken ? { enrollmentToken } : {}),
				idlePollMs: 100,
				downlink: { technicianIds: [DEMO_TECHNICIAN_ID], intervalMs: 1000 },
				retry: { initialDelayMs: 100, maxDelayMs: 500 },
			});
		},
		join(dir, "gateway"),
		{ workOrdersFile, sealEveryMs: 100 },
	);
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

describe("the demo day in the technician app, round trip with the office", () => {
	it("works all three visits, submits time, shows the office's approval and rejection, corrects, and shows the invoice", async () => {
		const base = `http://127.0.0.1:${port}`;
		// A German-speaking technician: dates and times follow the locale, on a 24-hour clock.
		const phone = await browser!.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, locale: "de-DE" });
		const page = await phone.newPage();
		const pageErrors: string[] = [];
		page.on("pageerror", (error) => pageErrors.push(error.message));
		await page.goto(`${base}/app/`);
		await page.getByLabel("PIN", { exact: true }).fill(PIN);
		await page.getByRole("button", { name: "Sign in" }).click();
		await page.getByRole("heading", { name: "Today, Ana Ferreira" }).waitFor(WAIT);
		// 24-hour times ("08:00–10:00"), never "AM"/"PM".
		expect(await page.locator(".when").first().textContent()).toMatch(/^\d\d:\d\d–\d\d:\d\d/);
		expect(await page.locator(".day").textContent()).not.toMatch(/AM|PM/);

		// ── Visit 1, WO-1041: already on site. Safety gates the start, in the technician's words.
		await page.getByRole("link", { name: /Open task Insulation resistance test/ }).click();
		const start = page.getByRole("button", { name: "Start task" });
		await start.waitFor(WAIT);
		await expect.poll(() => page.getByLabel("Why the task cannot start yet").textContent(), WAIT).toBe("Confirm the two safety items above.");
		for (const statement of ["Circuit isolated, locked out and tagged", "Insulated gloves and face shield worn"]) {
			await page.getByRole("button", { name: `I confirm: ${statement}` }).click();
			await page.getByText(`${statement} acknowledged`).waitFor(WAIT);
		}
		await expect.poll(() => start.isDisabled(), WAIT).toBe(false);
		await start.click();
		await page.locator(".badge.status-in-progress").first().waitFor(WAIT);

		// Units as symbols (MΩ, never MOhm), also on the chart's axis.
		const current = page.getByTestId("current-value");
		await expect.poll(() => current.textContent(), WAIT).toMatch(/\d+ MΩ/);
		await expect.poll(() => page.locator(".trend .axis").first().textContent(), WAIT).toMatch(/MΩ$/);
		expect(await page.locator("main").textContent()).not.toContain("MOhm");
		// One tap stamps; the card then shows the stamped value and no live Stamp button is left to tap twice.
		await page.getByRole("button", { name: /^Stamp .* MΩ from megger-7 on Insulation L1/ }).click();
		await page.getByRole("listitem", { name: "Insulation L1–earth ≥ 1 MΩ: done" }).waitFor(WAIT);
		const stamped = page.getByTestId("stamped-value");
		// The value shown is the value in the evidence record.
		const records = (await (await page.request.get(`${base}/api/v1/work-orders/${DEMO_WORK_ORDER_ID}/tasks/WO-1041-T1/evidence`)).json()) as {
			evidence: Array<{ kind: string; reading?: { value: number; unit: string } }>;
		};
		const reading = records.evidence.find((record) => record.kind === "reading")?.reading;
		expect(reading?.unit).toBe("MOhm");
		await expect.poll(() => stamped.textContent(), WAIT).toContain(`Stamped ${reading?.value.toFixed(0)} MΩ from megger-7`);
		expect(await page.getByRole("button", { name: /^Stamp .* on Insulation L1/ }).count()).toBe(0);
		await shoot(page, "phone-task-stamped", stamped);

		// Time, from the app: stopping leaves a draft; only Submit sends it; the rounding rule is on screen.
		await timeOn(page, "Insulation resistance test");
		const entries = page.getByRole("list", { name: "Time entries today" });
		await expect.poll(() => entries.getByTestId("time-status").allTextContents(), WAIT).toEqual(["Draft: not submitted"]);
		expect(await page.getByTestId("rounding-rule").textContent()).toMatch(/6 min|0\.1 h/);
		await page.getByRole("button", { name: "Submit 1 entry for approval" }).click();
		await expect.poll(() => entries.getByTestId("time-status").allTextContents(), WAIT).toEqual(["Submitted: waiting for the office"]);
		// With nothing left to submit the button still names its count.
		expect(await page.getByRole("button", { name: "Submit 0 entries for approval" }).isDisabled()).toBe(true);

		// Sign-off names the deliverable; the customer's signature (with the signer's name) signs it off.
		await page.getByRole("link", { name: "Sign-off" }).click();
		const deliverables = page.getByRole("list", { name: "Deliverables" });
		await expect.poll(() => deliverables.textContent(), WAIT).toMatch(/sign-off/i);
		const missing = page.getByLabel("Still missing");
		await expect.poll(() => missing.textContent(), WAIT).toMatch(/Have the customer sign off “.*” on this page\./);
		expect(await missing.textContent()).not.toMatch(/WO-1041-T1|not completed|has no/);
		await shoot(page, "phone-sign-off-deliverable-missing", page.getByRole("heading", { name: "Milestone" }));
		await sign(page);
		// The name is required: without it the signature cannot be saved.
		expect(await page.getByRole("button", { name: "Save signature" }).isDisabled()).toBe(true);
		await page.getByLabel("Customer name").fill("Jo Peeters");
		await shoot(page, "phone-sign-off-signing", page.getByRole("button", { name: "Save signature" }));
		await page.getByRole("button", { name: "Save signature" }).click();
		await expect.poll(() => page.getByTestId("signer-name").first().textContent(), WAIT).toBe("Jo Peeters");
		const image = page.getByRole("img", { name: "Signature of Jo Peeters" });
		await image.waitFor(WAIT);
		await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth), WAIT).toBeGreaterThan(0);
		await expect.poll(() => deliverables.textContent(), WAIT).toContain("signed off");
		const complete = page.getByRole("button", { name: "Complete task" });
		await expect.poll(() => complete.isDisabled(), WAIT).toBe(false);
		await complete.click();
		const state = page.getByTestId("milestone-state");
		await expect.poll(() => state.textContent(), SYNC).toBe("Waiting for the office to approve your time");
		await shoot(page, "phone-sign-off-signed", page.getByRole("heading", { name: "Customer sign-off" }));

		// Leave visit 1.
		await step(page, DEMO_WORK_ORDER_ID, "Visit complete", "Complete");

		// ── Visit 2, WO-1052: the task cannot start before the technician is on site, and says so.
		await page.getByRole("link", { name: /Open task Emergency lighting duration test/ }).click();
		await expect
			.poll(() => page.getByLabel("Why the task cannot start yet").locator("li").allTextContents(), WAIT)
			.toEqual(["Mark the visit “On site” on the Today tab first.", "Confirm the one safety item above."]);
		await shoot(page, "phone-task-refused", page.getByLabel("Why the task cannot start yet"));
		await step(page, "WO-1052", "Accept visit", "Dispatched");
		await step(page, "WO-1052", "On my way", "En route");
		await shoot(page, "phone-today-en-route", visit(page, "WO-1052"));
		await step(page, "WO-1052", "Arrived on site", "On site");
		await page.getByRole("link", { name: /Open task Emergency lighting duration test/ }).click();
		await page.getByRole("button", { name: "I confirm: Site induction done, hospital escort present" }).click();
		await page.getByText("Site induction done, hospital escort present acknowledged").waitFor(WAIT);
		await page.getByRole("button", { name: "Start task" }).click();
		await page.locator(".badge.status-in-progress").first().waitFor(WAIT);
		await page.getByLabel("Photo for Photo of the test log").setInputFiles({ name: "log.png", mimeType: "image/png", buffer: PHOTO });
		await page.getByRole("listitem", { name: "Photo of the test log: done" }).waitFor(WAIT);
		await timeOn(page, "Emergency lighting duration test");
		await page.getByRole("button", { name: "Submit 1 entry for approval" }).click();
		await expect
			.poll(() => entries.getByTestId("time-status").allTextContents(), WAIT)
			.toEqual(["Submitted: waiting for the office", "Submitted: waiting for the office"]);
		await page.goto(`${base}/app/#/signoff/WO-1052/WO-1052-T1`);
		await page.getByLabel("Customer name").fill("Dr. Lena Vos");
		await sign(page);
		await page.getByRole("button", { name: "Save signature" }).click();
		await expect.poll(() => page.getByTestId("signer-name").first().textContent(), WAIT).toBe("Dr. Lena Vos");
		await expect.poll(() => page.getByRole("button", { name: "Complete task" }).isDisabled(), WAIT).toBe(false);
		await page.getByRole("button", { name: "Complete task" }).click();
		await page.locator(".badge.status-completed").first().waitFor(WAIT);
		await step(page, "WO-1052", "Visit complete", "Complete");

		// ── Visit 3, WO-1041-F1: the follow-up on switchboard 3.
		await step(page, "WO-1041-F1", "Accept visit", "Dispatched");
		await step(page, "WO-1041-F1", "On my way", "En route");
		await step(page, "WO-1041-F1", "Arrived on site", "On site");
		await page.getByRole("link", { name: /Open task Replace breaker Q3/ }).click();
		await page.getByRole("button", { name: "I confirm: Circuit isolated, locked out and tagged" }).click();
		await page.getByText("Circuit isolated, locked out and tagged acknowledged").waitFor(WAIT);
		await page.getByRole("button", { name: "Start task" }).click();
		await page.locator(".badge.status-in-progress").first().waitFor(WAIT);
		await page.getByLabel("Photo for Photo of the new breaker").setInputFiles({ name: "breaker.png", mimeType: "image/png", buffer: PHOTO });
		await page.getByRole("listitem", { name: "Photo of the new breaker: done" }).waitFor(WAIT);
		await page.goto(`${base}/app/#/signoff/WO-1041-F1/WO-1041-F1-T1`);
		await page.getByLabel("Customer name").fill("Jo Peeters");
		await sign(page);
		await page.getByRole("button", { name: "Save signature" }).click();
		await expect.poll(() => page.getByTestId("signer-name").first().textContent(), WAIT).toBe("Jo Peeters");
		await expect.poll(() => page.getByRole("button", { name: "Complete task" }).isDisabled(), WAIT).toBe(false);
		await page.getByRole("button", { name: "Complete task" }).click();
		await page.locator(".badge.status-completed").first().waitFor(WAIT);
		await step(page, "WO-1041-F1", "Visit complete", "Complete");
		await page.goto(`${base}/app/#/today`);
		await expect.poll(() => page.getByTestId("appointment-status").allTextContents(), WAIT).toEqual(["Complete", "Complete", "Complete"]);
		await shoot(page, "phone-today-done");

		// ── The office, through the billing service: approve the insulation time, reject the lighting time.
		const listed = async (workOrderId: string) =>
			(await office("GET", `/v1/work-orders/${workOrderId}/time-entries`)).body.timeEntries as Array<{ id: string; status: string }>;
		await expect.poll(async () => (await listed(DEMO_WORK_ORDER_ID)).map((entry) => entry.status), SYNC).toEqual(["submitted"]);
		await expect.poll(async () => (await listed("WO-1052")).map((entry) => entry.status), SYNC).toEqual(["submitted"]);
		const [insulation] = await listed(DEMO_WORK_ORDER_ID);
		const [lighting] = await listed("WO-1052");
		// One id: the app's entries are billing's entries.
		const appEntries = (await (await page.request.get(`${base}/api/v1/technicians/${DEMO_TECHNICIAN_ID}/time-entries`)).json()) as {
			timeEntries: Array<{ id: string }>;
		};
		expect(appEntries.timeEntries.map((entry) => entry.id).sort()).toEqual([insulation.id, lighting.id].sort());
		expect((await office("POST", `/v1/time-entries/${insulation.id}/approve`, { reason: "matches the visit" })).status).toBe(200);
		const rejection = "Booked as work: the hospital escort wait is travel time";
		expect((await office("POST", `/v1/time-entries/${lighting.id}/reject`, { reason: rejection })).status).toBe(200);

		// The gateway hears both decisions (downlink), and the app shows them.
		const gatewayEntries = async () =>
			(
				(await (await page.request.get(`${base}/api/v1/technicians/${DEMO_TECHNICIAN_ID}/time-entries`)).json()) as {
					timeEntries: Array<{ id: string; status: string }>;
				}
			).timeEntries;
		await expect
			.poll(async () => Object.fromEntries((await gatewayEntries()).map((entry) => [entry.id, entry.status])), SYNC)
			.toEqual({ [insulation.id]: "approved", [lighting.id]: "rejected" });
		await page.getByRole("link", { name: "Time" }).click();
		await expect.poll(() => entries.getByTestId("time-status").allTextContents(), SYNC).toEqual(expect.arrayContaining(["Approved", "Rejected"]));
		expect(await page.getByTestId("rejection-reason").textContent()).toBe(rejection);
		await shoot(page, "phone-time-decisions", page.getByTestId("rejection-reason"));
		// Correct and resubmit the rejected entry: start it a minute later.
		await page.getByRole("button", { name: "Correct and resubmit the time on Emergency lighting duration test" }).click();
		const correction = page.getByRole("form", { name: "Correct the time on Emergency lighting duration test" });
		const from = correction.getByLabel("From (hh:mm)");
		const [hours, minutes] = (await from.inputValue()).split(":").map(Number);
		const earlier = Math.max(0, hours * 60 + minutes - 1);
		await from.fill(`${String(Math.floor(earlier / 60)).padStart(2, "0")}:${String(earlier % 60).padStart(2, "0")}`);
		await shoot(page, "phone-time-correct", correction);
		await correction.getByRole("button", { name: "Resubmit" }).click();
		await expect
			.poll(() => entries.getByTestId("time-status").allTextContents(), SYNC)
			.toEqual(expect.arrayContaining(["Approved", "Submitted: waiting for the office"]));
		await expect.poll(async () => (await office("GET", `/v1/time-entries/${lighting.id}`)).body.status, SYNC).toBe("submitted");

		// The insulation milestone: the office approves and releases it; the app shows the invoice.
		await page.goto(`${base}/app/#/signoff/${DEMO_WORK_ORDER_ID}/WO-1041-T1`);
		await expect.poll(() => state.textContent(), SYNC).toBe("Ready for approval");
		await expect.poll(async () => (await office("GET", `/v1/milestones/${DEMO_MILESTONE_ID}/readiness`)).body.missing, SYNC).toEqual([]);
		expect((await office("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/approve`, { reason: "evidence complete" })).status).toBe(200);
		await expect.poll(() => state.textContent(), SYNC).toBe("Approved by the office");
		const released = await office("POST", `/v1/milestones/${DEMO_MILESTONE_ID}/release`, {});
		expect(released.status, JSON.stringify(released.body)).toBe(201);
		const invoiceNumber: string = released.body.number ?? released.body.id;
		await expect.poll(() => state.textContent(), SYNC).toBe("Invoiced");
		expect(await page.getByTestId("invoice").textContent()).toContain(`Invoice ${invoiceNumber}`);
		await shoot(page, "phone-sign-off-invoiced", page.getByRole("heading", { name: "Milestone" }));

		// Devices: "Last seen" moves while the tool sends; dates in the technician's locale.
		await page.getByRole("link", { name: "Devices" }).click();
		const lastSeen = page.getByTestId("last-seen");
		await lastSeen.waitFor(WAIT);
		await expect.poll(() => lastSeen.textContent(), WAIT).toMatch(/just now|\d+ s ago/);
		expect(await page.locator(".devices").textContent()).not.toMatch(/\d+\/\d+\/\d{4}/);
		await shoot(page, "phone-devices");

		await phone.close();
		expect(pageErrors).toEqual([]);
		if (process.env.FIELDCHAIN_UPDATE_SCREENSHOTS === "1") {
			mkdirSync(SHOTS_IN_REPO, { recursive: true });
			for (const file of readdirSync(SHOTS_OF_RUN).filter((name) => name.startsWith("phone-")))
				copyFileSync(join(SHOTS_OF_RUN, file), join(SHOTS_IN_REPO, file));
		}
	}, 300_000);
});
