/**
 * A failing database never speaks to the billing client: with a real PostgreSQL under the service
 * that loses a table and then stops, the client gets 503 FC_BILLING_UNAVAILABLE with a generic
 * message and a correlation id, never the server's host:port, the driver's text or SQL names;
 * the service's log has the full error under the same correlation id.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../../test/support/postgres.js";
import { issueApiToken } from "./auth/tokens.js";
import type { BillingLogger } from "./context.js";
import { createBillingService } from "./service.js";
import { openBillingStorage } from "./storage.js";

let server: PostgresServer;
beforeAll(async () => {
	server = await startPostgres();
}, 60_000);
afterAll(async () => {
	await server?.stop();
}, 30_000);

describe("driver errors do not reach the billing client", () => {
	it("answers 503 with a correlation id and logs the driver's error under it", async () => {
		const databaseUrl = await server.createDatabase();
		const storage = await openBillingStorage({ databaseUrl });
		const logged: Record<string, unknown>[] = [];
		const logger: BillingLogger = { info() {}, warn() {}, error: (obj) => logged.push(obj as Record<string, unknown>) };
		const app = createBillingService({ storage, logger, validateResponses: true });
		await app.listen({ host: "127.0.0.1", port: 0 });
		try {
			const address = app.server.address();
			if (!address || typeof address === "string") throw new Error("no TCP address");
			const { token } = await issueApiToken(storage.store, { name: "ops", scopes: ["admin"], now: Date.now() });
			const get = async () => {
				const response = await fetch(`http://127.0.0.1:${address.port}/v1/work-orders`, { headers: { authorization: `Bearer ${token}` } });
				return { status: response.status, text: await response.text() };
			};
			expect((await get()).status).toBe(200);

			const expectGeneric = (answer: { status: number; text: string }, leaks: string[]) => {
				expect(answer.status).toBe(503);
				const body = JSON.parse(answer.text) as { error: { code: string; details: { correlationId: string } } };
				expect(body.error.code).toBe("FC_BILLING_UNAVAILABLE");
				for (const leak of leaks) expect(answer.text).not.toContain(leak);
				const { correlationId } = body.error.details;
				expect(correlationId).toMatch(/^[0-9a-f]{16}$/);
				expect(answer.text).toContain(correlationId);
				const entry = logged.find((e) => e.correlationId === correlationId);
				expect(entry?.err).toBeInstanceOf(Error);
			};

			// A query error: PostgreSQL's text names the table.
			const admin = new pg.Client({ connectionString: databaseUrl });
			await admin.connect();
			await admin.query("ALTER TABLE billing_tokens RENAME TO billing_tokens_moved");
			await admin.end();
			expectGeneric(await get(), ["billing_tokens", "does not exist", "SELECT", "PostgreSQL failed"]);

			// The server gone: the driver's text names its host and port.
			await server.stop();
			expectGeneric(await get(), [`${server.port}`, "127.0.0.1:", "ECONNREFUSED", "Cannot reach PostgreSQL"]);
		} finally {
			await app.close();
			await storage.close().catch(() => {});
		}
	}, 60_000);
});
