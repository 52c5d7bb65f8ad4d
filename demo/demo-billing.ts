/**
 * The reference billing service for `fieldchain start`: on loopback, SQLite in the demo's data
 * directory, loaded with the demo day on first start, with an admin token for the newcomer's
 * curl commands (the same one every start) and an enrollment token the gateway's uplink spends once (it keeps the API token
 * it gets in its data directory).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createBillingService } from "../cloud-bridge/billing/service.js";
import { type BillingStorage, openBillingStorage } from "../cloud-bridge/billing/storage.js";
import type { BillingEventSink } from "../cloud-bridge/events/billing-events.js";
import type { ModelSnapshot } from "../model/entities/kinds.js";
import { listenError } from "../platform/listen-error.js";
import { demoAdminToken } from "./demo-admin-token.js";

export interface DemoBilling {
	url: string;
	adminToken: string;
	/** Set when the gateway has not enrolled yet. */
	enrollmentToken: string | undefined;
	stop(): Promise<void>;
}

async function call(url: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(10_000),
	});
	const parsed = (await response.json()) as Record<string, unknown>;
	if (!response.ok) throw new Error(`The demo billing service refused ${method} ${path} (HTTP ${response.status}): ${JSON.stringify(parsed)}`);
	return parsed;
}

export async function startDemoBilling(options: {
	dataDir: string;
	host: string;
	port: number;
	snapshot: ModelSnapshot;
	gatewayEnrolled: boolean;
	/** Where the service's events go (tests read them); default: kept in memory. */
	events?: BillingEventSink;
}): Promise<DemoBilling> {
	const file = join(options.dataDir, "billing.sqlite");
	const fresh = !existsSync(file);
	const storage: BillingStorage = await openBillingStorage({ db: file });
	let app: FastifyInstance | undefined;
	try {
		app = createBillingService({ storage, ...(options.events ? { events: options.events } : {}) });
		await app.listen({ host: options.host, port: options.port }).catch((cause: unknown) => {
			throw listenError(cause, { what: "demo billing service", host: options.host, port: options.port, flag: "--billing HOST:PORT (or --no-billing)" });
		});
		const address = app.server.address();
		const url = `http://${options.host}:${address && typeof address === "object" ? address.port : options.port}`;
		// The same admin token every start (demo-admin-token.ts), so copied curl commands keep working.
		const adminToken = await demoAdminToken(storage.store, options.dataDir);
		// The import fills empty slots only: the demo day goes in once, with the database.
		if (fresh) await call(url, adminToken, "POST", "/v1/import", options.snapshot);
		const enrollmentToken = options.gatewayEnrolled ? undefined : String((await call(url, adminToken, "POST", "/v1/enrollments")).enrollmentToken);
		const running = app;
		return {
			url,
			adminToken,
			enrollmentToken,
			async stop() {
				await running.close();
				await storage.close();
			},
		};
	} catch (error) {
		await app?.close();
		await storage.close();
		throw error;
	}
}
