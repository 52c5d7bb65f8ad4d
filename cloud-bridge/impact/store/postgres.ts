/**
 * Impact storage in PostgreSQL, on the billing service's pool, with its own numbered steps recorded
 * in `impact_schema_version`.
 */
import type { Policy, PolicyKind } from "../../../model/policies/types.js";
import { ErrorCodes } from "../../../platform/errors.js";
import { inTransaction, migratePostgres, type Pool, type PostgresMigration, sqlState, storeError } from "../../../platform/postgres.js";
import type { ImpactPreview, PackApproval } from "../plan-types.js";
import { alreadyApplied, notFirstVersion, policyExists, policyIdTaken } from "./errors.js";
import type { ImpactStore, SigningKeyRecord } from "./types.js";

export const POSTGRES_IMPACT_MIGRATIONS: readonly PostgresMigration[] = [
	{
		version: 1,
		description: "policy versions, impact previews, pack approvals, the pack-signing key",
		async up(client) {
			await client.query(`
				CREATE TABLE impact_policies (
					id TEXT COLLATE "C" NOT NULL,
					version INTEGER NOT NULL,
					kind TEXT NOT NULL,
					body JSONB NOT NULL,
					created_at BIGINT NOT NULL,
					PRIMARY KEY (id, version)
				);
				CREATE TABLE impact_previews (
					id TEXT COLLATE "C" PRIMARY KEY,
					created_at BIGINT NOT NULL,
					created_by TEXT NOT NULL,
					body JSONB NOT NULL,
					applied_at BIGINT,
					applied_by TEXT
				);
				CREATE TABLE impact_approvals (
					seq BIGSERIAL PRIMARY KEY,
					preview_id TEXT NOT NULL,
					body JSONB NOT NULL
				);
				CREATE INDEX impact_approvals_preview ON impact_approvals (preview_id, seq);
				CREATE TABLE impact_keys (
					id TEXT PRIMARY KEY,
					private_pem TEXT NOT NULL,
					public_pem TEXT NOT NULL,
					created_at BIGINT NOT NULL
				);
			`);
		},
	},
];

export class PostgresImpactStore implements ImpactStore {
	private constructor(private readonly pool: Pool) {}

	static async open(pool: Pool): Promise<PostgresImpactStore> {
		await migratePostgres(pool, {
			table: "impact_schema_version",
			migrations: POSTGRES_IMPACT_MIGRATIONS,
			errorCode: ErrorCodes.FC_STORE_OPEN,
			what: "impact",
		});
		return new PostgresImpactStore(pool);
	}

	private async query<R>(sql: string, params: unknown[], doing: string): Promise<R[]> {
		try {
			return (await this.pool.query(sql, params)).rows as R[];
		} catch (error) {
			throw storeError(error, doing);
		}
	}

	async putPolicies(policies: readonly Policy[]): Promise<void> {
		await inTransaction(this.pool, async (client) => {
			for (const p of policies) {
				try {
					await client.query("INSERT INTO impact_policies (id, version, kind, body, created_at) VALUES ($1, $2, $3, $4, $5)", [
						p.id,
						p.version,
						p.kind,
						JSON.stringify(p),
						p.createdAt,
					]);
				} catch (error) {
					if (sqlState(error) === "23505") throw policyExists(p.id, p.version);
					throw storeError(error, "storing policy versions");
				}
			}
		});
	}

	async createPolicy(policy: Policy): Promise<void> {
		if (policy.version !== 1) throw notFirstVersion(policy.id, policy.version);
		let inserted: unknown[];
		try {
			// A concurrent create of the same id meets the (id, version) key: 23505, the same refusal.
			inserted = (
				await this.pool.query(
					"INSERT INTO impact_policies (id, version, kind, body, created_at) SELECT $1, 1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM impact_policies WHERE id = $1) RETURNING id",
					[policy.id, policy.kind, JSON.stringify(policy), policy.createdAt],
				)
			).rows;
		} catch (error) {
			if (sqlState(error) === "23505") throw policyIdTaken(policy.id);
			throw storeError(error, "creating a policy");
		}
		if (inserted.length !== 1) throw policyIdTaken(policy.id);
	}

	async latestPolicies(kind?: PolicyKind): Promise<Policy[]> {
		const rows = await this.query<{ body: Policy }>(
			"SELECT DISTINCT ON (id) body FROM impact_policies WHERE ($1::text IS NULL OR kind = $1) ORDER BY id, version DESC",
			[kind ?? null],
			"reading policies",
		);
		return rows.map((r) => r.body);
	}

	async policyVersions(id: string): Promise<Policy[]> {
		const rows = await this.query<{ body: Policy }>("SELECT body FROM impact_policies WHERE id = $1 ORDER BY version", [id], "reading policy versions");
		return rows.map((r) => r.body);
	}

	async putPreview(preview: ImpactPreview): Promise<void> {
		const { applied, ...rest } = preview;
		await this.query(
			"INSERT INTO impact_previews (id, created_at, created_by, body, applied_at, applied_by) VALUES ($1, $2, $3, $4, $5, $6)",
			[preview.id, preview.createdAt, preview.createdBy, JSON.stringify(rest), applied?.at ?? null, applied?.by ?? null],
			"storing an impact preview",
		);
	}

	async getPreview(id: string): Promise<ImpactPreview | undefined> {
		const rows = await this.query<{ body: Omit<ImpactPreview, "applied">; applied_at: string | null; applied_by: string | null }>(
			"SELECT body, applied_at, applied_by FROM impact_previews WHERE id = $1",
			[id],
			"reading an impact preview",
		);
		const row = rows[0];
		if (!row) return undefined;
		return { ...row.body, applied: row.applied_at === null ? null : { at: Number(row.applied_at), by: row.applied_by as string } };
	}

	async claimApply(id: string, by: string, at: number): Promise<void> {
		const rows = await this.query(
			"UPDATE impact_previews SET applied_at = $1, applied_by = $2 WHERE id = $3 AND applied_at IS NULL RETURNING id",
			[at, by, id],
			"claiming an impact preview",
		);
		if (rows.length !== 1) throw alreadyApplied(id);
	}

	async releaseApply(id: string): Promise<void> {
		await this.query("UPDATE impact_previews SET applied_at = NULL, applied_by = NULL WHERE id = $1", [id], "releasing an impact preview");
	}

	async addApproval(previewId: string, approval: PackApproval): Promise<void> {
		await this.query("INSERT INTO impact_approvals (preview_id, body) VALUES ($1, $2)", [previewId, JSON.stringify(approval)], "recording a pack approval");
	}

	async approvals(previewId: string): Promise<PackApproval[]> {
		const rows = await this.query<{ body: PackApproval }>(
			"SELECT body FROM impact_approvals WHERE preview_id = $1 ORDER BY seq",
			[previewId],
			"reading pack approvals",
		);
		return rows.map((r) => r.body);
	}

	async signingKey(create: () => SigningKeyRecord): Promise<SigningKeyRecord> {
		const read = async () =>
			(
				await this.query<{ id: string; private_pem: string; public_pem: string; created_at: string }>(
					"SELECT id, private_pem, public_pem, created_at FROM impact_keys ORDER BY created_at, id LIMIT 1",
					[],
					"reading the pack-signing key",
				)
			)[0];
		let row = await read();
		if (!row) {
			const k = create();
			await this.query(
				"INSERT INTO impact_keys (id, private_pem, public_pem, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
				[k.id, k.privateKeyPem, k.publicKeyPem, k.createdAt],
				"storing the pack-signing key",
			);
			row = await read();
		}
		return { id: row.id, privateKeyPem: row.private_pem, publicKeyPem: row.public_pem, createdAt: Number(row.created_at) };
	}

	async close(): Promise<void> {}
}
