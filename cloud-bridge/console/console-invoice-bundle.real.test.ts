/**
 * The invoice view's evidence bundle in Debian's Chromium (playwright-core), against the real
 * service: after the invoice is released and a gap in the gateway's chain was acknowledged, the
 * billing clerk opens the invoice, sees the service's verification of its bundle and the
 * acknowledged gap, and downloads the bundle with the keyboard; the file is byte for byte the
 * service's and verifies against the gateway's key. axe-core finds nothing serious; the view fits
 * a tablet.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBundle } from "../../protocol/evidence/verify/verify-bundle.js";
import { expectOk, TARGET_SAFETY } from "../billing/testing/scenario.js";
import { findConsoleBundle } from "./static-console.js";
import { type OfficeFixture, PASSWORD, startOfficeFixture } from "./testing/office-fixture.js";

const WAIT = { timeout: 30_000 };
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let f: OfficeFixture;
let browser: Browser;
let invoiceId = "";

beforeAll(async () => {
	if (!findConsoleBundle()) throw new Error("dist/console is missing: run node scripts/build.mjs (npm test builds it first).");
	f = await startOfficeFixture();
	const { service, scenario } = f;
	for (const id of [f.workEntryId, f.travelEntryId]) {
		expectOk(await service.request("POST", `/v1/time-entries/${id}/approve`, { token: service.tokens.approver, body: { reason: "as logged" } }));
	}
	expectOk(await service.request("POST", "/v1/milestones/M1/approve", { token: service.tokens.approver, body: { reason: "all there" } }));
	invoiceId = expectOk<{ id: string }>(await service.request("POST", "/v1/milestones/M1/release", { token: service.tokens.releaser }), 201).id;
	// Two records lost with the gateway; the third arrives, and an admin acknowledges the gap.
	const gw = scenario.gateway;
	const lost = gw.records.length + 1;
	for (const n of [1, 2, 3]) gw.acknowledgement(TARGET_SAFETY, `Check ${n}`);
	gw.seal();
	expectOk(await service.request("POST", "/v1/evidence/batches", { token: scenario.gatewayToken, body: gw.batch(lost + 2, lost + 2) }));
	expectOk(await service.request("POST", "/v1/gateways/gw-1/gaps", { body: { reason: "Gateway crushed on site" } }), 201);
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await f?.service.close();
});

async function openAs(username: string, width: number, height: number): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height }, locale: "en-GB", timezoneId: "Europe/Brussels", acceptDownloads: true });
	const page = await context.newPage();
	await page.goto(`${f.service.url}/console/`);
	await page.getByRole("heading", { name: "fieldchain office console" }).waitFor(WAIT);
	await page.keyboard.press("Tab");
	await page.keyboard.type(username);
	await page.keyboard.press("Tab");
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press("Enter");
	await page.getByRole("link", { name: "Milestones & invoices" }).waitFor(WAIT);
	await page.goto(`${f.service.url}/console/#/invoices/${encodeURIComponent(invoiceId)}`);
	return page;
}

describe("office console: the evidence bundle behind an invoice", () => {
	it("shows the verification and the acknowledged gap, and downloads the bundle by keyboard", async () => {
		const page = await openAs("bruno", 1280, 800);
		const link = page.getByRole("link", { name: "Download evidence bundle" });
		await link.waitFor(WAIT);
		await page.getByText(/^Verified$/).waitFor(WAIT);
		await page.getByRole("heading", { name: "Acknowledged gaps" }).waitFor(WAIT);
		await page.getByText(/Gateway crushed on site/).waitFor(WAIT);
		expect(await page.getByText(/acknowledged by ADMIN1/).count()).toBe(1);

		await page.evaluate(AXE);
		const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
			r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id))`)) as string[];
		expect(violations).toEqual([]);

		await link.focus();
		const [download] = await Promise.all([page.waitForEvent("download", WAIT), page.keyboard.press("Enter")]);
		const saved = readFileSync((await download.path()) as string);
		const listed = expectOk<{ bundles: Array<{ download: string }> }>(
			await f.service.request("GET", `/v1/invoices/${invoiceId}/evidence-bundles`, { token: f.service.tokens.reader }),
		);
		const direct = await fetch(`${f.service.url}${listed.bundles[0].download}`, { headers: { authorization: `Bearer ${f.service.tokens.reader}` } });
		expect(saved.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
		const result = verifyBundle(saved, { publicKey: f.scenario.gateway.publicKeyRaw });
		expect(result.ok).toBe(true);
		expect(result.acknowledgedGaps?.map((g) => g.reason)).toEqual(["Gateway crushed on site"]);
		await page.context().close();
	}, 120_000);

	it("fits a tablet without sideways scrolling", async () => {
		const page = await openAs("alice", 1024, 768);
		await page.getByRole("link", { name: "Download evidence bundle" }).waitFor(WAIT);
		expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
		await page.context().close();
	}, 120_000);
});
