/** OIDC links in PostgreSQL (a throw-away server), held to the same contract as memory and SQLite. */
import { afterAll, beforeAll } from "vitest";
import { createPool } from "../../../platform/postgres.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { createUser } from "../accounts.js";
import { TEST_KDF } from "../testing/office-fixture.js";
import { PostgresConsoleStore } from "../users/postgres-store.js";
import { oidcLinkStoreContract } from "./link-store.contract.js";
import { PostgresOidcLinkStore } from "./postgres-links.js";

let server: PostgresServer;
const pools: { end(): Promise<void> }[] = [];
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	for (const pool of pools) await pool.end();
	await server?.stop();
}, 30_000);

oidcLinkStoreContract("PostgreSQL (throw-away server)", async () => {
	const pool = createPool(await server.createSchema());
	pools.push(pool);
	const users = new PostgresConsoleStore(pool);
	const make = async (username: string) => (await createUser(users, { username, role: "approver", password: null }, 1, TEST_KDF)).id;
	const userIds: [string, string] = [await make("ann"), await make("ben")];
	return { links: new PostgresOidcLinkStore(pool, () => users.listUsers()), userIds };
});
