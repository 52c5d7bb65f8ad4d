/**
 * The PostgreSQL backend (package `pg`): the same shape as the SQLite one, one JSON document per
 * entity plus indexed key columns, for deployments that outgrow one machine.
 *
 * Concurrency: optimistic versions are enforced with row locks under READ COMMITTED, not with
 * SERIALIZABLE. A commit first locks every stored row it writes (SELECT ... FOR UPDATE, in one
 * fixed order so two commits cannot deadlock on them), then checks each write against the locked
 * row, so a concurrent writer of the same entity waits and then sees the new version and gets
 * FC_MODEL_VERSION_CONFLICT. A new entity (version 0) is inserted with ON CONFLICT DO NOTHING: if
 * another commit inserted it first, nothing is written and the commit fails with a conflict. This
 * gives exactly the guarantee of the SQLite backend (whose reads also happen before the commit):
 * an entity is only ever written from the version that is stored. SERIALIZABLE would add nothing
 * for that, but would make callers retry serialization failures on unrelated rows.
 */
import type { Pool } from "pg";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { createPool, inTransaction, type PoolClient, sqlState, storeError } from "../../platform/postgres.js";
import type { AnyEntity, AnyWrite, EntityKind, EntityMap } from "../entities/kinds.js";
import { assertFilter, assertRestorable, checkWrite } from "./guards.js";
import { migrateModelPostgres } from "./postgres-migrations.js";
import { type CommitOptions, INDEXED_FIELDS, type IndexedField, type ListFilter, type OutboxMessage, type Repository } from "./types.js";

const COLUMN: Record<IndexedField, string> = {
	status: "status",
	workOrderId: "work_order_id",
	taskId: "task_id",
	customerId: "customer_id",
	technicianId: "technician_id",
	rootId: "root_id",
	siteId: "site_id",
	subjectId: "subject_id",
};

const KEY_COLUMNS = INDEXED_FIELDS.map((f) => COLUMN[f]);
const WRITE_COLUMNS = ["kind", "id", "version", "data", "updated_at", ...KEY_COLUMNS];
const PLACEHOLDERS = WRITE_COLUMNS.map((_, i) => `$${i + 1}`).join(", ");
const INSERT = `INSERT INTO entities (${WRITE_COLUMNS.join(", ")}) VALUES (${PLACEHOLDERS}) ON CONFLICT (kind, id) DO NOTHING`;
const UPDATE = `UPDATE entities SET ${WRITE_COLUMNS.slice(2)
	.map((c, i) => `${c} = $${i + 3}`)
	.join(", ")} WHERE kind = $1 AND id = $2`;

const COLUMN_TYPES: Record<string, string> = { version: "integer", data: "json", updated_at: "bigint" };
/**
 * Many rows as one JSON array of objects keyed by column: one JSON.stringify here, and the server
 * parses each object once into a typed row (json_to_recordset; the data column keeps the entity's
 * JSON text as sent). Text arrays for unnest() cost more on both sides: the driver escapes every
 * quote of every entity's JSON into an array literal and the server unescapes it again (an ingest
 * batch inserts 500 evidence entities).
 */
const INSERT_MANY = `INSERT INTO entities (${WRITE_COLUMNS.join(", ")}) SELECT ${WRITE_COLUMNS.join(", ")} FROM json_to_recordset($1::json) AS r(${WRITE_COLUMNS.map((c) => `${c} ${COLUMN_TYPES[c] ?? "text"}`).join(", ")}) ON CONFLICT (kind, id) DO NOTHING`;

/** Inserts new entities in one statement; any row already there (another writer got first) is a conflict, as for one. */
async function insertAll(client: PoolClient, inserts: readonly { kind: EntityKind; entity: AnyEntity; next: AnyEntity }[]): Promise<void> {
	if (inserts.length === 0) return;
	if (inserts.length === 1) {
		const [{ kind, entity, next }] = inserts;
		const inserted = await client.query(INSERT, rowValues(kind, next));
		if (inserted.rowCount !== 1) throw conflict(kind, entity);
		return;
	}
	const rows = inserts.map(({ kind, next }) => {
		const keys = keyValues(next);
		const row: Record<string, unknown> = { kind, id: next.id, version: next.version, data: next, updated_at: next.updatedAt ?? null };
		for (let i = 0; i < KEY_COLUMNS.length; i++) row[KEY_COLUMNS[i]] = keys[i];
		return row;
	});
	const inserted = await client.query(INSERT_MANY, [JSON.stringify(rows)]);
	if (inserted.rowCount !== inserts.length) throw conflict(inserts[0].kind, inserts[0].entity);
}

function rowValues(kind: EntityKind, entity: AnyEntity): unknown[] {
	return [kind, entity.id, entity.version, JSON.stringify(entity), entity.updatedAt ?? null, ...keyValues(entity)];
}

function keyValues(entity: AnyEntity): (string | null)[] {
	const record = entity as unknown as Record<string, unknown>;
	return INDEXED_FIELDS.map((field) => (typeof record[field] === "string" ? (record[field] as string) : null));
}

const byId = (a: AnyEntity, b: AnyEntity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function conflict(kind: EntityKind, entity: AnyEntity, cause?: unknown): FieldchainError {
	return new FieldchainError(
		ErrorCodes.FC_MODEL_VERSION_CONFLICT,
		`${kind} ${entity.id}: written from version ${entity.version}, but another writer stored it first.`,
		{ hint: "Reload it, re-apply the change and write again.", details: { kind, id: entity.id, expected: entity.version }, cause },
	);
}

export interface PostgresRepositoryOptions {
	/** Run pending migrations on open (default true). */
	migrate?: boolean;
}

export class PostgresRepository implements Repository {
	private closed = false;

	private constructor(
		readonly pool: Pool,
		private readonly ownsPool: boolean,
	) {}

	/**
	 * Opens a repository on a `postgres://` URL (it owns its pool and ends it on close) or on a pool
	 * shared with other stores (left open on close). Migrates on open unless told not to.
	 */
	static async open(urlOrPool: string | Pool, options: PostgresRepositoryOptions = {}): Promise<PostgresRepository> {
		const ownsPool = typeof urlOrPool === "string";
		const pool = typeof urlOrPool === "string" ? createPool(urlOrPool) : urlOrPool;
		try {
			if (options.migrate ?? true) await migrateModelPostgres(pool);
		} catch (error) {
			if (ownsPool) await pool.end();
			throw error;
		}
		return new PostgresRepository(pool, ownsPool);
	}

	private open(): Pool {
		if (this.closed) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The PostgreSQL repository is closed.");
		return this.pool;
	}

	async get<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | undefined> {
		const pool = this.open();
		try {
			const { rows } = await pool.query<{ data: EntityMap[K] }>("SELECT data FROM entities WHERE kind = $1 AND id = $2", [kind, id]);
			return rows[0]?.data;
		} catch (error) {
			throw storeError(error, `reading ${kind} ${id}`);
		}
	}

	async list<K extends EntityKind>(kind: K, filter: ListFilter = {}): Promise<EntityMap[K][]> {
		assertFilter(filter);
		const pool = this.open();
		const fields = (Object.keys(filter) as IndexedField[]).filter((f) => filter[f] !== undefined);
		const where = ["kind = $1", ...fields.map((f, i) => `${COLUMN[f]} = $${i + 2}`)].join(" AND ");
		try {
			const { rows } = await pool.query<{ data: EntityMap[K] }>(`SELECT data FROM entities WHERE ${where}`, [kind, ...fields.map((f) => filter[f])]);
			// Ordered by id in code, as the other backends do: JS string order is UTF-16 code units.
			return rows.map((r) => r.data).sort(byId);
		} catch (error) {
			throw storeError(error, `listing ${kind}`);
		}
	}

	async put<K extends EntityKind>(kind: K, entity: EntityMap[K]): Promise<EntityMap[K]> {
		const [stored] = await this.commit([{ kind, entity } as AnyWrite]);
		return stored as EntityMap[K];
	}

	async commit(writes: readonly AnyWrite[], options: CommitOptions = {}): Promise<AnyEntity[]> {
		const pool = this.open();
		if (writes.length === 0) return [];
		try {
			return await inTransaction(pool, async (client) => {
				const staged = await this.lockStored(client, writes);
				const out: AnyEntity[] = [];
				// New entities go in one multi-row INSERT (a batch of evidence is hundreds): one round trip, not one each.
				// An entity created and changed in one commit is inserted once, as it ends up.
				const inserts = new Map<string, { kind: EntityKind; entity: AnyEntity; next: AnyEntity }>();
				for (const { kind, entity } of writes) {
					const key = `${kind}\u0000${entity.id}`;
					const stored = staged.get(key);
					const next = checkWrite(kind, stored, entity);
					const pending = inserts.get(key);
					if (pending) pending.next = next;
					else if (stored) await client.query(UPDATE, rowValues(kind, next));
					else inserts.set(key, { kind, entity, next });
					staged.set(key, next);
					out.push(next);
				}
				await insertAll(client, [...inserts.values()]);
				// The outbox rows commit with the entities, or not at all.
				for (const m of options.outbox?.(out) ?? []) {
					await client.query("INSERT INTO outbox (id, type, occurred_at, data) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING", [
						m.id,
						m.type,
						m.occurredAt,
						JSON.stringify(m.data),
					]);
				}
				return out;
			});
		} catch (error) {
			throw this.writeError(error, writes);
		}
	}

	async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
		try {
			const { rows } = await this.open().query<{ id: string; type: string; occurred_at: string; data: Record<string, unknown> }>(
				"SELECT id, type, occurred_at, data FROM outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT $1",
				[limit],
			);
			return rows.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurred_at, data: r.data }));
		} catch (error) {
			throw storeError(error, "reading the outbox");
		}
	}

	async markOutboxRelayed(ids: readonly string[], now: number): Promise<void> {
		if (ids.length === 0) return;
		try {
			await this.open().query("UPDATE outbox SET relayed_at = $1 WHERE id = ANY($2::text[]) AND relayed_at IS NULL", [now, [...ids]]);
		} catch (error) {
			throw storeError(error, "marking outbox messages relayed");
		}
	}

	/** Locks the stored rows of all writes, in (kind, id) order, and returns them by key. */
	private async lockStored(client: PoolClient, writes: readonly AnyWrite[]): Promise<Map<string, AnyEntity>> {
		const kinds = writes.map((w) => w.kind);
		const ids = writes.map((w) => {
			if (typeof w.entity?.id !== "string") throw new FieldchainError(ErrorCodes.FC_MODEL_INVALID, `A ${w.kind} needs a non-empty string id.`);
			return w.entity.id;
		});
		const { rows } = await client.query<{ kind: EntityKind; data: AnyEntity }>(
			// One primary-key lookup per written entity (LATERAL ... OFFSET 0 keeps the planner from
			// turning it into a scan of the whole table, which it did for a join: 148 ms at 5,000 rows and
			// growing). Rows are still locked in (kind, id) order, so two commits never deadlock.
			`SELECT e.kind, e.data FROM unnest($1::text[], $2::text[]) AS w(kind, id)
			 CROSS JOIN LATERAL (SELECT x.kind, x.id, x.data FROM entities x WHERE x.kind = w.kind AND x.id = w.id OFFSET 0) e
			 ORDER BY e.kind, e.id FOR UPDATE OF e`,
			[kinds, ids],
		);
		return new Map(rows.map((r) => [`${r.kind}\u0000${r.data.id}`, r.data]));
	}

	private writeError(error: unknown, writes: readonly AnyWrite[]): FieldchainError {
		const state = sqlState(error);
		// Two commits inserting the same new entities in different orders, or a unique race.
		if (state === "40P01" || state === "40001" || state === "23505") {
			const first = writes[0];
			return conflict(first.kind, first.entity, error);
		}
		return storeError(error, `committing ${writes.length} write(s)`);
	}

	async restore(writes: readonly AnyWrite[]): Promise<void> {
		const pool = this.open();
		for (const { kind, entity } of writes) assertRestorable(kind, entity);
		try {
			await inTransaction(pool, async (client) => {
				for (const { kind, entity } of writes) {
					const inserted = await client.query(INSERT, rowValues(kind, entity));
					if (inserted.rowCount !== 1) {
						throw new FieldchainError(ErrorCodes.FC_MODEL_VERSION_CONFLICT, `${kind} ${entity.id} already exists; restore only fills empty slots.`);
					}
				}
			});
		} catch (error) {
			throw storeError(error, `restoring ${writes.length} entities`);
		}
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		if (this.ownsPool) await this.pool.end();
	}
}
