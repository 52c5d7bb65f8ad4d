/**
 * Every list route of the billing service is paged: `limit` (default 100, at most 1000), an opaque
 * `cursor`, and `next` in the answer (null on the last page), declared in the OpenAPI document;
 * callers that send neither still get the list they got before.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./testing/harness.js";
import { expectOk, Scenario } from "./testing/scenario.js";

/**
 * GET routes whose answer is all arrays but is not a list of entities, so it is not paged:
 * each with the reason.
 */
const NOT_PAGED: Record<string, string> = {
	// The approver's queue is grouped by work order, each group carrying all its submitted entries with their
	// task and evidence: a page boundary inside or between groups would split a work order's decision. It is
	// bounded by what is waiting (submitted entries only), not by the history of the tenant.
	"/v1/approvals/time-entries": "a grouped work queue, not a list of entities",
};

interface Operation {
	parameters?: { in: string; name: string }[];
	responses?: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> }>;
}

let service: TestService;
beforeEach(async () => {
	service = await startTestService();
});
afterEach(async () => {
	await service.close();
});

describe("list routes are paged", () => {
	it("declares limit, cursor and next on every GET route that answers a list", async () => {
		const document = (await service.request("GET", "/openapi.json")).body;
		const lists: string[] = [];
		for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
			const get = operations.get;
			const schema = get?.responses?.["200"]?.content?.["application/json"]?.schema;
			// A list answer: nothing but lists (and next); a resource that carries a list (a gateway's key history) is not one.
			const fields = Object.entries(schema?.properties ?? {}).filter(([name]) => name !== "next");
			const arrays = fields.filter(([, p]) => (p as { type?: string }).type === "array");
			if (arrays.length === 0 || arrays.length !== fields.length) continue;
			if (path in NOT_PAGED) continue;
			lists.push(path);
			expect(schema?.properties?.next, `${path} answers next`).toBeDefined();
			const names = (get?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
			expect(names, `${path} takes limit and cursor`).toEqual(expect.arrayContaining(["limit", "cursor"]));
		}
		expect(lists).toEqual(expect.arrayContaining(["/v1/work-orders", "/v1/work-orders/{id}/time-entries", "/v1/gateways", "/v1/tokens", "/v1/users"]));
		// An exception that no longer exists, or now answers something else, is dropped from NOT_PAGED.
		for (const path of Object.keys(NOT_PAGED)) expect(document.paths[path]?.get, `${path} (NOT_PAGED) is served`).toBeDefined();
	});

	it("walks a list a page at a time with the cursor, and refuses a bad limit or cursor", async () => {
		const all = (await service.request("GET", "/v1/tokens")).body;
		expect(all.tokens.length).toBeGreaterThanOrEqual(4);
		expect(all.next).toBeNull();
		const seen: string[] = [];
		let cursor: string | null = null;
		do {
			const page: { status: number; body: { tokens: { id: string }[]; next: string | null } } = await service.request(
				"GET",
				`/v1/tokens?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
			);
			expect(page.status).toBe(200);
			expect(page.body.tokens.length).toBeLessThanOrEqual(3);
			seen.push(...page.body.tokens.map((t) => t.id));
			cursor = page.body.next;
		} while (cursor);
		expect(seen).toEqual(all.tokens.map((t: { id: string }) => t.id));
		for (const bad of ["limit=0", "limit=1001", "limit=x", "cursor=not-ours"]) {
			const refused = await service.request("GET", `/v1/tokens?${bad}`);
			expect(refused.status, bad).toBe(400);
			expect(refused.body.error.code).toBe("FC_BILLING_BAD_REQUEST");
		}
	});

	it("keeps a list route's own filters beside limit and cursor, and today's unpaged callers working", async () => {
		const scenario = new Scenario(service);
		await scenario.seedParties();
		await scenario.createWorkOrder();
		const unpaged = await service.request("GET", "/v1/work-orders");
		expect(unpaged.status).toBe(200);
		expect(unpaged.body.workOrders).toHaveLength(1);
		expect(unpaged.body.next).toBeNull();
		const filtered = await service.request("GET", `/v1/work-orders?status=${unpaged.body.workOrders[0].status}&limit=1`);
		expect(filtered.status).toBe(200);
		expect(filtered.body.workOrders).toHaveLength(1);
		expect((await service.request("GET", "/v1/work-orders?customerId=nobody&limit=1")).body.workOrders).toHaveLength(0);
	});

	it("pages by position: rows inserted between page fetches never shift a page or show an item twice (store-paged and model lists)", async () => {
		const enroll = async (gatewayId: string) => {
			const { enrollmentToken } = expectOk<{ enrollmentToken: string }>(await service.request("POST", "/v1/enrollments"), 201);
			const publicKey = generateKeyPairSync("ed25519").publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
			expectOk(await service.request("POST", "/v1/gateways/enroll", { token: null, body: { enrollmentToken, gatewayId, publicKey, technicianIds: [] } }), 201);
		};
		const walk = async (path: string, field: string, between: (round: number) => Promise<void>) => {
			const seen: string[] = [];
			let cursor: string | null = null;
			let round = 0;
			do {
				const page: { status: number; body: Record<string, unknown> & { next: string | null } } = await service.request(
					"GET",
					`${path}${path.includes("?") ? "&" : "?"}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
				);
				expect(page.status).toBe(200);
				seen.push(...(page.body[field] as { id: string }[]).map((item) => item.id));
				cursor = page.body.next;
				await between(round++);
			} while (cursor);
			return seen;
		};
		for (const id of ["gw-b", "gw-d", "gw-f"]) await enroll(id);
		// After the first page (gw-b, gw-d): one gateway before the position, one after it.
		const gateways = await walk("/v1/gateways", "gateways", async (round) => {
			if (round !== 0) return;
			await enroll("gw-a");
			await enroll("gw-e");
		});
		expect(gateways).toEqual(["gw-b", "gw-d", "gw-e", "gw-f"]);

		const order = (id: string) =>
			service.request("POST", "/v1/work-orders", {
				body: { id, customerId: "C1", siteId: "S1", assetId: "A1", title: `Order ${id}`, sla: { respondBy: 2_000_000_000_000, resolveBy: 2_000_100_000_000 } },
			});
		await new Scenario(service).seedParties();
		for (const id of ["WO-2", "WO-4", "WO-6"]) expectOk(await order(id), 201);
		const orders = await walk("/v1/work-orders", "workOrders", async (round) => {
			if (round !== 0) return;
			expectOk(await order("WO-1"), 201);
			expectOk(await order("WO-5"), 201);
		});
		expect(orders).toEqual(["WO-2", "WO-4", "WO-5", "WO-6"]);
	});

	it("refuses an offset cursor of an earlier version with a 400 that says to restart from the first page", async () => {
		const old = Buffer.from(JSON.stringify({ o: 2 })).toString("base64url");
		const refused = await service.request("GET", `/v1/tokens?limit=2&cursor=${old}`);
		expect(refused.status).toBe(400);
		expect(refused.body.error.code).toBe("FC_BILLING_BAD_REQUEST");
		expect(`${refused.body.error.message} ${refused.body.error.hint}`).toMatch(/first page/);
		// A cursor of another list's shape (a gateway id where a token position goes) is refused too.
		const other = Buffer.from(JSON.stringify({ k: ["gw-1"] })).toString("base64url");
		expect((await service.request("GET", `/v1/tokens?cursor=${other}`)).status).toBe(400);
		const wrongType = Buffer.from(JSON.stringify({ k: ["x", "y"] })).toString("base64url");
		expect((await service.request("GET", `/v1/tokens?cursor=${wrongType}`)).status).toBe(400);
	});
});
