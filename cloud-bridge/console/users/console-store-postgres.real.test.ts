import { afterAll, beforeAll } from "vitest";
import { createPool } from "../../../platform/postgres.js";
import { type PostgresServer, startPostgres } from "../../../test/support/postgres.js";
import { consoleStoreContract } from "./console-store.contract.js";
import { PostgresConsoleStore } from "./postgres-store.js";

let server: PostgresServer;
const pools: { end(): Promise<void> }[] = [];
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	for (const pool of pools) await pool.end();
	await server?.stop();
}, 30_000);

consoleStoreContract("PostgreSQL (throw-away server)", async () => {
	const pool = createPool(await server.createSchema());
	pools.push(pool);
	return new PostgresConsoleStore(pool);
});
