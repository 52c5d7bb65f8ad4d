/**
 * The SQLite backend (better-sqlite3): one JSON document per entity plus indexed key columns for
 * the list filters. WAL so readers (the local API) never block the writer.
 */
import BetterSqlite3, { type Database, type Statement } from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { AnyEntity, AnyWrite, EntityKind, EntityMap } from "../entities/kinds.js";
import { assertFilter, assertRestorable, checkWrite } from "./guards.js";
import { migrate } from "./migrations.js";
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

const COLUMNS = ["kind", "id", "version", "data", "updated_at", ...INDEXED_FIELDS.map((f) => COLUMN[f])];

function keyValues(entity: AnyEntity): (string | null)[] {
	const record = entity as unknown as Record<string, unknown>;
	return INDEXED_FIELDS.map((field) => (typeof record[field] === "string" ? (record[field] as string) : null));
}

export interface SqliteRepositoryOptions {
	/** Run pending migrations on open (default true). */
	migrate?: boolean;
}

export class SqliteRepository implements Repository {
	readonly db: Database;
	private readonly selectOne: Statement<[string, string], { data: string }>;
	private readonly upsert: Statement<unknown[]>;
	private readonly insert: Statement<unknown[]>;

	constructor(pathOrDb: string | Database, options: SqliteRepositoryOptions = {}) {
		try {
			this.db = typeof pathOrDb === "string" ? new BetterSqlite3(pathOrDb) : pathOrDb;
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot open SQLite database ${String(pathOrDb)}.`, { cause });
		}
		this.db.pragma("journal_mode = WAL");
		this.db.pragma("synchronous = NORMAL");
		this.db.pragma("busy_timeout = 5000");
		if (options.migrate ?? true) migrate(this.db);
		this.selectOne = this.db.prepare("SELECT data FROM entities WHERE kind = ? AND id = ?");
		// A new entity (version 0) needs no read first: a plain INSERT refuses an id already stored.
		this.insert = this.db.prepare(`INSERT INTO entities (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})`);
		this.upsert = this.db.prepare(
			`INSERT INTO entities (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})
			 ON CONFLICT (kind, id) DO UPDATE SET ${COLUMNS.slice(2)
					.map((c) => `${c} = excluded.${c}`)
					.join(", ")}`,
		);
	}

	private open(): Database {
		if (!this.db.open) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The SQLite repository is closed.");
		return this.db;
	}

	private read(kind: EntityKind, id: string): AnyEntity | undefined {
		this.open();
		const row = this.selectOne.get(kind, id);
		return row ? (JSON.parse(row.data) as AnyEntity) : undefined;
	}

	private store(kind: EntityKind, entity: AnyEntity): void {
		this.upsert.run(kind, entity.id, entity.version, JSON.stringify(entity), entity.updatedAt, ...keyValues(entity));
	}

	/** Stores a new entity; one whose id is taken is the conflict checkWrite would have found. */
	private create(kind: EntityKind, entity: AnyEntity): void {
		try {
			this.insert.run(kind, entity.id, entity.version, JSON.stringify(entity), entity.updatedAt, ...keyValues(entity));
		} catch (cause) {
			const code = (cause as { code?: string }).code;
			if (code !== "SQLITE_CONSTRAINT_UNIQUE" && code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw cause;
			checkWrite(kind, this.read(kind, entity.id), { ...entity, version: 0 });
			throw cause;
		}
	}

	async get<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | undefined> {
		return this.read(kind, id) as EntityMap[K] | undefined;
	}

	async list<K extends EntityKind>(kind: K, filter: ListFilter = {}): Promise<EntityMap[K][]> {
		assertFilter(filter);
		const fields = (Object.keys(filter) as IndexedField[]).filter((f) => filter[f] !== undefined);
		const where = ["kind = ?", ...fields.map((f) => `${COLUMN[f]} = ?`)].join(" AND ");
		// Ordered by id in code, not SQL: SQLite's BINARY collation and JS string order agree only for ASCII.
		const rows = this.open()
			.prepare(`SELECT data FROM entities WHERE ${where}`)
			.all(kind, ...fields.map((f) => filter[f])) as { data: string }[];
		return rows.map((r) => JSON.parse(r.data) as EntityMap[K]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	async put<K extends EntityKind>(kind: K, entity: EntityMap[K]): Promise<EntityMap[K]> {
		const [stored] = await this.commit([{ kind, entity } as AnyWrite]);
		return stored as EntityMap[K];
	}

	async commit(writes: readonly AnyWrite[], options: CommitOptions = {}): Promise<AnyEntity[]> {
		const db = this.open();
		return db.transaction(() => {
			const stored = writes.map(({ kind, entity }) => {
				if (entity?.version === 0) {
					const created = checkWrite(kind, undefined, entity);
					this.create(kind, created);
					return created;
				}
				const next = checkWrite(kind, this.read(kind, entity.id), entity);
				this.store(kind, next);
				return next;
			});
			// The outbox rows commit with the entities, or not at all.
			const insert = db.prepare("INSERT INTO outbox (id, type, occurred_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
			for (const m of options.outbox?.(stored) ?? []) insert.run(m.id, m.type, m.occurredAt, JSON.stringify(m.data));
			return stored;
		})();
	}

	async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
		const rows = this.open().prepare("SELECT id, type, occurred_at, data FROM outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT ?").all(limit) as {
			id: string;
			type: string;
			occurred_at: string;
			data: string;
		}[];
		return rows.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurred_at, data: JSON.parse(r.data) as Record<string, unknown> }));
	}

	async markOutboxRelayed(ids: readonly string[], now: number): Promise<void> {
		const db = this.open();
		const mark = db.prepare("UPDATE outbox SET relayed_at = ? WHERE id = ? AND relayed_at IS NULL");
		db.transaction(() => {
			for (const id of ids) mark.run(now, id);
		})();
	}

	async restore(writes: readonly AnyWrite[]): Promise<void> {
		this.open().transaction(() => {
			for (const { kind, entity } of writes) {
				assertRestorable(kind, entity);
				if (this.read(kind, entity.id)) {
					throw new FieldchainError(ErrorCodes.FC_MODEL_VERSION_CONFLICT, `${kind} ${entity.id} already exists; restore only fills empty slots.`);
				}
				this.store(kind, entity);
			}
		})();
	}

	async close(): Promise<void> {
		if (this.db.open) this.db.close();
	}
}
