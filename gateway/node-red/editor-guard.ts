/**
 * Who may reach the embedded Node-RED at all. /red is dispatched before fastify (the editor needs
 * the raw http.Server), so neither the local API's bearer token nor its Host check covers it, and
 * an editor user is as powerful as the gateway's OS user. So the editor answers only requests
 * that arrive over loopback (both ends of the socket), unless the operator opened it on purpose
 * with nodeRed.exposeOffLoopback, which the config accepts only together with http.tls.
 * Invariant: decided on the socket's addresses, never on headers a client writes (Host, X-Forwarded-For).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCodes, FieldchainError, statusOf } from "../../platform/errors.js";
import { errorBody } from "../../platform/http-errors.js";
import { isLoopback } from "../../platform/net.js";
import type { GatewayConfig } from "../config.js";

/** A socket address as Node reports it: "::ffff:127.0.0.1" is IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (!address) return false;
	return isLoopback(address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address);
}

/** True when both ends of the request's connection are loopback addresses. */
export function arrivedOverLoopback(request: IncomingMessage): boolean {
	return isLoopbackAddress(request.socket.remoteAddress) && isLoopbackAddress(request.socket.localAddress);
}

export function offLoopbackError(): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_NODE_RED_OFF_LOOPBACK, "The Node-RED editor answers on loopback only.", {
		hint: "Open it on the gateway itself (or through an SSH tunnel to 127.0.0.1), or set nodeRed.exposeOffLoopback with http.tls (README, Gateway configuration).",
	});
}

/** Answers a raw Node response with the one error body of fieldchain's HTTP services. */
export function answerError(response: ServerResponse, error: FieldchainError, headers: Record<string, string> = {}): void {
	response.writeHead(statusOf(error), { "content-type": "application/json; charset=utf-8", ...headers });
	response.end(JSON.stringify(errorBody(error)));
}

/** An editor opened off loopback must be behind TLS: its login and session token cross the network. */
export function checkNodeRedExposure(config: GatewayConfig): void {
	if (config.nodeRed === false || !config.nodeRed.exposeOffLoopback) return;
	if (config.http && config.http.tls !== undefined) return;
	throw new FieldchainError(
		ErrorCodes.FC_CONFIG_INVALID,
		"Refusing to open the Node-RED editor off loopback without TLS (nodeRed.exposeOffLoopback needs http.tls).",
		{
			hint: "Configure http.tls (key and certificate files), or leave nodeRed.exposeOffLoopback out and reach the editor over loopback or an SSH tunnel.",
		},
	);
}
