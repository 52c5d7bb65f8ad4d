/**
 * Node's built-in `node:sqlite` (Node 22.5+, no native build) behind the part of better-sqlite3's
 * API the gateway's stores use (prepare/run/get/all/pluck, transaction, pragma, exec, open, close),
 * so the same store code, migrations and contract suite can run on either engine. It exists to
 * measure whether `node:sqlite` can replace better-sqlite3 (`npm run bench -- --only node-sqlite`,
 * gateway/store/node-sqlite.test.ts); the gateway itself still opens better-sqlite3, which Node 20
 * (no `node:sqlite`) needs. Invariant: transactions nest as savepoints, like better-sqlite3's.
 */
import { createRequire } from "node:module";
import type Database from "better-sqlite3";

/** The slice of node:sqlite's DatabaseSync used here (@types/node 20 does not declare the module). */
interface NodeStatement {
	run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
	get(...params: unknown[]): Record<string, unknown> | undefined;
	all(...params: unknown[]): Record<string, unknown>[];
}
interface NodeDatabase {
	readonly isOpen: boolean;
	readonly isTransaction: boolean;
	prepare(sql: string): NodeStatement;
	exec(sql: string): void;
	close(): void;
}

/** node:sqlite's DatabaseSync constructor, or undefined on a Node without it (20). */
export function nodeSqlite(): (new (path: string) => NodeDatabase) | undefined {
	try {
		return (createRequire(import.meta.url)("node:sqlite") as { DatabaseSync: new (path: string) => NodeDatabase }).DatabaseSync;
	} catch {
		return undefined;
	}
}

class CompatStatement {
	private plucked = false;
	constructor(private readonly statement: NodeStatement) {}
	pluck(toggle = true): this {
		this.plucked = toggle;
		return this;
	}
	run(...params: unknown[]) {
		return this.statement.run(...params);
	}
	get(...params: unknown[]): unknown {
		const row = this.statement.get(...params);
		return this.plucked && row ? Object.values(row)[0] : row;
	}
	all(...params: unknown[]): unknown[] {
		const rows = this.statement.all(...params);
		return this.plucked ? rows.map((row) => Object.values(row)[0]) : rows;
	}
}

class CompatDatabase {
	private savepoints = 0;
	constructor(private readonly db: NodeDatabase) {}
	get open(): boolean {
		return this.db.isOpen;
	}
	prepare(sql: string): CompatStatement {
		return new CompatStatement(this.db.prepare(sql));
	}
	exec(sql: string): this {
		this.db.exec(sql);
		return this;
	}
	pragma(source: string, options: { simple?: boolean } = {}): unknown {
		const rows = this.db.prepare(`PRAGMA ${source}`).all();
		return options.simple ? (rows[0] ? Object.values(rows[0])[0] : undefined) : rows;
	}
	transaction<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
		return (...args: A) => {
			if (!this.db.isTransaction) {
				this.db.exec("BEGIN");
				try {
					const result = work(...args);
					this.db.exec("COMMIT");
					return result;
				} catch (error) {
					if (this.db.isTransaction) this.db.exec("ROLLBACK");
					throw error;
				}
			}
			const name = `compat_${++this.savepoints}`;
			this.db.exec(`SAVEPOINT ${name}`);
			try {
				const result = work(...args);
				this.db.exec(`RELEASE ${name}`);
				return result;
			} catch (error) {
				this.db.exec(`ROLLBACK TO ${name}`);
				this.db.exec(`RELEASE ${name}`);
				throw error;
			}
		};
	}
	close(): this {
		if (this.db.isOpen) this.db.close();
		return this;
	}
}

/** Opens `path` with node:sqlite, typed as the better-sqlite3 Database the stores take. Throws on a Node without node:sqlite. */
export function openNodeSqlite(path: string): Database.Database {
	const DatabaseSync = nodeSqlite();
	if (!DatabaseSync) throw new Error(`node:sqlite needs Node 22.5 or newer; this is ${process.version}.`);
	return new CompatDatabase(new DatabaseSync(path)) as unknown as Database.Database;
}
