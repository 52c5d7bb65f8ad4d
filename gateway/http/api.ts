/**
 * The gateway's local HTTP API (fastify). Loopback by default; a bearer token guards it when one
 * is configured (and is required off loopback, see config.ts checkExposure). Every route declares
 * who may call it (route-access.ts); the Host header is checked first (host-allow-list.ts).
 */
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerFactory } from "fastify";
import type { Registry } from "prom-client";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import type { GatewayTime } from "../clock/gateway-time.js";
import type { GatewayParts } from "../parts.js";
import { guardHost, type HostAllowListOptions } from "./host-allow-list.js";
import { answerError, answerUnroutable } from "./internal-errors.js";
import { access, enforceAccess } from "./route-access.js";

export interface ApiDependencies extends Pick<GatewayParts, "store" | "devices" | "logger"> {
	metrics: Registry;
	token?: string;
	startedAt: number;
	/** The gateway's time and its quality (gateway/clock), shown in /healthz; uptime counts on its monotonic clock. */
	time?: GatewayTime;
	/** More route groups (work orders, evidence), each in its own file. */
	routes?: Array<(app: FastifyInstance) => void>;
	/** Makes the HTTP server; the embedded Node-RED uses it to take /red (gateway/node-red/embedded-node-red.ts). */
	serverFactory?: FastifyServerFactory;
	/**
	 * Technician app sessions (gateway/http/session-routes.ts): when set, every session-or-token
	 * route needs a live session cookie or the bearer token; the function names the signed-in technician.
	 */
	signedIn?: (request: FastifyRequest) => string | undefined;
	/** The Host header allow-list (DNS-rebinding guard); loopback names only when absent. */
	hosts?: HostAllowListOptions;
}

const MAX_LIMIT = 10_000;

function nonNegativeInteger(value: unknown, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
	if (value === undefined || value === "") return fallback;
	const parsed = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isSafeInteger(parsed) || parsed > max) {
		throw new FieldchainError(ErrorCodes.FC_HTTP_BAD_REQUEST, `Query parameter ${name} must be an integer from 0 to ${max} (got "${String(value)}").`);
	}
	return parsed;
}

export function buildApi(deps: ApiDependencies): FastifyInstance {
	const app = Fastify({
		logger: false,
		frameworkErrors: (error, request, reply) => answerUnroutable(deps.logger, error, request, reply),
		...(deps.serverFactory ? { serverFactory: deps.serverFactory } : {}),
	});
	// Order matters: the Host check, then access, both before any route's own hooks.
	guardHost(app, deps.hosts ?? { bindHost: "127.0.0.1" });
	enforceAccess(app, { token: deps.token, signedIn: deps.signedIn });

	app.setErrorHandler((error, request, reply) => answerError(deps.logger, error, request, reply));

	// The path is not echoed: a 404 says nothing about what was asked or what exists.
	app.setNotFoundHandler((_request, reply) =>
		sendError(reply, new FieldchainError(ErrorCodes.FC_HTTP_NOT_FOUND, "No such route on this gateway.", { hint: "See README, Local API." })),
	);

	for (const register of deps.routes ?? []) register(app);

	app.get("/healthz", access("public"), async () => ({
		status: "ok",
		uptimeSeconds: Math.round((deps.time ? deps.time.uptimeMs() : Date.now() - deps.startedAt) / 1000),
		readingsStored: deps.store.countReadings(),
		devicesConnected: deps.devices.all().filter((device) => device.connected).length,
		...(deps.time ? { clock: deps.time.status() } : {}),
	}));

	app.get("/metrics", access("token"), async (_request, reply) => {
		reply.type(deps.metrics.contentType);
		return deps.metrics.metrics();
	});

	app.get("/api/v1/devices", access("session-or-token"), async () => ({ devices: listDevices(deps) }));

	app.get<{ Params: { id: string } }>("/api/v1/devices/:id", access("session-or-token"), async (request) => {
		const device = listDevices(deps).find((entry) => entry.id === request.params.id);
		if (!device) throw unknownDevice(request.params.id);
		return device;
	});

	app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
		"/api/v1/devices/:id/readings",
		access("session-or-token"),
		async (request) => {
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
		},
	);

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
			// How the id was established: only the broker's password check (MQTT) authenticates it; a serial hello only claims it.
			identity: live?.identity ?? (record.transport === "mqtt" ? "mqtt-password" : "claimed"),
			authenticated: live ? live.authenticated : record.transport === "mqtt",
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
