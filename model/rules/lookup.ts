/** Finding entities in a snapshot, with FC_MODEL_NOT_FOUND instead of undefined. */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Approval, ApprovalKind } from "../entities/approval.js";
import { COLLECTION_OF, type EntityKind, type EntityMap, type ModelSnapshot } from "../entities/kinds.js";

export function findEntity<K extends EntityKind>(snapshot: ModelSnapshot, kind: K, id: string): EntityMap[K] | undefined {
	const list = snapshot[COLLECTION_OF[kind]] as unknown as EntityMap[K][];
	return list.find((entity) => entity.id === id);
}

export function requireEntity<K extends EntityKind>(snapshot: ModelSnapshot, kind: K, id: string): EntityMap[K] {
	const found = findEntity(snapshot, kind, id);
	if (!found) throw notFound(kind, id);
	return found;
}

export function notFound(kind: EntityKind, id: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_MODEL_NOT_FOUND, `No ${kind} with id "${id}".`, { details: { kind, id } });
}

/**
 * The decision that counts for a subject is the latest one: a milestone disputed after approval is
 * no longer approved. Ties on decidedAt go to the later record in the list.
 */
export function latestDecision(snapshot: ModelSnapshot, kind: ApprovalKind, subjectId: string): Approval | undefined {
	let latest: Approval | undefined;
	for (const approval of snapshot.approvals) {
		if (approval.kind !== kind || approval.subjectId !== subjectId) continue;
		if (!latest || approval.decidedAt >= latest.decidedAt) latest = approval;
	}
	return latest;
}

export function isApproved(snapshot: ModelSnapshot, kind: ApprovalKind, subjectId: string): boolean {
	return latestDecision(snapshot, kind, subjectId)?.decision === "approved";
}

/** Ids of the order and of every visit below it in its chain. */
export function subtreeIds(snapshot: ModelSnapshot, workOrderId: string): Set<string> {
	const ids = new Set([workOrderId]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const order of snapshot.workOrders) {
			if (order.parentId !== null && ids.has(order.parentId) && !ids.has(order.id)) {
				ids.add(order.id);
				grew = true;
			}
		}
	}
	return ids;
}
