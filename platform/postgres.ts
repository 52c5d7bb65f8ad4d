/**
 * What every PostgreSQL-backed store of fieldchain shares (the model repository here, the billing
 * and webhook stores in cloud-bridge): pools, transactions, error translation and versioned
 * migrations. Each store keeps its own migrations table, so several can share one database.
 */
import pg from "pg";
import { type ErrorCode, ErrorCodes, FieldchainError } from "./errors.js";

export type { Pool, PoolClient } from "pg";

/** A database URL with the password masked, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = "***";
		return parsed.toString();
	} catch {
		return "(unparseable database URL)";
	}
}

/** A pool for a `postgres://` URL; pool errors on idle clients become warnings, never crashes. */
export function createPool(databaseUrl: string, config: pg.PoolConfig = {}): pg.Pool {
	if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `"${redactDatabaseUrl(databaseUrl)}" is not a PostgreSQL URL.`, {
			hint: "Pass postgres://user:password@host:5432/database.",
		});
	}
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 10_000, ...config });
	// An idle client whose server went away: pg drops it and the next query reconnects. Say so.
	pool.on("error", (error) => process.emitWarning(`PostgreSQL connection lost (${redactDatabaseUrl(databaseUrl)}): ${error.message}`));
	return pool;
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P03"]);

export function isConnectionError(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	if (typeof code !== "string") return error instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
	return CONNECTION_CODES.has(code) || code.startsWith("08");
}

/** SQLSTATE of a PostgreSQL error, if it is one. */
export function sqlState(error: unknown): string | undefined {
	const code = (error as { code?: unknown })?.code;
	return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Any error from pg as a FieldchainError that says what was being done; ours pass through. */
export function storeError(error: unknown, doing: string): FieldchainError {
	if (error instanceof FieldchainError) return error;
	const message = error instanceof Error ? error.message : String(error);
	if (isConnectionError(error)) {
		return new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot reach PostgreSQL while ${doing}: ${message}.`, {
			hint: "Check that the server runs and that --database-url points at it.",
			cause: error,
		});
	}
	return new FieldchainError(ErrorCodes.FC_STORE_WRITE, `PostgreSQL failed while ${doing}: ${message}.`, { cause: error });
}

/** Runs `work` in one transaction on one client: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
	const client = await pool.connect();
	let broken = false;
	try {
		await client.query(begin);
		const result = await work(client);
		await client.query("COMMIT");
		return result;
	} catch (error) {
		try {
			await client.query("ROLLBACK");
		} catch {
			// The connection itself failed: hand it back as broken so the pool replaces it.
			broken = true;
		}
		throw error;
	} finally {
		client.release(broken);
	}
}

export interface PostgresMigration {
	version: number;
	description: string;
	up(client: pg.PoolClient): Promise<void>;
}

export interface MigrationPlan {
	/** Table that records applied steps, e.g. "schema_version" or "webhook_schema_version". */
	table: string;
	migrations: readonly PostgresMigration[];
	/** The FC_* code for a failed or refused migration. */
	errorCode: ErrorCode;
	/** Who owns the schema, for messages: "model", "webhook"... */
	what: string;
}

export async function postgresSchemaVersion(client: pg.ClientBase, table: string): Promise<number> {
	await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
	const { rows } = await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${table}`);
	return rows[0].v ?? 0;
}

/**
 * Brings the schema to `target` (default: latest), one transaction per step (DDL is transactional
 * in PostgreSQL, so a failing step leaves nothing half-done). A session advisory lock keyed on the
 * table name makes service instances that start together migrate one after the other.
 */
export async function migratePostgres(pool: pg.Pool, plan: MigrationPlan, target?: number, now: () => number = Date.now): Promise<number> {
	if (!/^[a-z_][a-z0-9_]*$/.test(plan.table)) throw new Error(`Bad migrations table name ${plan.table}`);
	const latest = plan.migrations[plan.migrations.length - 1]?.version ?? 0;
	const goal = target ?? latest;
	let client: pg.PoolClient;
	try {
		client = await pool.connect();
	} catch (error) {
		throw storeError(error, `opening the ${plan.what} schema`);
	}
	try {
		await client.query("SELECT pg_advisory_lock(hashtext($1))", [plan.table]);
		try {
			const current = await postgresSchemaVersion(client, plan.table);
			if (current > latest) {
				throw new FieldchainError(plan.errorCode, `The ${plan.what} schema in PostgreSQL is at version ${current}; this build knows up to ${latest}.`, {
					hint: "Upgrade fieldchain before using this database.",
				});
			}
			for (const migration of plan.migrations) {
				if (migration.version <= current || migration.version > goal) continue;
				try {
					await client.query("BEGIN");
					await migration.up(client);
					await client.query(`INSERT INTO ${plan.table} (version, description, applied_at) VALUES ($1, $2, $3)`, [
						migration.version,
						migration.description,
						now(),
					]);
					await client.query("COMMIT");
				} catch (cause) {
					await client.query("ROLLBACK").catch(() => {});
					throw new FieldchainError(
						plan.errorCode,
						`${plan.what} schema migration ${migration.version} (${migration.description}) failed: ${(cause as Error).message}`,
						{ cause },
					);
				}
			}
			return await postgresSchemaVersion(client, plan.table);
		} finally {
			await client.query("SELECT pg_advisory_unlock(hashtext($1))", [plan.table]);
		}
	} catch (error) {
		throw storeError(error, `migrating the ${plan.what} schema`);
	} finally {
		client.release();
	}
}
