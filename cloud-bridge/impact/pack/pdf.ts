/**
 * The pack as PDF: Debian's Chromium (through playwright-core) prints the pack's HTML. One browser
 * serves every PDF (starting Chromium, even opening a page, costs more than printing a pack): a
 * PDF takes an idle page or opens one, and gives it back only if printing succeeded (a page that
 * failed is closed). The browser closes itself once no PDF has used it for IDLE_MS, or at
 * closePackBrowser(); a browser that died is started again on the next PDF.
 * playwright-core is loaded on the first PDF, not when the service starts: most processes never
 * print one, and it is a large module. The page runs no script (the pack is static HTML with
 * inline SVG) and fetches nothing.
 */
import type { Browser, Page } from "playwright-core";

export const DEFAULT_CHROMIUM = process.env.FIELDCHAIN_CHROMIUM ?? "/usr/bin/chromium";
const IDLE_MS = 15_000;

interface Shared {
	executablePath: string;
	browser: Promise<Browser>;
	users: number;
	idle: NodeJS.Timeout | null;
	/** Pages no PDF is printing on; setContent replaces all a previous pack left. */
	pages: Page[];
}

let shared: Shared | null = null;

export async function htmlToPdf(html: string, executablePath = DEFAULT_CHROMIUM): Promise<Buffer> {
	const entry = acquire(executablePath);
	try {
		const page = entry.pages.pop() ?? (await openPage(await entry.browser));
		try {
			await page.setContent(html, { waitUntil: "load" });
			const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "14mm", bottom: "14mm", left: "12mm", right: "12mm" } });
			entry.pages.push(page);
			return pdf;
		} catch (error) {
			await page.close().catch(() => undefined);
			throw error;
		}
	} finally {
		release(entry);
	}
}

async function openPage(browser: Browser): Promise<Page> {
	const page = await browser.newPage({ javaScriptEnabled: false });
	// The pack is self-contained (inline CSS and SVG): nothing to fetch.
	await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
	return page;
}

/** Closes the shared browser now (a process that is done printing; tests). */
export async function closePackBrowser(): Promise<void> {
	const entry = shared;
	shared = null;
	if (entry && entry.users === 0) await close(entry);
}

function acquire(executablePath: string): Shared {
	// Another Chromium asked for: the current one closes once its PDFs are done.
	if (shared && shared.executablePath !== executablePath) void closePackBrowser();
	if (!shared) {
		const entry: Shared = { executablePath, browser: launch(executablePath), users: 0, idle: null, pages: [] };
		shared = entry;
		// A failed start or a browser that went away is not kept for the next PDF.
		entry.browser.then(
			(browser) => browser.on("disconnected", () => forget(entry)),
			() => forget(entry),
		);
	}
	shared.users++;
	if (shared.idle) clearTimeout(shared.idle);
	shared.idle = null;
	return shared;
}

function release(entry: Shared): void {
	entry.users--;
	if (entry.users > 0) return;
	if (shared !== entry) {
		void close(entry);
		return;
	}
	entry.idle = setTimeout(() => {
		if (shared === entry && entry.users === 0) void closePackBrowser();
	}, IDLE_MS);
	entry.idle.unref();
}

async function close(entry: Shared): Promise<void> {
	if (entry.idle) clearTimeout(entry.idle);
	await (await entry.browser.catch(() => null))?.close();
}

function forget(entry: Shared): void {
	if (shared === entry) shared = null;
}

async function launch(executablePath: string): Promise<Browser> {
	const { chromium } = await import("playwright-core");
	return chromium.launch({ executablePath, args: ["--no-sandbox"] });
}
