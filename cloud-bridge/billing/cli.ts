/**
 * `fieldchain cloud serve | token create|list|revoke | enrollment create`: the reference billing service and
 * its bootstrap. The first admin token comes from `token create --scope admin` run against the
 * database file; every other token and enrollment can then go through the API.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { invalidConfig } from "../../platform/config-errors.js";
import { onFatalStop } from "../../platform/fatal.js";
import { listenError } from "../../platform/listen-error.js";
import { createLogger } from "../../platform/logger.js";
import { isLoopback } from "../../platform/net.js";
import { ensurePrivateDir } from "../../platform/private-data.js";
import { type OidcFlags, oidcConfigFromFlags } from "../console/oidc/config.js";
import { registerUserCommands } from "../console/user-cli.js";
import { registerImpactCommands } from "../impact/cli.js";
import { webhookStoreBeside } from "../webhooks/beside-storage.js";
import { WebhookDispatcher } from "../webhooks/dispatcher.js";
import { webhookRouteSpecs } from "../webhooks/routes.js";
import { DAY_MS, DEFAULT_ENROLLMENT_TTL_MS, DEFAULT_TOKEN_TTL_DAYS, issueApiToken, issueEnrollmentToken, MAX_TOKEN_TTL_DAYS } from "./auth/tokens.js";
import { DownlinkPushSink, mqttPushPublisher } from "./downlink-push.js";
import { addMqttIngestOptions, type MqttIngestFlags, mqttIngestOptionsFrom, startMqttIngestFromFlags } from "./ingest/mqtt-ingest-cli.js";
import { publisherDownlinkPush } from "./schedule/downlink-push.js";
import { registerScheduleCommands } from "./schedule-cli.js";
import { createBillingService } from "./service.js";
import { type BillingStorage, openBillingStorage } from "./storage.js";
import { SCOPES } from "./store/types.js";
import { registerTokenAdminCommands } from "./token-cli.js";

export const DEFAULT_BILLING_DB = ".fieldchain-data/billing.sqlite";
export const DEFAULT_BILLING_PORT = 8090;

interface StorageFlags {
	db?: string;
	databaseUrl?: string;
}

async function openFromFlags(flags: StorageFlags): Promise<BillingStorage> {
	if (flags.db && flags.databaseUrl) throw invalidConfig("Give either --db or --database-url, not both.", { field: "--database-url" });
	if (flags.databaseUrl) return openBillingStorage({ databaseUrl: flags.databaseUrl });
	const db = resolve(flags.db ?? DEFAULT_BILLING_DB);
	// The default data directory is the service's own: private (0700), refused if widened. A --db
	// elsewhere may sit in a shared directory; its file is still made and checked 0600 (storage.ts).
	if (flags.db === undefined) ensurePrivateDir(dirname(db));
	else mkdirSync(dirname(db), { recursive: true, mode: 0o700 });
	return openBillingStorage({ db });
}

function parsePort(value: string): number {
	const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
	if (!(port >= 0 && port <= 65535)) throw invalidConfig(`--port must be a number from 0 to 65535 (got "${value}").`, { field: "--port" });
	return port;
}

function parseNonNegative(value: string, flag: string): number {
	const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isFinite(n)) throw invalidConfig(`${flag} must be a non-negative number (got "${value}").`, { field: flag });
	return n;
}

function parseTtlDays(value: string): number {
	const days = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
	if (!(days >= 1 && days <= MAX_TOKEN_TTL_DAYS))
		throw invalidConfig(`--ttl-days must be a whole number from 1 to ${MAX_TOKEN_TTL_DAYS} (got "${value}").`, { field: "--ttl-days" });
	return days;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerCloudCommands(program: Command): Command {
	const cloud = program.command("cloud").description("The reference billing service: evidence ingest from enrolled gateways, approvals and invoice release.");

	addMqttIngestOptions(cloud.command("serve"))
		.description("Run the billing service (HTTP, OpenAPI at /openapi.json). Auth is always on.")
		.option("--port <port>", `TCP port (default ${DEFAULT_BILLING_PORT}; 0 picks a free one)`, parsePort)
		.option("--host <host>", "address to listen on (default 127.0.0.1; off loopback only once a token exists)", "127.0.0.1")
		.option("--db <file>", `SQLite database file (default ${DEFAULT_BILLING_DB})`)
		.option("--database-url <url>", "PostgreSQL instead of SQLite: postgres://user@host/db")
		.option("--margin-floor <basisPoints>", "refuse releases below this margin (basis points) without a margin override", (v) =>
			parseNonNegative(v, "--margin-floor"),
		)
		.option("--log-level <level>", "trace, debug, info, warn, error")
		.option("--webhook-allow <cidr>", "deliver webhooks to this otherwise refused range (loopback, private, link-local); repeat for more", collect, [])
		.option("--downlink-mqtt-url <url>", "tell bound gateways of office decisions on their downlink topic on this MQTT broker (mqtt://host:1883)")
		.option("--oidc-issuer <url>", "console sign-in through this OIDC provider too (https; http only on loopback)")
		.option("--oidc-client-id <id>", "the console's client id at the OIDC provider")
		.option("--oidc-client-secret-file <file>", "file holding the client secret (never given on the command line, never logged)")
		.option("--oidc-redirect-url <url>", "the callback registered at the provider (default: this service's origin + /v1/sessions/oidc/callback)")
		.option("--oidc-name <label>", "what the console's button says: \"Sign in with <label>\" (default: the issuer's host)")
		.action(
			async (
				options: StorageFlags &
					MqttIngestFlags & {
						port?: number;
						host: string;
						marginFloor?: number;
						logLevel?: string;
						webhookAllow: string[];
						downlinkMqttUrl?: string;
					} & OidcFlags,
			) => {
				const logger = createLogger({ name: "billing", level: options.logLevel });
				const oidc = oidcConfigFromFlags(options);
				const ingestMqtt = mqttIngestOptionsFrom(options);
				const storage = await openFromFlags(options);
				try {
					const tokens = await storage.store.countTokens();
					if (!isLoopback(options.host) && tokens === 0) {
						throw invalidConfig(`Refusing to listen on ${options.host} before any token exists.`, {
							field: "--host",
							hint: "Create the first admin token with `fieldchain cloud token create --scope admin` against the same database, then start again.",
						});
					}
					// Events go to the webhook dispatcher, queued in the same database so they survive a restart.
					const dispatcher = new WebhookDispatcher({
						store: await webhookStoreBeside(storage),
						webhookAllow: options.webhookAllow,
						onError: (error) => logger.error({ err: error }, "webhook worker"),
					});
					// Gateways hear of office decisions at once over MQTT when a broker is named (downlink-push.ts).
					const push = options.downlinkMqttUrl ? mqttPushPublisher(options.downlinkMqttUrl) : undefined;
					const events = push ? new DownlinkPushSink(dispatcher, storage, push.publish, logger) : dispatcher;
					const app = createBillingService({
						storage,
						logger,
						events,
						downlinkPush: push ? publisherDownlinkPush(push.publish) : undefined,
						routes: webhookRouteSpecs(dispatcher),
						...(oidc ? { console: { oidc } } : {}),
						policy: options.marginFloor === undefined ? {} : { marginFloorBasisPoints: options.marginFloor },
					});
					await app.listen({ host: options.host, port: options.port ?? DEFAULT_BILLING_PORT }).catch(async (cause: unknown) => {
						// The outbox relay started with the app (onReady): stop it, or the process stays up after the error.
						await app.close().catch(() => {});
						await dispatcher.close().catch(() => {});
						throw listenError(cause, {
							what: "billing service",
							host: options.host,
							port: options.port ?? DEFAULT_BILLING_PORT,
							flag: "--port P (or --host H)",
						});
					});
					dispatcher.start();
					// Evidence over MQTT: a worker on the shared subscription, answering as the HTTP route does.
					const ingest = await startMqttIngestFromFlags(ingestMqtt, storage, events, logger).catch(async (error: unknown) => {
						await app.close();
						await dispatcher.close();
						await push?.close();
						throw error;
					});
					const address = app.server.address();
					const port = address && typeof address === "object" ? address.port : options.port;
					const host = options.host.includes(":") ? `[${options.host}]` : options.host;
					process.stdout.write(`fieldchain billing service on http://${host}:${port} (OpenAPI: /openapi.json), storage: ${storage.describe}\n`);
					if (tokens === 0) process.stdout.write("No tokens yet: create the first with `fieldchain cloud token create --scope admin`.\n");
					const stop = async (signal: string) => {
						logger.info({ signal }, "stopping");
						await ingest?.close();
						await app.close();
						await dispatcher.close();
						await push?.close();
						await storage.close();
						logger.flush();
						process.exit(0);
					};
					process.once("SIGINT", () => void stop("SIGINT"));
					process.once("SIGTERM", () => void stop("SIGTERM"));
					// An unhandled rejection (platform/fatal.ts) still closes the store.
					onFatalStop(async () => {
						await ingest?.close();
						await app.close();
						await dispatcher.close();
						await push?.close();
						await storage.close();
						logger.flush();
					});
				} catch (error) {
					await storage.close();
					throw error;
				}
			},
		);

	const token = cloud.command("token").description("API tokens");
	token
		.command("create")
		.description(`Issue an API token and print it once (scopes: ${SCOPES.join(", ")}). Only its SHA-256 is stored.`)
		.requiredOption("--scope <scope>", "a scope; repeat for more", collect)
		.option("--name <name>", "who or what the token is for; recorded as the approver on approvals", "admin")
		.option("--ttl-days <days>", `days until the token expires (default ${DEFAULT_TOKEN_TTL_DAYS}, at most ${MAX_TOKEN_TTL_DAYS})`, parseTtlDays)
		.option("--db <file>", `SQLite database file (default ${DEFAULT_BILLING_DB})`)
		.option("--database-url <url>", "PostgreSQL instead of SQLite")
		.action(async (options: StorageFlags & { scope: string[]; name: string; ttlDays?: number }) => {
			const storage = await openFromFlags(options);
			try {
				const ttlMs = (options.ttlDays ?? DEFAULT_TOKEN_TTL_DAYS) * DAY_MS;
				const { token, record } = await issueApiToken(storage.store, { name: options.name, scopes: options.scope, now: Date.now(), ttlMs });
				const until = record.expiresAt == null ? "" : `, valid until ${new Date(record.expiresAt).toISOString()}`;
				process.stderr.write(`Token "${record.name}" with scopes ${record.scopes.join(", ")}${until}; it is shown only now:\n`);
				process.stdout.write(`${token}\n`);
			} finally {
				await storage.close();
			}
		});
	registerTokenAdminCommands(token, openFromFlags, DEFAULT_BILLING_DB);
	registerUserCommands(cloud, openFromFlags, DEFAULT_BILLING_DB);
	registerImpactCommands(cloud);
	registerScheduleCommands(cloud);

	cloud
		.command("enrollment")
		.description("Gateway enrollment tokens")
		.command("create")
		.description("Issue a one-time enrollment token for a new gateway and print it")
		.option("--ttl-hours <hours>", "how long it stays usable (default 24)", (v) => parseNonNegative(v, "--ttl-hours"))
		.option("--db <file>", `SQLite database file (default ${DEFAULT_BILLING_DB})`)
		.option("--database-url <url>", "PostgreSQL instead of SQLite")
		.action(async (options: StorageFlags & { ttlHours?: number }) => {
			const storage = await openFromFlags(options);
			try {
				const ttlMs = options.ttlHours === undefined ? DEFAULT_ENROLLMENT_TTL_MS : options.ttlHours * 3_600_000;
				const { token, record } = await issueEnrollmentToken(storage.store, { now: Date.now(), ttlMs });
				process.stderr.write(`One-time enrollment token, valid until ${new Date(record.expiresAt).toISOString()}:\n`);
				process.stdout.write(`${token}\n`);
			} finally {
				await storage.close();
			}
		});
	return cloud;
}
