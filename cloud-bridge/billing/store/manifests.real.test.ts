/**
 * The manifest store (manifests.ts) on every backend: memory, SQLite on disk and a throw-away
 * PostgreSQL. Storing is idempotent and keeps the first manifest of a (gateway, checkpoint, work
 * order); reads see only the gateway and checkpoint asked for; SQLite and PostgreSQL keep them
 * across a reopen; two racing writers of the same manifests both succeed and leave one copy.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import type { StoredManifest } from "./manifests.js";
import { MemoryBillingStore } from "./memory.js";
import { PostgresBillingStore } from "./postgres.js";
import { SqliteBillingStore } from "./sqlite.js";
import type { BillingStore } from "./types.js";

const dir = mkdtempSync(join(tmpdir(), "fc-manifest-store-"));
let pg: PostgresServer;

beforeAll(async () => {
	pg = await startPostgres();
}, 60_000);
afterAll(async () => {
	await pg?.stop();
	rmSync(dir, { recursive: true, force: true });
}, 30_000);

const manifest = (gatewayId: string, checkpointSeq: number, workOrderId: string, fill: number): StoredManifest => ({
	gatewayId,
	checkpointSeq,
	workOrderId,
	bytes: new Uint8Array(40).fill(fill),
});
const bytesOf = (list: StoredManifest[]) => list.map((m) => [m.workOrderId, Buffer.from(m.bytes).toString("hex")]);

const backends: Array<{ name: string; open: () => Promise<{ store: BillingStore; reopen?: () => Promise<BillingStore> }> }> = [
	{ name: "memory", open: async () => ({ store: new MemoryBillingStore() }) },
	{
		name: "SQLite",
		open: async () => {
			const file = join(dir, `billing-${Math.random().toString(36).slice(2)}.sqlite`);
			return { store: new SqliteBillingStore(file), reopen: async () => new SqliteBillingStore(file) };
		},
	},
	{
		name: "PostgreSQL",
		open: async () => {
			const url = await pg.createDatabase();
			return { store: await PostgresBillingStore.open(url), reopen: () => PostgresBillingStore.open(url) };
		},
	},
];

for (const backend of backends) {
	describe(`work-order manifests in the ${backend.name} billing store`, () => {
		it("stores once, keeps the first, reads by gateway and checkpoint, and survives a reopen", async () => {
			const { store, reopen } = await backend.open();
			expect(await store.getManifests("gw-1", 5)).toEqual([]);
			await store.putManifests([
				manifest("gw-1", 5, "WO-b", 1),
				manifest("gw-1", 5, "WO-a", 2),
				manifest("gw-1", 9, "WO-a", 3),
				manifest("gw-2", 5, "WO-a", 4),
			]);
			// The same again (a retried batch), and a different manifest claiming an existing slot: nothing changes.
			await store.putManifests([manifest("gw-1", 5, "WO-a", 2), manifest("gw-1", 5, "WO-b", 7)]);
			await store.putManifests([]);
			const expected = [
				["WO-a", "02".repeat(40)],
				["WO-b", "01".repeat(40)],
			];
			expect(bytesOf(await store.getManifests("gw-1", 5))).toEqual(expected);
			expect(bytesOf(await store.getManifests("gw-1", 9))).toEqual([["WO-a", "03".repeat(40)]]);
			expect(bytesOf(await store.getManifests("gw-2", 5))).toEqual([["WO-a", "04".repeat(40)]]);
			expect(await store.getManifests("gw-3", 5)).toEqual([]);
			expect((await store.getManifests("gw-1", 5))[0]).toMatchObject({ gatewayId: "gw-1", checkpointSeq: 5, workOrderId: "WO-a" });
			// A copy is handed out: changing it does not change the store.
			(await store.getManifests("gw-1", 9))[0].bytes.fill(0);
			expect(bytesOf(await store.getManifests("gw-1", 9))).toEqual([["WO-a", "03".repeat(40)]]);
			if (reopen) {
				await store.close();
				const again = await reopen();
				expect(bytesOf(await again.getManifests("gw-1", 5))).toEqual(expected);
				await again.close();
			} else await store.close();
		}, 60_000);

		it("two writers of the same manifests at once both succeed and leave one copy", async () => {
			const { store } = await backend.open();
			const batch = Array.from({ length: 50 }, (_, i) => manifest("gw-1", 10 + (i % 5), `WO-${i}`, i));
			await Promise.all([store.putManifests(batch), store.putManifests([...batch].reverse())]);
			let total = 0;
			for (let seq = 10; seq < 15; seq++) total += (await store.getManifests("gw-1", seq)).length;
			expect(total).toBe(50);
			await store.close();
		}, 60_000);
	});
}
