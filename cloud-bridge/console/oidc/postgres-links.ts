/**
 * OIDC links in PostgreSQL, on the billing service's pool, migrated once on first use (steps in
 * console_oidc_schema_version; only append). pg is loaded on first use, as in the user store.
 */
import { ErrorCodes } from "../../../platform/errors.js";
import type { MigrationPlan, Pool } from "../../../platform/postgres.js";
import { linkTaken, type OidcLink, type OidcLinkStore } from "./link-store.js";
import { type LinkRow, linkOf } from "./sqlite-links.js";

const PLAN: MigrationPlan = {
	table: "console_oidc_schema_version",
	errorCode: ErrorCodes.FC_BILLING_STORE,
	what: "console OIDC links",
	migrations: [
		{
			version: 1,
			description: "console OIDC links",
			async up(client) {
				await client.query(`
					CREATE TABLE console_oidc_links (
						issuer TEXT NOT NULL,
						subject TEXT NOT NULL,
						user_id TEXT NOT NULL REFERENCES console_users (id),
						created_at BIGINT NOT NULL,
						PRIMARY KEY (issuer, subject)
					);
					CREATE INDEX console_oidc_links_user ON console_oidc_links (user_id);
				`);
			},
		},
	],
};

export class PostgresOidcLinkStore implements OidcLinkStore {
	private ready: Promise<unknown> | undefined;
	/** `before` makes the console user tables exist first (the user store migrates them). */
	constructor(
		private readonly pool: Pool,
		private readonly before: () => Promise<unknown>,
	) {}

	private async query<R extends object>(doing: string, sql: string, params: unknown[]): Promise<{ rows: R[]; rowCount: number }> {
		const { migratePostgres, sqlState, storeError } = await import("../../../platform/postgres.js");
		this.ready ??= this.before()
			.then(() => migratePostgres(this.pool, PLAN))
			.catch((error) => {
				this.ready = undefined;
				throw error;
			});
		await this.ready;
		try {
			const result = await this.pool.query<R>(sql, params);
			return { rows: result.rows, rowCount: result.rowCount ?? 0 };
		} catch (error) {
			if (sqlState(error) === "23505" && doing === "linking an OIDC subject") throw linkTaken(params[0] as string, params[1] as string);
			throw storeError(error, doing);
		}
	}
	async link(link: OidcLink): Promise<void> {
		await this.query("linking an OIDC subject", "INSERT INTO console_oidc_links (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)", [
			link.issuer,
			link.subject,
			link.userId,
			link.createdAt,
		]);
	}
	async find(issuer: string, subject: string): Promise<OidcLink | undefined> {
		const { rows } = await this.query<LinkRow>("reading an OIDC link", "SELECT * FROM console_oidc_links WHERE issuer = $1 AND subject = $2", [
			issuer,
			subject,
		]);
		return rows[0] && linkOf(rows[0]);
	}
	async linksOf(userId: string): Promise<OidcLink[]> {
		const { rows } = await this.query<LinkRow>("reading OIDC links", "SELECT * FROM console_oidc_links WHERE user_id = $1 ORDER BY issuer, subject", [userId]);
		return rows.map(linkOf);
	}
	async unlink(issuer: string, subject: string): Promise<boolean> {
		const { rowCount } = await this.query("removing an OIDC link", "DELETE FROM console_oidc_links WHERE issuer = $1 AND subject = $2", [issuer, subject]);
		return rowCount > 0;
	}
}
