/** The in-memory backend: for tests, the demo and a gateway that keeps state elsewhere. */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { AnyEntity, AnyWrite, EntityKind, EntityMap } from "../entities/kinds.js";
import { assertFilter, assertRestorable, checkWrite, matchesFilter } from "./guards.js";
import type { CommitOptions, ListFilter, OutboxMessage, Repository } from "./types.js";

export class MemoryRepository implements Repository {
	private readonly tables = new Map<EntityKind, Map<string, AnyEntity>>();
	private closed = false;

	private table(kind: EntityKind): Map<string, AnyEntity> {
		if (this.closed) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The memory repository is closed.");
		let table = this.tables.get(kind);
		if (!table) {
			table = new Map();
			this.tables.set(kind, table);
		}
		return table;
	}

	async get<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | undefined> {
		const found = this.table(kind).get(id);
		// Copies in and out, so a caller mutating an object cannot change what is stored.
		return found === undefined ? undefined : (structuredClone(found) as EntityMap[K]);
	}

	async list<K extends EntityKind>(kind: K, filter: ListFilter = {}): Promise<EntityMap[K][]> {
		assertFilter(filter);
		return [...this.table(kind).values()]
			.filter((e) => matchesFilter(e, filter))
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			.map((e) => structuredClone(e) as EntityMap[K]);
	}

	async put<K extends EntityKind>(kind: K, entity: EntityMap[K]): Promise<EntityMap[K]> {
		const [stored] = await this.commit([{ kind, entity } as AnyWrite]);
		return stored as EntityMap[K];
	}

	async commit(writes: readonly AnyWrite[], options: CommitOptions = {}): Promise<AnyEntity[]> {
		// Check everything against a staged view first: all or nothing.
		const staged = new Map<string, AnyEntity>();
		const key = (kind: EntityKind, id: string) => `${kind}\u0000${id}`;
		const out: AnyEntity[] = [];
		const pending: [EntityKind, AnyEntity][] = [];
		for (const { kind, entity } of writes) {
			const k = key(kind, entity.id);
			const stored = staged.has(k) ? staged.get(k) : this.table(kind).get(entity.id);
			const next = checkWrite(kind, stored, structuredClone(entity));
			staged.set(k, next);
			pending.push([kind, next]);
			out.push(structuredClone(next));
		}
		const messages = options.outbox?.(out.map((e) => structuredClone(e))) ?? [];
		for (const [kind, entity] of pending) this.table(kind).set(entity.id, entity);
		for (const message of messages)
			if (!this.outbox.some((m) => m.message.id === message.id)) this.outbox.push({ message: structuredClone(message), relayed: false });
		return out;
	}

	private readonly outbox: { message: OutboxMessage; relayed: boolean }[] = [];

	async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
		return this.outbox
			.filter((m) => !m.relayed)
			.slice(0, limit)
			.map((m) => structuredClone(m.message));
	}

	async markOutboxRelayed(ids: readonly string[]): Promise<void> {
		for (const m of this.outbox) if (ids.includes(m.message.id)) m.relayed = true;
	}

	async restore(writes: readonly AnyWrite[]): Promise<void> {
		const seen = new Set<string>();
		for (const { kind, entity } of writes) {
			assertRestorable(kind, entity);
			const k = `${kind}\u0000${entity.id}`;
			if (this.table(kind).has(entity.id) || seen.has(k)) {
				throw new FieldchainError(ErrorCodes.FC_MODEL_VERSION_CONFLICT, `${kind} ${entity.id} already exists; restore only fills empty slots.`);
			}
			seen.add(k);
		}
		for (const { kind, entity } of writes) this.table(kind).set(entity.id, structuredClone(entity));
	}

	async close(): Promise<void> {
		this.closed = true;
	}
}
