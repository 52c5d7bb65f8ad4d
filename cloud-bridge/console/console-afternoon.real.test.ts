/**
 * An approver's afternoon in the office console, in Debian's Chromium against the real billing
 * service over HTTP: sign in with the keyboard, approve one time entry, reject another with a
 * reason (which the billing API then gives the technician's side), approve the milestone; the
 * billing clerk releases it and opens the invoice's trace. axe-core runs on every view (zero
 * serious or critical violations), at 1280×800 and on a 1024×768 tablet, and the page requests
 * nothing outside the service. Screenshots go to test-output/screenshots/ on every run and, with
 * FIELDCHAIN_UPDATE_SCREENSHOTS=1, to docs/screenshots/console-*.png for the README.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConsoleBundle } from "./static-console.js";
import { type OfficeFixture, PASSWORD, startOfficeFixture } from "./testing/office-fixture.js";

const WAIT = { timeout: 15_000 };
const ROOT = join(import.meta.dirname, "..", "..");
const SHOTS_OF_RUN = join(ROOT, "test-output", "screenshots");
const SHOTS_IN_REPO = join(ROOT, "docs", "screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let f: OfficeFixture;
let browser: Browser;
const outside: string[] = [];

async function shoot(page: Page, name: string): Promise<void> {
	mkdirSync(SHOTS_OF_RUN, { recursive: true });
	const path = join(SHOTS_OF_RUN, `${name}.png`);
	await page.screenshot({ path });
	if (process.env.FIELDCHAIN_UPDATE_SCREENSHOTS === "1") copyFileSync(path, join(SHOTS_IN_REPO, `${name}.png`));
}

/** axe-core, evaluated through the DevTools protocol (the page's CSP allows no injected script), must find nothing serious. */
async function expectAccessible(page: Page, where: string): Promise<void> {
	await page.evaluate(AXE);
	// A string, evaluated in the page: axe is a global there, and this file has no DOM types.
	const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
		r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) })))`)) as {
		id: string;
		impact: string;
		targets: string[];
	}[];
	expect({ where, serious: violations.filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical") }).toEqual({ where, serious: [] });
}

async function openConsole(width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height }, locale: "en-GB", timezoneId: "Europe/Brussels" });
	const page = await context.newPage();
	page.on("request", (request) => {
		if (!request.url().startsWith(f.service.url)) outside.push(request.url());
	});
	await page.goto(`${f.service.url}/console/`);
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

async function noSideScroll(page: Page): Promise<void> {
	expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
}

beforeAll(async () => {
	if (!findConsoleBundle()) throw new Error("dist/console is missing: run node scripts/build.mjs (npm test builds it first).");
	f = await startOfficeFixture();
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await f?.service.close();
});

describe("office console: an approver's afternoon", () => {
	it("signs in, approves one entry, rejects another with a reason, approves and releases the milestone, opens the invoice trace", async () => {
		const page = await openConsole(1280, 800);
		await expectAccessible(page, "sign-in");
		await shoot(page, "console-sign-in");

		await signInWithKeyboard(page, "alice");
		await page.getByRole("heading", { name: "Time waiting for approval" }).waitFor(WAIT);
		await page.getByText("Insulation test").first().waitFor(WAIT);
		await expectAccessible(page, "approvals");
		await noSideScroll(page);
		await shoot(page, "console-approvals");

		// Approve the billable work entry (the first row), reject the travel entry with a reason.
		await press(page, /^Approve TECH1, Insulation test/);
		await page.getByRole("status").filter({ hasText: "Approved TECH1" }).waitFor(WAIT);
		await press(page, /^Reject… TECH1/);
		const reason = page.getByLabel("Reason (the technician sees it)");
		await reason.waitFor(WAIT);
		await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.tagName")).toBe("TEXTAREA");
		await page.keyboard.type("Travel back to the depot is not billable to this customer; please book it on the internal order.");
		await expectAccessible(page, "reject form");
		await shoot(page, "console-reject");
		await page.keyboard.press("Tab");
		await page.keyboard.press("Enter");
		await page.getByRole("status").filter({ hasText: "Rejected TECH1" }).waitFor(WAIT);
		await page.getByText("No submitted time is waiting").waitFor(WAIT);

		// The billing API now tells the technician's side: rejected, with the reason.
		const travel = await f.service.request("GET", `/v1/time-entries/${f.travelEntryId}`);
		expect(travel.body.status).toBe("rejected");
		const approvals = await f.service.request("GET", "/v1/work-orders/WO1/approvals");
		expect(approvals.body.approvals).toContainEqual(
			expect.objectContaining({ subjectId: f.travelEntryId, decision: "rejected", approverId: "alice", reason: expect.stringContaining("not billable") }),
		);
		expect((await f.service.request("GET", `/v1/time-entries/${f.workEntryId}`)).body.status).toBe("approved");

		// Approve the milestone.
		await press(page, "Milestones & invoices", "link");
		await page.getByRole("heading", { name: "Milestones and invoices" }).waitFor(WAIT);
		await page.getByText("Nothing missing: ready for approval.").waitFor(WAIT);
		await press(page, /^Approve Inspection complete/);
		await page.getByRole("status").filter({ hasText: "Approved milestone" }).waitFor(WAIT);
		expect(await page.getByRole("button", { name: /^Release/ }).count()).toBe(0);
		await press(page, "Sign out");
		await page.getByRole("heading", { name: "fieldchain office console" }).waitFor(WAIT);

		// The billing clerk releases it and follows the invoice to its trace.
		await signInWithKeyboard(page, "bruno");
		await press(page, "Milestones & invoices", "link");
		await page.getByRole("button", { name: /^Release Inspection complete/ }).waitFor(WAIT);
		await expectAccessible(page, "milestones");
		await shoot(page, "console-milestones");
		await press(page, /^Release Inspection complete/);
		await page.getByRole("status").filter({ hasText: "Released Inspection complete" }).waitFor(WAIT);
		await press(page, /^Invoice /, "link");
		await page.getByRole("heading", { name: /^Invoice / }).waitFor(WAIT);
		await page
			.getByText(/sha256 [0-9a-f]{12}/)
			.first()
			.waitFor(WAIT);
		await page
			.getByText(/time-entry approved by alice/)
			.first()
			.waitFor(WAIT);
		await expectAccessible(page, "invoice trace");
		await noSideScroll(page);
		await shoot(page, "console-invoice-trace");

		// On a tablet the same trace fits without sideways scrolling.
		const tablet = await openConsole(1024, 768);
		await signInWithKeyboard(tablet, "bruno");
		await tablet.getByRole("heading", { name: "Time waiting for approval" }).waitFor(WAIT);
		await press(tablet, "Milestones & invoices", "link");
		await tablet.getByRole("link", { name: /^Invoice / }).waitFor(WAIT);
		await noSideScroll(tablet);
		await expectAccessible(tablet, "tablet milestones");
		await shoot(tablet, "console-milestones-tablet");

		expect(outside).toEqual([]);
	}, 180_000);
});
