/** What every OIDC link store does (memory, SQLite, PostgreSQL): one user per (issuer, subject), exact matches only. */
import { describe, expect, it } from "vitest";
import type { OidcLinkStore } from "./link-store.js";

const ISSUER = "https://login.example.com";

/** `open` gives a fresh store and the ids of two existing console users. */
export function oidcLinkStoreContract(name: string, open: () => Promise<{ links: OidcLinkStore; userIds: [string, string] }>): void {
	describe(`OIDC links (${name})`, () => {
		it("links, finds exactly, refuses a second user for the same subject, unlinks", async () => {
			const { links, userIds } = await open();
			await links.link({ issuer: ISSUER, subject: "ann-sub", userId: userIds[0], createdAt: 5 });
			expect(await links.find(ISSUER, "ann-sub")).toEqual({ issuer: ISSUER, subject: "ann-sub", userId: userIds[0], createdAt: 5 });
			// Exact: another issuer, a trailing slash or a differently cased subject is another identity.
			expect(await links.find("https://evil.example.com", "ann-sub")).toBeUndefined();
			expect(await links.find(`${ISSUER}/`, "ann-sub")).toBeUndefined();
			expect(await links.find(ISSUER, "ANN-SUB")).toBeUndefined();
			await expect(links.link({ issuer: ISSUER, subject: "ann-sub", userId: userIds[1], createdAt: 6 })).rejects.toMatchObject({
				code: "FC_BILLING_CONFLICT",
			});
			await links.link({ issuer: "https://other.example.com", subject: "ann-sub", userId: userIds[1], createdAt: 7 });
			expect((await links.linksOf(userIds[0])).map((l) => l.subject)).toEqual(["ann-sub"]);
			expect(await links.unlink(ISSUER, "ann-sub")).toBe(true);
			expect(await links.unlink(ISSUER, "ann-sub")).toBe(false);
			expect(await links.find(ISSUER, "ann-sub")).toBeUndefined();
			expect(await links.find("https://other.example.com", "ann-sub")).toMatchObject({ userId: userIds[1] });
		});
	});
}
