import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryBillingStorage, openBillingStorage } from "../billing/storage.js";
import { webhookStoreBeside } from "./beside-storage.js";
import { MemoryWebhookStore } from "./memory-store.js";
import { SqliteWebhookStore } from "./sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "fc-webhook-beside-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the webhook store beside the billing storage", () => {
	it("shares the service's SQLite file and connection, and keeps the queue across a restart", async () => {
		const file = join(dir, "billing.sqlite");
		const storage = await openBillingStorage({ db: file });
		const store = await webhookStoreBeside(storage);
		expect(store).toBeInstanceOf(SqliteWebhookStore);
		expect((store as SqliteWebhookStore).db).toBe((storage.repo as unknown as { db: unknown }).db);
		await store.createSubscription({
			id: "S1",
			url: "https://example.test/h",
			eventTypes: ["invoice.created"],
			description: null,
			createdAt: 1,
			secret: "whsec_x",
		});
		await store.enqueue([{ id: "D1", subscriptionId: "S1", eventId: "E1", eventType: "invoice.created", body: "{}", createdAt: 1 }]);
		await store.close();
		await storage.close();
		const reopened = await openBillingStorage({ db: file });
		const again = await webhookStoreBeside(reopened);
		expect((await again.claimDue(2, 10, 100)).map((d) => d.id)).toEqual(["D1"]);
		await again.close();
		await reopened.close();
	});

	it("is memory beside memory storage, and the storage's own store when it brings one", async () => {
		const memory = memoryBillingStorage();
		expect(await webhookStoreBeside(memory)).toBeInstanceOf(MemoryWebhookStore);
		const own = new MemoryWebhookStore();
		expect(await webhookStoreBeside({ ...memory, webhooks: own })).toBe(own);
		await memory.close();
	});
});
