/**
 * margin = price - (labour cost from approved hours x hourly cost + parts cost), per task and per
 * work order. Task prices are actuals (billable approved time at bill rates plus used items); a work
 * order's price is its contract value when it has one, otherwise the actuals of its tasks.
 */
import type { MarginFigures } from "../entities/invoice.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { TimeEntry } from "../entities/time-entry.js";
import { billedDuration } from "./billable-time.js";
import { requireEntity, subtreeIds } from "./lookup.js";
import { amountForDuration, amountForQuantity, marginFigures } from "./money.js";

/** Approved (or already invoiced) time is the only time that costs or earns. */
export function isApprovedTime(entry: TimeEntry): boolean {
	return entry.status === "approved" || entry.status === "invoiced";
}

export function timeEntryDuration(entry: TimeEntry): number {
	return entry.end === null ? 0 : Math.max(0, entry.end - entry.start);
}

export function timeEntryPrice(snapshot: ModelSnapshot, entry: TimeEntry): number {
	const technician = requireEntity(snapshot, "technician", entry.technicianId);
	const card = requireEntity(snapshot, "rateCard", technician.rateCardId);
	// The price is what the invoice bills: the billed (rounded) duration; the cost below is the recorded one.
	return amountForDuration(billedDuration(timeEntryDuration(entry)), card.ratesPerHourMinor[entry.kind]);
}

export function timeEntryCost(snapshot: ModelSnapshot, entry: TimeEntry): number {
	const technician = requireEntity(snapshot, "technician", entry.technicianId);
	return amountForDuration(timeEntryDuration(entry), technician.hourlyCostMinor);
}

export interface TaskMargin extends MarginFigures {
	taskId: string;
	labourCostMinor: number;
	partsCostMinor: number;
}

export function taskMargin(snapshot: ModelSnapshot, taskId: string): TaskMargin {
	let price = 0;
	let labourCost = 0;
	let partsCost = 0;
	for (const entry of snapshot.timeEntries) {
		if (entry.taskId !== taskId || !isApprovedTime(entry)) continue;
		labourCost += timeEntryCost(snapshot, entry);
		if (entry.billable) price += timeEntryPrice(snapshot, entry);
	}
	for (const item of snapshot.lineItems) {
		if (item.taskId !== taskId || item.status === "estimated" || item.usedQuantity === null) continue;
		partsCost += amountForQuantity(item.usedQuantity, item.unitCostMinor);
		price += amountForQuantity(item.usedQuantity, item.unitPriceMinor);
	}
	return { taskId, labourCostMinor: labourCost, partsCostMinor: partsCost, ...marginFigures(price, labourCost + partsCost) };
}

export interface WorkOrderMargin extends MarginFigures {
	workOrderId: string;
	/** The order's own tasks and those of its child visits. */
	tasks: TaskMargin[];
}

export function marginReport(snapshot: ModelSnapshot, workOrderId: string): WorkOrderMargin {
	const order = requireEntity(snapshot, "workOrder", workOrderId);
	const ids = subtreeIds(snapshot, workOrderId);
	const tasks = snapshot.tasks.filter((t) => ids.has(t.workOrderId)).map((t) => taskMargin(snapshot, t.id));
	const actuals = tasks.reduce((sum, t) => sum + t.priceMinor, 0);
	const cost = tasks.reduce((sum, t) => sum + t.costMinor, 0);
	return { workOrderId, tasks, ...marginFigures(order.contractValueMinor ?? actuals, cost) };
}
