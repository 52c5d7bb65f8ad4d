import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresRepository } from "../../model/repository/postgres.js";
import { LATEST_POSTGRES_SCHEMA_VERSION } from "../../model/repository/postgres-migrations.js";
import { createPool } from "../../platform/postgres.js";
import { type PostgresServer, startPostgres } from "../../test/support/postgres.js";
import { POSTGRES_WEBHOOK_MIGRATIONS } from "./postgres-migrations.js";
import { PostgresWebhookStore } from "./postgres-store.js";
import type { NewDelivery } from "./types.js";
import { webhookStoreContract } from "./webhook-store.contract.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

webhookStoreContract("postgres (throw-away server)", async () => PostgresWebhookStore.open(await server.createSchema()));

describe("PostgresWebhookStore", () => {
	it("shares a database and pool with the model repository, each with its own schema version", async () => {
		const pool = createPool(await server.createDatabase());
		const repo = await PostgresRepository.open(pool);
		const store = await PostgresWebhookStore.open(pool);
		const { rows } = await pool.query(
			"SELECT (SELECT MAX(version) FROM schema_version) AS model, (SELECT MAX(version) FROM webhook_schema_version) AS webhooks",
		);
		expect(rows[0]).toEqual({ model: LATEST_POSTGRES_SCHEMA_VERSION, webhooks: POSTGRES_WEBHOOK_MIGRATIONS.length });
		await store.close();
		await repo.close();
		expect((await pool.query("SELECT 1 AS ok")).rows[0].ok).toBe(1); // shared pool left open
		await pool.end();
	});

	it("never hands one due delivery to two workers at once", async () => {
		const url = await server.createDatabase();
		const workers = await Promise.all([1, 2, 3].map(() => PostgresWebhookStore.open(url)));
		await workers[0].createSubscription({
			id: "S1",
			url: "https://example.test/h",
			eventTypes: ["invoice.created"],
			description: null,
			createdAt: 0,
			secret: "whsec_x",
		});
		const deliveries: NewDelivery[] = Array.from({ length: 60 }, (_, i) => ({
			id: `D${String(i).padStart(2, "0")}`,
			subscriptionId: "S1",
			eventId: `E${i}`,
			eventType: "invoice.created",
			body: "{}",
			createdAt: i,
		}));
		expect(await workers[0].enqueue(deliveries)).toBe(60);
		const claimed = (await Promise.all(workers.flatMap((w) => [w.claimDue(100, 7, 10_000), w.claimDue(100, 7, 10_000), w.claimDue(100, 7, 10_000)])))
			.flat()
			.map((d) => d.id);
		expect(new Set(claimed).size).toBe(claimed.length);
		expect(claimed.length).toBe(60);
		await Promise.all(workers.map((w) => w.close()));
	});

	it("keeps the first of a repeated (subscription, event) within one batch", async () => {
		const store = await PostgresWebhookStore.open(await server.createDatabase());
		await store.createSubscription({
			id: "S1",
			url: "https://example.test/h",
			eventTypes: ["invoice.created"],
			description: null,
			createdAt: 0,
			secret: "whsec_x",
		});
		const d = { subscriptionId: "S1", eventId: "E1", eventType: "invoice.created" as const, body: "{}", createdAt: 0 };
		expect(
			await store.enqueue([
				{ ...d, id: "D1" },
				{ ...d, id: "D2" },
			]),
		).toBe(1);
		expect((await store.listDeliveries()).map((x) => x.id)).toEqual(["D1"]);
		await store.close();
	});
});
