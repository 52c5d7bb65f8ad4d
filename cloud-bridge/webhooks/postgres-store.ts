/**
 * The PostgreSQL webhook store (package `pg`), for a service that runs on more than one machine.
 * Several workers may share it: claimDue takes due rows with FOR UPDATE SKIP LOCKED and leases
 * them, so two workers never take the same delivery at once (the queue pattern PostgreSQL's
 * documentation gives for SKIP LOCKED). recordAttempt locks the delivery row and checks its
 * attempt count, so a worker whose lease ran out cannot log an attempt twice.
 */
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { createPool, inTransaction, type Pool, storeError } from "../../platform/postgres.js";
import { migrateWebhooksPostgres } from "./postgres-migrations.js";
import {
	type AttemptRow,
	attemptFromRow,
	type DeliveryRow,
	deliveryFromRow,
	type RedeliveryRow,
	redeliveryFromRow,
	type SubscriptionRow,
	subscriptionFromRow,
} from "./rows.js";
import { afterAttempt, assertAttempt, duplicateSubscription, pageSize, SUBSCRIPTION_DELETED } from "./store-checks.js";
import type {
	DeliveryAttempt,
	DeliveryFilter,
	NewDelivery,
	Redelivery,
	RedeliveryRequest,
	RequeueOutcome,
	StoredSubscription,
	WebhookDelivery,
	WebhookStore,
} from "./types.js";

export class PostgresWebhookStore implements WebhookStore {
	private closed = false;

	private constructor(
		readonly pool: Pool,
		private readonly ownsPool: boolean,
	) {}

	/** On a URL (owns its pool) or on a pool shared with other stores (left open on close). Migrates. */
	static async open(urlOrPool: string | Pool): Promise<PostgresWebhookStore> {
		const ownsPool = typeof urlOrPool === "string";
		const pool = typeof urlOrPool === "string" ? createPool(urlOrPool) : urlOrPool;
		try {
			await migrateWebhooksPostgres(pool);
		} catch (error) {
			if (ownsPool) await pool.end();
			throw error;
		}
		return new PostgresWebhookStore(pool, ownsPool);
	}

	private open(): Pool {
		if (this.closed) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The PostgreSQL webhook store is closed.");
		return this.pool;
	}

	private async query<R extends object>(doing: string, sql: string, params: unknown[] = []): Promise<R[]> {
		const pool = this.open();
		try {
			return (await pool.query<R>(sql, params)).rows;
		} catch (error) {
			throw storeError(error, doing);
		}
	}

	async createSubscription(s: StoredSubscription): Promise<void> {
		const pool = this.open();
		try {
			const result = await pool.query(
				"INSERT INTO webhook_subscriptions (id, url, event_types, description, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
				[s.id, s.url, s.eventTypes, s.description, s.secret, s.createdAt],
			);
			if (result.rowCount !== 1) throw duplicateSubscription(s.id);
		} catch (error) {
			throw storeError(error, "creating a webhook subscription");
		}
	}

	async getSubscription(id: string): Promise<StoredSubscription | undefined> {
		const rows = await this.query<SubscriptionRow>("reading a webhook subscription", "SELECT * FROM webhook_subscriptions WHERE id = $1", [id]);
		return rows[0] && subscriptionFromRow(rows[0]);
	}

	async listSubscriptions(): Promise<StoredSubscription[]> {
		const rows = await this.query<SubscriptionRow>("listing webhook subscriptions", "SELECT * FROM webhook_subscriptions ORDER BY created_at, id");
		return rows.map(subscriptionFromRow);
	}

	async deleteSubscription(id: string, now: number): Promise<boolean> {
		const pool = this.open();
		try {
			return await inTransaction(pool, async (client) => {
				const deleted = await client.query("DELETE FROM webhook_subscriptions WHERE id = $1", [id]);
				if (deleted.rowCount === 0) return false;
				await client.query(
					"UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = $1, updated_at = $2 WHERE subscription_id = $3 AND status = 'pending'",
					[SUBSCRIPTION_DELETED, now, id],
				);
				return true;
			});
		} catch (error) {
			throw storeError(error, "deleting a webhook subscription");
		}
	}

	async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
		const pool = this.open();
		if (deliveries.length === 0) return 0;
		const column = <K extends keyof NewDelivery>(key: K) => deliveries.map((d) => d[key]);
		try {
			// One statement, so all or none; unnest keeps it one round trip for any number of subscribers.
			// DO NOTHING also skips a repeat of a (subscription, event) within the batch: the first wins.
			const result = await pool.query(
				`INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, body, status, attempts, next_attempt_at, created_at, updated_at)
				 SELECT id, subscription_id, event_id, event_type, body, 'pending', 0, created_at, created_at, created_at
				 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS d(id, subscription_id, event_id, event_type, body, created_at)
				 ON CONFLICT (subscription_id, event_id) DO NOTHING`,
				[column("id"), column("subscriptionId"), column("eventId"), column("eventType"), column("body"), column("createdAt")],
			);
			return result.rowCount ?? 0;
		} catch (error) {
			throw storeError(error, `queueing ${deliveries.length} webhook deliveries`);
		}
	}

	async claimDue(now: number, limit: number, leaseUntil: number): Promise<WebhookDelivery[]> {
		const rows = await this.query<DeliveryRow & { due_at: string }>(
			"claiming due webhook deliveries",
			`UPDATE webhook_deliveries d SET next_attempt_at = $3
			 FROM (SELECT id, next_attempt_at AS due_at FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
			       ORDER BY next_attempt_at, created_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
			 WHERE d.id = due.id
			 RETURNING d.*, due.due_at`,
			[now, limit, leaseUntil],
		);
		// RETURNING has no order of its own: sort as the SELECT did, on the due time before the lease.
		return rows
			.sort((a, b) => Number(a.due_at) - Number(b.due_at) || Number(a.created_at) - Number(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			.map(deliveryFromRow);
	}

	async nextDueAt(): Promise<number | undefined> {
		const rows = await this.query<{ due: string | null }>(
			"reading the next webhook due time",
			"SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE status = 'pending'",
		);
		return rows[0].due === null ? undefined : Number(rows[0].due);
	}

	async recordAttempt(attempt: DeliveryAttempt): Promise<boolean> {
		const pool = this.open();
		assertAttempt(attempt);
		try {
			return await inTransaction(pool, async (client) => {
				const { rows } = await client.query<DeliveryRow>("SELECT * FROM webhook_deliveries WHERE id = $1 FOR UPDATE", [attempt.deliveryId]);
				const row = rows[0];
				if (row?.status !== "pending" || row.attempts !== attempt.attempt - 1) return false;
				const next = afterAttempt(deliveryFromRow(row), attempt);
				await client.query(
					"UPDATE webhook_deliveries SET status = $1, attempts = $2, next_attempt_at = $3, updated_at = $4, last_status_code = $5, last_error = $6 WHERE id = $7",
					[next.status, next.attempts, next.nextAttemptAt, next.updatedAt, next.lastStatusCode, next.lastError, next.id],
				);
				await client.query(
					"INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, outcome, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
					[
						attempt.deliveryId,
						attempt.attempt,
						attempt.startedAt,
						Math.round(attempt.durationMs),
						attempt.statusCode,
						attempt.error,
						attempt.outcome,
						attempt.nextAttemptAt,
					],
				);
				return true;
			});
		} catch (error) {
			throw storeError(error, `recording attempt ${attempt.attempt} of webhook delivery ${attempt.deliveryId}`);
		}
	}

	async getDelivery(id: string): Promise<WebhookDelivery | undefined> {
		const rows = await this.query<DeliveryRow>("reading a webhook delivery", "SELECT * FROM webhook_deliveries WHERE id = $1", [id]);
		return rows[0] && deliveryFromRow(rows[0]);
	}

	async listDeliveries(filter: DeliveryFilter = {}): Promise<WebhookDelivery[]> {
		this.open();
		const limit = pageSize(filter);
		const where: string[] = [];
		const params: unknown[] = [];
		const add = (sql: (placeholder: string) => string, value: unknown) => {
			params.push(value);
			where.push(sql(`$${params.length}`));
		};
		if (filter.subscriptionId !== undefined) add((p) => `subscription_id = ${p}`, filter.subscriptionId);
		if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
		if (filter.eventId !== undefined) add((p) => `event_id = ${p}`, filter.eventId);
		if (filter.before !== undefined) add((p) => `(created_at, id) < (SELECT created_at, id FROM webhook_deliveries WHERE id = ${p})`, filter.before);
		params.push(limit);
		const sql = `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`;
		return (await this.query<DeliveryRow>("listing webhook deliveries", sql, params)).map(deliveryFromRow);
	}

	async listAttempts(deliveryIds: readonly string[]): Promise<DeliveryAttempt[]> {
		this.open();
		if (deliveryIds.length === 0) return [];
		const rows = await this.query<AttemptRow>(
			"listing webhook delivery attempts",
			"SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, attempt",
			[deliveryIds],
		);
		return rows.map(attemptFromRow);
	}

	async requeueFailed(request: RedeliveryRequest): Promise<RequeueOutcome> {
		const pool = this.open();
		try {
			return await inTransaction(pool, async (client): Promise<RequeueOutcome> => {
				// The row lock makes two requests at once take turns: the second finds it pending.
				const { rows } = await client.query<DeliveryRow>("SELECT * FROM webhook_deliveries WHERE id = $1 FOR UPDATE", [request.deliveryId]);
				const row = rows[0];
				if (!row) return { outcome: "not-found" };
				if (row.status !== "failed") return { outcome: "not-failed", status: deliveryFromRow(row).status };
				const updated = await client.query<DeliveryRow>(
					"UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $1, updated_at = $1 WHERE id = $2 RETURNING *",
					[request.requestedAt, row.id],
				);
				await client.query("INSERT INTO webhook_redeliveries (delivery_id, requested_at, requested_by, attempts_before) VALUES ($1, $2, $3, $4)", [
					row.id,
					request.requestedAt,
					request.requestedBy,
					row.attempts,
				]);
				return { outcome: "requeued", delivery: deliveryFromRow(updated.rows[0]) };
			});
		} catch (error) {
			throw storeError(error, `requeueing webhook delivery ${request.deliveryId}`);
		}
	}

	async listRedeliveries(deliveryIds: readonly string[]): Promise<Redelivery[]> {
		this.open();
		if (deliveryIds.length === 0) return [];
		const rows = await this.query<RedeliveryRow>(
			"listing webhook redeliveries",
			"SELECT * FROM webhook_redeliveries WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, requested_at, seq",
			[deliveryIds],
		);
		return rows.map(redeliveryFromRow);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		if (this.ownsPool) await this.pool.end();
	}
}
