import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFieldchainError } from "../../platform/errors.js";
import { migratePostgres } from "../../platform/postgres.js";
import { type PostgresServer, startPostgres } from "../../test/support/postgres.js";
import { make } from "../testing/builders.js";
import { PostgresRepository } from "./postgres.js";
import { LATEST_POSTGRES_SCHEMA_VERSION, MODEL_MIGRATION_PLAN, migrateModelPostgres, POSTGRES_MIGRATIONS } from "./postgres-migrations.js";
import { repositoryContract } from "./repository.contract.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

repositoryContract("postgres (throw-away server)", async () => PostgresRepository.open(await server.createSchema()));

async function expectCode(promise: Promise<unknown>, code: Parameters<typeof isFieldchainError>[1]): Promise<void> {
	try {
		await promise;
	} catch (error) {
		if (isFieldchainError(error, code)) return;
		throw error;
	}
	expect.fail(`expected ${code}`);
}

describe("PostgresRepository", () => {
	it("keeps data across reopen and detects a lost update between two pools", async () => {
		const url = await server.createDatabase();
		const a = await PostgresRepository.open(url);
		const b = await PostgresRepository.open(url);
		await a.put("task", { ...make.task(), version: 0 });
		const readByB = (await b.get("task", "T1"))!;
		await a.put("task", { ...readByB, title: "A wins" });
		await expectCode(b.put("task", { ...readByB, title: "B loses" }), "FC_MODEL_VERSION_CONFLICT");
		await a.close();
		await b.close();
		const again = await PostgresRepository.open(url);
		expect(await again.get("task", "T1")).toMatchObject({ version: 2, title: "A wins" });
		await again.close();
	});

	it("lets exactly one of many concurrent writers of one version win", async () => {
		const url = await server.createDatabase();
		const repos = await Promise.all([1, 2, 3, 4].map(() => PostgresRepository.open(url)));
		const created = await repos[0].put("task", { ...make.task(), version: 0 });
		const results = await Promise.allSettled(repos.map((r, i) => r.put("task", { ...created, title: `writer ${i}` })));
		expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
		for (const r of results) if (r.status === "rejected") expect(isFieldchainError(r.reason, "FC_MODEL_VERSION_CONFLICT")).toBe(true);
		// Concurrent creation of the same new entity: one insert wins too.
		const creations = await Promise.allSettled(repos.map((r) => r.put("customer", { ...make.customer(), version: 0 })));
		expect(creations.filter((r) => r.status === "fulfilled")).toHaveLength(1);
		expect((await repos[1].get("task", "T1"))?.version).toBe(2);
		await Promise.all(repos.map((r) => r.close()));
	});

	it("does not deadlock when two commits write the same entities in opposite orders", async () => {
		const url = await server.createDatabase();
		const [a, b] = await Promise.all([PostgresRepository.open(url), PostgresRepository.open(url)]);
		const t1 = await a.put("task", { ...make.task({ id: "T1" }), version: 0 });
		const t2 = await a.put("task", { ...make.task({ id: "T2" }), version: 0 });
		for (let round = 0; round < 10; round++) {
			const [x, y] = [(await a.get("task", "T1"))!, (await a.get("task", "T2"))!];
			const results = await Promise.allSettled([
				a.commit([
					{ kind: "task", entity: { ...x, title: "a" } },
					{ kind: "task", entity: { ...y, title: "a" } },
				]),
				b.commit([
					{ kind: "task", entity: { ...y, title: "b" } },
					{ kind: "task", entity: { ...x, title: "b" } },
				]),
			]);
			expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
		}
		expect((await a.get("task", "T1"))!.version).toBe(t1.version + 10);
		expect((await a.get("task", "T2"))!.version).toBe(t2.version + 10);
		await a.close();
		await b.close();
	});

	it("migrates an empty database step by step, records each step, and is a no-op the second time", async () => {
		const pool = new pg.Pool({ connectionString: await server.createDatabase() });
		expect(POSTGRES_MIGRATIONS.map((m) => m.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
		expect(await migrateModelPostgres(pool, undefined, () => 42)).toBe(LATEST_POSTGRES_SCHEMA_VERSION);
		expect(await migrateModelPostgres(pool)).toBe(LATEST_POSTGRES_SCHEMA_VERSION);
		const { rows } = await pool.query("SELECT version, applied_at::int AS applied_at FROM schema_version ORDER BY version");
		expect(rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version, applied_at: 42 })));
		await pool.end();
	});

	it("indexes the sparse key columns only where set, and a list by one still uses its index", async () => {
		const url = await server.createDatabase();
		const repository = await PostgresRepository.open(url);
		await repository.put("customer", { ...make.customer(), version: 0 });
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			const { rows } = await client.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'entities' ORDER BY indexname");
			const partial = rows.filter((r) => / WHERE /.test(r.indexdef)).map((r) => r.indexname);
			expect(partial).toEqual(["entities_customer_id", "entities_root_id", "entities_site_id", "entities_subject_id", "entities_technician_id"]);
			// A generic plan (parameters unknown) still proves `customer_id = $2` implies IS NOT NULL.
			await client.query("SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan");
			await client.query("PREPARE by_customer(text, text) AS SELECT data FROM entities WHERE kind = $1 AND customer_id = $2");
			const plan = (await client.query("EXPLAIN EXECUTE by_customer('customer', 'C1')")).rows.map((r) => r["QUERY PLAN"]).join("\n");
			expect(plan).toContain("entities_customer_id");
			expect(await repository.list("customer", { customerId: "C1" })).toEqual([]);
		} finally {
			await client.end();
			await repository.close();
		}
	});

	it("refuses a database from a newer build, and rolls a failing step back", async () => {
		const url = await server.createDatabase();
		const pool = new pg.Pool({ connectionString: url });
		await migrateModelPostgres(pool);
		await pool.query("INSERT INTO schema_version VALUES ($1, 'future', 0)", [LATEST_POSTGRES_SCHEMA_VERSION + 1]);
		await expectCode(PostgresRepository.open(url), "FC_MODEL_MIGRATION");

		const plan = {
			...MODEL_MIGRATION_PLAN,
			table: "broken_schema_version",
			migrations: [
				{ version: 1, description: "good", up: async (c: pg.PoolClient) => void (await c.query("CREATE TABLE good_step (x int)")) },
				{
					version: 2,
					description: "half done",
					up: async (c: pg.PoolClient) => {
						await c.query("CREATE TABLE half_done (x int)");
						await c.query("SELECT * FROM no_such_table");
					},
				},
			],
		};
		await expectCode(migratePostgres(pool, plan), "FC_MODEL_MIGRATION");
		const { rows } = await pool.query(
			"SELECT to_regclass('good_step') AS good, to_regclass('half_done') AS half, (SELECT MAX(version) FROM broken_schema_version) AS v",
		);
		expect(rows[0]).toEqual({ good: "good_step", half: null, v: 1 });
		await pool.end();
	});

	it("says clearly when the server cannot be reached or the URL is not PostgreSQL", async () => {
		await expectCode(PostgresRepository.open("postgres://nobody:secret@127.0.0.1:1/none"), "FC_STORE_OPEN");
		try {
			await PostgresRepository.open("postgres://nobody:secret@127.0.0.1:1/none");
		} catch (error) {
			expect((error as Error).message).not.toContain("secret");
		}
		await expectCode(PostgresRepository.open("mysql://x@localhost/db"), "FC_STORE_OPEN");
	});
});
