import { describe, expect, it } from "vitest";
import { parseGatewayConfig } from "../config.js";

describe("mqtt.maxConnections", () => {
	it("is read from the config file and checked", () => {
		expect(parseGatewayConfig({ mqtt: { maxConnections: 64 } }).mqtt).toMatchObject({ host: "127.0.0.1", port: 1883, maxConnections: 64 });
		expect(parseGatewayConfig({ mqtt: {} }).mqtt).not.toHaveProperty("maxConnections");
		for (const bad of [0, -1, 1.5, "64", 70_000]) {
			expect(() => parseGatewayConfig({ mqtt: { maxConnections: bad } })).toThrow(/mqtt\.maxConnections/);
		}
	});
});
