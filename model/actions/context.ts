/**
 * What an action needs from its caller. Time and ids come in rather than from globals so the
 * gateway, the billing service and tests get the same answer for the same input.
 */
import type { Versioned } from "../entities/common.js";
import type { AnyWrite, EntityKind, EntityMap } from "../entities/kinds.js";

export interface ActionContext {
	now: number;
	/** Who acts (technician, supervisor, customer); recorded on approvals and sign-offs. */
	actorId: string;
	newId(kind: EntityKind): string;
}

/** Ids like "timeEntry-1", "timeEntry-2": deterministic, for tests and fixtures. */
export function sequentialIds(prefix = ""): (kind: EntityKind) => string {
	const counters = new Map<EntityKind, number>();
	return (kind) => {
		const next = (counters.get(kind) ?? 0) + 1;
		counters.set(kind, next);
		return `${prefix}${kind}-${next}`;
	};
}

/** Base fields of a new entity; version 0 means "not stored yet". */
export function fresh(id: string, now: number): Versioned {
	return { id, version: 0, createdAt: now, updatedAt: now };
}

export function write<K extends EntityKind>(kind: K, entity: EntityMap[K]): AnyWrite {
	return { kind, entity } as AnyWrite;
}

/** Every action returns the entities it changed or created, to store together. */
export interface ActionResult {
	writes: AnyWrite[];
}
