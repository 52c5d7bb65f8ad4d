/** Ids unique, references resolvable, numbers well formed: what any stored snapshot must satisfy. */
import { COLLECTION_OF, ENTITY_KINDS, type EntityKind, type ModelSnapshot } from "../entities/kinds.js";
import { isKnownUnit } from "../units/ucum.js";
import type { Issue } from "./issue.js";

export function referenceIssues(snapshot: ModelSnapshot): Issue[] {
	const issues: Issue[] = [];
	const ids = {} as Record<EntityKind, Set<string>>;
	const add = (entity: EntityKind, id: string, message: string) => issues.push({ entity, id, message });
	for (const kind of ENTITY_KINDS) {
		ids[kind] = new Set();
		for (const e of snapshot[COLLECTION_OF[kind]]) {
			if (typeof e.id !== "string" || e.id === "") add(kind, String(e.id), `${kind} has an empty id`);
			if (ids[kind].has(e.id)) add(kind, e.id, `${kind} ${e.id} appears twice`);
			ids[kind].add(e.id);
			if (!Number.isInteger(e.version) || e.version < 0) add(kind, e.id, `${kind} ${e.id} has version ${e.version}`);
			if (!Number.isFinite(e.createdAt) || !(e.updatedAt >= e.createdAt)) add(kind, e.id, `${kind} ${e.id} has bad timestamps`);
		}
	}
	const ref = (from: EntityKind, id: string, to: EntityKind, target: string | null, nullable = false) => {
		if (target === null ? !nullable : !ids[to].has(target)) add(from, id, `${from} ${id} refers to missing ${to} ${target}`);
	};
	const money = (from: EntityKind, id: string, value: number, what: string) => {
		if (!Number.isSafeInteger(value) || value < 0) add(from, id, `${from} ${id}: ${what} ${value} is not a non-negative integer of minor units`);
	};
	for (const s of snapshot.sites) ref("site", s.id, "customer", s.customerId);
	for (const a of snapshot.assets) {
		ref("asset", a.id, "site", a.siteId);
		ref("asset", a.id, "asset", a.parentAssetId, true);
	}
	for (const c of snapshot.rateCards) for (const [k, v] of Object.entries(c.ratesPerHourMinor)) money("rateCard", c.id, v, `${k} rate`);
	for (const t of snapshot.technicians) {
		ref("technician", t.id, "rateCard", t.rateCardId);
		money("technician", t.id, t.hourlyCostMinor, "hourly cost");
	}
	for (const w of snapshot.workOrders) {
		ref("workOrder", w.id, "customer", w.customerId);
		ref("workOrder", w.id, "site", w.siteId);
		ref("workOrder", w.id, "asset", w.assetId, true);
		ref("workOrder", w.id, "workOrder", w.parentId, true);
		ref("workOrder", w.id, "workOrder", w.rootId);
		for (const d of w.dependencies) ref("workOrder", w.id, "workOrder", d.predecessorId);
		if (w.contractValueMinor !== null) money("workOrder", w.id, w.contractValueMinor, "contract value");
	}
	for (const t of snapshot.tasks) {
		ref("task", t.id, "workOrder", t.workOrderId);
		const itemIds = new Set<string>();
		for (const item of t.checklist) {
			if (itemIds.has(item.id)) add("task", t.id, `task ${t.id}: checklist item id ${item.id} appears twice`);
			itemIds.add(item.id);
			const r = item.requirement;
			if (r.kind === "reading" && !isKnownUnit(r.unit)) add("task", t.id, `task ${t.id}: item ${item.id} uses unknown unit ${r.unit}`);
			if (r.kind === "reading" && r.min !== null && r.max !== null && r.min > r.max) add("task", t.id, `task ${t.id}: item ${item.id} has min above max`);
		}
	}
	for (const a of snapshot.appointments) {
		ref("appointment", a.id, "workOrder", a.workOrderId);
		ref("appointment", a.id, "technician", a.technicianId);
	}
	for (const e of snapshot.timeEntries) {
		ref("timeEntry", e.id, "task", e.taskId);
		ref("timeEntry", e.id, "technician", e.technicianId);
	}
	for (const i of snapshot.lineItems) {
		ref("lineItem", i.id, "task", i.taskId);
		money("lineItem", i.id, i.unitCostMinor, "unit cost");
		money("lineItem", i.id, i.unitPriceMinor, "unit price");
	}
	for (const e of snapshot.evidence) {
		ref("evidence", e.id, "workOrder", e.workOrderId);
		ref("evidence", e.id, "task", e.taskId, true);
		ref("evidence", e.id, "deliverable", e.deliverableId, true);
	}
	for (const d of snapshot.deliverables) ref("deliverable", d.id, "workOrder", d.workOrderId);
	for (const m of snapshot.milestones) {
		ref("milestone", m.id, "workOrder", m.workOrderId);
		for (const t of m.taskIds) ref("milestone", m.id, "task", t);
		for (const d of m.deliverableIds) ref("milestone", m.id, "deliverable", d);
		ref("milestone", m.id, "invoice", m.invoiceId, true);
		if (m.amount.kind === "fixed") money("milestone", m.id, m.amount.amountMinor, "amount");
		if (m.amount.kind === "percent" && !(Number.isInteger(m.amount.basisPoints) && m.amount.basisPoints >= 0 && m.amount.basisPoints <= 10_000)) {
			add("milestone", m.id, `milestone ${m.id}: ${m.amount.basisPoints} basis points is not 0 to 10000`);
		}
	}
	const subjectKind = { "time-entry": "timeEntry", milestone: "milestone", "margin-override": "milestone", evidence: "evidence" } as const;
	for (const a of snapshot.approvals) {
		ref("approval", a.id, "workOrder", a.workOrderId);
		ref("approval", a.id, subjectKind[a.kind], a.subjectId);
	}
	for (const inv of snapshot.invoices) {
		ref("invoice", inv.id, "milestone", inv.milestoneId);
		ref("invoice", inv.id, "customer", inv.customerId);
		for (const line of inv.lines) {
			const kind = ({ "time-entry": "timeEntry", "line-item": "lineItem", milestone: "milestone" } as const)[line.source.kind];
			ref("invoice", inv.id, kind, line.source.id);
			for (const e of line.evidenceIds) ref("invoice", inv.id, "evidence", e);
			for (const a of line.approvalIds) ref("invoice", inv.id, "approval", a);
		}
	}
	return issues;
}
