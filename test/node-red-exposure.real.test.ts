/**
 * The embedded Node-RED editor's doors, on the real runtime in a real gateway on loopback: /red
 * (pages, the /red/comms WebSocket upgrade) answers over loopback; nodeRed.exposeOffLoopback is
 * refused without http.tls; the editor login is limited per address, parallel guesses included;
 * and no key material is handed to Node-RED (settings, global context), the key file staying 0600.
 * The refusal of off-loopback clients is tested without a network in
 * gateway/node-red/editor-guard.test.ts (tests never listen off loopback).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../gateway/auth/api-token.js";
import { defaultGatewayConfig } from "../gateway/config.js";
import { Gateway } from "../gateway/gateway.js";
import { isFieldchainError } from "../platform/errors.js";
import { GATEWAY_KEY_FILE } from "../protocol/evidence/keys.js";
import { type GatewayFixture, startGateway } from "./support/gateway-fixture.js";

const PASSWORD = "field-engineer-pass";
const users = [{ username: "engineer", passwordHash: bcrypt.hashSync(PASSWORD, 4), permissions: "*" }];
let gateway: GatewayFixture;
let port: number;

beforeAll(async () => {
	gateway = await startGateway((config) => {
		config.http = { host: "127.0.0.1", port: 0, token: createApiToken() };
		config.nodeRed = { users, credentialSecret: "a-test-secret-of-some-length" };
	});
	port = gateway.gateway.httpAddress!.port;
}, 60_000);

afterAll(async () => {
	await gateway?.stop();
});

const login = (password: string) =>
	fetch(`http://127.0.0.1:${port}/red/auth/token`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ client_id: "node-red-admin", grant_type: "password", scope: "*", username: "engineer", password }),
	});

/** A WebSocket upgrade to /red/comms: the status line the server answers with. */
function upgrade(host: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const req = request({
			host,
			port,
			path: "/red/comms",
			headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==" },
		});
		req.on("upgrade", (response, socket) => {
			socket.destroy();
			resolve(String(response.statusCode));
		});
		req.on("response", (response) => {
			response.resume();
			resolve(String(response.statusCode));
		});
		req.on("error", reject);
		req.end();
	});
}

describe("the Node-RED editor off loopback", () => {
	it("answers /red and its WebSocket over loopback", async () => {
		expect((await fetch(`http://127.0.0.1:${port}/red/`)).status).toBe(200);
		expect(await upgrade("127.0.0.1")).toBe("101");
	});

	it("refuses nodeRed.exposeOffLoopback without http.tls", async () => {
		const config = defaultGatewayConfig();
		config.http = { host: "127.0.0.1", port: 0 };
		config.mqtt = false;
		config.nodeRed = { users, credentialSecret: "a-test-secret-of-some-length", exposeOffLoopback: true };
		const dir = mkdtempSync(join(tmpdir(), "fc-nr-open-"));
		try {
			const error = await Gateway.start({ dataDir: dir, config, logger: gateway.gateway.parts.logger }).catch((caught: unknown) => caught);
			expect(isFieldchainError(error, "FC_CONFIG_INVALID")).toBe(true);
			expect((error as Error).message).toContain("http.tls");
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("hands no key material to Node-RED, and the key file stays 0600", async () => {
		const response = await login(PASSWORD);
		expect(response.status).toBe(200);
		const { access_token } = (await response.json()) as { access_token: string };
		const settings = await (await fetch(`http://127.0.0.1:${port}/red/settings`, { headers: { authorization: `Bearer ${access_token}` } })).text();
		const keyFile = join(gateway.dataDir, GATEWAY_KEY_FILE);
		const pem = readFileSync(keyFile, "utf8");
		const body = pem.split("\n").filter((line) => line && !line.startsWith("-----"))[0];
		expect(settings).not.toContain(body);
		expect(settings).not.toMatch(/PRIVATE KEY/);
		expect((statSync(keyFile).mode & 0o777).toString(8)).toBe("600");
	});

	it("limits failed editor logins per address, parallel ones included (429, then even the right password waits)", async () => {
		const answers = await Promise.all(Array.from({ length: 20 }, () => login("wrong-password")));
		const statuses = answers.map((answer) => answer.status);
		const refused = statuses.filter((status) => status === 429).length;
		expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(5);
		expect(refused).toBeGreaterThanOrEqual(15);
		const limited = answers.find((answer) => answer.status === 429)!;
		expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
		expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("FC_NODE_RED_TOO_MANY_ATTEMPTS");
		expect((await login(PASSWORD)).status).toBe(429);
		expect(gateway.logs.some((line) => line.includes("Node-RED editor login failed") && !line.includes("wrong-password"))).toBe(true);
	});
});
