/**
 * The billing clerk's and the admin's side of the office console, in Debian's Chromium against the
 * real billing service over HTTP: the clerk records the customer's dispute of a released milestone
 * and issues a credit note on its invoice; the admin opens the gateways view and revokes one (after
 * confirming), then opens the webhooks view and redelivers a delivery that failed against a real
 * receiver. Events travel the real path (outbox, relay, dispatcher, signed POST). axe-core finds
 * no serious or critical violation on any view, at 1280×800 and on a 1024×768 tablet. Screenshots
 * as in console-afternoon.real.test.ts (docs/screenshots/ with FIELDCHAIN_UPDATE_SCREENSHOTS=1).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/support/wait.js";
import { TARGET_SAFETY } from "../billing/testing/scenario.js";
import { type BillingEvent, MemoryEventSink } from "../events/billing-events.js";
import { WebhookDispatcher } from "../webhooks/dispatcher.js";
import { webhookRouteSpecs } from "../webhooks/routes.js";
import { SqliteWebhookStore } from "../webhooks/sqlite-store.js";
import { startReceiver, type TestReceiver } from "../webhooks/testing/receiver.js";
import { findConsoleBundle } from "./static-console.js";
import { type OfficeFixture, PASSWORD, startOfficeFixture } from "./testing/office-fixture.js";

const WAIT = { timeout: 15_000 };
const ROOT = join(import.meta.dirname, "..", "..");
const SHOTS_OF_RUN = join(ROOT, "test-output", "screenshots");
const SHOTS_IN_REPO = join(ROOT, "docs", "screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Keeps every event for the assertions and hands it on to the webhook dispatcher, as the service's sink. */
class TeeSink extends MemoryEventSink {
	constructor(private readonly dispatcher: WebhookDispatcher) {
		super();
	}
	override async publish(event: BillingEvent): Promise<void> {
		await super.publish(event);
		await this.dispatcher.publish(event);
	}
}

let f: OfficeFixture;
let browser: Browser;
let receiver: TestReceiver;
let dispatcher: WebhookDispatcher;
let webhookStore: SqliteWebhookStore;
let receiverHealthy = false;
let lostFrom = 0;
const dir = mkdtempSync(join(tmpdir(), "fc-console-admin-"));
const outside: string[] = [];

async function shoot(page: Page, name: string): Promise<void> {
	mkdirSync(SHOTS_OF_RUN, { recursive: true });
	const path = join(SHOTS_OF_RUN, `${name}.png`);
	await page.screenshot({ path, fullPage: true });
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

const focusedTag = (page: Page) => page.evaluate("document.activeElement && document.activeElement.tagName");

beforeAll(async () => {
	if (!findConsoleBundle()) throw new Error("dist/console is missing: run node scripts/build.mjs (npm test builds it first).");
	receiver = await startReceiver(() => ({ status: receiverHealthy ? 204 : 503 }));
	webhookStore = new SqliteWebhookStore(join(dir, "webhooks.sqlite"));
	dispatcher = new WebhookDispatcher({
		store: webhookStore,
		retry: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 2 },
		pollIntervalMs: 100,
		webhookAllow: ["127.0.0.0/8"],
	});
	f = await startOfficeFixture({ events: new TeeSink(dispatcher), routes: webhookRouteSpecs(dispatcher) });
	const subscribed = await f.service.request("POST", "/v1/webhooks/subscriptions", {
		body: { url: receiver.url, eventTypes: ["credit_note.issued"], description: "Accounts receivable (ERP)" },
	});
	expect(subscribed.status).toBe(201);
	dispatcher.start();
	// The approver's afternoon is done: work approved, travel rejected, milestone approved and released.
	const r = f.service.request.bind(f.service);
	expect((await r("POST", `/v1/time-entries/${f.workEntryId}/approve`, { token: f.service.tokens.approver, body: { reason: "ok" } })).status).toBe(200);
	expect((await r("POST", `/v1/time-entries/${f.travelEntryId}/reject`, { token: f.service.tokens.approver, body: { reason: "not billable" } })).status).toBe(
		200,
	);
	expect((await r("POST", "/v1/milestones/M1/approve", { token: f.service.tokens.approver, body: { reason: "all there" } })).status).toBe(200);
	expect((await r("POST", "/v1/milestones/M1/release", { token: f.service.tokens.releaser })).status).toBe(201);
	// The gateway's last three records; only the third reaches the service: two are lost with the device.
	const gw = f.scenario.gateway;
	lostFrom = gw.records.length + 1;
	for (const n of [1, 2, 3]) gw.acknowledgement(TARGET_SAFETY, `Site check ${n}`);
	gw.seal();
	const gap = await r("POST", "/v1/evidence/batches", { token: f.scenario.gatewayToken, body: gw.batch(lostFrom + 2, lostFrom + 2) });
	expect(gap.body.gap).toMatchObject({ expectedSeq: lostFrom, receivedSeq: lostFrom + 2 });
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await dispatcher?.close();
	await f?.service.close();
	await webhookStore?.close();
	await receiver?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe("office console: credit notes, gateways and webhooks", () => {
	it("disputes a released milestone's invoice and credits it, revokes a gateway after confirming, redelivers a failed webhook", async () => {
		const page = await openConsole(1280, 800);

		// The billing clerk records the customer's dispute, then credits the invoice.
		await signInWithKeyboard(page, "bruno");
		await press(page, "Milestones & invoices", "link");
		await press(page, /^Dispute… Inspection complete/);
		await page.getByLabel(/^Reason for “record dispute”/).waitFor(WAIT);
		await expect.poll(() => focusedTag(page)).toBe("TEXTAREA");
		await page.keyboard.type("Customer: the second fuse was never fitted; asks for the part and its labour back.");
		await press(page, "Record dispute");
		await page.getByRole("status").filter({ hasText: "Record dispute: done" }).waitFor(WAIT);
		await press(page, /^Invoice /, "link");
		await page.getByRole("heading", { name: "Credit notes" }).waitFor(WAIT);
		await page.getByText("No credit note on this invoice.").waitFor(WAIT);
		await press(page, "Credit note…");
		await expect.poll(() => focusedTag(page)).toBe("TEXTAREA");
		await page.keyboard.type("Second fuse not fitted (customer dispute): part credited.");
		const invoiceId = decodeURIComponent((await page.evaluate("location.hash")) as string).replace("#/invoices/", "");
		const invoice = (await f.service.request("GET", `/v1/invoices/${invoiceId}`)).body;
		const partLine = invoice.lines.find((l: { source: { kind: string } }) => l.source.kind === "line-item");
		const amount = page.getByLabel(new RegExp(`^${partLine.lineNo} `));
		// Too much first: the form says how much is left and will not submit.
		await amount.fill(((partLine.amountMinor + 1) / 100).toFixed(2));
		await page.getByText(/is left to credit/).waitFor(WAIT);
		expect(await page.getByRole("button", { name: "Issue credit note" }).isDisabled()).toBe(true);
		await amount.fill("7.50");
		await page.getByText("Total credit: €7.50").waitFor(WAIT);
		await expectAccessible(page, "credit note form");
		await noSideScroll(page);
		await shoot(page, "console-credit-note");
		await press(page, "Issue credit note");
		await page
			.getByRole("status")
			.filter({ hasText: `Issued credit note ${invoiceId}-CN1 for €7.50` })
			.waitFor(WAIT);
		await page.getByText(/issued .* by bruno/).waitFor(WAIT);
		await expectAccessible(page, "credit note issued");
		const notes = (await f.service.request("GET", `/v1/invoices/${invoiceId}/credit-notes`)).body.creditNotes;
		expect(notes).toEqual([
			expect.objectContaining({ issuedBy: "bruno", totalMinor: 750, reason: "Second fuse not fitted (customer dispute): part credited." }),
		]);
		// The credit_note.issued webhook went out to a receiver that is down: it fails after its two attempts.
		await waitFor("the credit note's delivery to fail", async () => {
			const [d] = await webhookStore.listDeliveries({ status: "failed" });
			return d?.eventType === "credit_note.issued" ? d : undefined;
		});
		await press(page, "Sign out");

		// The admin: gateways, with last receipt, chain and trust; revoke after confirming.
		await signInWithKeyboard(page, "adam");
		await press(page, "Gateways", "link");
		await page.getByRole("rowheader", { name: /gw-1/ }).waitFor(WAIT);
		await page.getByText(/#\d+ accepted, sealed to #\d+/).waitFor(WAIT);
		await page
			.getByText(/^(just now|\d+ min ago)$/)
			.first()
			.waitFor(WAIT);
		// Acknowledge the gap (records lost with a destroyed device), with a reason.
		const gapName = `#${lostFrom}–#${lostFrom + 1}`;
		await page.getByText(`gap ${gapName}`).waitFor(WAIT);
		await press(page, `Acknowledge gap… ${gapName} of gateway gw-1`);
		await expect.poll(() => focusedTag(page)).toBe("TEXTAREA");
		await page.keyboard.type("Tablet crushed on site before upload; records cannot be recovered.");
		await press(page, "Acknowledge as lost");
		await page
			.getByRole("status")
			.filter({ hasText: `Acknowledged records ${gapName} of gw-1 as lost` })
			.waitFor(WAIT);
		await page.getByText(`lost ${gapName}`).waitFor(WAIT);
		await page.getByText(/acknowledged by adam, .*Tablet crushed on site/).waitFor(WAIT);
		const gaps = (await f.service.request("GET", "/v1/gateways/gw-1/gaps")).body.gaps;
		expect(gaps).toEqual([
			expect.objectContaining({
				fromSeq: lostFrom,
				toSeq: lostFrom + 1,
				status: "acknowledged",
				acknowledgement: expect.objectContaining({ acknowledgedBy: "adam" }),
			}),
		]);
		await press(page, "Revoke… gateway gw-1");
		await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.textContent")).toBe("Revoke gateway gw-1");
		await expectAccessible(page, "gateways, confirming revocation");
		await noSideScroll(page);
		await shoot(page, "console-gateways");
		await page.keyboard.press("Enter");
		await page.getByRole("status").filter({ hasText: "Revoked gateway gw-1" }).waitFor(WAIT);
		await page.getByText(/^revoked /).waitFor(WAIT);
		expect((await f.service.request("GET", "/v1/gateways")).body.gateways).toContainEqual(expect.objectContaining({ id: "gw-1", revoked: true }));
		// Its token is refused from now on.
		expect((await f.service.request("GET", "/v1/work-orders/WO1", { token: f.scenario.gatewayToken })).status).toBe(401);

		// Webhooks: the subscription, the failed delivery with its attempts; redeliver it once the receiver is back.
		await press(page, "Webhooks", "link");
		await page.getByText("Accounts receivable (ERP)").waitFor(WAIT);
		await page.getByText("HTTP 503").first().waitFor(WAIT);
		receiverHealthy = true;
		await press(page, /^Redeliver credit_note\.issued/);
		await page.getByRole("status").filter({ hasText: "Queued credit_note.issued" }).waitFor(WAIT);
		await waitFor("the redelivery to succeed", async () => ((await webhookStore.listDeliveries({ status: "succeeded" })).length === 1 ? true : undefined));
		await press(page, "Refresh");
		await page.getByText("Redelivery asked by adam").waitFor(WAIT);
		await page.locator(".badge", { hasText: "succeeded" }).waitFor(WAIT);
		expect(await page.getByRole("button", { name: /^Redeliver/ }).count()).toBe(0);
		await expectAccessible(page, "webhooks");
		await noSideScroll(page);
		await shoot(page, "console-webhooks");
		const delivered = receiver.requests.filter((q) => q.headers["fieldchain-event-type"] === "credit_note.issued");
		expect(delivered.map((q) => q.headers["fieldchain-delivery-attempt"])).toEqual(["1", "2", "3"]);
		expect(JSON.parse(delivered[2].body).data.creditNote).toMatchObject({ number: `${invoiceId}-CN1`, totalMinor: 750 });

		// On a tablet both admin views fit without sideways scrolling.
		const tablet = await openConsole(1024, 768);
		await signInWithKeyboard(tablet, "adam");
		await press(tablet, "Gateways", "link");
		await tablet.getByRole("rowheader", { name: /gw-1/ }).waitFor(WAIT);
		await noSideScroll(tablet);
		await press(tablet, "Webhooks", "link");
		await tablet.getByText("Redelivery asked by adam").waitFor(WAIT);
		await noSideScroll(tablet);
		await expectAccessible(tablet, "tablet webhooks");

		// The billing clerk is not offered the admin views, and the service refuses them to the clerk anyway.
		await press(tablet, "Sign out");
		await signInWithKeyboard(tablet, "bruno");
		await tablet.getByRole("link", { name: "Milestones & invoices" }).waitFor(WAIT);
		expect(await tablet.getByRole("link", { name: /^(Gateways|Webhooks)$/ }).count()).toBe(0);
		await tablet.goto(`${f.service.url}/console/#/webhooks`);
		await tablet.getByRole("link", { name: "Milestones & invoices" }).waitFor(WAIT);
		expect(await tablet.getByRole("heading", { name: "Webhooks" }).count()).toBe(0);
		expect(outside).toEqual([]);
	}, 180_000);
});
