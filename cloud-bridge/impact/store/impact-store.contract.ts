/** One suite every impact store backend passes (memory and SQLite in store.test.ts, PostgreSQL in postgres.real.test.ts). */
import { describe, expect, it } from "vitest";
import { checklistTemplateFor, standardSlaPolicy } from "../../../model/policies/fixtures.js";
import type { ImpactPreview } from "../plan-types.js";
import type { ImpactStore } from "./types.js";

const preview = (id: string): ImpactPreview => ({
	id,
	createdAt: 1,
	createdBy: "U1",
	changeSet: { effectiveAt: 1, changes: [] },
	plan: { readHash: "ab" } as ImpactPreview["plan"],
	applied: null,
});

export function impactStoreContract(name: string, open: () => Promise<{ store: ImpactStore; close(): Promise<void> }>): void {
	const withStore = (fn: (store: ImpactStore) => Promise<void>) => async () => {
		const { store, close } = await open();
		try {
			await fn(store);
		} finally {
			await close();
		}
	};
	describe(`impact store contract: ${name}`, () => {
		it(
			"keeps every policy version, returns the latest, refuses a version twice (all or none)",
			withStore(async (store) => {
				const v1 = standardSlaPolicy();
				const v2 = { ...v1, version: 2, name: "Faster" };
				await store.putPolicies([v1]);
				await store.putPolicies([v2]);
				expect((await store.latestPolicies()).map((p) => [p.id, p.version, p.name])).toEqual([["sla-standard", 2, "Faster"]]);
				expect((await store.policyVersions("sla-standard")).map((p) => p.version)).toEqual([1, 2]);
				const other = { ...v1, id: "sla-other" };
				await expect(store.putPolicies([other, v2])).rejects.toMatchObject({ code: "FC_IMPACT_PLAN_STALE" });
				expect(await store.policyVersions("sla-other")).toEqual([]);
			}),
		);
		it(
			"creates version 1 of a new policy once; a taken id or a revision is refused; lists the latest by kind",
			withStore(async (store) => {
				const sla = standardSlaPolicy();
				await store.createPolicy(sla);
				await store.createPolicy({ ...checklistTemplateFor("electrical-lv") });
				await expect(store.createPolicy({ ...sla, name: "Again" })).rejects.toMatchObject({ code: "FC_BILLING_CONFLICT", details: { id: sla.id } });
				await expect(store.createPolicy({ ...sla, id: "sla-new", version: 2 })).rejects.toMatchObject({ code: "FC_BILLING_CONFLICT" });
				expect(await store.policyVersions("sla-new")).toEqual([]);
				// Two creates of one id at once: exactly one wins.
				const race = await Promise.allSettled([store.createPolicy({ ...sla, id: "sla-race" }), store.createPolicy({ ...sla, id: "sla-race", name: "B" })]);
				expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
				// A revision stored by an applied plan is what the latest shows; the kind filter keeps only that kind.
				await store.putPolicies([{ ...sla, version: 2, name: "Faster" }]);
				expect((await store.latestPolicies("sla-policy")).map((p) => [p.id, p.version, p.name])).toEqual([
					["sla-race", 1, expect.any(String)],
					["sla-standard", 2, "Faster"],
				]);
				expect((await store.latestPolicies("checklist-template")).map((p) => p.id)).toEqual(["checklist-electrical-lv"]);
				expect(await store.latestPolicies("price-list")).toEqual([]);
				expect((await store.latestPolicies()).map((p) => p.id)).toEqual(["checklist-electrical-lv", "sla-race", "sla-standard"]);
				await expect(store.createPolicy({ ...sla, name: "After a revision" })).rejects.toMatchObject({ code: "FC_BILLING_CONFLICT" });
			}),
		);
		it(
			"stores previews, claims an apply once, releases a failed claim",
			withStore(async (store) => {
				await store.putPreview(preview("P1"));
				expect(await store.getPreview("P1")).toEqual(preview("P1"));
				expect(await store.getPreview("P2")).toBeUndefined();
				await store.claimApply("P1", "SUP1", 5);
				expect((await store.getPreview("P1"))?.applied).toEqual({ at: 5, by: "SUP1" });
				await expect(store.claimApply("P1", "SUP2", 6)).rejects.toMatchObject({ code: "FC_IMPACT_PLAN_STALE" });
				await expect(store.claimApply("nope", "SUP2", 6)).rejects.toMatchObject({ code: "FC_IMPACT_PLAN_STALE" });
				await store.releaseApply("P1");
				expect((await store.getPreview("P1"))?.applied).toBeNull();
			}),
		);
		it(
			"records approvals in order and keeps one signing key",
			withStore(async (store) => {
				await store.addApproval("P1", { role: "customer", decision: "rejected", by: "C", at: 1, note: "" });
				await store.addApproval("P1", { role: "customer", decision: "approved", by: "C", at: 2, note: "ok" });
				expect((await store.approvals("P1")).map((a) => a.decision)).toEqual(["rejected", "approved"]);
				expect(await store.approvals("P2")).toEqual([]);
				const make = (id: string) => () => ({ id, privateKeyPem: "priv", publicKeyPem: "pub", createdAt: 1 });
				expect((await store.signingKey(make("k1"))).id).toBe("k1");
				expect((await store.signingKey(make("k2"))).id).toBe("k1");
			}),
		);
	});
}
