/**
 * Single sign-on in Debian's Chromium: the console's "Sign in with Office SSO" button, reached and
 * pressed with the keyboard, goes to a real local OIDC provider (oidc-provider's development login
 * and consent pages) and comes back signed in as the linked approver; a subject nobody linked comes
 * back to the sign-in page with the refusal in words and the subject an admin needs. axe-core
 * finds nothing serious on the sign-in page. The browser reaches only loopback.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConsoleBundle } from "../static-console.js";
import { type OidcService, startOidcService } from "./testing/oidc-service.js";

const WAIT = { timeout: 15_000 };
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let f: OidcService;
let browser: Browser;

beforeAll(async () => {
	if (!findConsoleBundle()) throw new Error("dist/console is missing: run node scripts/build.mjs (npm test builds it first).");
	f = await startOidcService();
	browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await f?.close();
});

async function openConsole(): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
	// The provider's development pages import a web font: nothing leaves loopback.
	await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
	const page = await context.newPage();
	await page.goto(`${f.url}/console/`);
	await page.getByRole("heading", { name: "fieldchain office console" }).waitFor(WAIT);
	return { context, page };
}

/** Tab through the sign-in page until the single sign-on button has focus, then press Enter. */
async function pressSignInWith(page: Page): Promise<void> {
	const button = page.getByRole("link", { name: "Sign in with Office SSO" });
	await button.waitFor(WAIT);
	for (let tabs = 0; tabs < 10 && !(await button.evaluate((el) => el === el.ownerDocument.activeElement)); tabs++) await page.keyboard.press("Tab");
	expect(await button.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
	await page.keyboard.press("Enter");
}

/** The provider's development login (any name is that subject) and consent, with the keyboard. */
async function loginAtProvider(page: Page, subject: string): Promise<void> {
	const login = page.locator('input[name="login"]');
	await login.waitFor(WAIT);
	expect(page.url().startsWith(f.provider.issuer)).toBe(true);
	await login.focus();
	await page.keyboard.type(subject);
	await page.keyboard.press("Tab");
	await page.keyboard.type("any password");
	await page.keyboard.press("Enter");
	const proceed = page.getByRole("button", { name: "Continue" });
	await proceed.waitFor(WAIT);
	await proceed.focus();
	await page.keyboard.press("Enter");
}

async function expectAccessible(page: Page): Promise<void> {
	await page.evaluate(AXE);
	const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
		r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id))`)) as string[];
	expect(violations).toEqual([]);
}

describe("console single sign-on in Chromium", () => {
	it("signs the linked approver in with the keyboard and keeps the session cookie HttpOnly and SameSite=Strict", async () => {
		const { context, page } = await openConsole();
		await expectAccessible(page);
		await pressSignInWith(page);
		await loginAtProvider(page, "alice-at-idp");
		await page.getByRole("heading", { name: "Time waiting for approval" }).waitFor(WAIT);
		expect(new URL(page.url()).pathname).toBe("/console/");
		const cookies = await context.cookies(f.url);
		expect(cookies.find((c) => c.name === "fc_console_session")).toMatchObject({ httpOnly: true, sameSite: "Strict" });
		expect(cookies.find((c) => c.name === "fc_console_oidc")).toBeUndefined();
		await context.close();
	}, 120_000);

	it("brings an unlinked subject back to the sign-in page with what to ask an admin", async () => {
		const { context, page } = await openConsole();
		await pressSignInWith(page);
		await loginAtProvider(page, "mallory@example.com");
		const alert = page.getByRole("alert");
		await alert.waitFor(WAIT);
		expect(await alert.textContent()).toContain(
			`not linked to a console user: ask an admin to run \`fieldchain cloud user link-oidc YOUR-USERNAME --oidc-issuer ${f.provider.issuer} --oidc-subject mallory@example.com\``,
		);
		// The refusal is shown once: the address no longer carries it.
		expect(new URL(page.url()).search).toBe("");
		await expectAccessible(page);
		expect((await context.cookies(f.url)).find((c) => c.name === "fc_console_session")).toBeUndefined();
		await context.close();
	}, 120_000);
});
