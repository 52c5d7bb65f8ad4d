/**
 * The plan and its cost ranges pinned on generated fixtures: the digests below were taken from the
 * engine before it was made fast (indexes, incremental read hash, flat Monte-Carlo over workers),
 * so any change to what a preview says — a deadline, a late appointment, a margin, a readiness
 * reason, a write, a read-hash input, one cost figure — fails here. A change meant to alter results
 * updates these digests in the same commit and says why.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../../model/canonical-json.js";
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import { generateFixtures } from "../../model/fixtures/generate.js";
import { checklistTemplateFor, fixturePolicies, standardSlaPolicy, withPolicyRefs } from "../../model/policies/fixtures.js";
import type { Policy } from "../../model/policies/types.js";
import type { ChangeSet } from "./change-set.js";
import { costRanges } from "./monte-carlo.js";
import { planImpact } from "./plan.js";

const NOW = Date.UTC(2026, 2, 2);
let snapshot: ModelSnapshot;
let policies: Policy[];

beforeAll(() => {
	snapshot = withPolicyRefs(generateFixtures({ seed: 1, workOrders: 400 }).snapshot);
	policies = fixturePolicies(snapshot);
});

const digest = (value: unknown) => createHash("sha256").update(canonicalJson(value)).digest("hex");

async function run(changeSet: ChangeSet) {
	const out = await planImpact({ snapshot, policies, changeSet, marginFloorBasisPoints: 1500, now: NOW, actorId: "pin" });
	const affected = new Set([
		...out.body.workOrders.map((w) => w.id),
		...out.body.margins.map((m) => m.workOrderId),
		...out.body.tasks.map((t) => t.workOrderId),
	]);
	for (const l of out.body.lineItems) affected.add(l.workOrderId);
	const ranges = await costRanges(snapshot, out.writes, affected, 9, 3000);
	return { plan: digest({ body: out.body, writes: out.writes, policies: out.policies }), summary: out.body.summary, readHash: out.body.readHash, ranges };
}

const CASES: Record<string, () => ChangeSet> = {
	"halved resolve targets, a dearer rate card, a new photo item": () => {
		const card = snapshot.rateCards[0];
		return {
			effectiveAt: NOW,
			changes: [
				{
					kind: "sla-policy",
					id: "sla-standard",
					targets: standardSlaPolicy().targets.map((t) => ({ ...t, resolveMinutes: Math.round(t.resolveMinutes / 2) })),
				},
				{ kind: "price-list", id: `prices-${card.id}`, rateCardId: card.id, ratesPerHourMinor: { work: card.ratesPerHourMinor.work + 1000 } },
				{
					kind: "checklist-template",
					id: "checklist-electrical-lv",
					items: [
						...checklistTemplateFor("electrical-lv").items,
						{ id: "thermal", label: "thermal image", required: true, beforeStart: false, requirement: { kind: "photo" } },
					],
				},
			],
		};
	},
	"one-hour respond, two-hour resolve in business hours: appointments turn late": () => ({
		effectiveAt: "2026-03-01T00:00:00Z",
		changes: [
			{
				kind: "sla-policy",
				id: "sla-standard",
				targets: standardSlaPolicy().targets.map((t) => ({ ...t, respondMinutes: 60, resolveMinutes: 120 })),
				businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })),
			},
		],
	}),
	"cheaper parts and a cheaper rate card: margins under the floor, invoices change": () => {
		const card = snapshot.rateCards[1];
		return {
			effectiveAt: NOW,
			changes: [
				{
					kind: "price-list",
					id: `prices-${card.id}`,
					rateCardId: card.id,
					ratesPerHourMinor: { work: Math.round(card.ratesPerHourMinor.work / 3), travel: 100 },
					itemPricesMinor: { "MCB-16": 100, "SEAL-28": 500, "FLT-F7": 90_000 },
				},
			],
		};
	},
	"a checklist without its photo, a stricter reading, for two customers": () => {
		const [safety, reading] = checklistTemplateFor("electrical-lv").items;
		return {
			effectiveAt: NOW,
			scope: { customerIds: snapshot.customers.slice(0, 2).map((c) => c.id) },
			changes: [
				{
					kind: "checklist-template",
					id: "checklist-electrical-lv",
					items: [safety, { ...reading, label: `${reading.label} (stricter)` }],
					milestoneEvidence: ["reading", "safety"],
				},
			],
		};
	},
};

describe("impact plan pinned on generated fixtures", () => {
	for (const [name, changeSet] of Object.entries(CASES)) {
		it(name, async () => {
			const got = await run(changeSet());
			expect(got).toEqual(PINNED[name]);
		});
	}
});

const PINNED: Record<string, unknown> = {
	"halved resolve targets, a dearer rate card, a new photo item": {
		plan: "9b6395314651fe9c6734194ba02f6ac048c9b95c73543be997cd674a51651405",
		summary: {
			openWorkOrdersInScope: 155,
			workOrdersAffected: 155,
			deadlinesMoved: 155,
			appointmentsLate: 0,
			lineItemsRepriced: 0,
			marginsBelowFloor: 0,
			milestonesBlocked: 0,
			invoicesChanged: 3,
			tasksWithNewChecklist: 43,
		},
		readHash: "5b34562575a69be7592b455646a31a35cdc14af1eaba6ad136b498e821351e77",
		ranges: {
			seed: 9,
			samples: 3000,
			tasks: 215,
			historicalDurations: 420,
			historicalPartUsages: 376,
			currency: "EUR",
			labourCostMinor: { min: 2131697, p10: 2284236, p50: 2370045, p90: 2457237, max: 2650760 },
			revenueMinor: { min: 10125152, p10: 10597978, p50: 10872125, p90: 11159620, max: 11673867 },
			marginImpactMinor: { min: 70310, p10: 81712, p50: 87527, p90: 93853, max: 105822 },
		},
	},
	"one-hour respond, two-hour resolve in business hours: appointments turn late": {
		plan: "ba7dc38f2636ae530cf1bba1d8c2d62ebbe03258705ab978f3941414bc01976f",
		summary: {
			openWorkOrdersInScope: 155,
			workOrdersAffected: 155,
			deadlinesMoved: 155,
			appointmentsLate: 1,
			lineItemsRepriced: 0,
			marginsBelowFloor: 0,
			milestonesBlocked: 0,
			invoicesChanged: 0,
			tasksWithNewChecklist: 0,
		},
		readHash: "025d34d91b84c3d6db729494444c8f59528b5d708a05650a67da837865489a60",
		ranges: {
			seed: 9,
			samples: 3000,
			tasks: 215,
			historicalDurations: 420,
			historicalPartUsages: 376,
			currency: "EUR",
			labourCostMinor: { min: 2107347, p10: 2259886, p50: 2345695, p90: 2432887, max: 2626410 },
			revenueMinor: { min: 10016304, p10: 10486963, p50: 10759905, p90: 11047063, max: 11553470 },
			marginImpactMinor: { min: 0, p10: 0, p50: 0, p90: 0, max: 0 },
		},
	},
	"cheaper parts and a cheaper rate card: margins under the floor, invoices change": {
		plan: "b9cc7cec2f8ac0865e8930ddd4c6646fd8e6c43e78060b70caae103845179726",
		summary: {
			openWorkOrdersInScope: 155,
			workOrdersAffected: 60,
			deadlinesMoved: 0,
			appointmentsLate: 0,
			lineItemsRepriced: 55,
			marginsBelowFloor: 1,
			milestonesBlocked: 0,
			invoicesChanged: 1,
			tasksWithNewChecklist: 0,
		},
		readHash: "97a006065b3a0b8c3f317104610a78eab09197ed28768c063ea10d31a9227d84",
		ranges: {
			seed: 9,
			samples: 3000,
			tasks: 79,
			historicalDurations: 420,
			historicalPartUsages: 376,
			currency: "EUR",
			labourCostMinor: { min: 735822, p10: 824886, p50: 880154, p90: 934809, max: 1067967 },
			revenueMinor: { min: 5995935, p10: 6985255, p50: 7690353, p90: 8444642, max: 9926119 },
			marginImpactMinor: { min: 1508049, p10: 2367392, p50: 3032812, p90: 3723774, max: 5115789 },
		},
	},
	"a checklist without its photo, a stricter reading, for two customers": {
		plan: "ea4fd9d98aad3fd4044929f14688139a93d62dbbe4f34b335bf9c9588eb23db7",
		summary: {
			openWorkOrdersInScope: 16,
			workOrdersAffected: 2,
			deadlinesMoved: 0,
			appointmentsLate: 0,
			lineItemsRepriced: 0,
			marginsBelowFloor: 0,
			milestonesBlocked: 0,
			invoicesChanged: 0,
			tasksWithNewChecklist: 4,
		},
		readHash: "b5c7c071c778b01c9f37e8167afaa1f2a258d360bbd0a3079377ac01fecfeb8b",
		ranges: {
			seed: 9,
			samples: 3000,
			tasks: 3,
			historicalDurations: 420,
			historicalPartUsages: 376,
			currency: "EUR",
			labourCostMinor: { min: 9627, p10: 17316, p50: 27330, p90: 39928, max: 58152 },
			revenueMinor: { min: 64095, p10: 86295, p50: 108136, p90: 135276, max: 181751 },
			marginImpactMinor: { min: -3950, p10: -3950, p50: -3950, p90: -3950, max: -3950 },
		},
	},
};
