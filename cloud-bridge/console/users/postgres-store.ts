/**
 * Users and sessions in PostgreSQL, on the billing service's pool. Steps are recorded in
 * console_schema_version (migrated once, on first use); only append to them. platform/postgres.js
 * (and with it pg) is loaded on first use, so a SQLite or memory service never loads pg.
 */
import { ErrorCodes } from "../../../platform/errors.js";
import type { MigrationPlan, Pool } from "../../../platform/postgres.js";
import { usernameTaken } from "./memory-store.js";
import { sessionOf, userOf } from "./sqlite-store.js";
import type { ConsoleStore, SessionRecord, UserRecord } from "./types.js";

export const CONSOLE_MIGRATION_PLAN: MigrationPlan = {
	table: "console_schema_version",
	errorCode: ErrorCodes.FC_BILLING_STORE,
	what: "console",
	migrations: [
		{
			version: 1,
			description: "console users and sessions",
			async up(client) {
				await client.query(`
					CREATE TABLE console_users (
						id TEXT PRIMARY KEY,
						username TEXT NOT NULL UNIQUE,
						display_name TEXT NOT NULL,
						role TEXT NOT NULL CHECK (role IN ('dispatcher', 'approver', 'billing', 'admin')),
						password_hash TEXT,
						technician_id TEXT,
						created_at BIGINT NOT NULL,
						disabled_at BIGINT
					);
					CREATE TABLE console_sessions (
						hash TEXT PRIMARY KEY,
						user_id TEXT NOT NULL REFERENCES console_users (id),
						created_at BIGINT NOT NULL,
						expires_at BIGINT NOT NULL
					);
					CREATE INDEX console_sessions_user ON console_sessions (user_id);
				`);
			},
		},
	],
};

export class PostgresConsoleStore implements ConsoleStore {
	private ready: Promise<unknown> | undefined;
	constructor(private readonly pool: Pool) {}

	private async query<R extends object>(doing: string, sql: string, params: unknown[] = []): Promise<{ rows: R[]; rowCount: number }> {
		const { migratePostgres, sqlState, storeError } = await import("../../../platform/postgres.js");
		this.ready ??= migratePostgres(this.pool, CONSOLE_MIGRATION_PLAN).catch((error) => {
			this.ready = undefined;
			throw error;
		});
		await this.ready;
		try {
			const result = await this.pool.query<R>(sql, params);
			return { rows: result.rows, rowCount: result.rowCount ?? 0 };
		} catch (error) {
			if (sqlState(error) === "23505" && doing === "creating a user") throw usernameTaken(params[1] as string);
			throw storeError(error, doing);
		}
	}
	async createUser(user: UserRecord): Promise<void> {
		await this.query(
			"creating a user",
			"INSERT INTO console_users (id, username, display_name, role, password_hash, technician_id, created_at, disabled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
			[user.id, user.username, user.displayName, user.role, user.passwordHash, user.technicianId, user.createdAt, user.disabledAt],
		);
	}
	async getUser(id: string): Promise<UserRecord | undefined> {
		const { rows } = await this.query<Parameters<typeof userOf>[0]>("reading a user", "SELECT * FROM console_users WHERE id = $1", [id]);
		return rows[0] && userOf(rows[0]);
	}
	async findUserByUsername(username: string): Promise<UserRecord | undefined> {
		const { rows } = await this.query<Parameters<typeof userOf>[0]>("reading a user", "SELECT * FROM console_users WHERE username = $1", [username]);
		return rows[0] && userOf(rows[0]);
	}
	async listUsers(): Promise<UserRecord[]> {
		const { rows } = await this.query<Parameters<typeof userOf>[0]>("listing users", 'SELECT * FROM console_users ORDER BY username COLLATE "C"');
		return rows.map(userOf);
	}
	async setUserDisabled(id: string, at: number | null): Promise<UserRecord | undefined> {
		await this.query(
			"disabling a user",
			"WITH u AS (UPDATE console_users SET disabled_at = CASE WHEN $2::BIGINT IS NULL THEN NULL ELSE COALESCE(disabled_at, $2::BIGINT) END WHERE id = $1 RETURNING id) DELETE FROM console_sessions WHERE $2::BIGINT IS NOT NULL AND user_id IN (SELECT id FROM u)",
			[id, at],
		);
		return this.getUser(id);
	}
	async createSession(session: SessionRecord): Promise<void> {
		await this.query("creating a session", "INSERT INTO console_sessions (hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)", [
			session.hash,
			session.userId,
			session.createdAt,
			session.expiresAt,
		]);
	}
	async findSession(hash: string): Promise<SessionRecord | undefined> {
		const { rows } = await this.query<Parameters<typeof sessionOf>[0]>("reading a session", "SELECT * FROM console_sessions WHERE hash = $1", [hash]);
		return rows[0] && sessionOf(rows[0]);
	}
	async deleteSession(hash: string): Promise<void> {
		await this.query("ending a session", "DELETE FROM console_sessions WHERE hash = $1", [hash]);
	}
	async purgeExpiredSessions(now: number): Promise<number> {
		return (await this.query("purging sessions", "DELETE FROM console_sessions WHERE expires_at <= $1", [now])).rowCount;
	}
	/** The pool belongs to the billing storage, which ends it. */
	async close(): Promise<void> {}
}
