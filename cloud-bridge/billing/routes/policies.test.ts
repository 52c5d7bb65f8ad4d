/**
 * The policy routes over a real billing service on loopback (SQLite): create version 1 of each kind,
 * list by kind, read the latest and a given version, the versions list; a revision (a taken id or a
 * version above 1) refused with a pointer to impact previews; readers cannot create; odd input gets
 * a clear 400; a revision applied through an impact preview shows up as version 2.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { items } from "../../../model/testing/builders.js";
import { startTestService, type TestService } from "../testing/harness.js";

let service: TestService;
beforeEach(async () => {
	service = await startTestService();
});
afterEach(async () => service.close());

const sla = {
	kind: "sla-policy",
	id: "sla-gold",
	name: "Gold contract",
	targets: [
		{ priority: "emergency", respondMinutes: 60, resolveMinutes: 240 },
		{ priority: "normal", respondMinutes: 480, resolveMinutes: 2880 },
	],
};
const checklist = {
	kind: "checklist-template",
	id: "checklist-boiler",
	name: "Boiler service",
	items: [items.safety(), items.photo()],
	milestoneEvidence: ["photo"],
};
const prices = { kind: "price-list", id: "prices-2027", name: "Prices 2027", currency: "EUR", ratesPerHourMinor: { work: 9000, travel: 4500 } };

describe("policy routes", () => {
	it("creates version 1 of each kind, lists them by kind, reads the latest and one version", async () => {
		const made = await service.request("POST", "/v1/policies", { body: sla, token: service.tokens.approver });
		expect(made.status).toBe(201);
		expect(made.body).toMatchObject({ ...sla, version: 1, createdBy: "SUP1", customerIds: [], businessHours: [] });
		expect(made.headers.get("etag")).toBe('"1"');
		expect((await service.request("POST", "/v1/policies", { body: checklist })).status).toBe(201);
		expect((await service.request("POST", "/v1/policies", { body: { ...prices, version: 1 } })).body).toMatchObject({ rateCardId: null, itemPricesMinor: {} });

		const all = await service.request("GET", "/v1/policies", { token: service.tokens.reader });
		expect(all.body.policies.map((p: { id: string }) => p.id)).toEqual(["checklist-boiler", "prices-2027", "sla-gold"]);
		const slas = await service.request("GET", "/v1/policies?kind=sla-policy", { token: service.tokens.reader });
		expect(slas.body).toEqual({ policies: [made.body], next: null });
		expect((await service.request("GET", "/v1/policies/sla-policy/sla-gold")).body).toEqual(made.body);
		expect((await service.request("GET", "/v1/policies/sla-policy/sla-gold?version=1")).body).toEqual(made.body);
		expect((await service.request("GET", "/v1/policies/sla-policy/sla-gold/versions")).body.versions).toEqual([made.body]);
	});

	it("refuses a revision, pointing at impact previews; a later version arrives by applying a plan", async () => {
		await service.request("POST", "/v1/policies", { body: checklist });
		const again = await service.request("POST", "/v1/policies", { body: { ...checklist, name: "Boiler service, stricter" } });
		expect(again.status).toBe(409);
		expect(again.body.error).toMatchObject({ code: "FC_BILLING_CONFLICT", hint: expect.stringContaining("POST /v1/impact/previews") });
		const revision = await service.request("POST", "/v1/policies", { body: { ...checklist, id: "checklist-new", version: 2 } });
		expect(revision.status).toBe(409);
		expect(revision.body.error.message).toMatch(/version 2 is a revision/);
		expect(revision.body.error.hint).toContain("POST /v1/impact/previews");
		expect((await service.request("GET", "/v1/policies/checklist-template/checklist-new")).status).toBe(404);

		const plan = await service.request("POST", "/v1/impact/previews", {
			body: {
				name: "Add the reading",
				effectiveAt: "2027-01-01T00:00:00Z",
				changes: [{ kind: "checklist-template", id: checklist.id, items: [items.safety(), items.insulation(), items.photo()] }],
			},
		});
		expect(plan.status).toBe(201);
		expect((await service.request("POST", `/v1/impact/previews/${plan.body.id}/apply`)).status).toBe(200);
		const versions = await service.request("GET", "/v1/policies/checklist-template/checklist-boiler/versions");
		expect(versions.body.versions.map((p: { version: number; items: unknown[] }) => [p.version, p.items.length])).toEqual([
			[1, 2],
			[2, 3],
		]);
		expect((await service.request("GET", "/v1/policies/checklist-template/checklist-boiler")).body.version).toBe(2);
		expect((await service.request("GET", "/v1/policies/checklist-template/checklist-boiler?version=1")).body.items).toHaveLength(2);
		const missing = await service.request("GET", "/v1/policies/checklist-template/checklist-boiler?version=3");
		expect(missing.status).toBe(404);
		expect(missing.body.error.message).toContain("version 3");
	});

	it("is decided by scope: a reader lists but cannot create; no token is 401", async () => {
		const refused = await service.request("POST", "/v1/policies", { body: sla, token: service.tokens.reader });
		expect(refused.status).toBe(403);
		expect((await service.request("GET", "/v1/policies")).body.policies).toEqual([]);
		expect((await service.request("GET", "/v1/policies", { token: null })).status).toBe(401);
		expect((await service.request("POST", "/v1/policies", { body: sla, token: service.tokens.releaser })).status).toBe(403);
	});

	it("gives a clear 400 or 404 for odd input", async () => {
		const bad = async (body: unknown) => {
			const answer = await service.request("POST", "/v1/policies", { body });
			expect(answer.status, JSON.stringify(body)).toBe(400);
			return answer.body.error;
		};
		await bad({ ...sla, kind: "tax-rule" });
		await bad({ ...sla, targets: [] });
		await bad({ ...sla, id: "../etc" });
		await bad({ ...prices, currency: "euro" });
		await bad({ ...checklist, surprise: true });
		expect((await bad({ ...checklist, items: [items.safety(), items.safety()] })).message).toContain('item "safety" twice');
		expect((await bad({ ...checklist, milestoneEvidence: ["reading"] })).message).toContain("reading");
		expect((await service.request("GET", "/v1/policies?kind=tax-rule")).status).toBe(400);
		expect((await service.request("GET", "/v1/policies/sla-policy/sla-gold?version=0")).status).toBe(400);
		await service.request("POST", "/v1/policies", { body: sla });
		// The id exists, but as another kind: not found under this one.
		const wrongKind = await service.request("GET", "/v1/policies/price-list/sla-gold");
		expect(wrongKind.status).toBe(404);
		expect(wrongKind.body.error.hint).toContain("GET /v1/policies?kind=price-list");
	});
});
