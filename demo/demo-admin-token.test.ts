import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, hashToken } from "../cloud-bridge/billing/auth/tokens.js";
import { MemoryBillingStore } from "../cloud-bridge/billing/store/memory.js";
import { DEMO_ADMIN_TOKEN_FILE, demoAdminToken } from "./demo-admin-token.js";

let dir: string;
let store: MemoryBillingStore;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fc-demo-token-"));
	store = new MemoryBillingStore();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the demo's admin token", () => {
	it("is minted once and reused on every later start", async () => {
		const first = await demoAdminToken(store, dir, 1000);
		expect(statSync(join(dir, DEMO_ADMIN_TOKEN_FILE)).mode & 0o777).toBe(0o600);
		expect(readFileSync(join(dir, DEMO_ADMIN_TOKEN_FILE), "utf8").trim()).toBe(first);
		expect(await demoAdminToken(store, dir, 2000)).toBe(first);
		expect(await demoAdminToken(store, dir, 3000)).toBe(first);
		expect(await store.listTokens()).toHaveLength(1);
	});

	it("is replaced when revoked or about to expire, and the old one is revoked", async () => {
		const first = await demoAdminToken(store, dir, 1000);
		const record = await store.findTokenByHash(hashToken(first));
		const second = await demoAdminToken(store, dir, (record?.expiresAt ?? 0) - DAY_MS / 2);
		expect(second).not.toBe(first);
		expect((await store.findTokenByHash(hashToken(first)))?.revokedAt).not.toBeNull();
		await store.revokeToken((await store.findTokenByHash(hashToken(second)))?.id ?? "", 5000);
		const third = await demoAdminToken(store, dir, 6000);
		expect(third).not.toBe(second);
		expect((await store.listTokens()).filter((t) => t.revokedAt === null)).toHaveLength(1);
	});
});
