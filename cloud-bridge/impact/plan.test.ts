/**
 * The preview engine on hand-built scenarios: each kind of change with its ripple written out by
 * hand (deadlines, late appointments, prices, margins under the floor, invoices, milestone
 * readiness, webhooks), and the determinism of the cost ranges for a seed.
 */
import { describe, expect, it } from "vitest";
import { standardSlaPolicy } from "../../model/policies/fixtures.js";
import { HOUR, items, make, T0 } from "../../model/testing/builders.js";
import type { ChangeSet } from "./change-set.js";
import { costRanges } from "./monte-carlo.js";
import { planImpact } from "./plan.js";
import { scenario, template } from "./testing/scenario.js";

const plan = (changeSet: ChangeSet, floor = 2000) =>
	planImpact({ snapshot: scenario(), policies: [standardSlaPolicy(), template], changeSet, marginFloorBasisPoints: floor, now: T0, actorId: "U1" });

describe("impact plan", () => {
	it("an SLA revision moves the deadlines of governed open orders and makes an appointment late through the engine's re-timing", async () => {
		const targets = standardSlaPolicy().targets.map((t) => (t.priority === "normal" ? { ...t, respondMinutes: 24 * 60, resolveMinutes: 48 * 60 } : t));
		const { body, writes, policies } = await plan({ effectiveAt: "2026-01-01T00:00:00Z", changes: [{ kind: "sla-policy", id: "sla-standard", targets }] });
		expect(policies.map((p) => [p.id, p.version])).toEqual([["sla-standard", 2]]);
		// WO1, WO4, WO5 are normal and open; WO2 (high) keeps its deadlines; WO3 is completed.
		expect(body.workOrders.map((w) => [w.id, w.after.respondBy - T0, w.after.resolveBy - T0, w.resolveMovedMs])).toEqual([
			["WO1", 24 * HOUR, 48 * HOUR, -240 * HOUR],
			["WO4", 24 * HOUR, 48 * HOUR, -240 * HOUR],
			["WO5", 24 * HOUR, 48 * HOUR, -240 * HOUR],
		]);
		expect(body.appointments).toHaveLength(1);
		expect(body.appointments[0]).toMatchObject({ id: "AP1", becomesLate: true, before: { late: false }, after: { late: true } });
		expect(body.appointments[0].after.findings.length).toBeGreaterThan(0);
		expect(body.margins).toEqual([]);
		expect(body.webhooks).toEqual([{ type: "impact.applied", subjectId: "(this plan)", workOrderIds: ["WO1", "WO4", "WO5"], taskIds: [], lineItemIds: [] }]);
		// Applying re-stamps every governed open order (WO2 too: it is now made from version 2).
		expect(writes.filter((w) => w.kind === "workOrder").map((w) => [w.entity.id, (w.entity as { slaPolicy?: unknown }).slaPolicy])).toEqual([
			["WO1", { id: "sla-standard", version: 2 }],
			["WO2", { id: "sla-standard", version: 2 }],
			["WO4", { id: "sla-standard", version: 2 }],
			["WO5", { id: "sla-standard", version: 2 }],
		]);
		expect(body.readHash).toMatch(/^[0-9a-f]{64}$/);
	});

	it("business hours count only open time: 8 working hours from Friday 16:00 UTC end Monday 16:00", async () => {
		const friday = Date.UTC(2026, 0, 2, 16);
		const snapshot = scenario();
		snapshot.workOrders[0] = { ...snapshot.workOrders[0], createdAt: friday };
		const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
		const targets = standardSlaPolicy().targets.map((t) => (t.priority === "normal" ? { ...t, respondMinutes: 8 * 60, resolveMinutes: 16 * 60 } : t));
		const { body } = await planImpact({
			snapshot,
			policies: [standardSlaPolicy()],
			changeSet: { effectiveAt: friday, scope: { workOrderIds: ["WO1"] }, changes: [{ kind: "sla-policy", id: "sla-standard", targets, businessHours: week }] },
			marginFloorBasisPoints: 0,
			now: friday,
			actorId: "U1",
		});
		// Friday 16-17 is one hour, Monday 9-16 the other seven; resolve (16 h): Friday 1, Monday 8, Tuesday 9-16 the last 7.
		expect(new Date(body.workOrders[0].after.respondBy).toISOString()).toBe("2026-01-05T16:00:00.000Z");
		expect(new Date(body.workOrders[0].after.resolveBy).toISOString()).toBe("2026-01-06T16:00:00.000Z");
	});

	it("a price-list update reprices line items, lowers the margin under the floor (override needed) and changes the unreleased invoice", async () => {
		const { body } = await plan({
			effectiveAt: T0,
			changes: [{ kind: "price-list", id: "prices-RC1", rateCardId: "RC1", ratesPerHourMinor: { work: 5000 }, itemPricesMinor: { "FUSE-10": 1000 } }],
		});
		expect(body.rateCards).toEqual([{ id: "RC1", before: { work: 9000, travel: 6000 }, after: { work: 5000, travel: 6000 } }]);
		expect(body.lineItems.map((l) => [l.id, l.before.unitPriceMinor, l.after.unitPriceMinor])).toEqual([["LI4", 1500, 1000]]);
		// WO4: 2 h approved at 90.00 → 50.00 plus 2 fuses at 15.00 → 10.00; cost 2 h × 40.00 + 2 × 10.00 = 100.00.
		expect(body.margins).toEqual([
			{
				workOrderId: "WO4",
				before: { priceMinor: 21000, costMinor: 10000, marginMinor: 11000, marginBasisPoints: 5238 },
				after: { priceMinor: 12000, costMinor: 10000, marginMinor: 2000, marginBasisPoints: 1666 },
				belowFloor: true,
				needsOverride: true,
			},
		]);
		expect(body.approvalsRequired).toEqual([
			{ kind: "margin-override", subjectId: "WO4", reason: "margin after the change is 16.66 %, under the floor of 20.00 %" },
		]);
		expect(body.invoices).toEqual([{ milestoneId: "M4", workOrderId: "WO4", status: "approved", before: { totalMinor: 21000 }, after: { totalMinor: 12000 } }]);
		expect(body.workOrders).toEqual([]);
		expect(body.webhooks).toEqual([{ type: "impact.applied", subjectId: "(this plan)", workOrderIds: [], taskIds: [], lineItemIds: ["LI4"] }]);
	});

	it("a checklist-template change adds a required photo: the completed task's milestone stops being ready", async () => {
		const { body } = await plan({
			effectiveAt: T0,
			changes: [{ kind: "checklist-template", id: template.id, items: [items.safety(), items.insulation(), items.photo()] }],
		});
		expect(body.tasks).toEqual([
			{ id: "T5", workOrderId: "WO5", title: "Insulation test", status: "completed", added: [items.photo()], removed: [], changed: [] },
		]);
		expect(body.milestones).toHaveLength(1);
		expect(body.milestones[0]).toMatchObject({ id: "M5", before: { ready: true, reasons: [] }, after: { ready: false }, blocksRelease: true });
		expect(body.milestones[0].after.reasons.join(" ")).toMatch(/photo/);
		expect(body.summary).toMatchObject({ workOrdersAffected: 1, tasksWithNewChecklist: 1, milestonesBlocked: 1 });
	});

	it("refuses a change set whose effective date is not a date, and a policy id of another kind", async () => {
		await expect(plan({ effectiveAt: "soon", changes: [] })).rejects.toMatchObject({ code: "FC_IMPACT_CHANGESET" });
		await expect(plan({ effectiveAt: T0, changes: [{ kind: "price-list", id: "sla-standard" }] })).rejects.toMatchObject({ code: "FC_IMPACT_CHANGESET" });
	});

	it("the read hash changes when anything read changes, and not otherwise", async () => {
		const changeSet: ChangeSet = { effectiveAt: T0, changes: [{ kind: "checklist-template", id: template.id, items: [items.safety()] }] };
		const a = await plan(changeSet);
		const b = await plan(changeSet);
		expect(b.body.readHash).toBe(a.body.readHash);
		const bumped = scenario();
		bumped.evidence[0] = { ...bumped.evidence[0], version: 2 };
		const c = await planImpact({ snapshot: bumped, policies: [standardSlaPolicy(), template], changeSet, marginFloorBasisPoints: 0, now: T0, actorId: "U1" });
		expect(c.body.readHash).not.toBe(a.body.readHash);
	});

	it("cost ranges are the same for the same seed and differ for another", async () => {
		const snapshot = scenario();
		// History: three recorded durations of "Insulation test" (1, 2 and 3 hours).
		snapshot.tasks.push(make.task({ id: "H1", workOrderId: "WO3", status: "completed" }));
		for (const [i, h] of [1, 2, 3].entries())
			snapshot.timeEntries.push(make.timeEntry({ id: `HT${i}`, workOrderId: "WO3", taskId: "H1", start: T0, end: T0 + h * HOUR }));
		const run = (seed: number) => costRanges(snapshot, [], ["WO1"], seed, 10_000);
		const one = await run(7);
		expect(await run(7)).toEqual(one);
		expect(one).toMatchObject({ seed: 7, samples: 10_000, tasks: 1, historicalDurations: 4 });
		// T1 is one task at 40.00/h cost; the durations of its kind are 1, 2, 3 h and TE4's 2 h: labour 40.00 to 120.00.
		expect(one.labourCostMinor.min).toBe(4000);
		expect(one.labourCostMinor.max).toBe(12000);
		expect(one.marginImpactMinor).toEqual({ min: 0, p10: 0, p50: 0, p90: 0, max: 0 });
		const other = await run(8);
		expect(other.seed).toBe(8);
	});
});
