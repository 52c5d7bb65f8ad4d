/** OIDC links in memory and in SQLite (beside the console's users), held to the contract; a single-sign-on-only user has no password. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { type BillingStorage, openBillingStorage } from "../../billing/storage.js";
import { createUser, localPasswords } from "../accounts.js";
import { TEST_KDF } from "../testing/office-fixture.js";
import { consoleStoreBeside } from "../users/open-store.js";
import { oidcLinkStoreContract } from "./link-store.contract.js";
import { MemoryOidcLinkStore, type OidcLinkStore } from "./link-store.js";
import { oidcLinksBeside } from "./links-beside.js";

const dir = mkdtempSync(join(tmpdir(), "fc-oidc-links-"));
const opened: BillingStorage[] = [];
afterAll(async () => {
	for (const storage of opened) await storage.close();
	rmSync(dir, { recursive: true, force: true });
});

async function sqlite(): Promise<{ links: OidcLinkStore; userIds: [string, string] }> {
	const storage = await openBillingStorage({ db: join(dir, "billing.sqlite") });
	opened.push(storage);
	const users = consoleStoreBeside(storage);
	const make = async (username: string) => (await createUser(users, { username, role: "approver", password: null }, 1, TEST_KDF)).id;
	return { links: oidcLinksBeside(storage), userIds: [await make("ann"), await make("ben")] };
}

oidcLinkStoreContract("memory", async () => ({ links: new MemoryOidcLinkStore(), userIds: ["u1", "u2"] }));
oidcLinkStoreContract("SQLite", sqlite);

it("a user made for single sign-on only has no password that could sign in", async () => {
	const storage = await openBillingStorage({ db: join(dir, "sso-only.sqlite") });
	opened.push(storage);
	const user = await createUser(consoleStoreBeside(storage), { username: "sso", role: "billing", password: null }, 1, TEST_KDF);
	expect(user.passwordHash).toBeNull();
	expect(await localPasswords(consoleStoreBeside(storage), TEST_KDF).verify({ username: "sso", password: "" })).toBeUndefined();
	expect(await localPasswords(consoleStoreBeside(storage), TEST_KDF).verify({ username: "sso", password: "null" })).toBeUndefined();
});
