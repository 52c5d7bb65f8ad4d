/**
 * The shared Chromium behind pack PDFs: PDFs printed at once each get their own page and the right
 * content, a page reused after another pack shows nothing of it, a browser that was closed (or
 * died) is started again, and a pack Chromium cannot print fails with the reason.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closePackBrowser, htmlToPdf } from "./pdf.js";

const dir = mkdtempSync(join(tmpdir(), "fc-pack-pdf-"));
afterAll(async () => {
	await closePackBrowser();
	rmSync(dir, { recursive: true, force: true });
});

function textOf(pdf: Buffer, name: string): string {
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, pdf);
	return execFileSync("pdftotext", [file, "-"]).toString();
}

const page = (title: string, rows = 1) =>
	`<!doctype html><html><body><h1>${title}</h1><table>${Array.from({ length: rows }, (_, i) => `<tr><td>${title} row ${i}</td></tr>`).join("")}</table></body></html>`;

describe("pack PDFs on one Chromium", () => {
	it("prints packs at the same time, each with its own content, and reuses pages without leftovers", async () => {
		const [a, b, c] = await Promise.all([htmlToPdf(page("Alpha", 200)), htmlToPdf(page("Bravo")), htmlToPdf(page("Charlie", 3))]);
		expect(textOf(a, "a")).toContain("Alpha row 199");
		expect(textOf(b, "b")).toContain("Bravo");
		expect(textOf(b, "b")).not.toMatch(/Alpha|Charlie/);
		expect(textOf(c, "c")).toContain("Charlie row 2");
		// A page that printed Alpha's 200 rows prints Delta's one row alone.
		const d = textOf(await htmlToPdf(page("Delta")), "d");
		expect(d).toContain("Delta");
		expect(d).not.toMatch(/Alpha|Bravo|Charlie/);
	}, 120_000);

	it("starts Chromium again after it was closed", async () => {
		await htmlToPdf(page("Before"));
		await closePackBrowser();
		expect(textOf(await htmlToPdf(page("After")), "after")).toContain("After");
	}, 120_000);

	it("fails with the launch error when there is no Chromium, and prints again with the real one", async () => {
		await expect(htmlToPdf(page("Nowhere"), join(dir, "no-chromium"))).rejects.toThrow(/no-chromium|ENOENT|executable/i);
		expect(textOf(await htmlToPdf(page("Again")), "again")).toContain("Again");
	}, 120_000);
});
