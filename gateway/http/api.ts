/**
 * The gateway's local HTTP API (fastify). Loopback by default; a bearer token guards it when one
 * is configured (and is required off loopback, see config.ts checkExposure).
 */
import { timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerFactory } from "fastify";
import type { Registry } from "prom-client";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import type { GatewayParts } from "../parts.js";

export interface ApiDependencies extends Pick<GatewayParts, "store" | "devices" | "logger"> {
	metrics: Registry;
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

const MAX_LIMIT = 10_000;

/** fastify's own refusals as the HTTP layer's codes: 413 body size, 415 media type, 400 the rest (unparsable JSON...); anything else thrown is a 500. */
function frameworkError(error: Error & { statusCode?: number }): FieldchainError {
	const status = error.statusCode ?? 500;
	if (status === 413) return new FieldchainError(ErrorCodes.FC_HTTP_TOO_LARGE, error.message);
	if (status === 415) return new FieldchainError(ErrorCodes.FC_HTTP_UNSUPPORTED_MEDIA_TYPE, error.message);
	return new FieldchainError(status >= 500 ? ErrorCodes.FC_HTTP_INTERNAL : ErrorCodes.FC_HTTP_BAD_REQUEST, error.message);
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
			return sendError(
				reply,
				new FieldchainError(ErrorCodes.FC_APP_UNAUTHORIZED, "Sign in first: this API needs a technician session.", {
					hint: "POST /api/v1/session with the PIN, or send Authorization: Bearer <http.token>.",
				}),
			);
		}
		if (!expected) return;
		if (!bearerOk) {
			return sendError(
				reply,
				new FieldchainError(ErrorCodes.FC_HTTP_UNAUTHORIZED, "Missing or wrong bearer token.", {
					hint: "Send Authorization: Bearer <http.token from the gateway config>.",
				}),
			);
		}
	});

	app.setErrorHandler((error, _request, reply) => {
		if (isFieldchainError(error)) return sendError(reply, error);
		const answer = frameworkError(error as Error);
		if (answer.code === ErrorCodes.FC_HTTP_INTERNAL) deps.logger.error({ err: error }, "local API request failed");
		return sendError(reply, answer);
	});

	app.setNotFoundHandler((request, reply) =>
		sendError(reply, new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `No route ${request.method} ${request.url}.`, { hint: "See README, Local API." })),
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
	return new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, `No device "${deviceId}" has been seen by this gateway.`, {
		hint: "GET /api/v1/devices lists the known ones.",
	});
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
