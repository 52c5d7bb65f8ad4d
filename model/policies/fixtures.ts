/**
 * The policies the model's fixtures (model/fixtures) were made from, and a pass that records them on
 * a generated snapshot: every work order gets the standard SLA policy, every task the checklist
 * template of its skill (matched by the checklist's reading item). The fixture generator itself is
 * left as it is, so its seeded output stays byte for byte what it was.
 */
import type { ModelSnapshot } from "../entities/kinds.js";
import type { ChecklistItem } from "../entities/task.js";
import { READING_CHECKS } from "../fixtures/catalogue.js";
import type { ChecklistTemplate, PriceList, SlaPolicy } from "./types.js";

const at = Date.UTC(2026, 0, 1);
const base = { version: 1, effectiveFrom: at, createdAt: at, createdBy: "fixtures" };

/** The SLA every fixture order carries (model/fixtures/templates.ts: respond 4/24/72/168 h, resolve four times that). */
export function standardSlaPolicy(): SlaPolicy {
	const hours = { emergency: 4, high: 24, normal: 72, low: 168 } as const;
	return {
		...base,
		kind: "sla-policy",
		id: "sla-standard",
		name: "Standard service levels",
		customerIds: [],
		businessHours: [],
		targets: (Object.keys(hours) as (keyof typeof hours)[]).map((priority) => ({
			priority,
			respondMinutes: hours[priority] * 60,
			resolveMinutes: hours[priority] * 240,
		})),
	};
}

export function checklistTemplateId(skill: string): string {
	return `checklist-${skill}`;
}

/** The template of a skill: safety acknowledgement, the skill's reading, a photo (model/fixtures/templates.ts checklistFor). */
export function checklistTemplateFor(skill: string): ChecklistTemplate {
	const check = READING_CHECKS[skill];
	const items: ChecklistItem[] = [
		{
			id: "safety",
			label: "isolation and permit confirmed",
			required: true,
			beforeStart: true,
			requirement: { kind: "acknowledgement", statement: "Isolated, locked out and permit in hand" },
		},
		{ id: "reading", label: check.label, required: true, beforeStart: false, requirement: check.requirement },
		{ id: "photo", label: "photo of the finished work", required: true, beforeStart: false, requirement: { kind: "photo" } },
	];
	return { ...base, kind: "checklist-template", id: checklistTemplateId(skill), name: `${skill} checklist`, items, milestoneEvidence: ["reading"] };
}

export function fixturePriceList(rateCardId: string, rates: { work: number; travel: number }): PriceList {
	return {
		...base,
		kind: "price-list",
		id: `prices-${rateCardId}`,
		name: `Prices of ${rateCardId}`,
		currency: "EUR",
		rateCardId,
		ratesPerHourMinor: rates,
		itemPricesMinor: {},
	};
}

/** Every policy the fixtures use: the SLA, one checklist template per skill, one price list per rate card. */
export function fixturePolicies(snapshot: ModelSnapshot): (SlaPolicy | ChecklistTemplate | PriceList)[] {
	return [
		standardSlaPolicy(),
		...Object.keys(READING_CHECKS).map(checklistTemplateFor),
		...snapshot.rateCards.map((card) => fixturePriceList(card.id, card.ratesPerHourMinor)),
	];
}

/** The snapshot with each work order and task recording the version it was made from. */
export function withPolicyRefs(snapshot: ModelSnapshot): ModelSnapshot {
	const skillOfQuantity = new Map(Object.entries(READING_CHECKS).map(([skill, check]) => [check.label, skill]));
	return {
		...snapshot,
		workOrders: snapshot.workOrders.map((order) => ({ ...order, slaPolicy: order.slaPolicy ?? { id: "sla-standard", version: 1 } })),
		tasks: snapshot.tasks.map((task) => {
			if (task.checklistTemplate) return task;
			const reading = task.checklist.find((item) => item.id === "reading");
			const skill = reading ? skillOfQuantity.get(reading.label) : undefined;
			return skill ? { ...task, checklistTemplate: { id: checklistTemplateId(skill), version: 1 } } : task;
		}),
	};
}
