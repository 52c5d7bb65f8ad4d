/**
 * The TLS and token rules where they are decided, without outside programs: config sections
 * (http.tls, mqtt.tls with mqtts' port 8883, insecurePlaintext), short tokens refused at load,
 * flags keeping the file's TLS, off-loopback plaintext refused (by the config check and by the
 * broker itself) unless insecurePlaintext, and the Secure cookie. Real TLS clients are in
 * test/gateway-tls.real.test.ts and test/gateway-tls-cli.real.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { apiTokenWeakness, createApiToken } from "../auth/api-token.js";
import { startEmbeddedBroker } from "../broker/embedded-broker.js";
import { resolveGatewayConfig } from "../cli.js";
import { checkExposure, defaultGatewayConfig, parseGatewayConfig } from "../config.js";
import { sessionCookie } from "../http/web-sessions.js";

const TOKEN = createApiToken();
const TLS = { keyFile: "/etc/fieldchain/api.key", certFile: "/etc/fieldchain/api.crt" };
/** TEST-NET-1 (RFC 5737): never a local address, so nothing here can listen off loopback. */
const OFF_LOOPBACK = "203.0.113.1";

describe("config: tls sections", () => {
	it("reads http.tls and mqtt.tls; mqtts defaults to port 8883", () => {
		const config = parseGatewayConfig({
			http: { host: "0.0.0.0", port: 8443, token: TOKEN, tls: { ...TLS, caFile: "/etc/fieldchain/ca.crt", requestClientCert: true } },
			mqtt: { host: "0.0.0.0", tls: TLS },
		});
		expect(config.http).toEqual({ host: "0.0.0.0", port: 8443, token: TOKEN, tls: { ...TLS, caFile: "/etc/fieldchain/ca.crt", requestClientCert: true } });
		expect(config.mqtt).toEqual({ host: "0.0.0.0", port: 8883, tls: TLS });
		expect(config.insecurePlaintext).toBe(false);
		expect(() => checkExposure(config)).not.toThrow();
	});

	it.each([
		[{ http: { tls: { certFile: "a.crt" } } }, "http.tls.keyFile"],
		[{ mqtt: { tls: { keyFile: "a.key" } } }, "mqtt.tls.certFile"],
		[{ mqtt: { tls: "yes" } }, "mqtt.tls"],
		[{ http: { tls: { ...TLS, requestClientCert: true } } }, "http.tls.requestClientCert"],
		[{ insecurePlaintext: "yes" }, "insecurePlaintext"],
	])("names the field in the error: %j", (raw, field) => {
		expect(() => parseGatewayConfig(raw)).toThrow(field);
	});

	it("flags keep the file's TLS and token; --insecure-plaintext sets the switch", () => {
		const dir = mkdtempSync(join(tmpdir(), "fc-tls-policy-"));
		try {
			const file = join(dir, "gateway.json");
			writeFileSync(file, JSON.stringify({ http: { token: TOKEN, tls: TLS }, mqtt: { tls: TLS } }));
			const config = resolveGatewayConfig({ config: file, http: "0.0.0.0:8443", mqtt: "0.0.0.0:8883", insecurePlaintext: true });
			expect(config.http).toEqual({ host: "0.0.0.0", port: 8443, token: TOKEN, tls: TLS });
			expect(config.mqtt).toEqual({ host: "0.0.0.0", port: 8883, tls: TLS });
			expect(config.insecurePlaintext).toBe(true);
			expect(resolveGatewayConfig({}).insecurePlaintext).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe("config: http.token strength", () => {
	it.each(["t0k", "secret-but-not-32-random-bytes", "a".repeat(64)])("refuses %s at load with the way to make a good one", (token) => {
		let error: unknown;
		try {
			parseGatewayConfig({ http: { token } });
		} catch (caught) {
			error = caught;
		}
		expect(error).toMatchObject({ code: "FC_CONFIG_INVALID", details: { field: "http.token" } });
		expect((error as Error & { hint: string }).hint).toContain("fieldchain gateway token create");
		expect((error as Error).message).not.toContain(token);
	});

	it("takes what `token create` makes, and openssl rand -hex 32", () => {
		expect(apiTokenWeakness(createApiToken())).toBeUndefined();
		expect(apiTokenWeakness("8f0e2c5b9a1d4e7f3c6b0a9d8e7f6c5b4a3d2e1f0c9b8a7d6e5f4c3b2a1d0e9f")).toBeUndefined();
		expect(Buffer.from(createApiToken(), "base64url")).toHaveLength(32);
	});

	it("refuses a weak token off loopback even when the config was built in code", () => {
		const config = defaultGatewayConfig();
		config.http = { host: "0.0.0.0", port: 8443, token: "short", tls: TLS };
		expect(() => checkExposure(config)).toThrow(/http\.token/);
	});
});

describe("off loopback without TLS", () => {
	it("the config check refuses the local API and the broker unless insecurePlaintext", () => {
		const http = defaultGatewayConfig();
		http.http = { host: "0.0.0.0", port: 8080, token: TOKEN };
		expect(() => checkExposure(http)).toThrow(/Refusing to serve the local API on 0\.0\.0\.0:8080 without TLS/);
		const mqtt = defaultGatewayConfig();
		mqtt.mqtt = { host: "0.0.0.0", port: 1883 };
		expect(() => checkExposure(mqtt)).toThrow(/Refusing to serve the MQTT broker on 0\.0\.0\.0:1883 without TLS/);
		mqtt.insecurePlaintext = true;
		expect(() => checkExposure(mqtt)).not.toThrow();
		mqtt.insecurePlaintext = false;
		mqtt.mqtt.tls = TLS;
		expect(() => checkExposure(mqtt)).not.toThrow();
	});

	it("the broker itself refuses before it listens, and with insecurePlaintext warns (here the bind then fails)", async () => {
		const lines: string[] = [];
		const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
		await expect(startEmbeddedBroker({ host: OFF_LOOPBACK, port: 0, devices: [], logger })).rejects.toMatchObject({
			code: "FC_CONFIG_INVALID",
			message: expect.stringContaining("without TLS"),
		});
		expect(lines.join("")).not.toContain("listening");
		await expect(startEmbeddedBroker({ host: OFF_LOOPBACK, port: 0, devices: [], logger, insecurePlaintext: true })).rejects.toMatchObject({
			code: "FC_MQTT_CONNECT",
		});
		expect(lines.join("")).toMatch(/"level":40.*INSECURE: the MQTT broker serves plaintext on 203\.0\.113\.1/);
	});
});

describe("session cookie", () => {
	it("is Secure under TLS only", () => {
		expect(sessionCookie("abc", 60, true)).toMatch(/; Secure$/);
		expect(sessionCookie("abc", 60)).not.toContain("Secure");
	});
});
