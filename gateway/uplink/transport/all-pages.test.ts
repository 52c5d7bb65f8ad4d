import { describe, expect, it } from "vitest";
import { allPages } from "./all-pages.js";

describe("allPages", () => {
	it("follows next to the end of a paged list", async () => {
		const pages: Record<string, Record<string, unknown>> = {
			"/v1/x?a=1": { items: [1, 2], next: "c1" },
			"/v1/x?a=1&cursor=c1": { items: [3, 4], next: "c2" },
			"/v1/x?a=1&cursor=c2": { items: [5], next: null },
		};
		expect(await allPages(async (path) => pages[path], "/v1/x?a=1", "items")).toEqual([1, 2, 3, 4, 5]);
	});

	it("takes a service's answer without next as the whole list, a 404 as none, and stops on a repeated cursor", async () => {
		expect(await allPages(async () => ({ items: [1] }), "/v1/x", "items")).toEqual([1]);
		expect(await allPages(async () => undefined, "/v1/x", "items")).toEqual([]);
		let calls = 0;
		const looping = await allPages(
			async () => {
				calls++;
				return { items: [calls], next: "same" };
			},
			"/v1/x",
			"items",
		);
		expect(looping).toEqual([1, 2]);
	});
});
