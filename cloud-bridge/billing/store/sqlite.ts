/**
 * The SQLite BillingStore (better-sqlite3). It can share one connection, and so one file and one
 * transaction log, with the model's SqliteRepository: `cloud serve --db FILE` keeps everything in
 * one database.
 */
import BetterSqlite3, { type Database } from "better-sqlite3";
import type { OutboxMessage } from "../../../model/repository/types.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import { assertAppendable, nextHead } from "./append-checks.js";
import type { AcknowledgeGapInput } from "./chain-gaps.js";
import { SqliteChainGaps } from "./chain-gaps-sqlite.js";
import type { StoredManifest } from "./manifests.js";
import { SqliteManifests } from "./manifests-sqlite.js";
import { reissueRefusal } from "./reissue-check.js";
import { migrateBillingSchema } from "./sqlite-migrations.js";
import {
	type ApiTokenRecord,
	type AppendChainInput,
	type BatchReceiptRecord,
	type BillingStore,
	type ChainHead,
	type CompleteEnrollmentInput,
	type EnrollmentRecord,
	type EnrollOutcome,
	type GatewayRecord,
	type KeysetPage,
	type ReissueEnrollmentInput,
	type ReissueOutcome,
	type SchedulePlanRecord,
	type Scope,
	type StoredChainRecord,
	ZERO_HASH_HEX,
} from "./types.js";

interface TokenRow {
	id: string;
	name: string;
	hash: string;
	scopes: string;
	gateway_id: string | null;
	created_at: number;
	revoked_at: number | null;
	expires_at: number | null;
	last_used_at: number | null;
}

interface GatewayRow {
	id: string;
	public_key: string;
	key_id: string;
	enrolled_at: number;
	revoked_at: number | null;
	technician_ids: string;
}

interface RecordRow {
	chain_seq: number;
	record_id: string;
	work_order_id: string;
	content_hash: string;
	entry_hash: string;
	bytes: Buffer;
}

const tokenOf = (row: TokenRow): ApiTokenRecord => ({
	id: row.id,
	name: row.name,
	hash: row.hash,
	scopes: JSON.parse(row.scopes) as Scope[],
	gatewayId: row.gateway_id,
	createdAt: row.created_at,
	revokedAt: row.revoked_at,
	expiresAt: row.expires_at,
	lastUsedAt: row.last_used_at,
});

const gatewayOf = (row: GatewayRow): GatewayRecord => ({
	id: row.id,
	publicKey: row.public_key,
	keyId: row.key_id,
	enrolledAt: row.enrolled_at,
	revokedAt: row.revoked_at,
	technicianIds: JSON.parse(row.technician_ids) as string[],
});

export class SqliteBillingStore implements BillingStore {
	readonly db: Database;
	private readonly ownsDb: boolean;
	private readonly sql;
	private readonly chainGaps: SqliteChainGaps;
	private readonly manifests: SqliteManifests;

	/** A path opens (and owns) a connection; a Database shares the caller's (the repository's). */
	constructor(pathOrDb: string | Database) {
		this.ownsDb = typeof pathOrDb === "string";
		try {
			this.db = typeof pathOrDb === "string" ? new BetterSqlite3(pathOrDb) : pathOrDb;
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot open SQLite database ${String(pathOrDb)}.`, {
				cause,
				hint: "Check the path and that its directory exists.",
			});
		}
		if (this.ownsDb) {
			this.db.pragma("journal_mode = WAL");
			this.db.pragma("synchronous = NORMAL");
			this.db.pragma("busy_timeout = 5000");
		}
		migrateBillingSchema(this.db);
		this.chainGaps = new SqliteChainGaps(this.db);
		this.manifests = new SqliteManifests(this.db);
		const db = this.db;
		this.sql = {
			insertToken: db.prepare(
				"INSERT INTO billing_tokens (id, name, hash, scopes, gateway_id, created_at, revoked_at, expires_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
			),
			tokens: db.prepare<[], TokenRow>("SELECT * FROM billing_tokens ORDER BY created_at, id"),
			tokensAfter: db.prepare<[number, number, string, number], TokenRow>(
				"SELECT * FROM billing_tokens WHERE created_at > ? OR (created_at = ? AND id > ?) ORDER BY created_at, id LIMIT ?",
			),
			tokenById: db.prepare<[string], TokenRow>("SELECT * FROM billing_tokens WHERE id = ?"),
			revokeToken: db.prepare("UPDATE billing_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"),
			touchToken: db.prepare("UPDATE billing_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"),
			tokenByHash: db.prepare<[string], TokenRow>("SELECT * FROM billing_tokens WHERE hash = ?"),
			countTokens: db.prepare("SELECT COUNT(*) FROM billing_tokens WHERE revoked_at IS NULL").pluck(),
			insertEnrollment: db.prepare("INSERT INTO billing_enrollments (id, hash, created_at, expires_at, used_at, gateway_id) VALUES (?, ?, ?, ?, ?, ?)"),
			enrollmentByHash: db.prepare<[string], { expires_at: number; used_at: number | null; gateway_id: string | null }>(
				"SELECT expires_at, used_at, gateway_id FROM billing_enrollments WHERE hash = ?",
			),
			useEnrollment: db.prepare("UPDATE billing_enrollments SET used_at = ?, gateway_id = ? WHERE hash = ? AND used_at IS NULL"),
			insertGateway: db.prepare("INSERT INTO billing_gateways (id, public_key, key_id, enrolled_at, revoked_at, technician_ids) VALUES (?, ?, ?, ?, ?, ?)"),
			bindGateway: db.prepare("UPDATE billing_gateways SET technician_ids = ? WHERE id = ?"),
			gateway: db.prepare<[string], GatewayRow>("SELECT * FROM billing_gateways WHERE id = ?"),
			gateways: db.prepare<[], GatewayRow>("SELECT * FROM billing_gateways ORDER BY id"),
			gatewaysFirst: db.prepare<[number], GatewayRow>("SELECT * FROM billing_gateways ORDER BY id LIMIT ?"),
			gatewaysAfter: db.prepare<[string, number], GatewayRow>("SELECT * FROM billing_gateways WHERE id > ? ORDER BY id LIMIT ?"),
			revokeGateway: db.prepare("UPDATE billing_gateways SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"),
			revokeGatewayTokens: db.prepare("UPDATE billing_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE gateway_id = ?"),
			head: db.prepare<[string], { head_seq: number; head_hash: string; sealed_up_to: number }>(
				"SELECT head_seq, head_hash, sealed_up_to FROM billing_chain_heads WHERE gateway_id = ?",
			),
			upsertHead: db.prepare(
				"INSERT INTO billing_chain_heads (gateway_id, head_seq, head_hash, sealed_up_to) VALUES (?, ?, ?, ?) ON CONFLICT (gateway_id) DO UPDATE SET head_seq = excluded.head_seq, head_hash = excluded.head_hash, sealed_up_to = excluded.sealed_up_to",
			),
			records: db.prepare<[string, number, number], RecordRow>(
				"SELECT chain_seq, record_id, work_order_id, content_hash, entry_hash, bytes FROM billing_chain_records WHERE gateway_id = ? AND chain_seq BETWEEN ? AND ? ORDER BY chain_seq",
			),
			insertRecord: db.prepare(
				"INSERT INTO billing_chain_records (gateway_id, chain_seq, record_id, work_order_id, content_hash, entry_hash, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)",
			),
			insertCheckpoint: db.prepare("INSERT OR IGNORE INTO billing_checkpoints (gateway_id, chain_seq, key_id, bytes) VALUES (?, ?, ?, ?)"),
			insertReceipt: db.prepare("INSERT OR IGNORE INTO billing_batches (gateway_id, batch_id, digest, received_at, receipt) VALUES (?, ?, ?, ?, ?)"),
			receipt: db.prepare<[string, string], { digest: string; received_at: number; receipt: string }>(
				"SELECT digest, received_at, receipt FROM billing_batches WHERE gateway_id = ? AND batch_id = ?",
			),
			insertOutbox: db.prepare("INSERT INTO billing_outbox (id, type, occurred_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
			pendingOutbox: db.prepare<[number], { id: string; type: string; occurred_at: string; data: string }>(
				"SELECT id, type, occurred_at, data FROM billing_outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT ?",
			),
			markOutbox: db.prepare("UPDATE billing_outbox SET relayed_at = ? WHERE id = ? AND relayed_at IS NULL"),
			insertPlan: db.prepare(
				"INSERT INTO billing_schedule_plans (id, created_at, created_by, basis, applied_at, applied_by, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
			),
			plan: db.prepare<
				[string],
				{ id: string; created_at: number; created_by: string; basis: string; applied_at: number | null; applied_by: string | null; body: string }
			>("SELECT * FROM billing_schedule_plans WHERE id = ?"),
			applyPlan: db.prepare("UPDATE billing_schedule_plans SET applied_at = ?, applied_by = ? WHERE id = ? AND applied_at IS NULL"),
		};
	}

	private open(): Database {
		if (!this.db.open) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The billing store is closed.");
		return this.db;
	}

	private insertToken(token: ApiTokenRecord): void {
		try {
			this.sql.insertToken.run(
				token.id,
				token.name,
				token.hash,
				JSON.stringify(token.scopes),
				token.gatewayId,
				token.createdAt,
				token.revokedAt,
				token.expiresAt ?? null,
				token.lastUsedAt ?? null,
			);
		} catch (cause) {
			if ((cause as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT")) {
				throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Token ${token.id} already exists.`, { cause });
			}
			throw cause;
		}
	}

	async createToken(token: ApiTokenRecord): Promise<void> {
		this.open();
		this.insertToken(token);
	}

	async findTokenByHash(hash: string): Promise<ApiTokenRecord | undefined> {
		this.open();
		const row = this.sql.tokenByHash.get(hash);
		return row && tokenOf(row);
	}

	async countTokens(): Promise<number> {
		this.open();
		return this.sql.countTokens.get() as number;
	}

	async listTokens(page?: KeysetPage<readonly [number, string]>): Promise<ApiTokenRecord[]> {
		this.open();
		if (!page) return this.sql.tokens.all().map(tokenOf);
		// Keyset: the rows after the last one shown, in the list's order; LIMIT in the query.
		const [createdAt, id] = page.after ?? [Number.MIN_SAFE_INTEGER, ""];
		return this.sql.tokensAfter.all(createdAt, createdAt, id, page.limit).map(tokenOf);
	}

	async revokeToken(id: string, now: number): Promise<ApiTokenRecord | undefined> {
		this.open();
		this.sql.revokeToken.run(now, id);
		const row = this.sql.tokenById.get(id);
		return row && tokenOf(row);
	}

	async touchToken(id: string, at: number): Promise<void> {
		this.open();
		this.sql.touchToken.run(at, id, at);
	}

	async createEnrollment(enrollment: EnrollmentRecord): Promise<void> {
		this.open();
		try {
			this.sql.insertEnrollment.run(enrollment.id, enrollment.hash, enrollment.createdAt, enrollment.expiresAt, enrollment.usedAt, enrollment.gatewayId);
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Enrollment ${enrollment.id} already exists.`, { cause });
		}
	}

	async completeEnrollment(input: CompleteEnrollmentInput): Promise<EnrollOutcome> {
		return this.open()
			.transaction((): EnrollOutcome => {
				const enrollment = this.sql.enrollmentByHash.get(input.enrollmentHash);
				if (!enrollment) return { ok: false, reason: "unknown" };
				if (enrollment.used_at !== null) return { ok: false, reason: "used" };
				if (input.now >= enrollment.expires_at) return { ok: false, reason: "expired" };
				if (this.sql.gateway.get(input.gateway.id)) return { ok: false, reason: "gateway-exists" };
				this.sql.useEnrollment.run(input.now, input.gateway.id, input.enrollmentHash);
				const g = input.gateway;
				this.sql.insertGateway.run(g.id, g.publicKey, g.keyId, g.enrolledAt, g.revokedAt, JSON.stringify(g.technicianIds));
				this.insertToken(input.token);
				return { ok: true, gateway: { ...g, technicianIds: [...g.technicianIds] } };
			})
			.immediate();
	}

	async reissueEnrollment(input: ReissueEnrollmentInput): Promise<ReissueOutcome> {
		return this.open()
			.transaction((): ReissueOutcome => {
				const enrollment = this.sql.enrollmentByHash.get(input.enrollmentHash);
				const row = this.sql.gateway.get(input.gatewayId);
				const gateway = row && gatewayOf(row);
				const refusal = reissueRefusal(
					enrollment && { expiresAt: enrollment.expires_at, gatewayId: enrollment.gateway_id },
					gateway,
					input.gatewayId,
					input.now,
				);
				if (refusal || !gateway) return refusal ?? { ok: false, reason: "not-this-gateway" };
				this.sql.revokeGatewayTokens.run(input.now, input.gatewayId);
				this.insertToken(input.token);
				return { ok: true, gateway };
			})
			.immediate();
	}

	async getGateway(id: string): Promise<GatewayRecord | undefined> {
		this.open();
		const row = this.sql.gateway.get(id);
		return row && gatewayOf(row);
	}

	async listGateways(page?: KeysetPage<readonly [string]>): Promise<GatewayRecord[]> {
		this.open();
		if (!page) return this.sql.gateways.all().map(gatewayOf);
		return page.after ? this.sql.gatewaysAfter.all(page.after[0], page.limit).map(gatewayOf) : this.sql.gatewaysFirst.all(page.limit).map(gatewayOf);
	}

	async bindGateway(id: string, technicianIds: readonly string[]): Promise<GatewayRecord | undefined> {
		this.open();
		this.sql.bindGateway.run(JSON.stringify(technicianIds), id);
		const row = this.sql.gateway.get(id);
		return row && gatewayOf(row);
	}

	async revokeGateway(id: string, now: number): Promise<GatewayRecord | undefined> {
		return this.open().transaction(() => {
			if (!this.sql.gateway.get(id)) return undefined;
			this.sql.revokeGateway.run(now, id);
			this.sql.revokeGatewayTokens.run(now, id);
			const row = this.sql.gateway.get(id);
			return row && gatewayOf(row);
		})();
	}

	private headOf(gatewayId: string): ChainHead {
		const row = this.sql.head.get(gatewayId);
		return row
			? { gatewayId, headSeq: row.head_seq, headHash: row.head_hash, sealedUpTo: row.sealed_up_to }
			: { gatewayId, headSeq: 0, headHash: ZERO_HASH_HEX, sealedUpTo: 0 };
	}

	async getChainHead(gatewayId: string): Promise<ChainHead> {
		this.open();
		return this.headOf(gatewayId);
	}

	async getChainRecords(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredChainRecord[]> {
		this.open();
		return this.sql.records.all(gatewayId, fromSeq, toSeq).map((row) => ({
			chainSeq: row.chain_seq,
			recordId: row.record_id,
			workOrderId: row.work_order_id,
			contentHash: row.content_hash,
			entryHash: row.entry_hash,
			bytes: new Uint8Array(row.bytes),
		}));
	}

	async appendChain(input: AppendChainInput): Promise<ChainHead> {
		return this.open()
			.transaction(() => {
				const stored = this.headOf(input.gatewayId);
				assertAppendable(input, stored);
				for (const r of input.records) this.sql.insertRecord.run(input.gatewayId, r.chainSeq, r.recordId, r.workOrderId, r.contentHash, r.entryHash, r.bytes);
				for (const c of input.checkpoints) this.sql.insertCheckpoint.run(input.gatewayId, c.chainSeq, c.keyId, c.bytes);
				const head = nextHead(input, stored);
				this.sql.upsertHead.run(input.gatewayId, head.headSeq, head.headHash, head.sealedUpTo);
				const receipt = input.receipt;
				if (receipt) this.sql.insertReceipt.run(receipt.gatewayId, receipt.batchId, receipt.digest, receipt.receivedAt, JSON.stringify(receipt.receipt));
				// The events commit with the records they announce, or not at all.
				for (const m of input.outbox ?? []) this.sql.insertOutbox.run(m.id, m.type, m.occurredAt, JSON.stringify(m.data));
				return head;
			})
			.immediate();
	}

	async getBatchReceipt(gatewayId: string, batchId: string): Promise<BatchReceiptRecord | undefined> {
		this.open();
		const row = this.sql.receipt.get(gatewayId, batchId);
		return row && { gatewayId, batchId, digest: row.digest, receivedAt: row.received_at, receipt: JSON.parse(row.receipt) as Record<string, unknown> };
	}

	async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
		this.open();
		return this.sql.pendingOutbox
			.all(limit)
			.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurred_at, data: JSON.parse(r.data) as Record<string, unknown> }));
	}

	async markOutboxRelayed(ids: readonly string[], now: number): Promise<void> {
		this.open().transaction(() => {
			for (const id of ids) this.sql.markOutbox.run(now, id);
		})();
	}

	async createSchedulePlan(plan: SchedulePlanRecord): Promise<void> {
		this.open();
		try {
			this.sql.insertPlan.run(plan.id, plan.createdAt, plan.createdBy, plan.basis, plan.appliedAt, plan.appliedBy, JSON.stringify(plan.body));
		} catch (cause) {
			if ((cause as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT"))
				throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Schedule plan ${plan.id} already exists.`, { cause });
			throw cause;
		}
	}

	async getSchedulePlan(id: string): Promise<SchedulePlanRecord | undefined> {
		this.open();
		const row = this.sql.plan.get(id);
		return (
			row && {
				id: row.id,
				createdAt: row.created_at,
				createdBy: row.created_by,
				basis: row.basis,
				appliedAt: row.applied_at,
				appliedBy: row.applied_by,
				body: JSON.parse(row.body) as Record<string, unknown>,
			}
		);
	}

	async markSchedulePlanApplied(id: string, at: number, by: string): Promise<boolean> {
		this.open();
		return this.sql.applyPlan.run(at, by, id).changes === 1;
	}

	// Chain gaps and the bundle look-ups (chain-gaps.ts), kept in a file of their own.
	noteChainGap(gatewayId: string, fromSeq: number, toSeq: number, at: number) {
		this.open();
		return this.chainGaps.noteChainGap(gatewayId, fromSeq, toSeq, at);
	}
	listChainGaps(gatewayId: string) {
		this.open();
		return this.chainGaps.listChainGaps(gatewayId);
	}
	acknowledgeChainGap(input: AcknowledgeGapInput) {
		this.open();
		return this.chainGaps.acknowledgeChainGap(input);
	}
	getCheckpoints(gatewayId: string, fromSeq: number, toSeq: number) {
		this.open();
		return this.chainGaps.getCheckpoints(gatewayId, fromSeq, toSeq);
	}
	workOrderChainPositions(workOrderId: string) {
		this.open();
		return this.chainGaps.workOrderChainPositions(workOrderId);
	}
	// Work-order manifests of the gateways' checkpoints (manifests.ts), kept in a file of their own.
	putManifests(manifests: readonly StoredManifest[]) {
		this.open();
		return this.manifests.putManifests(manifests);
	}
	getManifests(gatewayId: string, checkpointSeq: number) {
		this.open();
		return this.manifests.getManifests(gatewayId, checkpointSeq);
	}

	async close(): Promise<void> {
		if (this.ownsDb && this.db.open) this.db.close();
	}
}
