/** The impact store contract on a throw-away PostgreSQL server (Debian's binaries), one schema per test. */
import { afterAll, beforeAll } from "vitest";
import { createPool } from "../../../platform/postgres.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { impactStoreContract } from "./impact-store.contract.js";
import { PostgresImpactStore } from "./postgres.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => server?.stop());

impactStoreContract("postgres", async () => {
	const pool = createPool(await server.createSchema());
	return { store: await PostgresImpactStore.open(pool), close: async () => pool.end() };
});
