/**
 * The MQTT broker inside the gateway (aedes over TCP, or TLS with `tls`: mqtts), secure by default:
 * loopback unless told otherwise, never off loopback in clear unless `insecurePlaintext`, every
 * client a device with a password (device-acl.ts), packets capped in size before they are
 * buffered (packet-size-guard.ts), load shed under floods before any scrypt (connection-guard.ts,
 * password-check-queue.ts). There is no anonymous mode.
 */
import type { Server, Socket } from "node:net";
import type { Server as TlsServer } from "node:tls";
import { Aedes, type Client } from "aedes";
import type { Logger } from "pino";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { isLoopback } from "../../platform/net.js";
import { ABSOLUTE_MAX_PAYLOAD } from "../../protocol/framing/frame.js";
import { refusePlaintextExposure, warnPlaintextExposure } from "../tls/exposure.js";
import type { TlsServerOptions } from "../tls/tls-files.js";
import { createMqttListener } from "../tls/tls-listeners.js";
import { ConnectionGuard, type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from "./connection-guard.js";
import { createDeviceAcl, remoteAddressOf } from "./device-acl.js";
import { type DeviceCredentials, type DeviceLookup, toDeviceLookup } from "./device-credentials.js";
import { guardAuthenticate } from "./guarded-authenticate.js";
import { PacketSizeGuard } from "./packet-size-guard.js";
import { DEFAULT_PASSWORD_CHECK_LIMITS, type PasswordCheckLimits, PasswordCheckQueue } from "./password-check-queue.js";
import { createRefusalLog } from "./refusal-log.js";

export type { DeviceCredentials, DeviceLookup } from "./device-credentials.js";

export const DEFAULT_MQTT_HOST = "127.0.0.1";
export const DEFAULT_MQTT_PORT = 1883;
/** One PUBLISH carries one Envelope, which is never above 16384 bytes. */
export const MAX_MQTT_PAYLOAD = ABSOLUTE_MAX_PAYLOAD;
/**
 * Largest Remaining Length (MQTT 3.1.1 section 2.2.3) of any packet: the payload plus the topic
 * (at most 91 bytes for a 64-character device id) and packet id, with room for a CONNECT.
 */
export const MAX_MQTT_PACKET = MAX_MQTT_PAYLOAD + 512;

export interface EmbeddedBrokerOptions {
	/** Default 127.0.0.1. Anything else needs `tls`, or `insecurePlaintext`. */
	host?: string;
	/** Key and certificate (gateway/tls/tls-files.ts): the broker speaks mqtts only. */
	tls?: TlsServerOptions;
	/** Allow a plaintext listener off loopback (--insecure-plaintext); logged as a warning at every start. */
	insecurePlaintext?: boolean;
	/** Default 1883; 0 picks a free port. */
	port?: number;
	devices: DeviceLookup | readonly DeviceCredentials[];
	logger: Logger;
	/** Deliberately impossible: there is no way to let clients in without a device password. */
	allowAnonymousNonLoopback?: never;
	/** Load limits against floods (connection-guard.ts); unset fields take DEFAULT_CONNECTION_LIMITS. */
	limits?: Partial<ConnectionLimits>;
	/** The bounded password-check queue (password-check-queue.ts). */
	passwordChecks?: Partial<PasswordCheckLimits>;
}

export interface EmbeddedBroker {
	broker: Aedes;
	address: { host: string; port: number };
	/** Installs a renewed key and certificate for new connections (TLS only; a no-op without it). */
	setSecureContext(options: TlsServerOptions): void;
	close(): Promise<void>;
}

export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
	const host = options.host ?? DEFAULT_MQTT_HOST;
	const port = options.port ?? DEFAULT_MQTT_PORT;
	const logger = options.logger.child({ component: "mqtt-broker" });
	const devices = toDeviceLookup(options.devices);
	const exposure = { mqtt: { host, port, tls: options.tls }, http: false as const, insecurePlaintext: options.insecurePlaintext };
	// Before any socket: a refused broker never listened.
	refusePlaintextExposure(exposure);
	if (!options.tls && !isLoopback(host)) warnPlaintextExposure(logger, { section: "mqtt", host, port });

	const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
	const guard = new ConnectionGuard(limits);
	const acl = createDeviceAcl({ devices, logger, maxPayload: MAX_MQTT_PAYLOAD });
	const checks = new PasswordCheckQueue({ ...DEFAULT_PASSWORD_CHECK_LIMITS, ...options.passwordChecks });
	const broker = await Aedes.createBroker({
		...acl,
		authenticate: guardAuthenticate(acl.authenticate, { guard, queue: checks, logger }),
		// MQTT 3.1 (protocol level 3) limits client ids to 23 characters; device ids go to 64.
		maxClientsIdLength: 64,
		// Device topics have 5 levels; refuse anything deep before it reaches the topic tries.
		maxTopicLevels: 8,
		// A socket that has not sent CONNECT by then is closed; idle sockets cannot pile up.
		connectTimeout: limits.connectTimeoutMs,
		drainTimeout: 30_000,
	});
	watchClients(broker, logger);
	broker.on("clientReady", (client: Client) => guard.settle(client.conn));
	const refusals = createRefusalLog(logger);

	const sockets = new Set<Socket>();
	const listener = createMqttListener(options.tls, (socket) => {
		sockets.add(socket);
		socket.once("close", () => sockets.delete(socket));
		const connection = new PacketSizeGuard(socket, MAX_MQTT_PACKET);
		const remoteAddress = socket.remoteAddress ?? "unknown";
		const admission = guard.admit(connection, remoteAddress);
		if (admission !== "admitted") {
			refusals(
				{ remoteAddress },
				`MQTT connection closed: ${admission === "limited" ? "too many CONNECTs" : "too many unauthenticated connections"} from this address`,
			);
			socket.destroy();
			return;
		}
		socket.once("close", () => guard.settle(connection));
		broker.handle(connection);
	});
	const server = listener.server;
	// The connection cap: net.Server closes sockets beyond it as they are accepted.
	server.maxConnections = limits.maxConnections;
	server.on("drop", (drop) => refusals({ remoteAddress: drop?.remoteAddress, limit: limits.maxConnections }, "MQTT connection closed: connection cap reached"));
	try {
		await listen(server, host, port);
	} catch (error) {
		await closeBroker(broker);
		throw listenError(error as NodeJS.ErrnoException, host, port);
	}
	server.on("error", (error) => logger.error({ code: ErrorCodes.FC_MQTT_CONNECT, err: error }, "MQTT listener error"));

	const bound = server.address();
	const address = { host, port: typeof bound === "object" && bound ? bound.port : port };
	logger.info({ host: address.host, port: address.port, tls: options.tls !== undefined }, "MQTT broker listening");

	let closing: Promise<void> | undefined;
	const close = (): Promise<void> => {
		closing ??= (async () => {
			const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
			await closeBroker(broker);
			// Connections still before CONNECT are not aedes clients yet; broker.close() misses them.
			for (const socket of sockets) socket.destroy();
			// ...nor TLS connections still in their handshake.
			listener.destroyAll();
			await serverClosed;
		})();
		return closing;
	};
	const setSecureContext = (secure: TlsServerOptions) => {
		if (options.tls) (server as TlsServer).setSecureContext(secure);
	};
	return { broker, address, setSecureContext, close };
}

function watchClients(broker: Aedes, logger: Logger): void {
	broker.on("clientReady", (client: Client) => logger.info({ clientId: client.id, remoteAddress: remoteAddressOf(client) }, "MQTT device connected"));
	broker.on("clientDisconnect", (client: Client) => logger.info({ clientId: client.id }, "MQTT device disconnected"));
	const onError = (client: Client, error: Error) => {
		// ACL refusals were logged where they were decided.
		if (isFieldchainError(error, "FC_MQTT_AUTH") || isFieldchainError(error, "FC_MQTT_FORBIDDEN") || isFieldchainError(error, "FC_MQTT_BUSY")) return;
		if (isFieldchainError(error, "FC_PROTO_TOO_LARGE")) {
			logger.warn(
				{ code: ErrorCodes.FC_MQTT_FORBIDDEN, clientId: client.id ?? undefined, remoteAddress: remoteAddressOf(client), reason: error.message },
				"MQTT packet too large; connection dropped",
			);
			return;
		}
		logger.info({ clientId: client.id ?? undefined, remoteAddress: remoteAddressOf(client), reason: error.message }, "MQTT connection error");
	};
	broker.on("clientError", onError);
	broker.on("connectionError", onError);
}

function listen(server: Server, host: string, port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen({ host, port }, () => {
			server.off("error", reject);
			resolve();
		});
	});
}

function closeBroker(broker: Aedes): Promise<void> {
	return new Promise((resolve) => broker.close(() => resolve()));
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): FieldchainError {
	const where = `${host}:${port}`;
	const hint =
		error.code === "EADDRINUSE"
			? `Another MQTT broker (mosquitto?) or gateway already listens there; stop it, or choose another address with --mqtt HOST:PORT (port 0 picks a free one).`
			: `Check the address, or choose another with --mqtt HOST:PORT.`;
	return new FieldchainError(ErrorCodes.FC_MQTT_CONNECT, `Cannot listen for MQTT on ${where}: ${error.code ?? error.message}.`, {
		cause: error,
		hint,
		details: { host, port, errno: error.code },
	});
}
