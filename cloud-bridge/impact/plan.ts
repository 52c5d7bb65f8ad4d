/**
 * The preview engine: a change set over what was read (the open work in scope, its chains, the
 * parties and the current policy versions) becomes a plan — per entity before → after (deadlines,
 * appointments late by the engine's re-timing, line-item prices, margins against the floor,
 * milestone readiness, unreleased invoice totals), the webhooks applying would fire, the approvals
 * it needs — plus the writes that applying it makes. Nothing here stores anything, and the same
 * input gives the same plan (entities are visited in id order).
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "../../model/canonical-json.js";
import type { EntityKind, ModelSnapshot } from "../../model/entities/kinds.js";
import type { LineItem } from "../../model/entities/line-item.js";
import type { BillingMilestone } from "../../model/entities/milestone.js";
import type { ChecklistItem, Task } from "../../model/entities/task.js";
import type { RateCard } from "../../model/entities/technician.js";
import type { WorkOrder } from "../../model/entities/work-order.js";
import { slaDeadlines, slaPolicyCovers } from "../../model/policies/sla.js";
import { type ChecklistTemplate, type Policy, type PriceList, refOf, type SlaPolicy } from "../../model/policies/types.js";
import { milestoneTarget } from "../../model/rules/invoice-lines.js";
import { marginReport, taskMargin } from "../../model/rules/margin.js";
import { milestoneReadinessOf } from "../../model/rules/milestone-readiness.js";
import { isBelowFloor } from "../../model/rules/money.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type ChangeSet, effectiveAtMs, OPEN_WORK_ORDER_STATUSES, type PolicyChange } from "./change-set.js";
import { appointmentLateness, OPEN_APPOINTMENT_STATUSES } from "./lateness.js";
import type { ImpactPlanBody, MarginFiguresLite, Write } from "./plan-types.js";

export interface PlanInput {
	snapshot: ModelSnapshot;
	/** The current (latest) version of every stored policy. */
	policies: readonly Policy[];
	changeSet: ChangeSet;
	/** The service's floor, used when the change set names none. */
	marginFloorBasisPoints: number;
	now: number;
	actorId: string;
}

export interface PlanOutput {
	body: ImpactPlanBody;
	/** What applying stores: the new entity versions (each at the version read) and the new policy versions. */
	writes: Write[];
	policies: Policy[];
}

const OPEN_MILESTONES = new Set(["planned", "awaiting-evidence", "ready-for-approval", "approved", "blocked"]);

export async function planImpact(input: PlanInput): Promise<PlanOutput> {
	const { snapshot, changeSet } = input;
	const effectiveAt = effectiveAtMs(changeSet);
	if (!Number.isFinite(effectiveAt)) throw badChangeSet(`effectiveAt "${changeSet.effectiveAt}" is not a date.`);
	const floor = changeSet.marginFloorBasisPoints ?? input.marginFloorBasisPoints;
	const current = new Map(input.policies.map((p) => [p.id, p]));
	const newPolicies = changeSet.changes.map((change) => nextVersion(change, current.get(change.id), effectiveAt, input));

	const scope = changeSet.scope ?? {};
	const scopeOrders = scope.workOrderIds && new Set(scope.workOrderIds);
	const scopeCustomers = scope.customerIds && new Set(scope.customerIds);
	const scopeSites = scope.siteIds && new Set(scope.siteIds);
	const inScope = snapshot.workOrders
		.filter(
			(o) =>
				OPEN_WORK_ORDER_STATUSES.has(o.status) &&
				(!scopeOrders || scopeOrders.has(o.id)) &&
				(!scopeCustomers || scopeCustomers.has(o.customerId)) &&
				(!scopeSites || scopeSites.has(o.siteId)),
		)
		.sort(byId);
	const inScopeIds = new Set(inScope.map((o) => o.id));
	const index = indexSnapshot(snapshot, new Set(inScope.map((o) => o.rootId)));

	// The after state, as replacements of what was read.
	const orders = new Map<string, WorkOrder>();
	const tasks = new Map<string, Task>();
	const lineItems = new Map<string, LineItem>();
	const rateCards = new Map<string, RateCard>();
	const body = emptyBody(changeSet, effectiveAt, floor, newPolicies, current);
	const touched = new Set<string>();

	for (const policy of newPolicies) {
		if (policy.kind === "sla-policy") {
			for (const order of inScope) {
				const governed = order.slaPolicy ? order.slaPolicy.id === policy.id : policy.customerIds.includes(order.customerId);
				if (!governed || !slaPolicyCovers(policy, order)) continue;
				const sla = slaDeadlines(policy, order);
				if (!sla) continue;
				orders.set(order.id, { ...(orders.get(order.id) ?? order), sla, slaPolicy: refOf(policy) });
				if (sla.respondBy === order.sla.respondBy && sla.resolveBy === order.sla.resolveBy) continue;
				touched.add(order.id);
				body.workOrders.push({
					id: order.id,
					customerId: order.customerId,
					siteId: order.siteId,
					title: order.title,
					priority: order.priority,
					status: order.status,
					before: order.sla,
					after: sla,
					respondMovedMs: sla.respondBy - order.sla.respondBy,
					resolveMovedMs: sla.resolveBy - order.sla.resolveBy,
				});
			}
		} else if (policy.kind === "price-list") {
			if (policy.rateCardId) {
				const card = index.rateCard.get(policy.rateCardId);
				if (!card) throw badChangeSet(`price list ${policy.id} names rate card ${policy.rateCardId}, which does not exist.`);
				const rates = { ...card.ratesPerHourMinor, ...policy.ratesPerHourMinor };
				if (rates.work !== card.ratesPerHourMinor.work || rates.travel !== card.ratesPerHourMinor.travel) {
					rateCards.set(card.id, { ...card, ratesPerHourMinor: rates });
					body.rateCards.push({ id: card.id, before: card.ratesPerHourMinor, after: rates });
					const technicianIds = new Set(snapshot.technicians.filter((t) => t.rateCardId === card.id).map((t) => t.id));
					for (const entry of snapshot.timeEntries) {
						if (inScopeIds.has(entry.workOrderId) && technicianIds.has(entry.technicianId) && entry.status !== "invoiced") touched.add(entry.workOrderId);
					}
				}
			}
			for (const order of inScope) {
				for (const item of index.lineItemsOf.get(order.id) ?? []) {
					const price = item.sku === null ? undefined : policy.itemPricesMinor[item.sku];
					if (price === undefined || item.status === "billed" || price === item.unitPriceMinor) continue;
					lineItems.set(item.id, { ...item, unitPriceMinor: price });
					touched.add(order.id);
					body.lineItems.push({
						id: item.id,
						workOrderId: item.workOrderId,
						taskId: item.taskId,
						sku: item.sku,
						description: item.description,
						before: { unitPriceMinor: item.unitPriceMinor },
						after: { unitPriceMinor: price },
					});
				}
			}
		} else {
			for (const order of inScope) {
				for (const task of index.tasksOf.get(order.id) ?? []) {
					if (task.status === "cancelled" || task.checklistTemplate?.id !== policy.id) continue;
					const diff = checklistDiff(task.checklist, policy.items);
					tasks.set(task.id, { ...task, checklist: policy.items, checklistTemplate: refOf(policy) });
					if (diff.added.length + diff.removed.length + diff.changed.length === 0) continue;
					touched.add(order.id);
					body.tasks.push({ id: task.id, workOrderId: task.workOrderId, title: task.title, status: task.status, ...diff });
				}
			}
		}
	}

	// Readiness, margins and invoice totals, chain by chain, before and after.
	const chains = new Map<string, string[]>();
	for (const id of [...touched].sort()) {
		const root = index.workOrder.get(id)?.rootId ?? id;
		const chain = chains.get(root);
		if (chain) chain.push(id);
		else chains.set(root, [id]);
	}
	const priced = newPolicies.some((p) => p.kind !== "sla-policy");
	for (const [rootId, orderIds] of chains) {
		const before = chainSlice(snapshot, index, rootId);
		const after: ModelSnapshot = {
			...before,
			rateCards: replaced(before.rateCards, rateCards),
			workOrders: replaced(before.workOrders, orders),
			tasks: replaced(before.tasks, tasks),
			lineItems: replaced(before.lineItems, lineItems),
		};
		for (const orderId of orderIds) {
			if (priced) {
				const b = lite(marginReport(before, orderId));
				const a = lite(marginReport(after, orderId));
				if (b.marginMinor !== a.marginMinor || b.priceMinor !== a.priceMinor || b.costMinor !== a.costMinor) {
					const belowFloor = isBelowFloor(a, floor);
					const overridden = before.approvals.some((x) => x.kind === "margin-override" && x.workOrderId === orderId && x.decision === "approved");
					body.margins.push({ workOrderId: orderId, before: b, after: a, belowFloor, needsOverride: belowFloor && !overridden });
					if (belowFloor && !overridden) body.approvalsRequired.push({ kind: "margin-override", subjectId: orderId, reason: marginReason(a, floor) });
				}
			}
			for (const milestone of before.milestones) {
				if (milestone.workOrderId !== orderId || !OPEN_MILESTONES.has(milestone.status)) continue;
				// Readiness reads the milestone's tasks, their evidence and time, and its deliverables; of
				// those a plan replaces tasks only, so a milestone none of whose tasks it replaces keeps its readiness.
				if (milestone.taskIds.some((id) => tasks.has(id))) {
					const rb = milestoneReadinessOf(before, milestone).map((r) => r.message);
					const ra = milestoneReadinessOf(after, milestone).map((r) => r.message);
					if (!sameStrings(rb, ra)) {
						body.milestones.push({
							id: milestone.id,
							workOrderId: orderId,
							name: milestone.name,
							status: milestone.status,
							before: { ready: rb.length === 0, reasons: rb },
							after: { ready: ra.length === 0, reasons: ra },
							blocksRelease: ra.length > 0 && rb.length === 0,
						});
					}
				}
				const tb = projectedTotal(before, milestone);
				const ta = projectedTotal(after, milestone);
				if (tb !== ta)
					body.invoices.push({
						milestoneId: milestone.id,
						workOrderId: orderId,
						status: milestone.status,
						before: { totalMinor: tb },
						after: { totalMinor: ta },
					});
			}
		}
	}

	// Appointments of orders whose deadlines moved, re-timed by the engine against the old and new SLA.
	const moved = new Map(body.workOrders.map((w) => [w.id, index.workOrder.get(w.id) as WorkOrder]));
	const open = [...moved.keys()].flatMap((id) => (index.appointmentsOf.get(id) ?? []).filter((a) => OPEN_APPOINTMENT_STATUSES.has(a.status)));
	if (open.length > 0) {
		const beforeLate = await appointmentLateness(snapshot, open, moved, (o) => o.sla);
		const afterLate = await appointmentLateness(snapshot, open, moved, (o) => (orders.get(o.id) ?? o).sla);
		for (const appointment of open.sort(byId)) {
			const b = beforeLate.get(appointment.id);
			const a = afterLate.get(appointment.id);
			if (!b || !a) continue;
			const lateBefore = b.sla.length > 0;
			const lateAfter = a.sla.length > 0;
			if (!lateBefore && !lateAfter) continue;
			body.appointments.push({
				id: appointment.id,
				workOrderId: appointment.workOrderId,
				technicianId: appointment.technicianId,
				status: appointment.status,
				window: appointment.window,
				before: { late: lateBefore, findings: b.sla },
				after: { late: lateAfter, findings: a.sla },
				becomesLate: lateAfter && !lateBefore,
				needsRescheduling: lateAfter,
			});
		}
	}

	// One event for the whole apply (subscribers filter on it), naming every entity it changed.
	body.webhooks.push({
		type: "impact.applied",
		subjectId: "(this plan)",
		workOrderIds: body.workOrders.map((w) => w.id),
		taskIds: body.tasks.map((t) => t.id),
		lineItemIds: body.lineItems.map((l) => l.id),
	});
	for (const role of changeSet.requireApprovals ?? [])
		body.approvalsRequired.push({ kind: `pack-${role}`, subjectId: "(this plan)", reason: `the ${role} signs the pack off` });

	const affected = new Set([...touched]);
	const customerIds = new Set<string>();
	const siteIds = new Set<string>();
	for (const id of affected) {
		const o = index.workOrder.get(id);
		if (o) {
			customerIds.add(o.customerId);
			siteIds.add(o.siteId);
		}
	}
	body.customers = [...customerIds].sort().map((id) => {
		const c = index.customer.get(id);
		const sites = snapshot.sites.filter((s) => s.customerId === id && siteIds.has(s.id)).sort(byId);
		return { id, name: c?.name ?? id, sites: sites.map((s) => ({ id: s.id, name: s.name, city: s.address.city })) };
	});
	body.summary = {
		openWorkOrdersInScope: inScope.length,
		workOrdersAffected: affected.size,
		deadlinesMoved: body.workOrders.length,
		appointmentsLate: body.appointments.filter((a) => a.becomesLate).length,
		lineItemsRepriced: body.lineItems.length,
		marginsBelowFloor: body.margins.filter((m) => m.needsOverride).length,
		milestonesBlocked: body.milestones.filter((m) => m.blocksRelease).length,
		invoicesChanged: body.invoices.length,
		tasksWithNewChecklist: body.tasks.length,
	};

	const writes: Write[] = [
		...[...rateCards.values()].map((entity) => ({ kind: "rateCard" as const, entity })),
		...[...orders.values()].map((entity) => ({ kind: "workOrder" as const, entity })),
		...[...tasks.values()].map((entity) => ({ kind: "task" as const, entity })),
		...[...lineItems.values()].map((entity) => ({ kind: "lineItem" as const, entity })),
	];
	body.readHash = readHash(changeSet, snapshot, inScope, index, input.policies);
	return { body, writes, policies: newPolicies };
}

/** The list with each entity the plan replaces swapped in; the list itself when the plan replaces none of its kind. */
function replaced<T extends { id: string }>(list: T[], replacements: ReadonlyMap<string, T>): T[] {
	return replacements.size === 0 ? list : list.map((e) => replacements.get(e.id) ?? e);
}

function badChangeSet(message: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_IMPACT_CHANGESET, message, { hint: "Fix the change set and preview it again." });
}

function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function nextVersion(change: PolicyChange, current: Policy | undefined, effectiveAt: number, input: PlanInput): Policy {
	if (current && current.kind !== change.kind) throw badChangeSet(`${change.id} is a ${current.kind}, not a ${change.kind}.`);
	const base = { id: change.id, version: (current?.version ?? 0) + 1, effectiveFrom: effectiveAt, createdAt: input.now, createdBy: input.actorId };
	if (change.kind === "sla-policy") {
		const was = current as SlaPolicy | undefined;
		return {
			...base,
			kind: "sla-policy",
			name: change.name ?? was?.name ?? change.id,
			customerIds: change.customerIds ?? was?.customerIds ?? [],
			targets: change.targets,
			businessHours: change.businessHours ?? was?.businessHours ?? [],
		};
	}
	if (change.kind === "price-list") {
		const was = current as PriceList | undefined;
		return {
			...base,
			kind: "price-list",
			name: change.name ?? was?.name ?? change.id,
			currency: change.currency ?? was?.currency ?? "EUR",
			rateCardId: change.rateCardId === undefined ? (was?.rateCardId ?? null) : change.rateCardId,
			ratesPerHourMinor: { ...was?.ratesPerHourMinor, ...change.ratesPerHourMinor },
			itemPricesMinor: { ...was?.itemPricesMinor, ...change.itemPricesMinor },
		};
	}
	const was = current as ChecklistTemplate | undefined;
	const ids = new Set<string>();
	for (const item of change.items) {
		if (ids.has(item.id)) throw badChangeSet(`checklist template ${change.id} has item "${item.id}" twice.`);
		ids.add(item.id);
	}
	return {
		...base,
		kind: "checklist-template",
		name: change.name ?? was?.name ?? change.id,
		items: change.items,
		milestoneEvidence: change.milestoneEvidence ?? [],
	};
}

function checklistDiff(before: readonly ChecklistItem[], after: readonly ChecklistItem[]) {
	const was = new Map(before.map((i) => [i.id, i]));
	const now = new Map(after.map((i) => [i.id, i]));
	return {
		added: after.filter((i) => !was.has(i.id)),
		removed: before.filter((i) => !now.has(i.id)),
		changed: after.filter((i) => was.has(i.id) && !sameContent(was.get(i.id), i)).map((i) => ({ before: was.get(i.id) as ChecklistItem, after: i })),
	};
}

/**
 * Equal canonical JSON, the plan's notion of "unchanged". Plain data with equal JSON text has equal
 * canonical JSON, so the native stringify settles the common case (an item instantiated from the
 * template as it was); only a difference, which may be key order alone, costs the canonical form.
 */
function sameContent(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

function lite(m: MarginFiguresLite): MarginFiguresLite {
	return { priceMinor: m.priceMinor, costMinor: m.costMinor, marginMinor: m.marginMinor, marginBasisPoints: m.marginBasisPoints };
}

function marginReason(m: MarginFiguresLite, floor: number): string {
	const pct = m.marginBasisPoints === null ? "no price" : `${(m.marginBasisPoints / 100).toFixed(2)} %`;
	return `margin after the change is ${pct}, under the floor of ${(floor / 100).toFixed(2)} %`;
}

/** What releasing the milestone would invoice now: its agreed amount, or the actuals of its tasks. */
function projectedTotal(snapshot: ModelSnapshot, milestone: BillingMilestone): number {
	const target = milestoneTarget(snapshot, milestone);
	if (target !== null) return target;
	return milestone.taskIds.reduce((sum, id) => (snapshot.tasks.some((t) => t.id === id) ? sum + taskMargin(snapshot, id).priceMinor : sum), 0);
}

export interface SnapshotIndex {
	workOrder: Map<string, WorkOrder>;
	customer: Map<string, ModelSnapshot["customers"][number]>;
	rateCard: Map<string, RateCard>;
	chainOf: Map<string, WorkOrder[]>;
	tasksOf: Map<string, Task[]>;
	lineItemsOf: Map<string, LineItem[]>;
	appointmentsOf: Map<string, ModelSnapshot["appointments"]>;
	timeEntriesOf: Map<string, ModelSnapshot["timeEntries"]>;
	milestonesOf: Map<string, BillingMilestone[]>;
	deliverablesOf: Map<string, ModelSnapshot["deliverables"]>;
	approvalsOf: Map<string, ModelSnapshot["approvals"]>;
	evidenceOf: Map<string, ModelSnapshot["evidence"]>;
}

function group<T>(list: readonly T[], key: (t: T) => string, keep?: (key: string) => boolean): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of list) {
		const k = key(item);
		if (keep && !keep(k)) continue;
		const l = out.get(k);
		if (l) l.push(item);
		else out.set(k, [item]);
	}
	return out;
}

/**
 * The snapshot grouped by work order (and chain). With `roots`, only the chains of those roots are
 * grouped — all a plan reads — in the same order as the full index holds them.
 */
export function indexSnapshot(s: ModelSnapshot, roots?: ReadonlySet<string>): SnapshotIndex {
	const orders = roots ? s.workOrders.filter((o) => roots.has(o.rootId)) : s.workOrders;
	const workOrder = new Map(orders.map((o) => [o.id, o]));
	const taskOrder = new Map<string, string>();
	for (const t of s.tasks) taskOrder.set(t.id, t.workOrderId);
	const ofOrders = roots ? (id: string) => workOrder.has(id) : undefined;
	const deliverablesOf = group(s.deliverables, (d) => d.workOrderId, ofOrders);
	const deliverableIds = new Set<string>();
	if (roots) for (const list of deliverablesOf.values()) for (const d of list) deliverableIds.add(d.id);
	return {
		workOrder,
		customer: new Map(s.customers.map((c) => [c.id, c])),
		rateCard: new Map(s.rateCards.map((c) => [c.id, c])),
		chainOf: group(orders, (o) => o.rootId),
		tasksOf: group(s.tasks, (t) => t.workOrderId, ofOrders),
		lineItemsOf: group(s.lineItems, (l) => l.workOrderId, ofOrders),
		appointmentsOf: group(s.appointments, (a) => a.workOrderId, ofOrders),
		timeEntriesOf: group(s.timeEntries, (e) => e.workOrderId, ofOrders),
		milestonesOf: group(s.milestones, (m) => m.workOrderId, ofOrders),
		deliverablesOf,
		approvalsOf: group(s.approvals, (a) => a.workOrderId, ofOrders),
		// Evidence belongs to its task's order, else to its deliverable.
		evidenceOf: group(
			s.evidence,
			(e) => taskOrder.get(e.taskId ?? "") ?? e.deliverableId ?? "",
			roots ? (id) => workOrder.has(id) || deliverableIds.has(id) : undefined,
		),
	};
}

/** One chain's entities with the shared parties: what the rules need for its orders. */
export function chainSlice(s: ModelSnapshot, index: SnapshotIndex, rootId: string): ModelSnapshot {
	const orders = index.chainOf.get(rootId) ?? [];
	const of = <T>(map: Map<string, T[]>, owners: readonly { id: string }[] = orders, into: T[] = []) => {
		for (const o of owners) {
			const list = map.get(o.id);
			if (list) for (const item of list) into.push(item);
		}
		return into;
	};
	const deliverables = of(index.deliverablesOf);
	const evidence = of(index.evidenceOf, deliverables, of(index.evidenceOf));
	return {
		customers: s.customers,
		sites: s.sites,
		assets: s.assets,
		rateCards: s.rateCards,
		technicians: s.technicians,
		workOrders: orders,
		tasks: of(index.tasksOf),
		appointments: of(index.appointmentsOf),
		timeEntries: of(index.timeEntriesOf),
		lineItems: of(index.lineItemsOf),
		evidence,
		deliverables,
		milestones: of(index.milestonesOf),
		approvals: of(index.approvalsOf),
		invoices: [],
		creditNotes: [],
	};
}

/**
 * SHA-256 over the change set and every { kind, id, version } the plan depended on: the open orders
 * in scope and their chains, the rate cards and technicians, and the current policy versions. Any
 * write to one of them (or a new open order in scope) changes it.
 */
export function readHash(changeSet: ChangeSet, s: ModelSnapshot, inScope: readonly WorkOrder[], index: SnapshotIndex, policies: readonly Policy[]): string {
	// The keys are `${kind}/${id}@${version}`, hashed in sorted order. No kind name is a prefix of
	// another, so that order is the kinds' order, then each kind's `${id}@${version}` in order.
	const keysOf = new Map<EntityKind | "policy", string[]>();
	const add = (kind: EntityKind | "policy", list: readonly { id: string; version: number }[] | undefined) => {
		if (!list) return;
		const keys = keysOf.get(kind) ?? [];
		keysOf.set(kind, keys);
		for (const e of list) keys.push(`${e.id}@${e.version}`);
	};
	add("rateCard", s.rateCards);
	add("technician", s.technicians);
	add("policy", policies);
	// What chainSlice would hold for each chain, read straight from the index.
	for (const root of new Set(inScope.map((o) => o.rootId))) {
		const orders = index.chainOf.get(root) ?? [];
		add("workOrder", orders);
		for (const { id } of orders) {
			add("task", index.tasksOf.get(id));
			add("appointment", index.appointmentsOf.get(id));
			add("timeEntry", index.timeEntriesOf.get(id));
			add("lineItem", index.lineItemsOf.get(id));
			add("evidence", index.evidenceOf.get(id));
			add("milestone", index.milestonesOf.get(id));
			add("approval", index.approvalsOf.get(id));
			const deliverables = index.deliverablesOf.get(id);
			add("deliverable", deliverables);
			for (const d of deliverables ?? []) add("evidence", index.evidenceOf.get(d.id));
		}
	}
	const hash = createHash("sha256");
	hash.update(canonicalJson(changeSet));
	for (const kind of [...keysOf.keys()].sort((a, b) => (`${a}/` < `${b}/` ? -1 : 1))) {
		const keys = (keysOf.get(kind) as string[]).sort();
		// One update per kind hashes the same bytes as one per key, without a native call each.
		if (keys.length > 0) hash.update(`\n${kind}/${keys.join(`\n${kind}/`)}`);
	}
	return hash.digest("hex");
}

function emptyBody(changeSet: ChangeSet, effectiveAt: number, floor: number, newPolicies: Policy[], current: Map<string, Policy>): ImpactPlanBody {
	return {
		name: changeSet.name ?? null,
		effectiveAt,
		marginFloorBasisPoints: floor,
		policies: newPolicies.map((p) => ({ kind: p.kind, id: p.id, fromVersion: current.get(p.id)?.version ?? null, toVersion: p.version })),
		policyVersions: newPolicies,
		previousPolicyVersions: newPolicies.map((p) => current.get(p.id) ?? null),
		summary: {
			openWorkOrdersInScope: 0,
			workOrdersAffected: 0,
			deadlinesMoved: 0,
			appointmentsLate: 0,
			lineItemsRepriced: 0,
			marginsBelowFloor: 0,
			milestonesBlocked: 0,
			invoicesChanged: 0,
			tasksWithNewChecklist: 0,
		},
		customers: [],
		workOrders: [],
		appointments: [],
		rateCards: [],
		lineItems: [],
		margins: [],
		tasks: [],
		milestones: [],
		invoices: [],
		webhooks: [],
		approvalsRequired: [],
		readHash: "",
	};
}
