/** Reading a snapshot for the rules out of any repository. */
import { type AnyWrite, COLLECTION_OF, ENTITY_KINDS, type EntityKind, emptySnapshot, type ModelSnapshot } from "../entities/kinds.js";
import type { Repository } from "./types.js";

export async function loadSnapshot(repo: Repository): Promise<ModelSnapshot> {
	const snapshot = emptySnapshot() as unknown as Record<string, unknown[]>;
	for (const kind of ENTITY_KINDS) snapshot[COLLECTION_OF[kind]] = await repo.list(kind);
	return snapshot as unknown as ModelSnapshot;
}

const PER_ORDER: EntityKind[] = ["task", "appointment", "timeEntry", "lineItem", "evidence", "deliverable", "milestone", "approval", "invoice", "creditNote"];

/**
 * One work-order chain and what the rules need around it: what a gateway holds for the visits of
 * the day. Technicians and rate cards are small and always loaded whole.
 */
export async function loadChain(repo: Repository, rootId: string): Promise<ModelSnapshot> {
	const snapshot = emptySnapshot();
	snapshot.workOrders = await repo.list("workOrder", { rootId });
	for (const order of snapshot.workOrders) {
		for (const kind of PER_ORDER) {
			(snapshot[COLLECTION_OF[kind]] as unknown[]).push(...(await repo.list(kind, { workOrderId: order.id })));
		}
	}
	snapshot.technicians = await repo.list("technician");
	snapshot.rateCards = await repo.list("rateCard");
	const customerIds = new Set(snapshot.workOrders.map((o) => o.customerId));
	for (const id of customerIds) {
		const customer = await repo.get("customer", id);
		if (customer) snapshot.customers.push(customer);
		snapshot.sites.push(...(await repo.list("site", { customerId: id })));
		snapshot.assets.push(...(await repo.list("asset", { customerId: id })));
	}
	return snapshot;
}

/** Every entity of a snapshot as writes, for restore(). */
export function snapshotWrites(snapshot: ModelSnapshot): AnyWrite[] {
	return ENTITY_KINDS.flatMap((kind) => (snapshot[COLLECTION_OF[kind]] as unknown[]).map((entity) => ({ kind, entity }) as AnyWrite));
}
