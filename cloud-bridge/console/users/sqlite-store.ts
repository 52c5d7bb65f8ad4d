/**
 * Users and sessions in SQLite, on the billing service's own connection (one file, one
 * transaction log). Its steps are recorded in console_schema_version; only append to them.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes } from "../../../platform/errors.js";
import { latestVersion, migrateSqliteSchema, type SqliteSchema } from "../../../platform/sqlite-migrations.js";
import { usernameTaken } from "./memory-store.js";
import type { ConsoleStore, Role, SessionRecord, UserRecord } from "./types.js";

const MIGRATIONS = [
	{
		version: 1,
		description: "console users and sessions",
		sql: `
			CREATE TABLE console_users (
				id TEXT PRIMARY KEY,
				username TEXT NOT NULL UNIQUE,
				display_name TEXT NOT NULL,
				role TEXT NOT NULL CHECK (role IN ('dispatcher', 'approver', 'billing', 'admin')),
				password_hash TEXT,
				technician_id TEXT,
				created_at INTEGER NOT NULL,
				disabled_at INTEGER
			);
			CREATE TABLE console_sessions (
				hash TEXT PRIMARY KEY,
				user_id TEXT NOT NULL REFERENCES console_users (id),
				created_at INTEGER NOT NULL,
				expires_at INTEGER NOT NULL
			);
			CREATE INDEX console_sessions_user ON console_sessions (user_id);
		`,
	},
];

const SCHEMA: SqliteSchema = {
	table: "console_schema_version",
	what: "the console tables",
	errorCode: ErrorCodes.FC_BILLING_STORE,
	migrations: MIGRATIONS.map(({ version, description, sql }) => ({ version, description, up: (db: Database) => db.exec(sql) })),
};
export const LATEST_CONSOLE_SCHEMA_VERSION = latestVersion(SCHEMA);

interface UserRow {
	id: string;
	username: string;
	display_name: string;
	role: string;
	password_hash: string | null;
	technician_id: string | null;
	created_at: number;
	disabled_at: number | null;
}
interface SessionRow {
	hash: string;
	user_id: string;
	created_at: number;
	expires_at: number;
}

export const userOf = (row: UserRow): UserRecord => ({
	id: row.id,
	username: row.username,
	displayName: row.display_name,
	role: row.role as Role,
	passwordHash: row.password_hash,
	technicianId: row.technician_id,
	createdAt: Number(row.created_at),
	disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
});
export const sessionOf = (row: SessionRow): SessionRecord => ({
	hash: row.hash,
	userId: row.user_id,
	createdAt: Number(row.created_at),
	expiresAt: Number(row.expires_at),
});

export class SqliteConsoleStore implements ConsoleStore {
	constructor(private readonly db: Database) {
		migrateSqliteSchema(db, SCHEMA);
	}
	async createUser(user: UserRecord): Promise<void> {
		try {
			this.db
				.prepare(
					"INSERT INTO console_users (id, username, display_name, role, password_hash, technician_id, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				)
				.run(user.id, user.username, user.displayName, user.role, user.passwordHash, user.technicianId, user.createdAt, user.disabledAt);
		} catch (error) {
			if ((error as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT")) throw usernameTaken(user.username);
			throw error;
		}
	}
	async getUser(id: string): Promise<UserRecord | undefined> {
		const row = this.db.prepare("SELECT * FROM console_users WHERE id = ?").get(id) as UserRow | undefined;
		return row && userOf(row);
	}
	async findUserByUsername(username: string): Promise<UserRecord | undefined> {
		const row = this.db.prepare("SELECT * FROM console_users WHERE username = ?").get(username) as UserRow | undefined;
		return row && userOf(row);
	}
	async listUsers(): Promise<UserRecord[]> {
		return (this.db.prepare("SELECT * FROM console_users ORDER BY username").all() as UserRow[]).map(userOf);
	}
	async setUserDisabled(id: string, at: number | null): Promise<UserRecord | undefined> {
		this.db.transaction(() => {
			this.db.prepare("UPDATE console_users SET disabled_at = CASE WHEN ? IS NULL THEN NULL ELSE COALESCE(disabled_at, ?) END WHERE id = ?").run(at, at, id);
			if (at !== null) this.db.prepare("DELETE FROM console_sessions WHERE user_id = ?").run(id);
		})();
		return this.getUser(id);
	}
	async createSession(session: SessionRecord): Promise<void> {
		this.db
			.prepare("INSERT INTO console_sessions (hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.run(session.hash, session.userId, session.createdAt, session.expiresAt);
	}
	async findSession(hash: string): Promise<SessionRecord | undefined> {
		const row = this.db.prepare("SELECT * FROM console_sessions WHERE hash = ?").get(hash) as SessionRow | undefined;
		return row && sessionOf(row);
	}
	async deleteSession(hash: string): Promise<void> {
		this.db.prepare("DELETE FROM console_sessions WHERE hash = ?").run(hash);
	}
	async purgeExpiredSessions(now: number): Promise<number> {
		return this.db.prepare("DELETE FROM console_sessions WHERE expires_at <= ?").run(now).changes;
	}
	/** The connection belongs to the billing storage, which closes it. */
	async close(): Promise<void> {}
}
