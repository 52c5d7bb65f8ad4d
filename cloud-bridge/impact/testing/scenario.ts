/** The hand-built scenario the impact tests share: five orders, one appointment at risk, a priced order, a ready milestone. */
import type { ModelSnapshot } from "../../../model/entities/kinds.js";
import type { ChecklistTemplate } from "../../../model/policies/types.js";
import { baseSnapshot, DAY, HOUR, items, make, T0 } from "../../../model/testing/builders.js";

const sla = { id: "sla-standard", version: 1 };
export const template: ChecklistTemplate = {
	kind: "checklist-template",
	id: "checklist-electrical",
	version: 1,
	name: "Electrical",
	effectiveFrom: T0,
	createdAt: T0,
	createdBy: "fixtures",
	items: [items.safety(), items.insulation()],
	milestoneEvidence: ["insulation"],
};

export function scenario(): ModelSnapshot {
	return baseSnapshot({
		workOrders: [
			// Normal priority: standard SLA respond 72 h, resolve 288 h from creation (T0).
			make.workOrder({ id: "WO1", sla: { respondBy: T0 + 72 * HOUR, resolveBy: T0 + 288 * HOUR }, slaPolicy: sla }),
			// High priority keeps its targets in every change below.
			make.workOrder({ id: "WO2", priority: "high", sla: { respondBy: T0 + 24 * HOUR, resolveBy: T0 + 96 * HOUR }, slaPolicy: sla }),
			// Completed: not open work, never touched.
			make.workOrder({ id: "WO3", status: "completed", sla: { respondBy: T0 + 72 * HOUR, resolveBy: T0 + 288 * HOUR }, slaPolicy: sla }),
			make.workOrder({ id: "WO4", status: "in-progress", slaPolicy: sla, sla: { respondBy: T0 + 72 * HOUR, resolveBy: T0 + 288 * HOUR } }),
			make.workOrder({ id: "WO5", status: "in-progress", slaPolicy: sla, sla: { respondBy: T0 + 72 * HOUR, resolveBy: T0 + 288 * HOUR } }),
		],
		tasks: [
			make.task({ id: "T1", workOrderId: "WO1" }),
			make.task({ id: "T4", workOrderId: "WO4", status: "completed", checklist: [] }),
			make.task({ id: "T5", workOrderId: "WO5", status: "completed", checklistTemplate: { id: template.id, version: 1 } }),
		],
		appointments: [
			// Three days out, four hours long: inside the old resolve-by (12 days), after the new one (2 days).
			make.appointment({ id: "AP1", workOrderId: "WO1", window: { start: T0 + 3 * DAY, end: T0 + 3 * DAY + 4 * HOUR } }),
			make.appointment({ id: "AP2", workOrderId: "WO2", window: { start: T0 + 10 * HOUR, end: T0 + 12 * HOUR } }),
		],
		timeEntries: [make.timeEntry({ id: "TE4", workOrderId: "WO4", taskId: "T4", status: "approved", start: T0, end: T0 + 2 * HOUR })],
		lineItems: [make.lineItem({ id: "LI4", workOrderId: "WO4", taskId: "T4", status: "used", usedQuantity: 2, unitCostMinor: 1000, unitPriceMinor: 1500 })],
		evidence: [
			make.evidence({
				id: "E5a",
				workOrderId: "WO5",
				taskId: "T5",
				checklistItemId: "safety",
				payload: { kind: "acknowledgement", statement: "ok" },
				status: "accepted",
			}),
			make.evidence({ id: "E5b", workOrderId: "WO5", taskId: "T5", checklistItemId: "insulation", status: "accepted" }),
		],
		milestones: [
			make.milestone({ id: "M4", workOrderId: "WO4", taskIds: ["T4"], deliverableIds: [], status: "approved" }),
			make.milestone({ id: "M5", workOrderId: "WO5", taskIds: ["T5"], deliverableIds: [], status: "ready-for-approval" }),
		],
	});
}
