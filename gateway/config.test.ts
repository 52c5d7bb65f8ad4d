import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkExposure, defaultGatewayConfig, loadGatewayConfig, parseGatewayConfig, parseHostPort } from "./config.js";

/** 32 random bytes, base64url: what `fieldchain gateway token create` prints. */
const TOKEN = "za4lD803mISW0L9yZdiuEfIsqcKwwWJapk5BBfvG9Sg";

describe("gateway config", () => {
	it("takes defaults for missing sections", () => {
		expect(parseGatewayConfig({})).toEqual(defaultGatewayConfig());
	});

	it("reads a full config", () => {
		const config = parseGatewayConfig({
			gatewayId: "van-12",
			http: { host: "0.0.0.0", port: 9000, token: TOKEN },
			mqtt: false,
			serial: { pollIntervalMs: 500, ports: [{ path: "/dev/ttyACM0" }, { vendorId: "2341", baudRate: 9600 }] },
			devices: [{ id: "meter-7", passwordHash: "$scrypt$ln=15,r=8,p=1$c2FsdA$a2V5" }],
			storage: { durability: "normal" },
		});
		expect(config.http).toEqual({ host: "0.0.0.0", port: 9000, token: TOKEN });
		expect(config.mqtt).toBe(false);
		expect(config.serial.targets).toEqual([{ path: "/dev/ttyACM0" }, { vendorId: "2341", baudRate: 9600 }]);
		expect(config.storage.durability).toBe("normal");
	});

	it.each([
		[{ http: { port: 70000 } }, "http.port"],
		[{ serial: { ports: [{}] } }, "serial.ports[0]"],
		[{ serial: { ports: [{ path: "/dev/x", baudRate: -1 }] } }, "serial.ports[0].baudRate"],
		[{ devices: [{ id: "a b" }] }, "devices[0].id"],
		[{ devices: [{ id: "ok", passwordHash: "plain" }] }, "devices[0].passwordHash"],
		[{ storage: { durability: "maybe" } }, "storage.durability"],
		[{ gatewayId: "x/y" }, "gatewayId"],
	])("names the field in the error: %j", (raw, field) => {
		expect(() => parseGatewayConfig(raw)).toThrow(field);
	});

	it("says which file could not be read", () => {
		const dir = mkdtempSync(join(tmpdir(), "fc-config-"));
		const file = join(dir, "bad.json");
		writeFileSync(file, "{ not json");
		expect(() => loadGatewayConfig(file)).toThrow(/bad\.json/);
	});

	it("parses HOST:PORT forms", () => {
		expect(parseHostPort("127.0.0.1:8080", "--http")).toEqual({ host: "127.0.0.1", port: 8080 });
		expect(parseHostPort("[::1]:1883", "--mqtt")).toEqual({ host: "::1", port: 1883 });
		expect(parseHostPort(":0", "--http")).toEqual({ host: "127.0.0.1", port: 0 });
		expect(() => parseHostPort("8080", "--http")).toThrow("--http");
	});

	it("refuses an API off loopback without a token", () => {
		const config = defaultGatewayConfig();
		config.http = { host: "0.0.0.0", port: 8080 };
		expect(() => checkExposure(config)).toThrow(/token/);
		config.http.token = TOKEN;
		config.http.tls = { keyFile: "api.key", certFile: "api.crt" };
		expect(() => checkExposure(config)).not.toThrow();
	});
});
