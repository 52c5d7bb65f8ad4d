import type { ServiceAppointment } from "./appointment.js";
import type { Approval } from "./approval.js";
import type { CreditNote } from "./credit-note.js";
import type { Deliverable } from "./deliverable.js";
import type { Evidence } from "./evidence.js";
import type { Invoice } from "./invoice.js";
import type { LineItem } from "./line-item.js";
import type { BillingMilestone } from "./milestone.js";
import type { Asset, Customer, Site } from "./parties.js";
import type { Task } from "./task.js";
import type { RateCard, Technician } from "./technician.js";
import type { TimeEntry } from "./time-entry.js";
import type { WorkOrder } from "./work-order.js";

/** Every stored kind of entity, by the name storage and errors use. */
export interface EntityMap {
	customer: Customer;
	site: Site;
	asset: Asset;
	rateCard: RateCard;
	technician: Technician;
	workOrder: WorkOrder;
	task: Task;
	appointment: ServiceAppointment;
	timeEntry: TimeEntry;
	lineItem: LineItem;
	evidence: Evidence;
	deliverable: Deliverable;
	milestone: BillingMilestone;
	approval: Approval;
	invoice: Invoice;
	creditNote: CreditNote;
}

export type EntityKind = keyof EntityMap;
export type AnyEntity = EntityMap[EntityKind];

export const ENTITY_KINDS: readonly EntityKind[] = [
	"customer",
	"site",
	"asset",
	"rateCard",
	"technician",
	"workOrder",
	"task",
	"appointment",
	"timeEntry",
	"lineItem",
	"evidence",
	"deliverable",
	"milestone",
	"approval",
	"invoice",
	"creditNote",
];

/** Plural collection names of a snapshot, by kind. */
export const COLLECTION_OF = {
	customer: "customers",
	site: "sites",
	asset: "assets",
	rateCard: "rateCards",
	technician: "technicians",
	workOrder: "workOrders",
	task: "tasks",
	appointment: "appointments",
	timeEntry: "timeEntries",
	lineItem: "lineItems",
	evidence: "evidence",
	deliverable: "deliverables",
	milestone: "milestones",
	approval: "approvals",
	invoice: "invoices",
	creditNote: "creditNotes",
} as const satisfies Record<EntityKind, string>;

/**
 * Everything the rules may look at, as plain arrays. Rules take a snapshot (or the part of one they
 * need) so the gateway and the billing service evaluate them over the same data the same way.
 */
export type ModelSnapshot = { [K in EntityKind as (typeof COLLECTION_OF)[K]]: EntityMap[K][] };

export function emptySnapshot(): ModelSnapshot {
	const snapshot = {} as Record<string, unknown[]>;
	for (const kind of ENTITY_KINDS) snapshot[COLLECTION_OF[kind]] = [];
	return snapshot as unknown as ModelSnapshot;
}

/** One entity to store. */
export interface Write<K extends EntityKind = EntityKind> {
	kind: K;
	entity: EntityMap[K];
}

export type AnyWrite = { [K in EntityKind]: Write<K> }[EntityKind];
