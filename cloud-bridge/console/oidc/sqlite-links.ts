/**
 * OIDC links in SQLite, on the billing service's own connection. Steps are recorded in
 * console_oidc_schema_version; only append to them.
 */
import type { Database } from "better-sqlite3";
import { ErrorCodes } from "../../../platform/errors.js";
import { migrateSqliteSchema, type SqliteSchema } from "../../../platform/sqlite-migrations.js";
import { linkTaken, type OidcLink, type OidcLinkStore } from "./link-store.js";

const SCHEMA: SqliteSchema = {
	table: "console_oidc_schema_version",
	what: "the console's OIDC links",
	errorCode: ErrorCodes.FC_BILLING_STORE,
	migrations: [
		{
			version: 1,
			description: "console OIDC links",
			up: (db: Database) =>
				db.exec(`
					CREATE TABLE console_oidc_links (
						issuer TEXT NOT NULL,
						subject TEXT NOT NULL,
						user_id TEXT NOT NULL REFERENCES console_users (id),
						created_at INTEGER NOT NULL,
						PRIMARY KEY (issuer, subject)
					);
					CREATE INDEX console_oidc_links_user ON console_oidc_links (user_id);
				`),
		},
	],
};

export interface LinkRow {
	issuer: string;
	subject: string;
	user_id: string;
	created_at: number | string;
}
export const linkOf = (row: LinkRow): OidcLink => ({ issuer: row.issuer, subject: row.subject, userId: row.user_id, createdAt: Number(row.created_at) });

export class SqliteOidcLinkStore implements OidcLinkStore {
	/** The console user tables must exist first (the user store migrates them). */
	constructor(private readonly db: Database) {
		migrateSqliteSchema(db, SCHEMA);
	}
	async link(link: OidcLink): Promise<void> {
		try {
			this.db
				.prepare("INSERT INTO console_oidc_links (issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?)")
				.run(link.issuer, link.subject, link.userId, link.createdAt);
		} catch (error) {
			if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") throw linkTaken(link.issuer, link.subject);
			throw error;
		}
	}
	async find(issuer: string, subject: string): Promise<OidcLink | undefined> {
		const row = this.db.prepare("SELECT * FROM console_oidc_links WHERE issuer = ? AND subject = ?").get(issuer, subject) as LinkRow | undefined;
		return row && linkOf(row);
	}
	async linksOf(userId: string): Promise<OidcLink[]> {
		return (this.db.prepare("SELECT * FROM console_oidc_links WHERE user_id = ? ORDER BY issuer, subject").all(userId) as LinkRow[]).map(linkOf);
	}
	async unlink(issuer: string, subject: string): Promise<boolean> {
		return this.db.prepare("DELETE FROM console_oidc_links WHERE issuer = ? AND subject = ?").run(issuer, subject).changes > 0;
	}
}
