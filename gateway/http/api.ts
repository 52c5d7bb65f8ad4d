/**
 * The gateway's local HTTP API (fastify). Loopback by default; a bearer token guards it when one
 * is configured (and is required off loopback, see config.ts checkExposure).
 */
import { timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerFactory } from "fastify";
import type { Registry } from "prom-client";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import type { DeviceRegistry } from "../session/device-registry.js";
import type { ReadingStore } from "../store/reading-store.js";

export interface ApiDependencies {
	store: ReadingStore;
	devices: DeviceRegistry;
	metrics: Registry;
	logger: Logger;
	token?: string;
	startedAt: number;
	/** More route groups (work orders, evidence), each in its own file. */
	routes?: Array<(app: FastifyInstance) => void>;
	/** Makes the HTTP server; the embedded Node-RED uses it to take /red (gateway/node-red/embedded-node-red.ts). */
	serverFactory?: FastifyServerFactory;
	/**
	 * Technician app sessions (gateway/http/session-routes.ts): when set, every /api request needs
	 * a live session cookie or the bearer token; the function says whether the request has one.
	 */
	hasSession?: (request: FastifyRequest) => boolean;
	/** Paths anyone may fetch (the app's static shell: it holds no data). */
	isPublic?: (path: string) => boolean;
}

/** HTTP status for an error code: the code says what went wrong, the status what kind of wrong. */
function statusFor(code: string): number {
	if (code === ErrorCodes.FC_HTTP_NOT_FOUND || code === "FC_MODEL_NOT_FOUND") return 404;
	if (code === "FC_EVIDENCE_TOO_LARGE") return 413;
	if (code === ErrorCodes.FC_APP_UNAUTHORIZED || code === ErrorCodes.FC_APP_WRONG_PIN) return 401;
	if (code === ErrorCodes.FC_APP_FORBIDDEN) return 403;
	if (code === ErrorCodes.FC_APP_TOO_MANY_ATTEMPTS) return 429;
	if (code.startsWith("FC_MODEL_") || code === "FC_EVIDENCE_CONFLICT") return 409;
	if (code.startsWith("FC_STORE_")) return 503;
	return 400;
}

const MAX_LIMIT = 10_000;

function sendError(reply: FastifyReply, status: number, error: FieldchainError): FastifyReply {
	return reply.code(status).type("application/json").send({ error: { code: error.code, message: error.message } });
}

function nonNegativeInteger(value: unknown, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
	if (value === undefined || value === "") return fallback;
	const parsed = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isSafeInteger(parsed) || parsed > max) {
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Query parameter ${name} must be an integer from 0 to ${max} (got "${String(value)}").`);
	}
	return parsed;
}

export function buildApi(deps: ApiDependencies): FastifyInstance {
	const app = Fastify({ logger: false, ...(deps.serverFactory ? { serverFactory: deps.serverFactory } : {}) });
	const expected = deps.token ? Buffer.from(`Bearer ${deps.token}`) : undefined;

	app.addHook("onRequest", async (request, reply) => {
		const path = request.url.split("?", 1)[0];
		if (path === "/healthz" || deps.isPublic?.(path)) return;
		const given = Buffer.from(request.headers.authorization ?? "");
		const bearerOk = expected !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
		if (deps.hasSession && path.startsWith("/api/") && !bearerOk) {
			// Sign-in, sign-out and "who am I" answer without a session.
			if (path === "/api/v1/session" || deps.hasSession(request)) return;
			return sendError(reply, 401, new FieldchainError(ErrorCodes.FC_APP_UNAUTHORIZED, "Sign in first: this API needs a technician session.", { hint: "POST /api/v1/session with the PIN, or send Authorization: Bearer <http.token>." }));
		}
		if (!expected) return;
		if (!bearerOk) {
			reply.header("www-authenticate", "Bearer");
			return sendError(reply, 401, new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, "Missing or wrong bearer token.", { hint: "Send Authorization: Bearer <http.token from the gateway config>." }));
		}
	});

	app.setErrorHandler((error, _request, reply) => {
		if (isFieldchainError(error)) return sendError(reply, statusFor(error.code), error);
		const status = (error as { statusCode?: number }).statusCode ?? 500;
		if (status >= 500) deps.logger.error({ err: error }, "local API request failed");
		return sendError(reply, status, new FieldchainError(status >= 500 ? ErrorCodes.FC_STORE_WRITE : ErrorCodes.FC_HTTP_BAD_REQUEST, (error as Error).message));
	});

	app.setNotFoundHandler((request, reply) =>
		sendError(reply, 404, new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `No route ${request.method} ${request.url}.`, { hint: "See README, Local API." })),
	);

	for (const register of deps.routes ?? []) register(app);

	app.get("/healthz", async () => ({
		status: "ok",
		uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
		readingsStored: deps.store.countReadings(),
		devicesConnected: deps.devices.all().filter((device) => device.connected).length,
	}));

	app.get("/metrics", async (_request, reply) => {
		reply.type(deps.metrics.contentType);
		return deps.metrics.metrics();
	});

	app.get("/api/v1/devices", async () => ({ devices: listDevices(deps) }));

	app.get<{ Params: { id: string } }>("/api/v1/devices/:id", async (request) => {
		const device = listDevices(deps).find((entry) => entry.id === request.params.id);
		if (!device) throw unknownDevice(request.params.id);
		return device;
	});

	app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>("/api/v1/devices/:id/readings", async (request) => {
		const deviceId = request.params.id;
		const record = deps.store.getDevice(deviceId);
		if (!record) throw unknownDevice(deviceId);
		const afterSeq = nonNegativeInteger(request.query.afterSeq, "afterSeq", 0);
		const limit = Math.max(1, nonNegativeInteger(request.query.limit, "limit", 1000, MAX_LIMIT));
		const bootId = request.query.bootId || record.bootId;
		if (!/^[0-9a-f]+$/.test(bootId)) throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Query parameter bootId must be hex (got "${bootId}").`);
		const readings = deps.store.listReadings(deviceId, { bootId, afterSeq, limit }).map((row) => ({
			seq: row.seq,
			quantity: row.quantity,
			value: Number.isFinite(row.value) ? row.value : null,
			unit: row.unit,
			flags: row.flags,
			channel: row.channel,
			deviceTimeUs: row.deviceTimeUs,
			receivedAt: new Date(row.receivedAt).toISOString(),
		}));
		const last = readings[readings.length - 1];
		return { deviceId, bootId, readings, nextAfterSeq: last ? last.seq : afterSeq };
	});

	return app;
}

function unknownDevice(deviceId: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `No device "${deviceId}" has been seen by this gateway.`, { hint: "GET /api/v1/devices lists the known ones." });
}

function listDevices(deps: ApiDependencies) {
	return deps.store.listDevices().map((record) => {
		const live = deps.devices.live(record.deviceId);
		const counters = live?.counters;
		return {
			id: record.deviceId,
			connected: live?.connected ?? false,
			transport: live?.transport ?? record.transport,
			link: live?.link ?? null,
			model: record.model,
			hardwareRevision: record.hardwareRevision,
			firmwareVersion: record.firmwareVersion,
			serialNumber: record.serialNumber,
			protocolVersion: `${record.protocolMajor}.${record.protocolMinor}`,
			bootId: record.bootId,
			capabilities: record.capabilities,
			calibration: record.calibration ?? null,
			firstSeenAt: new Date(record.firstSeenAt).toISOString(),
			lastSeenAt: new Date(record.lastSeenAt).toISOString(),
			readingsStored: record.readingsStored,
			readingsReceived: counters?.readingsReceived ?? 0,
			errors: {
				badCrc: counters?.badCrc ?? 0,
				badCobs: counters?.badCobs ?? 0,
				oversized: counters?.oversized ?? 0,
				short: counters?.short ?? 0,
				resyncs: counters?.resyncs ?? 0,
				undecodable: counters?.undecodable ?? 0,
				protocol: counters?.protocolErrors ?? 0,
				device: counters?.deviceErrors ?? 0,
			},
			lastError: live?.lastError ?? null,
			lastHeartbeatAt: live?.lastHeartbeatAt ? new Date(live.lastHeartbeatAt).toISOString() : null,
			deviceUnackedReadings: live?.deviceUnackedReadings ?? null,
		};
	});
}
