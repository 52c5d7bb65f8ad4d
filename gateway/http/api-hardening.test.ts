/**
 * The local API over loopback HTTP against a real gateway: the disk-full refusal holds however the
 * path is spelled, a Host header the gateway does not answer for gets 421 (DNS rebinding), and a
 * failure inside the gateway reaches the client as an id, never as SQLite's own words.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type GatewayFixture, startGateway } from "../../test/support/gateway-fixture.js";
import { isErrorBody, rawRequest } from "../../test/support/raw-http.js";
import { parseGatewayConfig } from "../config.js";

let fixture: GatewayFixture | undefined;
afterEach(async () => {
	await fixture?.stop();
	fixture = undefined;
});

const json = { "content-type": "application/json" };

describe("the disk-full refusal", () => {
	it("refuses a write whatever the spelling of its path", async () => {
		fixture = await startGateway(
			(config) => {
				config.capacity = { quotaBytes: null, reserveBytes: 10_000_000, rawReadingMaxAgeMs: null, checkIntervalMs: 60_000 };
			},
			undefined,
			{ diskProbe: { usedBytes: () => 0, freeBytes: () => 1_000 } },
		);
		for (const path of ["/api/v1/alerts", "/%61pi/v1/alerts", "/api/v1/%61lerts"]) {
			const answer = await rawRequest(fixture.baseUrl, { method: "POST", path, headers: json, body: JSON.stringify({ title: "door open" }) });
			expect(answer.status, path).toBe(507);
			expect(answer.json).toMatchObject({ error: { code: "FC_CAPACITY_DISK_FULL" } });
		}
		// Reading still works.
		expect((await rawRequest(fixture.baseUrl, { method: "GET", path: "/%61pi/v1/capacity" })).status).toBe(200);
	});
});

describe("the Host allow-list", () => {
	it("answers loopback names and configured ones, and 421 to any other", async () => {
		fixture = await startGateway((config) => {
			if (config.http) config.http.allowedHosts = ["hub.local", "proxy.example:8443"];
		});
		const port = new URL(fixture.baseUrl).port;
		const statusFor = async (host: string, path = "/healthz") => (await rawRequest(fixture?.baseUrl ?? "", { method: "GET", path, headers: { host } })).status;
		for (const host of [
			`127.0.0.1:${port}`,
			`localhost:${port}`,
			`LOCALHOST:${port}`,
			`[::1]:${port}`,
			`127.0.0.2:${port}`,
			"hub.local",
			`hub.local:${port}`,
			"proxy.example:8443",
		]) {
			expect(await statusFor(host), host).toBe(200);
		}
		for (const host of [
			`evil.example:${port}`,
			"evil.example",
			`localhost:${Number(port) + 1}`,
			"localhost",
			"proxy.example:9000",
			`127.0.0.1.evil.example:${port}`,
			`localhost.:${port}@evil`,
		]) {
			const answer = await rawRequest(fixture.baseUrl, { method: "GET", path: "/api/v1/devices", headers: { host } });
			expect(answer.status, host).toBe(421);
			expect(isErrorBody(answer.json)).toBe(true);
			expect(answer.json).toMatchObject({ error: { code: "FC_HTTP_MISDIRECTED" } });
		}
		// Public routes and unknown paths too: a foreign page learns nothing.
		expect(await statusFor(`evil.example:${port}`, "/healthz")).toBe(421);
		expect(await statusFor(`evil.example:${port}`, "/no-such-route")).toBe(421);
	});

	it("reads http.allowedHosts from the config file and refuses a malformed entry", () => {
		const config = parseGatewayConfig({ http: { host: "127.0.0.1", port: 8080, allowedHosts: ["Hub.Local", "[fd00::1]:8080"] } });
		expect(config.http).toMatchObject({ allowedHosts: ["hub.local", "[fd00::1]:8080"] });
		expect(() => parseGatewayConfig({ http: { allowedHosts: ["evil.example/x"] } })).toThrow(/http\.allowedHosts\[0\]/);
		expect(() => parseGatewayConfig({ http: { allowedHosts: "hub.local" } })).toThrow(/http\.allowedHosts/);
	});
});

describe("a failure inside the gateway", () => {
	it("gives the client a generic message and an id, and the log the SQLite error under that id", async () => {
		fixture = await startGateway();
		fixture.gateway.parts.db.exec("ALTER TABLE devices RENAME TO devices_elsewhere");
		const answer = await rawRequest(fixture.baseUrl, { method: "GET", path: "/api/v1/devices" });
		expect(answer.status).toBe(500);
		expect(isErrorBody(answer.json)).toBe(true);
		expect(answer.body).not.toMatch(/devices|SQLITE|no such table/i);
		const error = (answer.json as { error: { code: string; details: { correlationId: string } } }).error;
		expect(error.code).toBe("FC_HTTP_INTERNAL");
		expect(error.details.correlationId).toMatch(/^[0-9a-f]{16}$/);
		const logged = fixture.logs.map((line) => JSON.parse(line) as { correlationId?: string; err?: { message?: string } });
		const entry = logged.find((line) => line.correlationId === error.details.correlationId);
		expect(entry?.err?.message).toMatch(/no such table: devices/);
	});
});
