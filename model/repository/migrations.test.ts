import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import type { AnyEntity, EntityKind } from "../entities/kinds.js";
import { make } from "../testing/builders.js";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion } from "./migrations.js";
import { SqliteRepository } from "./sqlite.js";

/** Rows as a build at `version` wrote them: only the columns that version had. */
function insertAt(db: BetterSqlite3.Database, version: number, kind: EntityKind, entity: AnyEntity): void {
	const json = JSON.stringify(entity);
	const record = entity as unknown as Record<string, unknown>;
	const str = (key: string) => (typeof record[key] === "string" ? record[key] : null);
	const columns: Record<string, unknown> = {
		kind,
		id: entity.id,
		version: entity.version,
		status: str("status"),
		work_order_id: str("workOrderId"),
		data: json,
	};
	if (version >= 2) Object.assign(columns, { task_id: str("taskId"), customer_id: str("customerId"), technician_id: str("technicianId") });
	if (version >= 3) Object.assign(columns, { root_id: str("rootId"), site_id: str("siteId"), subject_id: str("subjectId"), updated_at: entity.updatedAt });
	const names = Object.keys(columns);
	db.prepare(`INSERT INTO entities (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...Object.values(columns));
}

const rows: [EntityKind, AnyEntity][] = [
	["workOrder", make.workOrder({ id: "WO2", parentId: "WO1", rootId: "WO1", siteId: "S7", customerId: "C3" })],
	["timeEntry", make.timeEntry({ id: "TE1", taskId: "T5", technicianId: "TECH2", status: "submitted" })],
	["approval", make.approval({ id: "AP1", subjectId: "TE1" })],
];

describe("SQLite schema migrations", () => {
	it("are numbered 1..n without gaps", () => {
		expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
	});

	it("build the latest schema from an empty database and record every step", () => {
		const db = new BetterSqlite3(":memory:");
		expect(schemaVersion(db)).toBe(0);
		expect(migrate(db, undefined, () => 42)).toBe(LATEST_SCHEMA_VERSION);
		const recorded = db.prepare("SELECT version, applied_at FROM schema_version ORDER BY version").all();
		expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, applied_at: 42 })));
		// Running again is a no-op.
		expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
		expect(db.prepare("SELECT COUNT(*) AS n FROM schema_version").get()).toEqual({ n: MIGRATIONS.length });
		db.close();
	});

	for (let from = 1; from < LATEST_SCHEMA_VERSION; from++) {
		it(`upgrade data written at version ${from} so every filter finds it`, async () => {
			const db = new BetterSqlite3(":memory:");
			expect(migrate(db, from)).toBe(from);
			for (const [kind, entity] of rows) insertAt(db, from, kind, entity);
			const repo = new SqliteRepository(db);
			expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
			expect((await repo.list("workOrder", { rootId: "WO1" })).map((o) => o.id)).toEqual(["WO2"]);
			expect((await repo.list("workOrder", { siteId: "S7", customerId: "C3" })).map((o) => o.id)).toEqual(["WO2"]);
			expect((await repo.list("timeEntry", { taskId: "T5", technicianId: "TECH2", status: "submitted" })).map((o) => o.id)).toEqual(["TE1"]);
			expect((await repo.list("approval", { subjectId: "TE1" })).map((o) => o.id)).toEqual(["AP1"]);
			expect(await repo.get("workOrder", "WO2")).toEqual(rows[0][1]);
			expect(db.prepare("SELECT updated_at FROM entities WHERE id = 'TE1'").get()).toEqual({ updated_at: rows[1][1].updatedAt });
			// And the upgraded database keeps working for writes.
			const te = (await repo.get("timeEntry", "TE1"))!;
			expect((await repo.put("timeEntry", { ...te, status: "approved" })).version).toBe(2);
			await repo.close();
		});
	}

	it("refuses a database from a newer build", () => {
		const db = new BetterSqlite3(":memory:");
		migrate(db);
		db.prepare("INSERT INTO schema_version VALUES (?, 'future', 0)").run(LATEST_SCHEMA_VERSION + 1);
		try {
			migrate(db);
			expect.unreachable();
		} catch (error) {
			expect(isFieldchainError(error, "FC_MODEL_MIGRATION")).toBe(true);
		}
		db.close();
	});

	it("rolls a failing step back and reports it", () => {
		const db = new BetterSqlite3(":memory:");
		migrate(db, 1);
		db.exec("ALTER TABLE entities ADD COLUMN task_id TEXT");
		try {
			migrate(db);
			expect.unreachable();
		} catch (error) {
			expect(isFieldchainError(error, "FC_MODEL_MIGRATION")).toBe(true);
		}
		expect(schemaVersion(db)).toBe(1);
		db.close();
	});
});
