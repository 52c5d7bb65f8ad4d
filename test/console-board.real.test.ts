/**
 * A dispatcher's morning on the office console's schedule board, in Debian's Chromium against the
 * real billing service over HTTP, with a real gateway enrolled in it that serves technician Ana's
 * app and pulls her schedule. Dora signs in with the keyboard, optimises the day (the engine books
 * the waiting order), moves one visit with the keyboard (select the bar, move form, preview with
 * KPIs, apply), drags another to a colleague and discards the preview, sees the field's progress
 * arrive on the board by itself, and is told in words when a visit changed after her preview.
 * Ana's app, served by the gateway, then shows the new time and why it moved. axe-core finds
 * nothing serious at 1280×800 and on a 1024×768 tablet; the page requests nothing outside the
 * service. Screenshots go to test-output/screenshots/ and, with
 * FIELDCHAIN_UPDATE_SCREENSHOTS=1, to docs/screenshots/console-board*.png.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../cloud-bridge/billing/testing/harness.js";
import { createUser } from "../cloud-bridge/console/accounts.js";
import { findConsoleBundle } from "../cloud-bridge/console/static-console.js";
import { PASSWORD, TEST_KDF } from "../cloud-bridge/console/testing/office-fixture.js";
import { consoleStoreBeside } from "../cloud-bridge/console/users/open-store.js";
import { hashPassword } from "../gateway/auth/password-hash.js";
import { findWebBundle } from "../gateway/http/static-app.js";
import { parseUplinkConfig } from "../gateway/uplink/uplink-config.js";
import { make } from "../model/testing/builders.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";

const WAIT = { timeout: 20_000 };
const PIN = "246810";
const H = 3_600_000;
const ROOT = join(import.meta.dirname, "..");
const SHOTS_OF_RUN = join(ROOT, "test-output", "screenshots");
const SHOTS_IN_REPO = join(ROOT, "docs", "screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** Today, midnight UTC: the gateway's day (its process runs in UTC) and, an hour later, Brussels'. */
const DAY = Math.floor(Date.now() / 86_400_000) * 86_400_000;
const at = (hours: number) => DAY + hours * H;

let dir: string;
let service: TestService;
let gateway: GatewayFixture | undefined;
let browser: Browser;
const outside: string[] = [];

/** Three technicians who work every day 07:00–18:00 Brussels time; Ana's (TECH1) gateway serves her app. */
function morning() {
	const calendar = { timeZone: "Europe/Brussels", workingWeek: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 420, endMinute: 1080 })) };
	const order = (id: string, title: string, extra = {}) =>
		make.workOrder({ id, rootId: id, title, plannedStart: null, plannedEnd: null, sla: { respondBy: at(20), resolveBy: at(30) }, ...extra });
	const visit = (id: string, workOrderId: string, technicianId: string, from: number, to: number, status = "scheduled") =>
		make.appointment({ id, workOrderId, technicianId, window: { start: at(from), end: at(to) }, status: status as "scheduled" });
	return {
		customers: [make.customer()],
		sites: [make.site()],
		assets: [make.asset()],
		rateCards: [make.rateCard()],
		technicians: [
			make.technician({ calendar }),
			make.technician({ id: "TECH2", name: "Ben Volt", calendar }),
			make.technician({ id: "TECH3", name: "Chloé Watt", calendar }),
		],
		workOrders: [
			order("WO1", "Transformer oil sample"),
			order("WO2", "Re-energise feeder", {
				dependencies: [{ predecessorId: "WO1", kind: "finish-to-start", lagMs: 0 }],
				sla: { respondBy: at(9), resolveBy: at(11.5) },
			}),
			order("WO3", "Protection relay test"),
			order("WO4", "Breaker replacement", { status: "draft", priority: "high" }),
			order("WO5", "Thermal survey", { status: "in-progress", startedAt: at(7.2) }),
		],
		tasks: ["WO1", "WO2", "WO3", "WO4", "WO5"].map((workOrderId) => make.task({ id: `T-${workOrderId}`, workOrderId })),
		appointments: [
			visit("AP1", "WO1", "TECH1", 8, 9, "dispatched"),
			visit("AP2", "WO2", "TECH2", 10, 11),
			visit("AP3", "WO3", "TECH1", 12, 13),
			visit("AP5", "WO5", "TECH3", 7, 9, "on-site"),
		],
	};
}

async function shoot(page: Page, name: string): Promise<void> {
	mkdirSync(SHOTS_OF_RUN, { recursive: true });
	const path = join(SHOTS_OF_RUN, `${name}.png`);
	await page.screenshot({ path });
	if (process.env.FIELDCHAIN_UPDATE_SCREENSHOTS === "1") copyFileSync(path, join(SHOTS_IN_REPO, `${name}.png`));
}

async function expectAccessible(page: Page, where: string): Promise<void> {
	await page.evaluate(AXE);
	const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
		r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) })))`)) as {
		id: string;
		impact: string;
		targets: string[];
	}[];
	expect({ where, serious: violations.filter((v) => v.impact === "serious" || v.impact === "critical") }).toEqual({ where, serious: [] });
}

async function openConsole(width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height }, locale: "en-GB", timezoneId: "Europe/Brussels" });
	const page = await context.newPage();
	page.on("request", (request) => {
		if (!request.url().startsWith(service.url)) outside.push(request.url());
	});
	await page.goto(`${service.url}/console/`);
	return page;
}

async function signInWithKeyboard(page: Page, username: string): Promise<void> {
	await page.getByRole("heading", { name: "fieldchain office console" }).waitFor(WAIT);
	await page.keyboard.press("Tab");
	await page.keyboard.type(username);
	await page.keyboard.press("Tab");
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press("Enter");
}

/** Keyboard only: focus the control as Tab would reach it, then press Enter. */
async function press(page: Page, name: string | RegExp, role: "button" | "link" = "button"): Promise<void> {
	const control = page.getByRole(role, { name }).first();
	await control.waitFor(WAIT);
	await control.focus();
	await page.keyboard.press("Enter");
}

const bar = (page: Page, workOrderId: string) => page.locator(".board-grid").getByRole("button", { name: new RegExp(`^${workOrderId} `) });

// biome-ignore lint/suspicious/noExplicitAny: board bodies are read loosely; the service validates its responses against OpenAPI.
async function boardNow(): Promise<Map<string, any>> {
	const board = await service.request("GET", `/v1/schedule/board?from=${DAY - 86_400_000}&to=${DAY + 2 * 86_400_000}`);
	expect(board.status).toBe(200);
	return new Map(board.body.technicians.flatMap((row: { appointments: { workOrderId: string }[] }) => row.appointments.map((a) => [a.workOrderId, a])));
}

beforeAll(async () => {
	if (!findConsoleBundle() || !findWebBundle()) throw new Error("dist/console or dist/web is missing: run node scripts/build.mjs (npm test builds it first).");
	dir = mkdtempSync(join(tmpdir(), "fc-board-"));
	mkdirSync(join(dir, "billing"), { mode: 0o700 });
	service = await startTestService({ dir: join(dir, "billing") });
	const imported = await service.request("POST", "/v1/import", { body: morning() });
	expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);
	const store = consoleStoreBeside(service.storage);
	await createUser(store, { username: "dora", role: "dispatcher", displayName: "Dora Dispatch", password: PASSWORD }, Date.now(), TEST_KDF);
	await createUser(store, { username: "alice", role: "approver", displayName: "Alice Approver", password: PASSWORD }, Date.now(), TEST_KDF);
	const enrollment = await service.request("POST", "/v1/enrollments");
	expect(enrollment.status).toBe(201);
	const pinHash = await hashPassword(PIN, { ln: 10 });
	gateway = await startGateway(
		(config) => {
			config.gatewayId = "gw-ana";
			config.webApp = { technicians: [{ id: "TECH1", pinHash }], sessionHours: 12 };
			config.uplink = parseUplinkConfig({
				url: service.url,
				enrollmentToken: enrollment.body.enrollmentToken,
				idlePollMs: 100,
				// The pull: the gateway asks for Ana's schedule every second.
				downlink: { technicianIds: ["TECH1"], intervalMs: 1000 },
				retry: { initialDelayMs: 100, maxDelayMs: 500 },
			});
		},
		join(dir, "gateway"),
	);
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await gateway?.stop();
	await service?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("office console: a dispatcher's morning on the schedule board", () => {
	it("optimises the day, moves a visit by keyboard, drags one and discards it, sees the field live, and Ana's app shows the new time", async () => {
		const page = await openConsole(1280, 800);
		await signInWithKeyboard(page, "dora");
		// A dispatcher lands on the board.
		await page.getByRole("heading", { name: "Schedule board" }).waitFor(WAIT);
		await bar(page, "WO3").waitFor(WAIT);
		expect(await page.getByRole("link", { name: "Approvals" }).count()).toBe(0);
		// The waiting order is in the queue; WO2 waits for WO1 and is at risk of its SLA (said in words).
		await page
			.getByRole("complementary", { name: /Unassigned/ })
			.getByText("Breaker replacement")
			.waitFor(WAIT);
		expect(await bar(page, "WO2").textContent()).toMatch(/SLA (at risk|breached),.*after WO1/);
		expect(await bar(page, "WO5").textContent()).toContain("on site");
		expect(await page.locator(".board-links path[marker-end]").count()).toBe(1);
		await expectAccessible(page, "board");

		// Optimise the day for every technician: the plan books WO4; apply it.
		await press(page, /^Optimise the day \(3 technicians\)/);
		const plan = page.getByRole("region", { name: /^Optimised plan/ });
		await plan.waitFor(WAIT);
		await plan.getByRole("rowheader", { name: "WO4" }).waitFor(WAIT);
		expect(await plan.getByRole("cell", { name: "unassigned (new visit)" }).count()).toBeGreaterThanOrEqual(1);
		expect(await plan.getByRole("table").nth(1).textContent()).toContain("Visits booked");
		await expectAccessible(page, "plan preview");
		await press(page, "Apply plan");
		await page.getByRole("status").filter({ hasText: "Applied the plan" }).waitFor(WAIT);
		await bar(page, "WO4").waitFor(WAIT);
		await page.getByText("Every open work order has a visit.").waitFor(WAIT);
		expect((await boardNow()).get("WO4")).toMatchObject({ status: "scheduled" });

		// Move WO3 with the keyboard: select its bar, then Ana at 16:00 (Brussels) in the move form.
		const before = (await boardNow()).get("WO3");
		await bar(page, "WO3").focus();
		await page.keyboard.press("Enter");
		const form = page.getByRole("form", { name: /^Move WO3/ });
		await form.waitFor(WAIT);
		await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.tagName")).toBe("SELECT");
		await form.locator("select").selectOption("TECH1");
		// Date and time fields step through their parts with Tab in Chromium: go to each field directly.
		await form.locator('input[type="time"]').fill("16:00");
		await form.getByRole("textbox", { name: /^Reason/ }).focus();
		await page.keyboard.press("Control+A");
		await page.keyboard.type("Customer asked for the afternoon");
		await expectAccessible(page, "move form");
		await page.keyboard.press("Enter");
		const preview = page.getByRole("region", { name: /^Preview: move WO3 to Ana Field at 16:00/ });
		await preview.waitFor(WAIT);
		await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.id")).toBe("preview-title");
		expect(await preview.getByRole("row", { name: /^WO3/ }).textContent()).toContain("Ana Field 16:00–17:00");
		await expectAccessible(page, "move preview");
		await shoot(page, "console-board-preview");
		await press(page, "Apply move");
		await page.getByRole("status").filter({ hasText: "Moved WO3 to Ana Field at 16:00" }).waitFor(WAIT);
		const moved = (await boardNow()).get("WO3");
		expect(moved).toMatchObject({ technicianId: "TECH1", window: { start: at(15), end: at(16) }, version: before.version + 1 });
		expect(moved.lastMove).toMatchObject({ cause: "manual", reason: "Customer asked for the afternoon" });
		await expect.poll(() => bar(page, "WO3").textContent(), WAIT).toContain("16:00–17:00");

		// Drag WO2 onto Chloé's row: the preview names her; Discard changes nothing.
		const undragged = (await boardNow()).get("WO2");
		expect(undragged.technicianId).not.toBe("TECH3");
		const wo2 = await bar(page, "WO2").boundingBox();
		const chloe = await page.locator('[data-lane][data-technician="TECH3"]').boundingBox();
		if (!wo2 || !chloe) throw new Error("the board has no WO2 bar or no row for Chloé");
		await page.mouse.move(wo2.x + 6, wo2.y + wo2.height / 2);
		await page.mouse.down();
		await page.mouse.move(wo2.x + 6, chloe.y + chloe.height / 2, { steps: 8 });
		await page.mouse.move(wo2.x + 6 + 40, chloe.y + chloe.height / 2, { steps: 4 });
		await page.mouse.up();
		const dragged = page.getByRole("region", { name: /^Preview: move WO2 to Chloé Watt at/ });
		await dragged.waitFor(WAIT);
		expect(await dragged.getByRole("row", { name: /^WO2/ }).textContent()).toContain("Chloé Watt");
		await press(page, "Discard");
		await page.getByRole("status").filter({ hasText: "Discarded: nothing changed." }).waitFor(WAIT);
		expect((await boardNow()).get("WO2")).toEqual(undragged);

		// The field moves on: Ana sets out for WO1; the board shows it without a reload.
		expect((await service.request("POST", "/v1/appointments/AP1/status", { body: { status: "en-route" } })).status).toBe(200);
		await expect.poll(() => bar(page, "WO1").textContent(), WAIT).toContain("en route");
		await expectAccessible(page, "board after the morning");
		await shoot(page, "console-board");

		// Stale: someone else moves WO4 while Dora looks at her preview; Apply is refused in words, nothing is overwritten.
		const wo4 = (await boardNow()).get("WO4");
		await bar(page, "WO4").focus();
		await page.keyboard.press("Enter");
		await page.getByRole("form", { name: /^Move WO4/ }).waitFor(WAIT);
		await page
			.getByRole("form", { name: /^Move WO4/ })
			.locator('input[type="time"]')
			.fill("17:00");
		await press(page, "Preview move");
		await page.getByRole("region", { name: /^Preview: move WO4/ }).waitFor(WAIT);
		const elsewhere = { start: wo4.window.start + H, end: wo4.window.end + H };
		expect((await service.request("POST", `/v1/appointments/${wo4.id}/reschedule`, { body: { window: elsewhere, reason: "phoned in" } })).status).toBe(200);
		await press(page, "Apply move");
		await page.getByRole("alert").filter({ hasText: "Not moved: WO4 was changed by someone else after your preview" }).waitFor(WAIT);
		expect((await boardNow()).get("WO4")).toMatchObject({ window: elsewhere, version: wo4.version + 1 });
		expect(await page.getByRole("region", { name: /^Preview:/ }).count()).toBe(0);

		// The week view, and the tablet.
		await press(page, "Week");
		await page.getByRole("heading", { name: /^Week of / }).waitFor(WAIT);
		await bar(page, "WO3").waitFor(WAIT);
		await expectAccessible(page, "week");
		await shoot(page, "console-board-week");
		const tablet = page;
		await tablet.setViewportSize({ width: 1024, height: 768 });
		await press(tablet, "Day");
		await tablet.getByRole("heading", { name: /^Week of / }).waitFor({ state: "detached", ...WAIT });
		await bar(tablet, "WO3").waitFor(WAIT);
		await expectAccessible(tablet, "board on a tablet");
		expect(await tablet.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
		await shoot(tablet, "console-board-tablet");
		expect(outside).toEqual([]);

		// Ana's app, served by her gateway, shows the new time and why it moved.
		const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: "en-GB", timezoneId: "Europe/Brussels" });
		const app = await phone.newPage();
		await app.goto(`${gateway!.baseUrl}/app/`);
		await app.getByLabel("PIN", { exact: true }).fill(PIN);
		await app.getByRole("button", { name: "Sign in" }).click();
		await app.getByRole("heading", { name: /^Today/ }).waitFor(WAIT);
		const card = app.getByRole("listitem", { name: /^Visit WO3:/ });
		await app.screenshot({ path: join(SHOTS_OF_RUN, "board-technician-app.png") });
		await expect
			.poll(async () => {
				await app.reload();
				await app.getByRole("heading", { name: /^Today/ }).waitFor(WAIT);
				return (await card.count()) ? card.locator(".when").textContent() : null;
			}, WAIT)
			.toMatch(/^16:00–17:00/);
		expect(await card.getByTestId("appointment-moved").textContent()).toContain("Customer asked for the afternoon");
	}, 180_000);

	it("an approver sees the board but cannot plan or move", async () => {
		const page = await openConsole(1280, 800);
		await signInWithKeyboard(page, "alice");
		await press(page, "Schedule board", "link");
		await page.getByRole("heading", { name: "Schedule board" }).waitFor(WAIT);
		await bar(page, "WO1").waitFor(WAIT);
		expect(await page.getByRole("button", { name: /^Optimise/ }).count()).toBe(0);
		expect(await page.getByRole("checkbox").count()).toBe(0);
		await bar(page, "WO2").focus();
		await page.keyboard.press("Enter");
		expect(await page.getByRole("form", { name: /^Move/ }).count()).toBe(0);
	}, 60_000);
});
