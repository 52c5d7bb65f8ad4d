/**
 * The DNS-rebinding guard of the local API: a web page on an attacker's name that re-resolves to
 * 127.0.0.1 reaches the gateway with its own name in the Host header, so only Host values the
 * gateway knows are served: loopback names and addresses on the port the request came in on, the
 * address the API is bound to, this machine's addresses when bound to all interfaces (an address
 * cannot be rebound), and the names in http.allowedHosts. Anything else is answered 421.
 * Invariant: the check runs before routing's hooks, so no route, public or not, answers a foreign Host.
 */
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { FastifyInstance } from "fastify";
import { configFieldError } from "../../platform/config-errors.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { sendError } from "../../platform/http-errors.js";
import { isLoopback } from "../../platform/net.js";

const invalid = configFieldError({ lead: "Invalid configuration: " });

/** A host name or address, optionally with :port ("gateway.van-12.example", "hub.local:8443", "[fd00::1]:8080"). */
const ENTRY = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** http.allowedHosts: names clients reach the gateway by, besides loopback ones (a reverse proxy's, the van hub's LAN name). */
export function parseAllowedHosts(value: unknown): string[] {
	if (!Array.isArray(value)) throw invalid("http.allowedHosts", 'must be an array of host names such as ["hub.local", "hub.local:8443"]');
	return value.map((entry, index) => {
		const name = typeof entry === "string" ? entry.toLowerCase() : "";
		if (!ENTRY.test(name)) throw invalid(`http.allowedHosts[${index}]`, `must be a host name or address, optionally with :port (got ${JSON.stringify(entry)})`);
		return name;
	});
}

/** "Host: name:port" split; the brackets of an IPv6 literal are dropped from the name. */
function splitHost(host: string): { name: string; port: number | undefined } | undefined {
	const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host.toLowerCase());
	if (!match) return undefined;
	const name = match[1].startsWith("[") ? match[1].slice(1, -1) : match[1];
	return { name: name.endsWith(".") ? name.slice(0, -1) : name, port: match[2] === undefined ? undefined : Number(match[2]) };
}

function isThisMachine(address: string): boolean {
	return Object.values(networkInterfaces()).some((entries) => entries?.some((entry) => entry.address.toLowerCase() === address));
}

export interface HostAllowListOptions {
	/** The address the API is bound to (http.host). */
	bindHost: string;
	allowedHosts?: readonly string[];
	/** The port a Host without one stands for (80, or 443 under TLS). */
	defaultPort?: number;
}

/** True when a Host header value may be served by this gateway, for a request that came in on localPort. */
export function hostAllowed(host: string | undefined, localPort: number | undefined, options: HostAllowListOptions): boolean {
	if (!host) return false;
	const parsed = splitHost(host);
	if (!parsed) return false;
	const port = parsed.port ?? options.defaultPort ?? 80;
	for (const entry of options.allowedHosts ?? []) {
		const wanted = splitHost(entry);
		if (wanted && wanted.name === parsed.name && (wanted.port === undefined || wanted.port === port)) return true;
	}
	if (port !== localPort) return false;
	if (isLoopback(parsed.name)) return true;
	if (isIP(parsed.name) === 0) return false;
	const bind = options.bindHost.toLowerCase();
	if (parsed.name === bind) return true;
	return (bind === "0.0.0.0" || bind === "::") && isThisMachine(parsed.name);
}

export function misdirectedHostError(): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_HTTP_MISDIRECTED, "This gateway does not answer for the host name in this request.", {
		hint: "Reach it as localhost or by its address, or add the name to http.allowedHosts in the gateway config.",
	});
}

/** Installs the guard as the app's first onRequest hook. */
export function guardHost(app: FastifyInstance, options: HostAllowListOptions): void {
	app.addHook("onRequest", async (request, reply) => {
		if (hostAllowed(request.headers.host, request.raw.socket.localPort, options)) return;
		return sendError(reply, misdirectedHostError());
	});
}
