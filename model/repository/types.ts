/**
 * Storage of the model. One interface, two backends (memory, SQLite) proven equal by one shared
 * test suite (repository.contract.ts). Async so a networked backend can implement it later.
 */
import type { AnyEntity, AnyWrite, EntityKind, EntityMap } from "../entities/kinds.js";

/** Fields every backend can filter on. An entity without the field never matches a filter on it. */
export const INDEXED_FIELDS = ["status", "workOrderId", "taskId", "customerId", "technicianId", "rootId", "siteId", "subjectId"] as const;
export type IndexedField = (typeof INDEXED_FIELDS)[number];
export type ListFilter = Partial<Record<IndexedField, string>>;

/**
 * A message stored with a commit (transactional outbox): written in the same transaction as the
 * entities, so a change and the event telling others about it are kept or lost together. A relay
 * reads the pending ones and marks them relayed once handed on.
 */
export interface OutboxMessage {
	id: string;
	type: string;
	/** ISO 8601. */
	occurredAt: string;
	data: Record<string, unknown>;
}

export interface CommitOptions {
	/** Messages to store in the commit's transaction, built from the entities as stored (new versions). */
	outbox?: (stored: readonly AnyEntity[]) => OutboxMessage[];
}

export interface Repository {
	get<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | undefined>;
	/** Entities of one kind matching every field of the filter, ordered by id. */
	list<K extends EntityKind>(kind: K, filter?: ListFilter): Promise<EntityMap[K][]>;
	/**
	 * Stores an entity whose `version` is the version the caller read (0 for a new one). Returns it
	 * as stored, with version + 1. A different stored version is FC_MODEL_VERSION_CONFLICT.
	 */
	put<K extends EntityKind>(kind: K, entity: EntityMap[K]): Promise<EntityMap[K]>;
	/** Several puts, all or none; later writes see earlier ones (one entity may appear twice). */
	commit(writes: readonly AnyWrite[], options?: CommitOptions): Promise<AnyEntity[]>;
	/** Outbox messages not yet relayed, oldest first (then by id). */
	pendingOutbox(limit: number): Promise<OutboxMessage[]>;
	/** Marks outbox messages relayed; they are not returned by pendingOutbox again. */
	markOutboxRelayed(ids: readonly string[], now: number): Promise<void>;
	/**
	 * Loads entities exactly as given, versions included, into empty slots only: for fixtures and
	 * backups. An id already stored is FC_MODEL_VERSION_CONFLICT and nothing is loaded.
	 */
	restore(writes: readonly AnyWrite[]): Promise<void>;
	close(): Promise<void>;
}
