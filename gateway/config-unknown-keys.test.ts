/** Unknown keys in the gateway config file are refused with their path and the nearest known key. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isFieldchainError } from "../platform/errors.js";
import { parseGatewayConfig } from "./config.js";

function refusal(raw: unknown): { message: string; field: unknown; code: string } {
	try {
		parseGatewayConfig(raw);
	} catch (error) {
		if (!isFieldchainError(error)) throw error;
		return { message: error.message, field: (error.details as { field?: string } | undefined)?.field, code: error.code };
	}
	throw new Error("the config was accepted");
}

describe("gateway config: unknown keys", () => {
	it("refuses a misspelt section with a did-you-mean (the setting is not silently lost)", () => {
		const refused = refusal({ htpp: { port: 8081 } });
		expect(refused).toMatchObject({ code: "FC_CONFIG_INVALID", field: "htpp" });
		expect(refused.message).toMatch(/htpp is not a known setting\. Did you mean "http"\?/);
	});

	it("names the full path of a nested key, in objects, arrays and sections parsed elsewhere", () => {
		expect(refusal({ http: { prot: 1 } }).message).toMatch(/http\.prot .*Did you mean "http\.port"/);
		expect(refusal({ serial: { ports: [{ path: "/dev/x" }, { path: "/dev/y", baudrate: 9600 }] } }).message).toMatch(
			/serial\.ports\[1\]\.baudrate .*Did you mean "serial\.ports\[1\]\.baudRate"/,
		);
		expect(refusal({ http: { tls: { keyFile: "k", certFile: "c", caFle: "ca" } } }).field).toBe("http.tls.caFle");
		expect(refusal({ uplink: { url: "https://billing.example", retry: { initialDelay: 5 } } }).message).toMatch(/uplink\.retry\.initialDelayMs/);
		expect(refusal({ capacity: { quota: 5 } }).field).toBe("capacity.quota");
	});

	it("lists the known keys when nothing is close", () => {
		const refused = refusal({ http: { port: 8081 }, zzzzzzzz: true });
		expect(refused.message).toMatch(/zzzzzzzz is not a known setting\. Known keys here: .*http.*serial/);
	});

	it("still reports a bad value of a known key as before, and accepts every documented key", () => {
		expect(refusal({ http: { port: "x" } }).field).toBe("http.port");
		// The README's example configuration is accepted as written.
		const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
		const example = /### Gateway configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
		expect(example).toBeDefined();
		const parsed = JSON.parse(example!);
		// Its token is a placeholder text, refused as too weak (a different check); every key is known.
		delete parsed.http.token;
		const config = parseGatewayConfig(parsed);
		expect(config.gatewayId).toBe("van-12");
		expect(structuredClone(config)).toEqual(config);
	});
});
