/**
 * The editor's doors as the gateway's real HTTP server applies them, without a network: requests
 * and WebSocket upgrades are handed to the server the embedded Node-RED builds, with the socket
 * addresses an off-loopback client would have (the tests never listen off loopback). The runtime
 * is not started: the guards answer before Node-RED would.
 */
import type { IncomingMessage, Server } from "node:http";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../platform/logger.js";
import { EmbeddedNodeRed } from "./embedded-node-red.js";
import type { FieldchainApi } from "./flows-api.js";

const users = [{ username: "engineer", passwordHash: "unused", permissions: "*" }];
const LAN = { remoteAddress: "192.0.2.7", localAddress: "192.0.2.2", localPort: 8080 };
const LOOPBACK = { remoteAddress: "127.0.0.1", localAddress: "127.0.0.1", localPort: 8080 };

function serverOf(exposeOffLoopback: boolean): { server: Server; toFastify: string[] } {
	// The nodes' API is never reached here: every request below is answered by a guard.
	const runtime = new EmbeddedNodeRed(
		{
			dataDir: "/nonexistent",
			config: { users, credentialSecret: "a-test-secret-of-some-length", exposeOffLoopback },
			logger: silentLogger(),
			api: {} as FieldchainApi,
		},
		{ bindHost: "0.0.0.0", allowedHosts: ["hub.example"] },
	);
	const toFastify: string[] = [];
	return { server: runtime.serverFactory((request) => toFastify.push(request.url ?? "")), toFastify };
}

function send(server: Server, url: string, socket: typeof LAN, host = "hub.example:8080"): { status: number; body: string } {
	const answer = { status: 0, body: "" };
	const request = { url, method: "GET", headers: { host }, socket } as unknown as IncomingMessage;
	const response = {
		writeHead(status: number) {
			answer.status = status;
			return response;
		},
		end(body?: string) {
			answer.body = body ?? "";
		},
	};
	server.emit("request", request, response);
	return answer;
}

function upgrade(server: Server, socket: typeof LAN, host = "hub.example:8080"): string | undefined {
	let written: string | undefined;
	const request = { url: "/red/comms", method: "GET", headers: { host, upgrade: "websocket" }, socket } as unknown as IncomingMessage;
	server.emit("upgrade", request, { end: (text: string) => (written = text) }, Buffer.alloc(0));
	return written;
}

describe("the embedded Node-RED editor's guards", () => {
	it("answers /red off loopback with 403 FC_NODE_RED_OFF_LOOPBACK, pages, login and WebSocket alike", () => {
		const { server, toFastify } = serverOf(false);
		for (const url of ["/red/", "/red/auth/token", "/red/settings"]) {
			const answer = send(server, url, LAN);
			expect(answer.status).toBe(403);
			expect(JSON.parse(answer.body).error.code).toBe("FC_NODE_RED_OFF_LOOPBACK");
		}
		expect(upgrade(server, LAN)).toMatch(/^HTTP\/1\.1 403/);
		// The local API's routes are fastify's business (its own access rules apply there).
		send(server, "/api/v1/devices", LAN);
		expect(toFastify).toEqual(["/api/v1/devices"]);
	});

	it("lets loopback through to the runtime (503 while it is not started)", () => {
		const { server } = serverOf(false);
		expect(send(server, "/red/", LOOPBACK, "127.0.0.1:8080").status).toBe(503);
		expect(upgrade(server, LOOPBACK, "127.0.0.1:8080")).toBeUndefined();
	});

	it("once opened on purpose, takes off-loopback requests but still only for the gateway's own host names", () => {
		const { server } = serverOf(true);
		expect(send(server, "/red/", LAN).status).toBe(503);
		const rebound = send(server, "/red/", LAN, "evil.example:8080");
		expect(rebound.status).toBe(421);
		expect(JSON.parse(rebound.body).error.code).toBe("FC_HTTP_MISDIRECTED");
		expect(upgrade(server, LAN, "evil.example:8080")).toMatch(/^HTTP\/1\.1 421/);
	});
});
