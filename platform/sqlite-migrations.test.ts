/**
 * The SQLite migration runner with both kinds of bookkeeping: a table of steps (schemas sharing a
 * file) and PRAGMA user_version (a schema that owns its file). The parts' own tests cover their
 * steps; these cover the runner.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ErrorCodes, isFieldchainError } from "./errors.js";
import { migrateSqliteSchema, type SqliteMigration, type SqliteSchema, sqliteSchemaVersion } from "./sqlite-migrations.js";

const steps: SqliteMigration[] = [
	{ version: 1, description: "things", up: (db) => db.exec("CREATE TABLE things (id INTEGER PRIMARY KEY)") },
	{ version: 2, description: "names", up: (db) => db.exec("ALTER TABLE things ADD COLUMN name TEXT") },
];
const common = { what: "the test tables", errorCode: ErrorCodes.FC_STORE_OPEN, migrations: steps };
const schemas: Record<string, SqliteSchema> = {
	table: { ...common, table: "test_schema_version" },
	user_version: { ...common, userVersion: true },
};

function caught(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	return undefined;
}

describe.each(Object.entries(schemas))("migrateSqliteSchema, bookkeeping in %s", (_, schema) => {
	it("runs the steps up to the target, then the rest, once each", () => {
		const db = new Database(":memory:");
		expect(sqliteSchemaVersion(db, schema)).toBe(0);
		expect(migrateSqliteSchema(db, schema, 1)).toBe(1);
		expect(migrateSqliteSchema(db, schema)).toBe(2);
		expect(migrateSqliteSchema(db, schema)).toBe(2);
		db.prepare("INSERT INTO things (id, name) VALUES (1, 'a')").run();
		db.close();
	});

	it("refuses a database that a newer build has migrated further", () => {
		const db = new Database(":memory:");
		migrateSqliteSchema(db, { ...schema, migrations: [...steps, { version: 3, description: "later", up: () => {} }] });
		const error = caught(() => migrateSqliteSchema(db, schema));
		expect(isFieldchainError(error, "FC_STORE_OPEN")).toBe(true);
		expect(String((error as Error).message)).toContain("The test tables are at schema version 3; this build knows up to 2.");
		db.close();
	});

	it("rolls a failing step back together with its record", () => {
		const db = new Database(":memory:");
		const failing: SqliteMigration = {
			version: 2,
			description: "half done",
			up(db) {
				db.exec("CREATE TABLE halves (id INTEGER)");
				throw new Error("boom");
			},
		};
		const error = caught(() => migrateSqliteSchema(db, { ...schema, migrations: [steps[0], failing] }));
		expect(isFieldchainError(error, "FC_STORE_OPEN")).toBe(true);
		expect(String((error as Error).message)).toBe("Schema migration 2 of the test tables (half done) failed.");
		expect(sqliteSchemaVersion(db, schema)).toBe(1);
		expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'halves'").pluck().get()).toBe(0);
		db.close();
	});
});

describe("migrateSqliteSchema with a bookkeeping table", () => {
	it("records each step with its time, apart from another schema in the same file", () => {
		const db = new Database(":memory:");
		migrateSqliteSchema(db, schemas.table, undefined, () => 42);
		const other: SqliteSchema = {
			...common,
			table: "other_schema_version",
			migrations: [{ version: 1, description: "others", up: (db) => db.exec("CREATE TABLE others (id)") }],
		};
		expect(migrateSqliteSchema(db, other)).toBe(1);
		expect(db.prepare("SELECT version, description, applied_at FROM test_schema_version ORDER BY version").all()).toEqual([
			{ version: 1, description: "things", applied_at: 42 },
			{ version: 2, description: "names", applied_at: 42 },
		]);
		expect(db.pragma("user_version", { simple: true })).toBe(0);
		db.close();
	});
});
