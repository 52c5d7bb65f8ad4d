/**
 * The one runner for the versioned SQLite schemas: the model repository (`schema_version`), the
 * billing store (`billing_schema_version`) and the webhook store (`webhook_schema_version`), which
 * can share a database file, and the gateway's database (`PRAGMA user_version`). Each part keeps
 * its own list and its own record of how far it has come, so each can grow without the others;
 * only the bookkeeping lives here. Lists only ever append: a released step is never edited,
 * because databases in the field have already run it.
 */
import type { Database } from "better-sqlite3";
import { type ErrorCode, FieldchainError } from "./errors.js";

export interface SqliteMigration {
	version: number;
	description: string;
	up(db: Database): void;
}

interface SchemaSteps {
	/** What the schema holds, for error messages ("the webhook tables"). */
	what: string;
	/** The code of the errors this schema's steps raise. */
	errorCode: ErrorCode;
	migrations: readonly SqliteMigration[];
}

/**
 * Where the steps run are recorded: `table` names a table with one row per step, so that several
 * schemas can share a file; `userVersion` uses SQLite's own header field, for a schema that has
 * its file to itself (the gateway's, whose databases in the field already record it there).
 */
export type SqliteSchema = SchemaSteps & ({ table: string } | { userVersion: true });

export function latestVersion(schema: SqliteSchema): number {
	return schema.migrations[schema.migrations.length - 1].version;
}

/** The highest step this database has run (0 for none). */
export function sqliteSchemaVersion(db: Database, schema: SqliteSchema): number {
	if (!("table" in schema)) return db.pragma("user_version", { simple: true }) as number;
	db.exec(`CREATE TABLE IF NOT EXISTS ${schema.table} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
	const row = db.prepare(`SELECT MAX(version) AS v FROM ${schema.table}`).get() as { v: number | null };
	return row.v ?? 0;
}

/** Brings the schema to `target` (default: latest), one transaction per step; returns the version reached. */
export function migrateSqliteSchema(db: Database, schema: SqliteSchema, target = latestVersion(schema), now: () => number = Date.now): number {
	const current = sqliteSchemaVersion(db, schema);
	const latest = latestVersion(schema);
	if (current > latest) {
		throw new FieldchainError(schema.errorCode, `${capitalised(schema.what)} are at schema version ${current}; this build knows up to ${latest}.`, {
			hint: "Upgrade fieldchain before opening this database.",
		});
	}
	const record = recorder(db, schema, now);
	for (const migration of schema.migrations) {
		if (migration.version <= current || migration.version > target) continue;
		try {
			db.transaction(() => {
				migration.up(db);
				record(migration);
			})();
		} catch (cause) {
			throw new FieldchainError(schema.errorCode, `Schema migration ${migration.version} of ${schema.what} (${migration.description}) failed.`, { cause });
		}
	}
	return sqliteSchemaVersion(db, schema);
}

/** Writes that a step has run, in the step's own transaction. */
function recorder(db: Database, schema: SqliteSchema, now: () => number): (migration: SqliteMigration) => void {
	if (!("table" in schema)) return (migration) => db.pragma(`user_version = ${migration.version}`);
	const insert = db.prepare(`INSERT INTO ${schema.table} (version, description, applied_at) VALUES (?, ?, ?)`);
	return (migration) => insert.run(migration.version, migration.description, now());
}

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
