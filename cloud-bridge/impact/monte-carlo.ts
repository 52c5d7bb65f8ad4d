/**
 * Cost ranges of a plan: a seeded Monte-Carlo over the remaining (not completed) tasks of the
 * affected work orders. Each draw takes, for every task, a recorded work duration of a task of the
 * same kind (same title) from the time entries, and for every part a used/estimated ratio of the
 * same SKU from used line items; then prices the draw before and after the change (rates, unit
 * prices, ten minutes per added checklist item). The figures are min / p10 / p50 / p90 / max of
 * the labour cost, the revenue and the margin impact after − before. Same data and seed, same
 * numbers: the generator is mulberry32 (model/fixtures/prng.ts) and tasks are visited in id order.
 */
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { LineItem } from "../../model/entities/line-item.js";
import type { RateCard, Technician } from "../../model/entities/technician.js";
import { createRng } from "../../model/fixtures/prng.js";
import type { Write } from "./plan-types.js";

const MS_PER_HOUR = 3_600_000;
/** What an added checklist item costs in the field (the scheduling engine's estimate per item). */
const ITEM_MS = 10 * 60_000;
export const DEFAULT_SAMPLES = 2000;
export const MAX_SAMPLES = 100_000;

export interface Range {
	min: number;
	p10: number;
	p50: number;
	p90: number;
	max: number;
}

export interface CostRanges {
	seed: number;
	samples: number;
	/** Remaining tasks drawn for, and how many recorded durations / part usages the draws came from. */
	tasks: number;
	historicalDurations: number;
	historicalPartUsages: number;
	currency: string;
	labourCostMinor: Range;
	revenueMinor: Range;
	marginImpactMinor: Range;
}

interface TaskDraw {
	history: Float64Array;
	extraMs: number;
	costPerMsBefore: number;
	costPerMsAfter: number;
	ratePerMsBefore: number;
	ratePerMsAfter: number;
	parts: { quantity: number; ratios: Float64Array; cost: number; priceBefore: number; priceAfter: number }[];
}

export function costRanges(
	snapshot: ModelSnapshot,
	writes: readonly Write[],
	affectedWorkOrderIds: Iterable<string>,
	seed: number,
	samples: number,
): CostRanges {
	const n = Math.max(1, Math.min(MAX_SAMPLES, Math.floor(samples)));
	const draws = prepare(snapshot, writes, new Set(affectedWorkOrderIds));
	const rng = createRng(seed);
	const labour = new Float64Array(n);
	const revenue = new Float64Array(n);
	const impact = new Float64Array(n);
	for (let s = 0; s < n; s++) {
		let cost = 0;
		let costBefore = 0;
		let revBefore = 0;
		let revAfter = 0;
		for (const d of draws.tasks) {
			const ms = d.history[Math.floor(rng.next() * d.history.length)];
			const msAfter = Math.max(0, ms + d.extraMs);
			costBefore += ms * d.costPerMsBefore;
			cost += msAfter * d.costPerMsAfter;
			revBefore += ms * d.ratePerMsBefore;
			revAfter += msAfter * d.ratePerMsAfter;
			for (const p of d.parts) {
				const q = p.quantity * p.ratios[Math.floor(rng.next() * p.ratios.length)];
				revBefore += q * p.priceBefore;
				revAfter += q * p.priceAfter;
				// Parts cost the same before and after: only prices change.
			}
		}
		labour[s] = Math.round(cost);
		revenue[s] = Math.round(revAfter);
		impact[s] = Math.round(revAfter - cost - (revBefore - costBefore));
	}
	return {
		seed,
		samples: n,
		tasks: draws.tasks.length,
		historicalDurations: draws.durations,
		historicalPartUsages: draws.usages,
		currency: snapshot.customers[0]?.currency ?? "EUR",
		labourCostMinor: range(labour),
		revenueMinor: range(revenue),
		marginImpactMinor: range(impact),
	};
}

function range(values: Float64Array): Range {
	values.sort();
	const at = (q: number) => values[Math.floor(q * (values.length - 1))];
	return { min: values[0], p10: at(0.1), p50: at(0.5), p90: at(0.9), max: values[values.length - 1] };
}

function prepare(snapshot: ModelSnapshot, writes: readonly Write[], affected: Set<string>) {
	const after = { rateCard: new Map<string, RateCard>(), task: new Map<string, { checklist: unknown[] }>(), lineItem: new Map<string, LineItem>() };
	for (const w of writes) {
		if (w.kind === "rateCard") after.rateCard.set(w.entity.id, w.entity);
		if (w.kind === "task") after.task.set(w.entity.id, w.entity);
		if (w.kind === "lineItem") after.lineItem.set(w.entity.id, w.entity);
	}
	const titleOf = new Map(snapshot.tasks.map((t) => [t.id, t.title]));
	const durations = new Map<string, number[]>();
	let durationCount = 0;
	for (const e of snapshot.timeEntries) {
		if (e.kind !== "work" || e.end === null || e.end <= e.start || e.status === "rejected") continue;
		const title = titleOf.get(e.taskId);
		if (title === undefined) continue;
		const list = durations.get(title) ?? [];
		list.push(e.end - e.start);
		durations.set(title, list);
		durationCount++;
	}
	const ratios = new Map<string, number[]>();
	let usageCount = 0;
	for (const l of snapshot.lineItems) {
		if (l.usedQuantity === null || l.estimatedQuantity <= 0 || l.sku === null) continue;
		const list = ratios.get(l.sku) ?? [];
		list.push(l.usedQuantity / l.estimatedQuantity);
		ratios.set(l.sku, list);
		usageCount++;
	}
	const technicians = new Map(snapshot.technicians.map((t) => [t.id, t]));
	const cards = new Map(snapshot.rateCards.map((c) => [c.id, c]));
	const technicianOf = new Map<string, Technician>();
	for (const a of snapshot.appointments) {
		const t = technicians.get(a.technicianId);
		if (t && affected.has(a.workOrderId) && !technicianOf.has(a.workOrderId)) technicianOf.set(a.workOrderId, t);
	}
	const fallback = snapshot.technicians[0];
	const itemsOf = new Map<string, LineItem[]>();
	for (const l of snapshot.lineItems) if (affected.has(l.workOrderId) && l.status !== "billed") itemsOf.set(l.taskId, [...(itemsOf.get(l.taskId) ?? []), l]);
	const tasks: TaskDraw[] = [];
	const open = snapshot.tasks.filter((t) => affected.has(t.workOrderId) && (t.status === "pending" || t.status === "in-progress"));
	open.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const task of open) {
		const technician = technicianOf.get(task.workOrderId) ?? fallback;
		if (!technician) continue;
		const card = cards.get(technician.rateCardId);
		const cardAfter = after.rateCard.get(technician.rateCardId) ?? card;
		const history = durations.get(task.title);
		const checklistAfter = after.task.get(task.id)?.checklist.length ?? task.checklist.length;
		tasks.push({
			history: history && history.length > 0 ? Float64Array.from(history) : Float64Array.of(task.estimatedMinutes * 60_000),
			extraMs: (checklistAfter - task.checklist.length) * ITEM_MS,
			costPerMsBefore: technician.hourlyCostMinor / MS_PER_HOUR,
			costPerMsAfter: technician.hourlyCostMinor / MS_PER_HOUR,
			ratePerMsBefore: (card?.ratesPerHourMinor.work ?? 0) / MS_PER_HOUR,
			ratePerMsAfter: (cardAfter?.ratesPerHourMinor.work ?? 0) / MS_PER_HOUR,
			parts: (itemsOf.get(task.id) ?? [])
				.sort((a, b) => (a.id < b.id ? -1 : 1))
				.map((l) => {
					const r = l.sku ? ratios.get(l.sku) : undefined;
					return {
						quantity: l.estimatedQuantity,
						ratios: r && r.length > 0 ? Float64Array.from(r) : Float64Array.of(1),
						cost: l.unitCostMinor,
						priceBefore: l.unitPriceMinor,
						priceAfter: after.lineItem.get(l.id)?.unitPriceMinor ?? l.unitPriceMinor,
					};
				}),
		});
	}
	return { tasks, durations: durationCount, usages: usageCount };
}
