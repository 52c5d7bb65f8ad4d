/**
 * The impact routes over a real billing service on loopback (SQLite): preview, read, required pack
 * approvals, stale-plan refusal, apply once and who applied it, the signed HTML pack (a tampered
 * copy refused), side-by-side comparison.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COLLECTION_OF, ENTITY_KINDS } from "../../model/entities/kinds.js";
import { standardSlaPolicy } from "../../model/policies/fixtures.js";
import { items, T0 } from "../../model/testing/builders.js";
import { startTestService, type TestService } from "../billing/testing/harness.js";
import { verifyPack } from "./pack/sign.js";
import { impactStoreBeside } from "./store/beside.js";
import { scenario, template } from "./testing/scenario.js";

let service: TestService;

beforeEach(async () => {
	service = await startTestService({ policy: { marginFloorBasisPoints: 2000 } });
	const snapshot = scenario();
	const writes = ENTITY_KINDS.flatMap((kind) => (snapshot[COLLECTION_OF[kind]] as { id: string }[]).map((entity) => ({ kind, entity })));
	await service.storage.repo.restore(writes as never);
	await (await impactStoreBeside(service.storage.repo)).putPolicies([standardSlaPolicy(), template]);
});
afterEach(async () => service.close());

const checklistChange = (requireApprovals: string[] = []) => ({
	name: "Photo of the finished work",
	effectiveAt: "2026-01-01T00:00:00Z",
	requireApprovals,
	changes: [{ kind: "checklist-template", id: template.id, items: [items.safety(), items.insulation(), items.photo()] }],
});

describe("impact routes", () => {
	it("applies a fresh plan once, after its required approval, and records who applied it", async () => {
		const made = await service.request("POST", "/v1/impact/previews", { body: checklistChange(["compliance"]), token: service.tokens.approver });
		expect(made.status).toBe(201);
		const id = made.body.id;
		expect(made.body.plan.summary).toMatchObject({ tasksWithNewChecklist: 1, milestonesBlocked: 1 });
		expect((await service.request("GET", `/v1/impact/previews/${id}`, { token: service.tokens.reader })).body.plan.readHash).toBe(made.body.plan.readHash);

		const early = await service.request("POST", `/v1/impact/previews/${id}/apply`, { token: service.tokens.approver });
		expect(early.status).toBe(409);
		expect(early.body.error.code).toBe("FC_IMPACT_APPROVAL_REQUIRED");
		const approved = await service.request("POST", `/v1/impact/previews/${id}/approvals`, {
			token: service.tokens.approver,
			body: { role: "compliance", decision: "approved", note: "checked" },
		});
		expect(approved.status).toBe(201);

		const applied = await service.request("POST", `/v1/impact/previews/${id}/apply`, { token: service.tokens.approver });
		expect(applied.status).toBe(200);
		expect(applied.body.applied.by).toBe("SUP1");
		const task = await service.storage.repo.get("task", "T5");
		expect(task?.checklistTemplate).toEqual({ id: template.id, version: 2 });
		expect(task?.checklist.map((i) => i.id)).toEqual(["safety", "insulation", "photo"]);
		expect((await (await impactStoreBeside(service.storage.repo)).policyVersions(template.id)).map((p) => p.version)).toEqual([1, 2]);
		expect(service.events.events.find((e) => e.type === "impact.applied")?.data).toMatchObject({ previewId: id, appliedBy: "SUP1", taskIds: ["T5"] });

		const again = await service.request("POST", `/v1/impact/previews/${id}/apply`, { token: service.tokens.approver });
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe("FC_IMPACT_PLAN_STALE");
	});

	it("refuses a stale plan: evidence changed after the preview was made", async () => {
		const made = await service.request("POST", "/v1/impact/previews", { body: checklistChange() });
		const evidence = await service.storage.repo.get("evidence", "E5b");
		await service.storage.repo.put("evidence", { ...(evidence as NonNullable<typeof evidence>), updatedAt: T0 + 1 });
		const stale = await service.request("POST", `/v1/impact/previews/${made.body.id}/apply`);
		expect(stale.status).toBe(409);
		expect(stale.body.error.code).toBe("FC_IMPACT_PLAN_STALE");
		expect((await service.storage.repo.get("task", "T5"))?.checklist).toHaveLength(2);
		// A fresh plan of the same change applies.
		const fresh = await service.request("POST", "/v1/impact/previews", { body: checklistChange() });
		expect((await service.request("POST", `/v1/impact/previews/${fresh.body.id}/apply`)).status).toBe(200);
	});

	it("refuses a change set that is not one, with a clear error", async () => {
		const bad = await service.request("POST", "/v1/impact/previews", {
			body: { effectiveAt: "2026-01-01T00:00:00Z", changes: [{ kind: "tax-rule", id: "x" }] },
		});
		expect(bad.status).toBe(400);
		const unknown = await service.request("GET", "/v1/impact/previews/imp_nope");
		expect(unknown.status).toBe(404);
	});

	it("serves the pack signed by the service's key; a tampered copy fails the check", async () => {
		const made = await service.request("POST", "/v1/impact/previews", { body: checklistChange(["customer"]) });
		const response = await fetch(`${service.url}/v1/impact/previews/${made.body.id}/pack`, { headers: { authorization: `Bearer ${service.tokens.reader}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toMatch(/text\/html/);
		const bytes = Buffer.from(await response.arrayBuffer());
		const html = bytes.toString("utf8");
		expect(html).toContain("Rollout readiness pack");
		expect(html).toContain(made.body.plan.readHash);
		expect(html).toContain("<svg");
		const header = response.headers.get("fieldchain-pack-signature") as string;
		const signature = /ed25519=([^;]+)/.exec(header)?.[1] as string;
		const key = (await service.request("GET", "/v1/impact/pack-key", { token: service.tokens.reader })).body;
		expect(verifyPack(bytes, { signature }, key.publicKeyPem)).toBe(true);
		const tampered = Buffer.from(html.replace("Photo of the finished work", "Photo of the finished w0rk"));
		expect(verifyPack(tampered, { signature }, key.publicKeyPem)).toBe(false);
		const viaRoute = async (content: Buffer) =>
			(await service.request("POST", "/v1/impact/packs/verify", { token: service.tokens.reader, body: { content: content.toString("base64"), signature } }))
				.body.valid;
		expect(await viaRoute(bytes)).toBe(true);
		expect(await viaRoute(tampered)).toBe(false);
	});

	it("compares change sets side by side with the same seed", async () => {
		const sla = standardSlaPolicy().targets.map((t) => (t.priority === "normal" ? { ...t, resolveMinutes: 48 * 60 } : t));
		const compared = await service.request("POST", "/v1/impact/comparisons", {
			body: {
				changeSets: [
					{ ...checklistChange(), seed: 3, samples: 500 },
					{ name: "Faster resolve", effectiveAt: T0, seed: 3, samples: 500, changes: [{ kind: "sla-policy", id: "sla-standard", targets: sla }] },
				],
			},
		});
		expect(compared.status).toBe(200);
		expect(compared.body.entries.map((e: { name: string }) => e.name)).toEqual(["Photo of the finished work", "Faster resolve"]);
		expect(compared.body.entries[1].summary.deadlinesMoved).toBe(3);
		expect(compared.body.entries[0].costRanges).toMatchObject({ seed: 3, samples: 500 });
	});
});
