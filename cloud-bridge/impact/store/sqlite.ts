/**
 * Impact storage in SQLite, beside the model and billing tables in the same file and connection.
 * Its own numbered steps, recorded in `impact_schema_version` (sqlite-migrations below).
 */
import type { Database } from "better-sqlite3";
import type { Policy, PolicyKind } from "../../../model/policies/types.js";
import { ErrorCodes } from "../../../platform/errors.js";
import { migrateSqliteSchema, type SqliteSchema } from "../../../platform/sqlite-migrations.js";
import type { ImpactPreview, PackApproval } from "../plan-types.js";
import { alreadyApplied, notFirstVersion, policyExists, policyIdTaken } from "./errors.js";
import type { ImpactStore, SigningKeyRecord } from "./types.js";

export const SQLITE_IMPACT_SCHEMA: SqliteSchema = {
	what: "the impact tables",
	errorCode: ErrorCodes.FC_STORE_OPEN,
	table: "impact_schema_version",
	migrations: [
		{
			version: 1,
			description: "policy versions, impact previews, pack approvals, the pack-signing key",
			up(db) {
				db.exec(`
					CREATE TABLE impact_policies (
						id TEXT NOT NULL,
						version INTEGER NOT NULL,
						kind TEXT NOT NULL,
						body TEXT NOT NULL CHECK (json_valid(body)),
						created_at INTEGER NOT NULL,
						PRIMARY KEY (id, version)
					);
					CREATE TABLE impact_previews (
						id TEXT PRIMARY KEY,
						created_at INTEGER NOT NULL,
						created_by TEXT NOT NULL,
						body TEXT NOT NULL CHECK (json_valid(body)),
						applied_at INTEGER,
						applied_by TEXT
					);
					CREATE TABLE impact_approvals (
						seq INTEGER PRIMARY KEY AUTOINCREMENT,
						preview_id TEXT NOT NULL,
						body TEXT NOT NULL CHECK (json_valid(body))
					);
					CREATE INDEX impact_approvals_preview ON impact_approvals (preview_id, seq);
					CREATE TABLE impact_keys (
						id TEXT PRIMARY KEY,
						private_pem TEXT NOT NULL,
						public_pem TEXT NOT NULL,
						created_at INTEGER NOT NULL
					);
				`);
			},
		},
	],
};

export class SqliteImpactStore implements ImpactStore {
	constructor(private readonly db: Database) {
		migrateSqliteSchema(db, SQLITE_IMPACT_SCHEMA);
	}

	async putPolicies(policies: readonly Policy[]): Promise<void> {
		const insert = this.db.prepare("INSERT INTO impact_policies (id, version, kind, body, created_at) VALUES (?, ?, ?, ?, ?)");
		const exists = this.db.prepare("SELECT 1 FROM impact_policies WHERE id = ? AND version = ?");
		this.db.transaction(() => {
			for (const p of policies) {
				if (exists.get(p.id, p.version)) throw policyExists(p.id, p.version);
				insert.run(p.id, p.version, p.kind, JSON.stringify(p), p.createdAt);
			}
		})();
	}

	async createPolicy(policy: Policy): Promise<void> {
		if (policy.version !== 1) throw notFirstVersion(policy.id, policy.version);
		// One statement: the existence check and the insert cannot be split by another writer.
		const result = this.db
			.prepare(
				"INSERT INTO impact_policies (id, version, kind, body, created_at) SELECT ?, 1, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM impact_policies WHERE id = ?)",
			)
			.run(policy.id, policy.kind, JSON.stringify(policy), policy.createdAt, policy.id);
		if (result.changes !== 1) throw policyIdTaken(policy.id);
	}

	async latestPolicies(kind?: PolicyKind): Promise<Policy[]> {
		const rows = this.db
			.prepare(
				"SELECT body FROM impact_policies p WHERE version = (SELECT MAX(version) FROM impact_policies q WHERE q.id = p.id) AND (? IS NULL OR kind = ?) ORDER BY id",
			)
			.all(kind ?? null, kind ?? null) as { body: string }[];
		return rows.map((r) => JSON.parse(r.body));
	}

	async policyVersions(id: string): Promise<Policy[]> {
		const rows = this.db.prepare("SELECT body FROM impact_policies WHERE id = ? ORDER BY version").all(id) as { body: string }[];
		return rows.map((r) => JSON.parse(r.body));
	}

	async putPreview(preview: ImpactPreview): Promise<void> {
		const { applied, ...rest } = preview;
		this.db
			.prepare("INSERT INTO impact_previews (id, created_at, created_by, body, applied_at, applied_by) VALUES (?, ?, ?, ?, ?, ?)")
			.run(preview.id, preview.createdAt, preview.createdBy, JSON.stringify(rest), applied?.at ?? null, applied?.by ?? null);
	}

	async getPreview(id: string): Promise<ImpactPreview | undefined> {
		const row = this.db.prepare("SELECT body, applied_at, applied_by FROM impact_previews WHERE id = ?").get(id) as
			| { body: string; applied_at: number | null; applied_by: string | null }
			| undefined;
		if (!row) return undefined;
		return { ...JSON.parse(row.body), applied: row.applied_at === null ? null : { at: row.applied_at, by: row.applied_by } };
	}

	async claimApply(id: string, by: string, at: number): Promise<void> {
		const result = this.db.prepare("UPDATE impact_previews SET applied_at = ?, applied_by = ? WHERE id = ? AND applied_at IS NULL").run(at, by, id);
		if (result.changes !== 1) throw alreadyApplied(id);
	}

	async releaseApply(id: string): Promise<void> {
		this.db.prepare("UPDATE impact_previews SET applied_at = NULL, applied_by = NULL WHERE id = ?").run(id);
	}

	async addApproval(previewId: string, approval: PackApproval): Promise<void> {
		this.db.prepare("INSERT INTO impact_approvals (preview_id, body) VALUES (?, ?)").run(previewId, JSON.stringify(approval));
	}

	async approvals(previewId: string): Promise<PackApproval[]> {
		const rows = this.db.prepare("SELECT body FROM impact_approvals WHERE preview_id = ? ORDER BY seq").all(previewId) as { body: string }[];
		return rows.map((r) => JSON.parse(r.body));
	}

	async signingKey(create: () => SigningKeyRecord): Promise<SigningKeyRecord> {
		const read = () =>
			this.db.prepare("SELECT id, private_pem, public_pem, created_at FROM impact_keys ORDER BY created_at, id LIMIT 1").get() as
				| { id: string; private_pem: string; public_pem: string; created_at: number }
				| undefined;
		let row = read();
		if (!row) {
			const k = create();
			this.db
				.prepare("INSERT OR IGNORE INTO impact_keys (id, private_pem, public_pem, created_at) VALUES (?, ?, ?, ?)")
				.run(k.id, k.privateKeyPem, k.publicKeyPem, k.createdAt);
			row = read();
		}
		const r = row as NonNullable<typeof row>;
		return { id: r.id, privateKeyPem: r.private_pem, publicKeyPem: r.public_pem, createdAt: r.created_at };
	}

	async close(): Promise<void> {}
}
