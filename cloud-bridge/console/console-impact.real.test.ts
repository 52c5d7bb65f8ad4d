/**
 * An impact preview walked through to apply in the office console, in Debian's Chromium against the
 * real billing service over HTTP, keyboard only: compose an SLA change (a faster respond and
 * resolve target), set it aside and compare it with a milder alternative, preview the plan (the
 * work order's deadlines before → after, the cost-range chart), fetch the signed pack as HTML and
 * PDF, try to apply before the customer's approval (refused in words), record the approval, see a
 * plan gone stale after the work order changed refused in words, preview it again and apply. The
 * service then holds version 2 of the policy and the work order names it. axe-core finds nothing
 * serious or critical on the way; the page requests nothing outside the service. Screenshots go to
 * test-output/screenshots/ on every run and, with FIELDCHAIN_UPDATE_SCREENSHOTS=1, to
 * docs/screenshots/console-impact*.png for the README.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { items } from "../../model/testing/builders.js";
import { expectOk } from "../billing/testing/scenario.js";
import { findConsoleBundle } from "./static-console.js";
import { type OfficeFixture, PASSWORD, startOfficeFixture } from "./testing/office-fixture.js";

const WAIT = { timeout: 20_000 };
const HOUR = 3_600_000;
const ROOT = join(import.meta.dirname, "..", "..");
const SHOTS_OF_RUN = join(ROOT, "test-output", "screenshots");
const SHOTS_IN_REPO = join(ROOT, "docs", "screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let f: OfficeFixture;
let browser: Browser;
const outside: string[] = [];

/** The viewport, or one part of the page (the plan card) whole. */
async function shoot(page: Page, name: string, part?: Locator): Promise<void> {
	mkdirSync(SHOTS_OF_RUN, { recursive: true });
	const path = join(SHOTS_OF_RUN, `${name}.png`);
	await (part ?? page).screenshot({ path });
	if (process.env.FIELDCHAIN_UPDATE_SCREENSHOTS === "1") copyFileSync(path, join(SHOTS_IN_REPO, `${name}.png`));
}

/** axe-core, evaluated through the DevTools protocol (the page's CSP allows no injected script), must find nothing serious. */
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

/** Keyboard only: focus the control as Tab would reach it, then press Enter. */
async function press(page: Page, name: string | RegExp, role: "button" | "link" = "button"): Promise<void> {
	const control = page.getByRole(role, { name }).first();
	await control.waitFor(WAIT);
	await control.focus();
	await page.keyboard.press("Enter");
}

/** Keyboard only: replace a field's text as a user would (select all, type). */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
	const field = page.getByLabel(label, { exact: true });
	await field.focus();
	await page.keyboard.press("Control+A");
	await page.keyboard.type(text);
}

/** Keyboard only: arrow through a closed select (down, then up from the end) until the wanted option is chosen. */
async function choose(page: Page, label: string, value: string): Promise<void> {
	const select = page.getByLabel(label, { exact: true });
	await select.focus();
	let key = "ArrowDown";
	for (let i = 0; i < 24 && (await select.inputValue()) !== value; i++) {
		const before = await select.inputValue();
		await page.keyboard.press(key);
		// At the last option, turn round.
		if ((await select.inputValue()) === before) key = "ArrowUp";
	}
	expect(await select.inputValue()).toBe(value);
}

/** The id of the plan on show (its heading names it). */
async function planId(page: Page): Promise<string> {
	const heading = await page.getByRole("heading", { name: /^Plan: / }).textContent();
	return /imp_[0-9a-f-]+/.exec(heading ?? "")?.[0] ?? "";
}

const alert = (page: Page) => page.getByRole("alert");
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).waitFor(WAIT);

beforeAll(async () => {
	if (!findConsoleBundle()) throw new Error("dist/console is missing: run node scripts/build.mjs (npm test builds it first).");
	f = await startOfficeFixture();
	const now = Date.now();
	// Open work of customer C1 under a gold SLA, and the policies an office keeps (created over the API).
	expectOk(
		await f.service.request("POST", "/v1/work-orders", {
			body: {
				id: "WO7",
				customerId: "C1",
				siteId: "S1",
				assetId: "A1",
				title: "Boiler service",
				priority: "normal",
				sla: { respondBy: now + 72 * HOUR, resolveBy: now + 288 * HOUR },
			},
		}),
		201,
	);
	// Its one task has been done before (WO1's approved "Insulation test" time), so the cost ranges have history to draw from.
	expectOk(
		await f.service.request("POST", "/v1/work-orders/WO7/tasks", {
			body: { id: "T7", title: "Insulation test", estimatedMinutes: 90, checklist: [items.safety(), items.insulation()] },
		}),
		201,
	);
	const targets = [
		{ priority: "emergency", respondMinutes: 240, resolveMinutes: 960 },
		{ priority: "high", respondMinutes: 1440, resolveMinutes: 5760 },
		{ priority: "normal", respondMinutes: 4320, resolveMinutes: 17280 },
		{ priority: "low", respondMinutes: 10080, resolveMinutes: 40320 },
	];
	expectOk(
		await f.service.request("POST", "/v1/policies", { body: { kind: "sla-policy", id: "sla-gold", name: "Gold contract", customerIds: ["C1"], targets } }),
		201,
	);
	expectOk(
		await f.service.request("POST", "/v1/policies", {
			body: { kind: "price-list", id: "prices-2027", name: "Prices 2027", currency: "EUR", ratesPerHourMinor: { work: 9000, travel: 4500 } },
		}),
		201,
	);
	expectOk(
		await f.service.request("POST", "/v1/policies", {
			body: { kind: "checklist-template", id: "checklist-boiler", name: "Boiler service", items: [items.photo()], milestoneEvidence: ["photo"] },
		}),
		201,
	);
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await f?.service.close();
});

describe("office console: an impact preview through to apply", () => {
	it("composes, compares, previews, downloads the pack, records the approval, meets a stale plan, applies", async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB", timezoneId: "Europe/Brussels" });
		const page = await context.newPage();
		page.on("request", (request) => {
			if (!request.url().startsWith(f.service.url)) outside.push(request.url());
		});
		await page.goto(`${f.service.url}/console/`);
		await page.getByRole("heading", { name: "fieldchain office console" }).waitFor(WAIT);
		await page.keyboard.press("Tab");
		await page.keyboard.type("alice");
		await page.keyboard.press("Tab");
		await page.keyboard.type(PASSWORD);
		await page.keyboard.press("Enter");

		await press(page, "Impact", "link");
		await page.getByRole("heading", { name: "Impact previews" }).waitFor(WAIT);
		await page.getByLabel("Policy to change").waitFor(WAIT);

		// Alternative A: normal priority respond within 8 h, resolve within 48 h.
		await choose(page, "Policy to change", "sla-gold");
		expect(await page.getByLabel("Respond within (hours)").inputValue()).toBe("72");
		await typeInto(page, "Respond within (hours)", "8");
		await typeInto(page, "Resolve within (hours)", "48");
		await typeInto(page, "Name of the change", "Gold: 8 h response");
		await press(page, "Set aside as alternative A");
		await status(page, "Set aside “Gold: 8 h response” as alternative A");

		// The change to preview: respond within 4 h, resolve within 24 h, the customer signs the pack off first.
		await typeInto(page, "Respond within (hours)", "4");
		await typeInto(page, "Resolve within (hours)", "24");
		await typeInto(page, "Name of the change", "Gold: 4 h response");
		await typeInto(page, "Only these work orders (ids, comma-separated; empty: all)", "WO7");
		await page.getByLabel("customer", { exact: true }).focus();
		await page.keyboard.press("Space");
		expect(await page.getByLabel("customer", { exact: true }).isChecked()).toBe(true);
		await press(page, "Compare with alternative A");
		const compared = page.getByRole("table").filter({ hasText: "Deadlines moved" }).first();
		await compared.waitFor(WAIT);
		await page.getByRole("columnheader", { name: "A: Gold: 8 h response" }).waitFor(WAIT);
		await page.getByRole("columnheader", { name: "B: Gold: 4 h response" }).waitFor(WAIT);

		await press(page, "Preview the plan");
		await status(page, /Plan imp_[0-9a-f-]+ ready: nothing has changed yet/);
		const moved = page.getByRole("table", { name: "Work orders whose deadlines move" });
		await moved.getByRole("cell", { name: /WO7 · Boiler service/ }).waitFor(WAIT);
		await page.getByRole("img", { name: /Cost ranges of Gold: 4 h response/ }).waitFor(WAIT);
		await expectAccessible(page, "impact plan");
		expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
		// Only WO7 was in scope: WO1 (also open, also customer C1) is left alone.
		expect(await moved.getByRole("cell", { name: /WO1/ }).count()).toBe(0);
		await shoot(page, "console-impact", page.locator("section.card").filter({ has: page.getByRole("heading", { name: /^Plan: / }) }));
		// Nothing changed yet.
		expect((await f.service.request("GET", "/v1/policies/sla-policy/sla-gold")).body.version).toBe(1);

		// The signed pack, as the links fetch it with the session cookie.
		const htmlHref = await page.getByRole("link", { name: "Readiness pack (HTML)" }).getAttribute("href");
		const pdfHref = await page.getByRole("link", { name: "Readiness pack (PDF)" }).getAttribute("href");
		const html = await context.request.get(`${f.service.url}${htmlHref}`);
		expect(html.status()).toBe(200);
		expect(html.headers()["content-type"]).toContain("text/html");
		expect(html.headers()["fieldchain-pack-signature"]).toMatch(/ed25519=/);
		expect(await html.text()).toContain("Gold: 4 h response");
		const pdf = await context.request.get(`${f.service.url}${pdfHref}`);
		expect(pdf.status()).toBe(200);
		expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

		// Apply before the customer's approval: refused, in words.
		await press(page, "Apply this plan");
		await alert(page).filter({ hasText: "Not applied: a pack approval is missing" }).waitFor(WAIT);
		expect(await alert(page).textContent()).toContain("needs the customer approval");

		await typeInto(page, "Note (kept with the decision)", "Signed off by the customer's facilities manager");
		await press(page, "Record decision");
		await status(page, "Recorded the customer decision: approved.");
		await page.getByText(/customer: approved by alice/).waitFor(WAIT);

		// Meanwhile the work order changes: the plan read it, so it is stale now.
		const order = expectOk<{ version: number }>(await f.service.request("GET", "/v1/work-orders/WO7"));
		expectOk(await f.service.request("PATCH", "/v1/work-orders/WO7", { body: { title: "Boiler service and flue check", version: order.version } }));
		await press(page, "Apply this plan");
		await alert(page).filter({ hasText: "Not applied: this plan is stale" }).waitFor(WAIT);
		expect(await alert(page).textContent()).toMatch(/something it read has changed since it was made.*Preview the change set again/);
		await expectAccessible(page, "stale refusal");
		await page.getByRole("button", { name: "Preview the same change again" }).scrollIntoViewIfNeeded();
		await shoot(page, "console-impact-stale");
		expect((await f.service.request("GET", "/v1/policies/sla-policy/sla-gold")).body.version).toBe(1);

		// A fresh plan of the same change: approve its pack, apply.
		await press(page, "Preview the same change again");
		await status(page, /Plan imp_[0-9a-f-]+ ready/);
		await moved.getByRole("cell", { name: /WO7 · Boiler service and flue check/ }).waitFor(WAIT);
		await typeInto(page, "Note (kept with the decision)", "Re-checked after the scope change");
		await press(page, "Record decision");
		await status(page, "Recorded the customer decision: approved.");
		await press(page, "Apply this plan");
		await status(page, /^Applied imp_/);
		await page.getByText(/Applied .* by alice\./).waitFor(WAIT);
		await expectAccessible(page, "applied");

		const policy = expectOk<{ version: number; targets: { priority: string; respondMinutes: number }[] }>(
			await f.service.request("GET", "/v1/policies/sla-policy/sla-gold"),
		);
		expect(policy.version).toBe(2);
		expect(policy.targets.find((t) => t.priority === "normal")?.respondMinutes).toBe(240);
		expect(expectOk<{ slaPolicy: unknown }>(await f.service.request("GET", "/v1/work-orders/WO7")).slaPolicy).toEqual({ id: "sla-gold", version: 2 });
		// The list in the composer now offers version 2.
		await page.getByRole("option", { name: /Gold contract \(sla-gold, v2\)/ }).waitFor({ state: "attached", ...WAIT });

		// The other kinds compose into change sets the service plans: a part's price, a new checklist item.
		await choose(page, "Policy to change", "prices-2027");
		await choose(page, "What", "sku");
		await typeInto(page, "Unit price", "12.50");
		await page.getByText("Name the part (SKU) whose price changes.").waitFor(WAIT);
		expect(await page.getByRole("button", { name: "Preview the plan" }).isDisabled()).toBe(true);
		await typeInto(page, "SKU", "FUSE-10");
		await press(page, "Preview the plan");
		await page.getByText(/Policies: prices-2027 v1 → v2/).waitFor(WAIT);
		await choose(page, "Policy to change", "checklist-boiler");
		await typeInto(page, "Item id", "flue");
		await typeInto(page, "Label the technician sees", "flue gas reading photographed");
		await page.getByLabel(/evidence is needed before a billing milestone/).focus();
		await page.keyboard.press("Space");
		await press(page, "Preview the plan");
		await page.getByText(/Policies: checklist-boiler v1 → v2/).waitFor(WAIT);
		const boiler = (await f.service.request("GET", "/v1/impact/previews/" + (await planId(page)))).body;
		expect(boiler.changeSet.changes[0]).toMatchObject({
			kind: "checklist-template",
			milestoneEvidence: ["photo", "flue"],
			items: [{ id: "photo" }, { id: "flue", label: "flue gas reading photographed", required: true, requirement: { kind: "photo" } }],
		});

		// On a tablet the composer and plan fit without sideways scrolling.
		await page.setViewportSize({ width: 1024, height: 768 });
		expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
		expect(outside).toEqual([]);
	}, 240_000);

	it("is not offered to a dispatcher, whose role cannot plan or apply", async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`${f.service.url}/console/`);
		await page.getByRole("heading", { name: "fieldchain office console" }).waitFor(WAIT);
		await page.keyboard.press("Tab");
		await page.keyboard.type("dora");
		await page.keyboard.press("Tab");
		await page.keyboard.type(PASSWORD);
		await page.keyboard.press("Enter");
		await page.getByRole("navigation", { name: "Console" }).waitFor(WAIT);
		expect(await page.getByRole("link", { name: "Impact" }).count()).toBe(0);
		await page.close();
	}, 60_000);
});
