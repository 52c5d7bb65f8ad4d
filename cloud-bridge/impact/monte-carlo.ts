/**
 * Cost ranges of a plan: a seeded Monte-Carlo over the remaining (not completed) tasks of the
 * affected work orders. Each draw takes, for every task, a recorded work duration of a task of the
 * same kind (same title) from the time entries, and for every part a used/estimated ratio of the
 * same SKU from used line items; then prices the draw before and after the change (rates, unit
 * prices, ten minutes per added checklist item). The figures are min / p10 / p50 / p90 / max of
 * the labour cost, the revenue and the margin impact after − before. Same data and seed, same
 * numbers: the generator is mulberry32 (as model/fixtures/prng.ts), tasks are visited in id order,
 * and every sample sums its terms in that order, whichever thread draws it (draws.ts).
 */
import type { ModelSnapshot } from "../../model/entities/kinds.js";
import type { LineItem } from "../../model/entities/line-item.js";
import type { RateCard, Technician } from "../../model/entities/technician.js";
import { type DrawProgram, drawSamples, PART_COEFS, PART_INTS, TASK_COEFS, TASK_INTS } from "./draws.js";
import type { Write } from "./plan-types.js";

const MS_PER_HOUR = 3_600_000;
const ONE = Float64Array.of(1);
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
	parts: { quantity: number; ratios: Float64Array; priceBefore: number; priceAfter: number }[];
}

export async function costRanges(
	snapshot: ModelSnapshot,
	writes: readonly Write[],
	affectedWorkOrderIds: Iterable<string>,
	seed: number,
	samples: number,
): Promise<CostRanges> {
	const n = Math.max(1, Math.min(MAX_SAMPLES, Math.floor(samples)));
	const draws = prepare(snapshot, writes, new Set(affectedWorkOrderIds));
	const { labour, revenue, impact } = await drawSamples(compile(draws.tasks), seed, n);
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

/** The draws as flat typed arrays (layout in draws.ts); histories and ratio lists shared by many tasks are stored once. */
function compile(tasks: readonly TaskDraw[]): DrawProgram {
	const partCount = tasks.reduce((sum, d) => sum + d.parts.length, 0);
	const program: DrawProgram = {
		tasksInt: new Int32Array(tasks.length * TASK_INTS),
		tasksCoef: new Float64Array(tasks.length * TASK_COEFS),
		partsInt: new Int32Array(partCount * PART_INTS),
		partsCoef: new Float64Array(partCount * PART_COEFS),
		histories: new Float64Array(0),
		ratios: new Float64Array(0),
	};
	const hist: number[] = [];
	const ratioValues: number[] = [];
	const histAt = new Map<Float64Array, number>();
	const ratioAt = new Map<Float64Array, number>();
	let k = 0;
	for (const [i, d] of tasks.entries()) {
		let at = histAt.get(d.history);
		if (at === undefined) {
			at = hist.length;
			histAt.set(d.history, at);
			for (const v of d.history) hist.push(v);
		}
		for (const p of d.parts) {
			let r = ratioAt.get(p.ratios);
			if (r === undefined) {
				r = ratioValues.length;
				ratioAt.set(p.ratios, r);
				for (const v of p.ratios) ratioValues.push(v);
			}
			program.partsInt.set([r, p.ratios.length], k * PART_INTS);
			program.partsCoef.set([p.quantity, p.priceBefore, p.priceAfter], k * PART_COEFS);
			k++;
		}
		program.tasksInt.set([at, d.history.length, k], i * TASK_INTS);
		program.tasksCoef.set([d.extraMs, d.costPerMsBefore, d.costPerMsAfter, d.ratePerMsBefore, d.ratePerMsAfter], i * TASK_COEFS);
	}
	program.histories = Float64Array.from(hist);
	program.ratios = Float64Array.from(ratioValues);
	return program;
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
		const list = durations.get(title);
		if (list) list.push(e.end - e.start);
		else durations.set(title, [e.end - e.start]);
		durationCount++;
	}
	const ratios = new Map<string, number[]>();
	let usageCount = 0;
	for (const l of snapshot.lineItems) {
		if (l.usedQuantity === null || l.estimatedQuantity <= 0 || l.sku === null) continue;
		const list = ratios.get(l.sku);
		if (list) list.push(l.usedQuantity / l.estimatedQuantity);
		else ratios.set(l.sku, [l.usedQuantity / l.estimatedQuantity]);
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
	for (const l of snapshot.lineItems) {
		if (!affected.has(l.workOrderId) || l.status === "billed") continue;
		const list = itemsOf.get(l.taskId);
		if (list) list.push(l);
		else itemsOf.set(l.taskId, [l]);
	}
	// One typed array per task kind and per SKU, shared by every task that draws from it.
	const histories = new Map<string, Float64Array | undefined>();
	const historyOf = (title: string) => {
		if (!histories.has(title)) histories.set(title, durations.get(title)?.length ? Float64Array.from(durations.get(title) as number[]) : undefined);
		return histories.get(title);
	};
	const ratioArrays = new Map<string, Float64Array | undefined>();
	const ratiosOf = (sku: string) => {
		if (!ratioArrays.has(sku)) ratioArrays.set(sku, ratios.get(sku)?.length ? Float64Array.from(ratios.get(sku) as number[]) : undefined);
		return ratioArrays.get(sku);
	};
	const tasks: TaskDraw[] = [];
	const open = snapshot.tasks.filter((t) => affected.has(t.workOrderId) && (t.status === "pending" || t.status === "in-progress"));
	open.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const task of open) {
		const technician = technicianOf.get(task.workOrderId) ?? fallback;
		if (!technician) continue;
		const card = cards.get(technician.rateCardId);
		const cardAfter = after.rateCard.get(technician.rateCardId) ?? card;
		const history = historyOf(task.title);
		const checklistAfter = after.task.get(task.id)?.checklist.length ?? task.checklist.length;
		tasks.push({
			history: history ?? Float64Array.of(task.estimatedMinutes * 60_000),
			extraMs: (checklistAfter - task.checklist.length) * ITEM_MS,
			costPerMsBefore: technician.hourlyCostMinor / MS_PER_HOUR,
			costPerMsAfter: technician.hourlyCostMinor / MS_PER_HOUR,
			ratePerMsBefore: (card?.ratesPerHourMinor.work ?? 0) / MS_PER_HOUR,
			ratePerMsAfter: (cardAfter?.ratesPerHourMinor.work ?? 0) / MS_PER_HOUR,
			parts: (itemsOf.get(task.id) ?? [])
				.sort((a, b) => (a.id < b.id ? -1 : 1))
				.map((l) => ({
					quantity: l.estimatedQuantity,
					ratios: (l.sku ? ratiosOf(l.sku) : undefined) ?? ONE,
					priceBefore: l.unitPriceMinor,
					priceAfter: after.lineItem.get(l.id)?.unitPriceMinor ?? l.unitPriceMinor,
				})),
		});
	}
	return { tasks, durations: durationCount, usages: usageCount };
}
