/**
 * A billing service on a loopback socket over SQLite in a temporary directory, with tokens for
 * each role, for the tests and the benchmark. Responses are checked against the OpenAPI document.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../../../platform/clock.js";
import { MemoryEventSink } from "../../events/billing-events.js";
import { issueApiToken } from "../auth/tokens.js";
import type { BillingPolicy } from "../context.js";
import type { RouteSpec } from "../routes/route-spec.js";
import type { DownlinkPush } from "../schedule/downlink-push.js";
import { createBillingService } from "../service.js";
import { type BillingStorage, openBillingStorage } from "../storage.js";

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely; the OpenAPI validator checks their shape.
export interface HttpResult<T = any> {
	status: number;
	body: T;
	headers: Headers;
}

export interface TestService {
	url: string;
	app: FastifyInstance;
	storage: BillingStorage;
	events: MemoryEventSink;
	tokens: { admin: string; approver: string; releaser: string; reader: string };
	dir: string;
	// biome-ignore lint/suspicious/noExplicitAny: as HttpResult.
	request<T = any>(method: string, path: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<HttpResult<T>>;
	close(): Promise<void>;
}

export interface TestServiceOptions {
	clock?: Clock;
	policy?: Partial<BillingPolicy>;
	validateResponses?: boolean;
	/** Reuse a directory (to restart a service over the same database). */
	dir?: string;
	/** Where events go (default a fresh MemoryEventSink). */
	events?: MemoryEventSink;
	/** Pushes schedule changes to gateways (schedule/downlink-push.ts). */
	downlinkPush?: DownlinkPush;
	/** PostgreSQL instead of SQLite (an empty database or schema): for the benchmark and the `*.real` tests. */
	databaseUrl?: string;
	/** More route declarations to serve (the webhook admin API). */
	routes?: readonly RouteSpec[];
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
	const dir = options.dir ?? mkdtempSync(join(tmpdir(), "fc-billing-"));
	const storage = await openBillingStorage(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { db: join(dir, "billing.sqlite") });
	const events = options.events ?? new MemoryEventSink();
	const app = createBillingService({
		storage,
		events,
		clock: options.clock,
		policy: options.policy,
		validateResponses: options.validateResponses ?? true,
		downlinkPush: options.downlinkPush,
		routes: options.routes,
	});
	await app.listen({ host: "127.0.0.1", port: 0 });
	const address = app.server.address();
	if (!address || typeof address === "string") throw new Error("the test service has no TCP address");
	const url = `http://127.0.0.1:${address.port}`;
	const now = Date.now();
	const issue = async (name: string, scopes: string[]) => (await issueApiToken(storage.store, { name, scopes, now })).token;
	const tokens = {
		admin: await issue("ADMIN1", ["admin"]),
		approver: await issue("SUP1", ["approve"]),
		releaser: await issue("FIN1", ["release"]),
		reader: await issue("READER1", ["workorders:read"]),
	};
	return {
		url,
		app,
		storage,
		events,
		tokens,
		dir,
		async request(method, path, requestOptions = {}) {
			const headers: Record<string, string> = { ...requestOptions.headers };
			const token = requestOptions.token === undefined ? tokens.admin : requestOptions.token;
			if (token !== null) headers.authorization = `Bearer ${token}`;
			if (requestOptions.body !== undefined) headers["content-type"] = "application/json";
			const response = await fetch(`${url}${path}`, {
				method,
				headers,
				body: requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
				signal: AbortSignal.timeout(10_000),
			});
			const text = await response.text();
			return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
		},
		async close() {
			await app.close();
			await storage.close();
			if (!options.dir) rmSync(dir, { recursive: true, force: true });
		},
	};
}
