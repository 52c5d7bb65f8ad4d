/**
 * The invoice a milestone release produces. Lines come from approved billable time (billed hours,
 * rounded per entry by billable-time.ts, x the technician's bill rate) and used line items; each names its source, the evidence that satisfied
 * its task's checklist and the approvals behind it. A fixed or percentage milestone adds one
 * adjustment line so the total is the agreed amount while the detail stays visible.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Invoice, InvoiceLine } from "../entities/invoice.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import type { BillingMilestone } from "../entities/milestone.js";
import type { Task } from "../entities/task.js";
import { billedDuration, billedHours, roundingNote } from "./billable-time.js";
import { assessItem } from "./evidence-check.js";
import { latestDecision, requireEntity } from "./lookup.js";
import { taskMargin, timeEntryDuration } from "./margin.js";
import { amountForDuration, amountForQuantity, marginFigures } from "./money.js";

function taskEvidenceIds(snapshot: ModelSnapshot, task: Task): string[] {
	return task.checklist.flatMap((item) => assessItem(task, item, snapshot.evidence).valid.map((e) => e.id));
}

function checkCurrency(expected: string, actual: string, what: string): void {
	if (actual === expected) return;
	throw new FieldchainError(ErrorCodes.FC_MODEL_CURRENCY_MISMATCH, `${what} is priced in ${actual}, the work order in ${expected}.`);
}

/** What the milestone should come to, or null for actuals. */
export function milestoneTarget(snapshot: ModelSnapshot, milestone: BillingMilestone): number | null {
	const amount = milestone.amount;
	if (amount.kind === "fixed") return amount.amountMinor;
	if (amount.kind === "actuals") return null;
	const order = requireEntity(snapshot, "workOrder", milestone.workOrderId);
	if (order.contractValueMinor === null) {
		throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `Milestone ${milestone.id} is a percentage of work order ${order.id}, which has no contract value.`);
	}
	return Math.round((order.contractValueMinor * amount.basisPoints) / 10_000);
}

export function invoiceLines(snapshot: ModelSnapshot, milestone: BillingMilestone, milestoneApprovalIds: string[]): InvoiceLine[] {
	const order = requireEntity(snapshot, "workOrder", milestone.workOrderId);
	const lines: InvoiceLine[] = [];
	const push = (line: Omit<InvoiceLine, "lineNo">) => lines.push({ lineNo: lines.length + 1, ...line });
	for (const taskId of milestone.taskIds) {
		const task = requireEntity(snapshot, "task", taskId);
		const evidenceIds = taskEvidenceIds(snapshot, task);
		const entries = snapshot.timeEntries.filter((e) => e.taskId === taskId && e.billable && e.status === "approved").sort((a, b) => a.start - b.start);
		for (const entry of entries) {
			const technician = requireEntity(snapshot, "technician", entry.technicianId);
			const card = requireEntity(snapshot, "rateCard", technician.rateCardId);
			checkCurrency(order.currency, card.currency, `Rate card ${card.id}`);
			const rate = card.ratesPerHourMinor[entry.kind];
			const approval = latestDecision(snapshot, "time-entry", entry.id);
			push({
				kind: entry.kind,
				// Billed time, not recorded time: quantity x rate is the amount (billable-time.ts).
				description: `${entry.kind === "work" ? "Labour" : "Travel"}: ${technician.name}, ${task.title} (${roundingNote(timeEntryDuration(entry))})`,
				taskId,
				quantity: billedHours(timeEntryDuration(entry)),
				unit: "h",
				unitPriceMinor: rate,
				amountMinor: amountForDuration(billedDuration(timeEntryDuration(entry)), rate),
				source: { kind: "time-entry", id: entry.id },
				evidenceIds,
				approvalIds: [...(approval ? [approval.id] : []), ...milestoneApprovalIds],
			});
		}
		for (const item of snapshot.lineItems.filter((i) => i.taskId === taskId && i.status === "used")) {
			checkCurrency(order.currency, item.currency, `Line item ${item.id}`);
			const quantity = item.usedQuantity ?? 0;
			push({
				kind: item.kind,
				description: item.description,
				taskId,
				quantity,
				unit: item.unit,
				unitPriceMinor: item.unitPriceMinor,
				amountMinor: amountForQuantity(quantity, item.unitPriceMinor),
				source: { kind: "line-item", id: item.id },
				evidenceIds,
				approvalIds: [...milestoneApprovalIds],
			});
		}
	}
	const target = milestoneTarget(snapshot, milestone);
	const actuals = lines.reduce((sum, line) => sum + line.amountMinor, 0);
	if (target !== null && target !== actuals) {
		push({
			kind: "milestone-adjustment",
			description: `Agreed amount of milestone '${milestone.name}'`,
			taskId: null,
			quantity: 1,
			unit: "ea",
			unitPriceMinor: target - actuals,
			amountMinor: target - actuals,
			source: { kind: "milestone", id: milestone.id },
			evidenceIds: [...new Set(lines.flatMap((line) => line.evidenceIds))],
			approvalIds: [...milestoneApprovalIds],
		});
	}
	return lines;
}

/** Cost of everything the milestone covers: all approved time (billable or not) and used items. */
export function milestoneCost(snapshot: ModelSnapshot, milestone: BillingMilestone): number {
	return milestone.taskIds.reduce((sum, taskId) => sum + taskMargin(snapshot, taskId).costMinor, 0);
}

export interface InvoiceDraftInput {
	invoiceId: string;
	now: number;
	/** Milestone approval and, when one was needed, the margin override. */
	approvalIds: string[];
}

export function buildInvoice(snapshot: ModelSnapshot, milestone: BillingMilestone, input: InvoiceDraftInput): Invoice {
	const order = requireEntity(snapshot, "workOrder", milestone.workOrderId);
	const lines = invoiceLines(snapshot, milestone, input.approvalIds);
	const total = lines.reduce((sum, line) => sum + line.amountMinor, 0);
	return {
		id: input.invoiceId,
		version: 0,
		createdAt: input.now,
		updatedAt: input.now,
		workOrderId: order.id,
		milestoneId: milestone.id,
		customerId: order.customerId,
		currency: order.currency,
		issuedAt: input.now,
		lines,
		totalMinor: total,
		deliverableIds: [...milestone.deliverableIds],
		approvalIds: [...input.approvalIds],
		margin: marginFigures(total, milestoneCost(snapshot, milestone)),
	};
}
