/**
 * The gateway's TLS listeners: the local API over HTTPS (a fastify serverFactory, so the embedded
 * Node-RED keeps /red on the same port) and the MQTT broker over TLS (mqtts). Invariant: with TLS
 * configured no plaintext byte is served on that port: a plaintext client fails the handshake.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createTcpServer, type Server as NetServer, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import type { FastifyServerFactory } from "fastify";
import type { TlsServerOptions } from "./tls-files.js";

/** Long enough for a slow device on a bad link, short enough that a silent socket does not hold a slot. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * An HTTPS server for fastify. When another factory is given (Node-RED's, which sends /red to its
 * own express app and the rest to fastify), its dispatch is kept: the plain server it builds never
 * listens; each decrypted request is handed to its request listener.
 */
export function httpsServerFactory(tls: TlsServerOptions, inner?: FastifyServerFactory): FastifyServerFactory {
	return (handler, options) => {
		let listener: RequestListener = handler;
		if (inner) {
			const dispatcher = inner(handler, options);
			listener = (request, response) => dispatcher.emit("request", request, response);
		}
		return createHttpsServer({ ...tls, handshakeTimeout: HANDSHAKE_TIMEOUT_MS }, listener);
	};
}

export interface MqttListener {
	server: NetServer;
	/** Every socket accepted, before or after the TLS handshake: the broker's close ends them all. */
	destroyAll(): void;
}

/** TCP for mqtt://, TLS for mqtts://; `onSocket` gets the (decrypted) stream once it can carry MQTT. */
export function createMqttListener(tls: TlsServerOptions | undefined, onSocket: (socket: Socket) => void): MqttListener {
	const server: NetServer = tls ? createTlsServer({ ...tls, handshakeTimeout: HANDSHAKE_TIMEOUT_MS }, onSocket) : createTcpServer(onSocket);
	const raw = new Set<Socket>();
	server.on("connection", (socket: Socket) => {
		raw.add(socket);
		socket.once("close", () => raw.delete(socket));
	});
	return {
		server,
		destroyAll: () => {
			for (const socket of raw) socket.destroy();
		},
	};
}
