/**
 * The SQLite webhook store (better-sqlite3). Its tables are prefixed `webhook_` and migrated on their
 * own (`webhook_schema_version`), so it can live in the same file as the model and billing stores.
 */
import BetterSqlite3, { type Database } from "better-sqlite3";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
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
import { migrateWebhooksSqlite } from "./sqlite-migrations.js";
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

export class SqliteWebhookStore implements WebhookStore {
	readonly db: Database;
	private readonly ownsDb: boolean;

	/** A path opens (and on close, closes) its own connection; a Database is shared and left open. */
	constructor(pathOrDb: string | Database) {
		this.ownsDb = typeof pathOrDb === "string";
		try {
			this.db = typeof pathOrDb === "string" ? new BetterSqlite3(pathOrDb) : pathOrDb;
		} catch (cause) {
			throw new FieldchainError(ErrorCodes.FC_STORE_OPEN, `Cannot open SQLite database ${String(pathOrDb)}.`, { cause });
		}
		if (this.ownsDb) {
			this.db.pragma("journal_mode = WAL");
			this.db.pragma("synchronous = NORMAL");
			this.db.pragma("busy_timeout = 5000");
		}
		migrateWebhooksSqlite(this.db);
	}

	private closed = false;

	private open(): Database {
		if (this.closed || !this.db.open) throw new FieldchainError(ErrorCodes.FC_STORE_CLOSED, "The SQLite webhook store is closed.");
		return this.db;
	}

	async createSubscription(s: StoredSubscription): Promise<void> {
		const db = this.open();
		const result = db
			.prepare(
				"INSERT INTO webhook_subscriptions (id, url, event_types, description, secret, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
			)
			.run(s.id, s.url, JSON.stringify(s.eventTypes), s.description, s.secret, s.createdAt);
		if (result.changes !== 1) throw duplicateSubscription(s.id);
	}

	async getSubscription(id: string): Promise<StoredSubscription | undefined> {
		const row = this.open().prepare("SELECT * FROM webhook_subscriptions WHERE id = ?").get(id) as SubscriptionRow | undefined;
		return row && subscriptionFromRow(row);
	}

	async listSubscriptions(): Promise<StoredSubscription[]> {
		const rows = this.open().prepare("SELECT * FROM webhook_subscriptions ORDER BY created_at, id").all() as SubscriptionRow[];
		return rows.map(subscriptionFromRow);
	}

	async deleteSubscription(id: string, now: number): Promise<boolean> {
		const db = this.open();
		return db.transaction(() => {
			if (db.prepare("DELETE FROM webhook_subscriptions WHERE id = ?").run(id).changes === 0) return false;
			db.prepare(
				"UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = ?, updated_at = ? WHERE subscription_id = ? AND status = 'pending'",
			).run(SUBSCRIPTION_DELETED, now, id);
			return true;
		})();
	}

	async enqueue(deliveries: readonly NewDelivery[]): Promise<number> {
		const db = this.open();
		const insert = db.prepare(
			`INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, body, status, attempts, next_attempt_at, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (subscription_id, event_id) DO NOTHING`,
		);
		return db.transaction(() => {
			let queued = 0;
			for (const d of deliveries) queued += insert.run(d.id, d.subscriptionId, d.eventId, d.eventType, d.body, d.createdAt, d.createdAt, d.createdAt).changes;
			return queued;
		})();
	}

	async claimDue(now: number, limit: number, leaseUntil: number): Promise<WebhookDelivery[]> {
		const db = this.open();
		return db.transaction(() => {
			const rows = db
				.prepare("SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at, id LIMIT ?")
				.all(now, limit) as DeliveryRow[];
			const lease = db.prepare("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?");
			for (const row of rows) lease.run(leaseUntil, row.id);
			return rows.map((row) => ({ ...deliveryFromRow(row), nextAttemptAt: leaseUntil }));
		})();
	}

	async nextDueAt(): Promise<number | undefined> {
		const row = this.open().prepare("SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE status = 'pending'").get() as { due: number | null };
		return row.due ?? undefined;
	}

	async recordAttempt(attempt: DeliveryAttempt): Promise<boolean> {
		const db = this.open();
		assertAttempt(attempt);
		return db.transaction(() => {
			const row = db.prepare("SELECT * FROM webhook_deliveries WHERE id = ?").get(attempt.deliveryId) as DeliveryRow | undefined;
			if (row?.status !== "pending" || row.attempts !== attempt.attempt - 1) return false;
			const next = afterAttempt(deliveryFromRow(row), attempt);
			db.prepare(
				"UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, updated_at = ?, last_status_code = ?, last_error = ? WHERE id = ?",
			).run(next.status, next.attempts, next.nextAttemptAt, next.updatedAt, next.lastStatusCode, next.lastError, next.id);
			db.prepare(
				"INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, outcome, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			).run(
				attempt.deliveryId,
				attempt.attempt,
				attempt.startedAt,
				attempt.durationMs,
				attempt.statusCode,
				attempt.error,
				attempt.outcome,
				attempt.nextAttemptAt,
			);
			return true;
		})();
	}

	async getDelivery(id: string): Promise<WebhookDelivery | undefined> {
		const row = this.open().prepare("SELECT * FROM webhook_deliveries WHERE id = ?").get(id) as DeliveryRow | undefined;
		return row && deliveryFromRow(row);
	}

	async listDeliveries(filter: DeliveryFilter = {}): Promise<WebhookDelivery[]> {
		const db = this.open();
		const limit = pageSize(filter);
		const where: string[] = [];
		const params: unknown[] = [];
		const add = (sql: string, value: unknown) => {
			where.push(sql);
			params.push(value);
		};
		if (filter.subscriptionId !== undefined) add("subscription_id = ?", filter.subscriptionId);
		if (filter.status !== undefined) add("status = ?", filter.status);
		if (filter.eventId !== undefined) add("event_id = ?", filter.eventId);
		if (filter.before !== undefined) add("(created_at, id) < (SELECT created_at, id FROM webhook_deliveries WHERE id = ?)", filter.before);
		const sql = `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT ?`;
		return (db.prepare(sql).all(...params, limit) as DeliveryRow[]).map(deliveryFromRow);
	}

	async listAttempts(deliveryIds: readonly string[]): Promise<DeliveryAttempt[]> {
		const db = this.open();
		if (deliveryIds.length === 0) return [];
		const rows = db
			.prepare("SELECT a.* FROM webhook_attempts a JOIN json_each(?) w ON a.delivery_id = w.value ORDER BY a.delivery_id, a.attempt")
			.all(JSON.stringify(deliveryIds)) as AttemptRow[];
		return rows.map(attemptFromRow);
	}

	async requeueFailed(request: RedeliveryRequest): Promise<RequeueOutcome> {
		const db = this.open();
		return db.transaction((): RequeueOutcome => {
			const row = db.prepare("SELECT * FROM webhook_deliveries WHERE id = ?").get(request.deliveryId) as DeliveryRow | undefined;
			if (!row) return { outcome: "not-found" };
			if (row.status !== "failed") return { outcome: "not-failed", status: deliveryFromRow(row).status };
			db.prepare("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE id = ?").run(
				request.requestedAt,
				request.requestedAt,
				row.id,
			);
			db.prepare("INSERT INTO webhook_redeliveries (delivery_id, requested_at, requested_by, attempts_before) VALUES (?, ?, ?, ?)").run(
				row.id,
				request.requestedAt,
				request.requestedBy,
				row.attempts,
			);
			const requeued = db.prepare("SELECT * FROM webhook_deliveries WHERE id = ?").get(row.id) as DeliveryRow;
			return { outcome: "requeued", delivery: deliveryFromRow(requeued) };
		})();
	}

	async listRedeliveries(deliveryIds: readonly string[]): Promise<Redelivery[]> {
		const db = this.open();
		if (deliveryIds.length === 0) return [];
		const rows = db
			.prepare("SELECT r.* FROM webhook_redeliveries r JOIN json_each(?) w ON r.delivery_id = w.value ORDER BY r.delivery_id, r.requested_at, r.seq")
			.all(JSON.stringify(deliveryIds)) as RedeliveryRow[];
		return rows.map(redeliveryFromRow);
	}

	async close(): Promise<void> {
		this.closed = true;
		if (this.ownsDb && this.db.open) this.db.close();
	}
}
