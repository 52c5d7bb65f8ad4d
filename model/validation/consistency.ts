/**
 * Invariants the actions maintain: what stays true whatever order legal operations ran in. A
 * snapshot that breaks one was edited around the model (or by a bug), not by its rules.
 */
import { isFieldchainError } from "../../platform/errors.js";
import type { ModelSnapshot } from "../entities/kinds.js";
import { CUSTOMER_SIGN_OFF_ITEM, evidenceProblem } from "../rules/evidence-check.js";
import { findEntity, latestDecision, subtreeIds } from "../rules/lookup.js";
import { assertNoDependencyCycle } from "../rules/schedule.js";
import { explainCompleteWorkOrder, explainStartWorkOrder } from "../rules/work-order-rules.js";
import type { Issue } from "./issue.js";

const STARTED = new Set(["in-progress", "on-hold", "completed"]);
const FS_CODES = new Set(["predecessor-not-completed", "predecessor-evidence-not-accepted", "predecessor-missing"]);

export function workOrderIssues(chain: ModelSnapshot): Issue[] {
	const issues: Issue[] = [];
	const add = (id: string, message: string) => issues.push({ entity: "workOrder", id, message });
	try {
		assertNoDependencyCycle(chain.workOrders);
	} catch (error) {
		if (!isFieldchainError(error)) throw error;
		add(chain.workOrders[0]?.id ?? "", error.message);
		return issues;
	}
	for (const o of chain.workOrders) {
		const parent = o.parentId === null ? undefined : findEntity(chain, "workOrder", o.parentId);
		if (o.parentId === null ? o.rootId !== o.id : parent?.rootId !== o.rootId)
			add(o.id, `work order ${o.id} has root ${o.rootId}, inconsistent with its parent`);
		if ((o.plannedStart === null) !== (o.plannedEnd === null) || (o.plannedStart !== null && o.plannedEnd! < o.plannedStart))
			add(o.id, `work order ${o.id} has a bad planned window`);
		if (o.sla.resolveBy < o.sla.respondBy) add(o.id, `work order ${o.id} must be resolved before it is responded to`);
		const customer = findEntity(chain, "customer", o.customerId);
		if (customer && customer.currency !== o.currency) add(o.id, `work order ${o.id} is in ${o.currency}, its customer in ${customer.currency}`);
		if (STARTED.has(o.status)) {
			if (o.startedAt === null) add(o.id, `work order ${o.id} is ${o.status} without a start time`);
			for (const r of explainStartWorkOrder(chain, o.id)) if (FS_CODES.has(r.code)) add(o.id, `work order ${o.id} started although ${r.message}`);
		}
		if (o.status === "completed") for (const r of explainCompleteWorkOrder(chain, o.id)) add(o.id, `work order ${o.id} completed although ${r.message}`);
	}
	for (const t of chain.tasks) {
		const order = findEntity(chain, "workOrder", t.workOrderId);
		if (order && t.status !== "pending" && t.status !== "cancelled" && !STARTED.has(order.status)) {
			issues.push({ entity: "task", id: t.id, message: `task ${t.id} is ${t.status} in ${order.status} work order ${order.id}` });
		}
	}
	return issues;
}

export function timeAndItemIssues(chain: ModelSnapshot): Issue[] {
	const issues: Issue[] = [];
	const invoiced = new Set(chain.invoices.flatMap((inv) => inv.lines.map((l) => l.source.id)));
	for (const e of chain.timeEntries) {
		const add = (message: string) => issues.push({ entity: "timeEntry", id: e.id, message: `time entry ${e.id} ${message}` });
		if ((e.end === null) !== (e.status === "running")) add(`is ${e.status} with end ${e.end}`);
		if (e.end !== null && e.end < e.start) add("ends before it starts");
		if (findEntity(chain, "task", e.taskId)?.workOrderId !== e.workOrderId) add(`is not on work order ${e.workOrderId}'s task`);
		const decision = latestDecision(chain, "time-entry", e.id);
		if ((e.status === "approved" || e.status === "invoiced") && decision?.decision !== "approved") add(`is ${e.status} without an approval`);
		if (decision && decision.approverId === e.technicianId) add(`was decided on by its own technician`);
		if ((e.status === "invoiced") !== (e.billable && invoiced.has(e.id))) add(`is ${e.status} but ${invoiced.has(e.id) ? "is" : "is not"} on an invoice`);
	}
	for (const i of chain.lineItems) {
		const add = (message: string) => issues.push({ entity: "lineItem", id: i.id, message: `line item ${i.id} ${message}` });
		if ((i.usedQuantity === null) !== (i.status === "estimated")) add(`is ${i.status} with used quantity ${i.usedQuantity}`);
		if ((i.status === "billed") !== invoiced.has(i.id)) add(`is ${i.status} but ${invoiced.has(i.id) ? "is" : "is not"} on an invoice`);
		const order = findEntity(chain, "workOrder", i.workOrderId);
		if (order && order.currency !== i.currency) add(`is in ${i.currency}, its work order in ${order.currency}`);
		if (findEntity(chain, "task", i.taskId)?.workOrderId !== i.workOrderId) add(`is not on work order ${i.workOrderId}'s task`);
	}
	return issues;
}

export function evidenceIssues(chain: ModelSnapshot): Issue[] {
	const issues: Issue[] = [];
	for (const e of chain.evidence) {
		const add = (message: string) => issues.push({ entity: "evidence", id: e.id, message: `evidence ${e.id} ${message}` });
		const forItem = e.taskId !== null && e.checklistItemId !== null;
		if (forItem === (e.deliverableId !== null) || (e.taskId === null) !== (e.checklistItemId === null))
			add("must target one checklist item or one deliverable");
		if (!/^[0-9a-f]{64}$/.test(e.contentHash)) add("has no valid content hash");
		if (forItem) {
			const task = findEntity(chain, "task", e.taskId!);
			const item = task?.checklist.find((c) => c.id === e.checklistItemId);
			if (!task || !item) add(`targets missing checklist item ${e.taskId}/${e.checklistItemId}`);
			else if (item.requirement.kind !== e.payload.kind) add(`is ${e.payload.kind} evidence for item ${item.id}, which needs ${item.requirement.kind}`);
			if (task && task.workOrderId !== e.workOrderId) add("is filed under another work order than its task");
		}
		if (e.status === "accepted" && latestDecision(chain, "evidence", e.id)?.decision !== "approved") add("is accepted without an approval");
	}
	for (const d of chain.deliverables) {
		if (d.status !== "signed-off") continue;
		const sig = d.signatureEvidenceId === null ? undefined : findEntity(chain, "evidence", d.signatureEvidenceId);
		if (!sig || sig.deliverableId !== d.id || d.signedOffAt === null)
			issues.push({ entity: "deliverable", id: d.id, message: `deliverable ${d.id} is signed off without its signature` });
		else if (sig.status !== "rejected" && evidenceProblem(CUSTOMER_SIGN_OFF_ITEM, sig)) {
			issues.push({ entity: "deliverable", id: d.id, message: `deliverable ${d.id}: ${evidenceProblem(CUSTOMER_SIGN_OFF_ITEM, sig)}` });
		}
	}
	return issues;
}

export function billingIssues(chain: ModelSnapshot, milestoneOfTask: Map<string, string>): Issue[] {
	const issues: Issue[] = [];
	for (const m of chain.milestones) {
		const add = (message: string) => issues.push({ entity: "milestone", id: m.id, message: `milestone ${m.id} ${message}` });
		const scope = subtreeIds(chain, m.workOrderId);
		for (const taskId of m.taskIds) {
			const task = findEntity(chain, "task", taskId);
			if (!task || !scope.has(task.workOrderId)) add(`covers task ${taskId} outside its work order's chain`);
			const other = milestoneOfTask.get(taskId);
			if (other !== undefined && other !== m.id) add(`covers task ${taskId}, already billed by milestone ${other}`);
			milestoneOfTask.set(taskId, m.id);
		}
		const order = findEntity(chain, "workOrder", m.workOrderId);
		if (m.amount.kind === "percent" && order?.contractValueMinor === null) add("is a percentage of an order without a contract value");
		const approved = latestDecision(chain, "milestone", m.id)?.decision === "approved";
		if (["approved", "released", "invoiced"].includes(m.status) && !approved) add(`is ${m.status} without an approval`);
		const invoice = m.invoiceId === null ? undefined : findEntity(chain, "invoice", m.invoiceId);
		if ((m.status === "released" || m.status === "invoiced") && invoice?.milestoneId !== m.id) add(`is ${m.status} without its invoice`);
	}
	for (const inv of chain.invoices) {
		const total = inv.lines.reduce((sum, l) => sum + l.amountMinor, 0);
		if (total !== inv.totalMinor) issues.push({ entity: "invoice", id: inv.id, message: `invoice ${inv.id} totals ${inv.totalMinor}, its lines ${total}` });
		if (inv.lines.some((l, i) => l.lineNo !== i + 1)) issues.push({ entity: "invoice", id: inv.id, message: `invoice ${inv.id} has lines out of order` });
	}
	return issues;
}
