/**
 * The pack as PDF: Debian's Chromium (through playwright-core) prints the pack's HTML. The browser
 * is started for the one page and closed whatever happens. playwright-core is loaded on the first
 * PDF, not when the service starts: most processes never print one, and it is a large module.
 * The page runs no script (the pack is static HTML with inline SVG) and fetches nothing.
 */

export const DEFAULT_CHROMIUM = process.env.FIELDCHAIN_CHROMIUM ?? "/usr/bin/chromium";

export async function htmlToPdf(html: string, executablePath = DEFAULT_CHROMIUM): Promise<Buffer> {
	const { chromium } = await import("playwright-core");
	const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
	try {
		const page = await browser.newPage({ javaScriptEnabled: false });
		// The pack is self-contained (inline CSS and SVG): nothing to fetch.
		await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
		await page.setContent(html, { waitUntil: "load" });
		return await page.pdf({ format: "A4", printBackground: true, margin: { top: "14mm", bottom: "14mm", left: "12mm", right: "12mm" } });
	} finally {
		await browser.close();
	}
}
