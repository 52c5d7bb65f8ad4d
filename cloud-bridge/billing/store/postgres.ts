/**
 * The PostgreSQL BillingStore (package `pg`), the same tables as the SQLite one, migrated on their
 * own (`billing_schema_version`) so they share a database with the model repository and the
 * webhook store.
 *
 * Concurrency under READ COMMITTED, with row locks where a read decides a write:
 * - appendChain locks the gateway's head row (creating it first if needed) for its statement,
 *   so appends of one gateway run one after the other, in one process or many, and a second append
 *   verified against the same head sees the moved head and is refused with FC_BILLING_CONFLICT, as
 *   in SQLite. The append is one statement and one round trip whatever its size (APPEND_CHAIN).
 * - completeEnrollment locks the enrollment row, so a token is used exactly once.
 */
import type { OutboxMessage } from "../../../model/repository/types.js";
import { ErrorCodes, FieldchainError } from "../../../platform/errors.js";
import {
	createPool,
	inTransaction,
	migratePostgres,
	type Pool,
	type PoolClient,
	type PostgresMigration,
	sqlState,
	storeError,
} from "../../../platform/postgres.js";
import { assertAppendable, headConflict } from "./append-checks.js";
import type { AcknowledgeGapInput } from "./chain-gaps.js";
import { chainGapsMigration, PostgresChainGaps } from "./chain-gaps-postgres.js";
import type { StoredManifest } from "./manifests.js";
import { manifestsMigration, PostgresManifests } from "./manifests-postgres.js";
import { reissueRefusal } from "./reissue-check.js";
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

export const POSTGRES_BILLING_MIGRATIONS: readonly PostgresMigration[] = [
	{
		version: 1,
		description: "tokens, enrollments, gateways, evidence chains, checkpoints, batch receipts",
		async up(client) {
			// Ids compare byte-wise (COLLATE "C"), so lists come in the same order as in SQLite.
			// Receipts are `json`, which keeps the text as written.
			await client.query(`
				CREATE TABLE billing_tokens (
					id TEXT COLLATE "C" PRIMARY KEY,
					name TEXT NOT NULL,
					hash TEXT NOT NULL UNIQUE,
					scopes TEXT[] NOT NULL,
					gateway_id TEXT,
					created_at BIGINT NOT NULL,
					revoked_at BIGINT
				);
				CREATE INDEX billing_tokens_gateway ON billing_tokens (gateway_id);
				CREATE TABLE billing_enrollments (
					id TEXT PRIMARY KEY,
					hash TEXT NOT NULL UNIQUE,
					created_at BIGINT NOT NULL,
					expires_at BIGINT NOT NULL,
					used_at BIGINT,
					gateway_id TEXT
				);
				CREATE TABLE billing_gateways (
					id TEXT COLLATE "C" PRIMARY KEY,
					public_key TEXT NOT NULL,
					key_id TEXT NOT NULL,
					enrolled_at BIGINT NOT NULL,
					revoked_at BIGINT
				);
				CREATE TABLE billing_chain_heads (
					gateway_id TEXT PRIMARY KEY,
					head_seq BIGINT NOT NULL,
					head_hash TEXT NOT NULL,
					sealed_up_to BIGINT NOT NULL
				);
				CREATE TABLE billing_chain_records (
					gateway_id TEXT NOT NULL,
					chain_seq BIGINT NOT NULL,
					record_id TEXT NOT NULL,
					work_order_id TEXT NOT NULL,
					content_hash TEXT NOT NULL,
					entry_hash TEXT NOT NULL,
					bytes BYTEA NOT NULL,
					PRIMARY KEY (gateway_id, chain_seq)
				);
				CREATE TABLE billing_checkpoints (
					gateway_id TEXT NOT NULL,
					chain_seq BIGINT NOT NULL,
					key_id TEXT NOT NULL,
					bytes BYTEA NOT NULL,
					PRIMARY KEY (gateway_id, chain_seq)
				);
				CREATE TABLE billing_batches (
					gateway_id TEXT NOT NULL,
					batch_id TEXT NOT NULL,
					digest TEXT NOT NULL,
					received_at BIGINT NOT NULL,
					receipt JSON NOT NULL,
					PRIMARY KEY (gateway_id, batch_id)
				);
			`);
		},
	},
	{
		version: 2,
		description: "gateways bound to the technicians they serve",
		async up(client) {
			// Gateways enrolled before the binding existed are bound to nobody until an admin binds them.
			await client.query(`ALTER TABLE billing_gateways ADD COLUMN technician_ids JSONB NOT NULL DEFAULT '[]'::jsonb`);
		},
	},
	{
		version: 3,
		description: "token expiry and last use",
		async up(client) {
			// Tokens made before expiry existed keep working (expires_at NULL) until revoked.
			await client.query("ALTER TABLE billing_tokens ADD COLUMN expires_at BIGINT, ADD COLUMN last_used_at BIGINT");
		},
	},
	{
		version: 4,
		description: "outbox of chain appends",
		async up(client) {
			// Events written in appendChain's transaction (evidence.accepted), relayed like the model's outbox.
			await client.query(`
				CREATE TABLE billing_outbox (
					seq BIGSERIAL PRIMARY KEY,
					id TEXT NOT NULL UNIQUE,
					type TEXT NOT NULL,
					occurred_at TEXT NOT NULL,
					data JSONB NOT NULL,
					relayed_at BIGINT
				);
				CREATE INDEX billing_outbox_pending ON billing_outbox (seq) WHERE relayed_at IS NULL;
			`);
		},
	},
	{
		version: 5,
		description: "schedule plans",
		async up(client) {
			// Proposed by POST /v1/schedule/plans, applied at most once; the body is the plan as the API answers it.
			await client.query(`
				CREATE TABLE billing_schedule_plans (
					id TEXT PRIMARY KEY,
					created_at BIGINT NOT NULL,
					created_by TEXT NOT NULL,
					basis TEXT NOT NULL,
					applied_at BIGINT,
					applied_by TEXT,
					body JSONB NOT NULL
				);
			`);
		},
	},
	chainGapsMigration(6),
	manifestsMigration(7),
];

export const BILLING_MIGRATION_PLAN = {
	table: "billing_schema_version",
	migrations: POSTGRES_BILLING_MIGRATIONS,
	errorCode: ErrorCodes.FC_BILLING_STORE,
	what: "billing",
} as const;

/** pg returns BIGINT as text (it may exceed 2^53); our times and sequence numbers never do. */
const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

interface TokenRow {
	id: string;
	name: string;
	hash: string;
	scopes: string[];
	gateway_id: string | null;
	created_at: string;
	revoked_at: string | null;
	expires_at: string | null;
	last_used_at: string | null;
}

interface GatewayRow {
	id: string;
	public_key: string;
	key_id: string;
	enrolled_at: string;
	revoked_at: string | null;
	technician_ids: string[];
}

const tokenOf = (row: TokenRow): ApiTokenRecord => ({
	id: row.id,
	name: row.name,
	hash: row.hash,
	scopes: row.scopes as Scope[],
	gatewayId: row.gateway_id,
	createdAt: num(row.created_at),
	revokedAt: numOrNull(row.revoked_at),
	expiresAt: numOrNull(row.expires_at),
	lastUsedAt: numOrNull(row.last_used_at),
});

const gatewayOf = (row: GatewayRow): GatewayRecord => ({
	id: row.id,
	publicKey: row.public_key,
	keyId: row.key_id,
	enrolledAt: num(row.enrolled_at),
	revokedAt: numOrNull(row.revoked_at),
	technicianIds: [...row.technician_ids],
});

const UNIQUE_VIOLATION = "23505";

/**
 * A chain append in one statement and one round trip, atomic as any single statement (no BEGIN/COMMIT).
 * `head` upserts the gateway's head row: the upsert takes the row's lock (appends of one gateway queue
 * here, in any process) and, under READ COMMITTED, its WHERE sees the newest committed head, so the head
 * moves only if it is still the expected one. Every other write is conditioned on `head` returning that
 * row; no row back means the head had moved and nothing was written. A first append creates the row;
 * a row missing while a later head is expected proposes nothing, which is the same refusal.
 * Record bytes travel as one binary parameter cut by offsets (no hex text per record), and records are
 * contiguous (checked before), so their positions are the first one plus their ordinality.
 */
const APPEND_CHAIN = `
	WITH head AS (
		INSERT INTO billing_chain_heads AS h (gateway_id, head_seq, head_hash, sealed_up_to)
		SELECT $1, $3::bigint, COALESCE($4::text, '${ZERO_HASH_HEX}'), $5::bigint
		WHERE $2::bigint = 0 OR EXISTS (SELECT 1 FROM billing_chain_heads WHERE gateway_id = $1)
		ON CONFLICT (gateway_id) DO UPDATE
			SET head_seq = EXCLUDED.head_seq, head_hash = COALESCE($4, h.head_hash), sealed_up_to = GREATEST(h.sealed_up_to, EXCLUDED.sealed_up_to)
			WHERE h.head_seq = $2::bigint
		RETURNING head_seq, head_hash, sealed_up_to
	), records AS (
		INSERT INTO billing_chain_records (gateway_id, chain_seq, record_id, work_order_id, content_hash, entry_hash, bytes)
		SELECT $1, $6::bigint + r.n - 1, r.record_id, r.work_order_id, r.content_hash, r.entry_hash, substring($11::bytea FROM r.byte_from FOR r.byte_count)
		FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $12::int[], $13::int[])
			WITH ORDINALITY AS r(record_id, work_order_id, content_hash, entry_hash, byte_from, byte_count, n)
		WHERE EXISTS (SELECT 1 FROM head)
	), checkpoints AS (
		INSERT INTO billing_checkpoints (gateway_id, chain_seq, key_id, bytes)
		SELECT $1, c.chain_seq, c.key_id, c.bytes FROM unnest($14::bigint[], $15::text[], $16::bytea[]) AS c(chain_seq, key_id, bytes)
		WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT DO NOTHING
	), batch AS (
		INSERT INTO billing_batches (gateway_id, batch_id, digest, received_at, receipt)
		SELECT $1, $17, $18, $19, $20::json WHERE $17::text IS NOT NULL AND EXISTS (SELECT 1 FROM head) ON CONFLICT DO NOTHING
	), events AS (
		INSERT INTO billing_outbox (id, type, occurred_at, data)
		SELECT e.id, e.type, e.occurred_at, e.data FROM unnest($21::text[], $22::text[], $23::text[], $24::jsonb[]) AS e(id, type, occurred_at, data)
		WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT (id) DO NOTHING
	)
	SELECT head_seq, head_hash, sealed_up_to FROM head`;

/** The parameters of APPEND_CHAIN for an input assertAppendable accepted. */
function appendValues(input: AppendChainInput): unknown[] {
	const records = input.records;
	const last = records[records.length - 1];
	const byteFrom: number[] = [];
	const byteCount: number[] = [];
	let offset = 1; // substring() counts from 1
	for (const r of records) {
		byteFrom.push(offset);
		byteCount.push(r.bytes.length);
		offset += r.bytes.length;
	}
	const receipt = input.receipt;
	const outbox = input.outbox ?? [];
	return [
		input.gatewayId,
		input.expectedHeadSeq,
		last ? last.chainSeq : input.expectedHeadSeq,
		last ? last.entryHash : null,
		input.sealedUpTo,
		records[0]?.chainSeq ?? 0,
		records.map((r) => r.recordId),
		records.map((r) => r.workOrderId),
		records.map((r) => r.contentHash),
		records.map((r) => r.entryHash),
		Buffer.concat(records.map((r) => r.bytes)),
		byteFrom,
		byteCount,
		input.checkpoints.map((c) => c.chainSeq),
		input.checkpoints.map((c) => c.keyId),
		input.checkpoints.map((c) => Buffer.from(c.bytes)),
		receipt?.batchId ?? null,
		receipt?.digest ?? null,
		receipt?.receivedAt ?? null,
		receipt ? JSON.stringify(receipt.receipt) : null,
		outbox.map((m) => m.id),
		outbox.map((m) => m.type),
		outbox.map((m) => m.occurredAt),
		outbox.map((m) => JSON.stringify(m.data)),
	];
}

/** Thrown inside completeEnrollment's transaction to roll it back and answer "gateway-exists". */
class GatewayExists extends Error {}

export class PostgresBillingStore implements BillingStore {
	private closed = false;
	private readonly chainGaps = new PostgresChainGaps(() => this.open());
	private readonly manifests = new PostgresManifests(() => this.open());

	private constructor(
		readonly pool: Pool,
		private readonly ownsPool: boolean,
	) {}

	/** On a URL (owns its pool) or on a pool shared with the other stores (left open on close). Migrates. */
	static async open(urlOrPool: string | Pool): Promise<PostgresBillingStore> {
		const ownsPool = typeof urlOrPool === "string";
		const pool = typeof urlOrPool === "string" ? createPool(urlOrPool) : urlOrPool;
		try {
			await migratePostgres(pool, BILLING_MIGRATION_PLAN);
		} catch (error) {
			if (ownsPool) await pool.end();
			throw error;
		}
		return new PostgresBillingStore(pool, ownsPool);
	}

	private open(): Pool {
		if (this.closed) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The billing store is closed.");
		return this.pool;
	}

	private async rows<R extends object>(doing: string, sql: string, params: unknown[] = []): Promise<R[]> {
		const pool = this.open();
		try {
			return (await pool.query<R>(sql, params)).rows;
		} catch (error) {
			throw storeError(error, doing);
		}
	}

	private async insertToken(client: Pool | PoolClient, token: ApiTokenRecord): Promise<void> {
		try {
			await client.query(
				"INSERT INTO billing_tokens (id, name, hash, scopes, gateway_id, created_at, revoked_at, expires_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
				[token.id, token.name, token.hash, token.scopes, token.gatewayId, token.createdAt, token.revokedAt, token.expiresAt ?? null, token.lastUsedAt ?? null],
			);
		} catch (cause) {
			if (sqlState(cause) === UNIQUE_VIOLATION) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Token ${token.id} already exists.`, { cause });
			throw storeError(cause, `storing token ${token.id}`);
		}
	}

	async createToken(token: ApiTokenRecord): Promise<void> {
		await this.insertToken(this.open(), token);
	}

	async findTokenByHash(hash: string): Promise<ApiTokenRecord | undefined> {
		const [row] = await this.rows<TokenRow>("looking up a token", "SELECT * FROM billing_tokens WHERE hash = $1", [hash]);
		return row && tokenOf(row);
	}

	async countTokens(): Promise<number> {
		const [row] = await this.rows<{ n: string }>("counting tokens", "SELECT COUNT(*) AS n FROM billing_tokens WHERE revoked_at IS NULL");
		return num(row.n);
	}

	async listTokens(page?: KeysetPage<readonly [number, string]>): Promise<ApiTokenRecord[]> {
		// Ids compare in code-point order (COLLATE "C") as in every backend, whatever the database's collation.
		if (!page) return (await this.rows<TokenRow>("listing tokens", 'SELECT * FROM billing_tokens ORDER BY created_at, id COLLATE "C"')).map(tokenOf);
		// Keyset: the rows after the last one shown, in the list's order; LIMIT in the query.
		const [createdAt, id] = page.after ?? [Number.MIN_SAFE_INTEGER, ""];
		return (
			await this.rows<TokenRow>(
				"listing tokens",
				'SELECT * FROM billing_tokens WHERE (created_at, id COLLATE "C") > ($1, $2 COLLATE "C") ORDER BY created_at, id COLLATE "C" LIMIT $3',
				[createdAt, id, page.limit],
			)
		).map(tokenOf);
	}

	async revokeToken(id: string, now: number): Promise<ApiTokenRecord | undefined> {
		const [row] = await this.rows<TokenRow>("revoking a token", "UPDATE billing_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING *", [
			now,
			id,
		]);
		return row && tokenOf(row);
	}

	async touchToken(id: string, at: number): Promise<void> {
		await this.rows("recording a token's use", "UPDATE billing_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1)", [
			at,
			id,
		]);
	}

	async createEnrollment(enrollment: EnrollmentRecord): Promise<void> {
		const pool = this.open();
		try {
			await pool.query("INSERT INTO billing_enrollments (id, hash, created_at, expires_at, used_at, gateway_id) VALUES ($1, $2, $3, $4, $5, $6)", [
				enrollment.id,
				enrollment.hash,
				enrollment.createdAt,
				enrollment.expiresAt,
				enrollment.usedAt,
				enrollment.gatewayId,
			]);
		} catch (cause) {
			if (sqlState(cause) === UNIQUE_VIOLATION)
				throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Enrollment ${enrollment.id} already exists.`, { cause });
			throw storeError(cause, `storing enrollment ${enrollment.id}`);
		}
	}

	async completeEnrollment(input: CompleteEnrollmentInput): Promise<EnrollOutcome> {
		const pool = this.open();
		try {
			return await inTransaction(pool, async (client): Promise<EnrollOutcome> => {
				const { rows } = await client.query<{ expires_at: string; used_at: string | null }>(
					"SELECT expires_at, used_at FROM billing_enrollments WHERE hash = $1 FOR UPDATE",
					[input.enrollmentHash],
				);
				const enrollment = rows[0];
				if (!enrollment) return { ok: false, reason: "unknown" };
				if (enrollment.used_at !== null) return { ok: false, reason: "used" };
				if (input.now >= num(enrollment.expires_at)) return { ok: false, reason: "expired" };
				const g = input.gateway;
				const inserted = await client.query(
					"INSERT INTO billing_gateways (id, public_key, key_id, enrolled_at, revoked_at, technician_ids) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
					[g.id, g.publicKey, g.keyId, g.enrolledAt, g.revokedAt, JSON.stringify(g.technicianIds)],
				);
				if (inserted.rowCount !== 1) throw new GatewayExists();
				await client.query("UPDATE billing_enrollments SET used_at = $1, gateway_id = $2 WHERE hash = $3", [input.now, g.id, input.enrollmentHash]);
				await this.insertToken(client, input.token);
				return { ok: true, gateway: { ...g, technicianIds: [...g.technicianIds] } };
			});
		} catch (error) {
			if (error instanceof GatewayExists) return { ok: false, reason: "gateway-exists" };
			throw storeError(error, "completing an enrollment");
		}
	}

	async reissueEnrollment(input: ReissueEnrollmentInput): Promise<ReissueOutcome> {
		const pool = this.open();
		try {
			return await inTransaction(pool, async (client): Promise<ReissueOutcome> => {
				const { rows: enrollments } = await client.query<{ expires_at: string; gateway_id: string | null }>(
					"SELECT expires_at, gateway_id FROM billing_enrollments WHERE hash = $1 FOR UPDATE",
					[input.enrollmentHash],
				);
				const { rows } = await client.query<GatewayRow>("SELECT * FROM billing_gateways WHERE id = $1 FOR UPDATE", [input.gatewayId]);
				const enrollment = enrollments[0];
				const gateway = rows[0] && gatewayOf(rows[0]);
				const refusal = reissueRefusal(
					enrollment && { expiresAt: num(enrollment.expires_at), gatewayId: enrollment.gateway_id },
					gateway,
					input.gatewayId,
					input.now,
				);
				if (refusal || !gateway) return refusal ?? { ok: false, reason: "not-this-gateway" };
				await client.query("UPDATE billing_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE gateway_id = $2", [input.now, input.gatewayId]);
				await this.insertToken(client, input.token);
				return { ok: true, gateway };
			});
		} catch (error) {
			throw storeError(error, "repeating an enrollment");
		}
	}

	async getGateway(id: string): Promise<GatewayRecord | undefined> {
		const [row] = await this.rows<GatewayRow>("reading a gateway", "SELECT * FROM billing_gateways WHERE id = $1", [id]);
		return row && gatewayOf(row);
	}

	async listGateways(page?: KeysetPage<readonly [string]>): Promise<GatewayRecord[]> {
		if (!page) return (await this.rows<GatewayRow>("listing gateways", 'SELECT * FROM billing_gateways ORDER BY id COLLATE "C"')).map(gatewayOf);
		return (
			await this.rows<GatewayRow>("listing gateways", 'SELECT * FROM billing_gateways WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2', [
				page.after ? page.after[0] : "",
				page.limit,
			])
		).map(gatewayOf);
	}

	async bindGateway(id: string, technicianIds: readonly string[]): Promise<GatewayRecord | undefined> {
		const [row] = await this.rows<GatewayRow>("binding a gateway", "UPDATE billing_gateways SET technician_ids = $2 WHERE id = $1 RETURNING *", [
			id,
			JSON.stringify(technicianIds),
		]);
		return row && gatewayOf(row);
	}

	async revokeGateway(id: string, now: number): Promise<GatewayRecord | undefined> {
		const pool = this.open();
		try {
			return await inTransaction(pool, async (client) => {
				const { rows } = await client.query<GatewayRow>("UPDATE billing_gateways SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING *", [
					now,
					id,
				]);
				if (!rows[0]) return undefined;
				await client.query("UPDATE billing_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE gateway_id = $2", [now, id]);
				return gatewayOf(rows[0]);
			});
		} catch (error) {
			throw storeError(error, `revoking gateway ${id}`);
		}
	}

	async getChainHead(gatewayId: string): Promise<ChainHead> {
		const [row] = await this.rows<{ head_seq: string; head_hash: string; sealed_up_to: string }>(
			"reading a chain head",
			"SELECT head_seq, head_hash, sealed_up_to FROM billing_chain_heads WHERE gateway_id = $1",
			[gatewayId],
		);
		return row
			? { gatewayId, headSeq: num(row.head_seq), headHash: row.head_hash, sealedUpTo: num(row.sealed_up_to) }
			: { gatewayId, headSeq: 0, headHash: ZERO_HASH_HEX, sealedUpTo: 0 };
	}

	async getChainRecords(gatewayId: string, fromSeq: number, toSeq: number): Promise<StoredChainRecord[]> {
		const rows = await this.rows<{ chain_seq: string; record_id: string; work_order_id: string; content_hash: string; entry_hash: string; bytes: Buffer }>(
			"reading chain records",
			"SELECT chain_seq, record_id, work_order_id, content_hash, entry_hash, bytes FROM billing_chain_records WHERE gateway_id = $1 AND chain_seq BETWEEN $2 AND $3 ORDER BY chain_seq",
			[gatewayId, fromSeq, toSeq],
		);
		return rows.map((row) => ({
			chainSeq: num(row.chain_seq),
			recordId: row.record_id,
			workOrderId: row.work_order_id,
			contentHash: row.content_hash,
			entryHash: row.entry_hash,
			bytes: new Uint8Array(row.bytes),
		}));
	}

	async appendChain(input: AppendChainInput): Promise<ChainHead> {
		const pool = this.open();
		// Everything that depends only on the input (contiguity, sealing within the new head) is checked here;
		// the one check that needs the stored head (it is still the expected one) is made by the statement itself.
		try {
			assertAppendable(input, { gatewayId: input.gatewayId, headSeq: input.expectedHeadSeq, headHash: ZERO_HASH_HEX, sealedUpTo: 0 });
		} catch (malformed) {
			// Refused either way; against the stored head, so a stale head is reported first, as by the other backends.
			assertAppendable(input, await this.getChainHead(input.gatewayId));
			throw malformed;
		}
		try {
			const { rows } = await pool.query<{ head_seq: string; head_hash: string; sealed_up_to: string }>({
				name: "billing-append-chain",
				text: APPEND_CHAIN,
				values: appendValues(input),
			});
			if (rows[0]) return { gatewayId: input.gatewayId, headSeq: num(rows[0].head_seq), headHash: rows[0].head_hash, sealedUpTo: num(rows[0].sealed_up_to) };
		} catch (error) {
			// Records already at those positions: another append got there first.
			if (sqlState(error) !== UNIQUE_VIOLATION) throw storeError(error, `appending to the evidence chain of gateway ${input.gatewayId}`);
		}
		// The head was not the expected one when the statement held its lock: nothing was written.
		throw headConflict(input, await this.getChainHead(input.gatewayId));
	}

	async getBatchReceipt(gatewayId: string, batchId: string): Promise<BatchReceiptRecord | undefined> {
		const [row] = await this.rows<{ digest: string; received_at: string; receipt: Record<string, unknown> }>(
			"reading a batch receipt",
			"SELECT digest, received_at, receipt FROM billing_batches WHERE gateway_id = $1 AND batch_id = $2",
			[gatewayId, batchId],
		);
		return row && { gatewayId, batchId, digest: row.digest, receivedAt: num(row.received_at), receipt: row.receipt };
	}

	async pendingOutbox(limit: number): Promise<OutboxMessage[]> {
		const rows = await this.rows<{ id: string; type: string; occurred_at: string; data: Record<string, unknown> }>(
			"reading the billing outbox",
			"SELECT id, type, occurred_at, data FROM billing_outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT $1",
			[limit],
		);
		return rows.map((r) => ({ id: r.id, type: r.type, occurredAt: r.occurred_at, data: r.data }));
	}

	async markOutboxRelayed(ids: readonly string[], now: number): Promise<void> {
		if (ids.length === 0) return;
		await this.rows("marking billing outbox events relayed", "UPDATE billing_outbox SET relayed_at = $1 WHERE id = ANY($2::text[]) AND relayed_at IS NULL", [
			now,
			[...ids],
		]);
	}

	async createSchedulePlan(plan: SchedulePlanRecord): Promise<void> {
		try {
			await this.open().query(
				"INSERT INTO billing_schedule_plans (id, created_at, created_by, basis, applied_at, applied_by, body) VALUES ($1, $2, $3, $4, $5, $6, $7)",
				[plan.id, plan.createdAt, plan.createdBy, plan.basis, plan.appliedAt, plan.appliedBy, JSON.stringify(plan.body)],
			);
		} catch (error) {
			if (sqlState(error) === UNIQUE_VIOLATION) throw new FieldchainError(ErrorCodes.FC_BILLING_CONFLICT, `Schedule plan ${plan.id} already exists.`);
			throw storeError(error, "storing a schedule plan");
		}
	}

	async getSchedulePlan(id: string): Promise<SchedulePlanRecord | undefined> {
		const [row] = await this.rows<{
			id: string;
			created_at: string;
			created_by: string;
			basis: string;
			applied_at: string | null;
			applied_by: string | null;
			body: Record<string, unknown>;
		}>("reading a schedule plan", "SELECT * FROM billing_schedule_plans WHERE id = $1", [id]);
		return (
			row && {
				id: row.id,
				createdAt: num(row.created_at),
				createdBy: row.created_by,
				basis: row.basis,
				appliedAt: numOrNull(row.applied_at),
				appliedBy: row.applied_by,
				body: row.body,
			}
		);
	}

	async markSchedulePlanApplied(id: string, at: number, by: string): Promise<boolean> {
		const rows = await this.rows(
			"marking a schedule plan applied",
			"UPDATE billing_schedule_plans SET applied_at = $1, applied_by = $2 WHERE id = $3 AND applied_at IS NULL RETURNING id",
			[at, by, id],
		);
		return rows.length === 1;
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
		if (this.closed) return;
		this.closed = true;
		if (this.ownsPool) await this.pool.end();
	}
}
