import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mqttIngestOptionsFrom } from "./mqtt-ingest-cli.js";

const dir = mkdtempSync(join(tmpdir(), "fc-ingest-flags-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(flags: Parameters<typeof mqttIngestOptionsFrom>[0]): string {
	try {
		mqttIngestOptionsFrom(flags);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error("accepted");
}

describe("--ingest-mqtt-* flags", () => {
	it("are off without a URL, and turn into worker options with one", () => {
		expect(mqttIngestOptionsFrom({})).toBeUndefined();
		const passwordFile = join(dir, "password");
		writeFileSync(passwordFile, "s3cret\nignored\n", { mode: 0o600 });
		expect(
			mqttIngestOptionsFrom({
				ingestMqttUrl: "mqtts://broker:8883",
				ingestMqttGroup: "billing-eu",
				ingestMqttCa: "/etc/ca.pem",
				ingestMqttCert: "/etc/c.pem",
				ingestMqttKey: "/etc/c.key",
				ingestMqttUsername: "billing",
				ingestMqttPasswordFile: passwordFile,
			}),
		).toEqual({
			url: "mqtts://broker:8883",
			group: "billing-eu",
			caFile: "/etc/ca.pem",
			certFile: "/etc/c.pem",
			keyFile: "/etc/c.key",
			username: "billing",
			password: "s3cret",
		});
		expect(mqttIngestOptionsFrom({ ingestMqttUrl: "mqtt://127.0.0.1:1883" })).toEqual({ url: "mqtt://127.0.0.1:1883", group: "fieldchain-billing" });
	});

	it("refuse what cannot work, saying which flag and why", () => {
		expect(refusal({ ingestMqttGroup: "g" })).toMatch(/need --ingest-mqtt-url/);
		expect(refusal({ ingestMqttUrl: "broker:1883" })).toMatch(/mqtt:\/\/ or mqtts:\/\//);
		expect(refusal({ ingestMqttUrl: "http://broker" })).toMatch(/mqtt:\/\/ or mqtts:\/\//);
		expect(refusal({ ingestMqttUrl: "not a url" })).toMatch(/not a URL/);
		expect(refusal({ ingestMqttUrl: "mqtt://u:p@broker" })).toMatch(/must not carry credentials/);
		for (const group of ["a/b", "a+", "#", ""]) expect(refusal({ ingestMqttUrl: "mqtt://b", ingestMqttGroup: group })).toMatch(/--ingest-mqtt-group/);
		expect(refusal({ ingestMqttUrl: "mqtt://b", ingestMqttCert: "c.pem" })).toMatch(/go together/);
		expect(refusal({ ingestMqttUrl: "mqtt://b", ingestMqttPasswordFile: join(dir, "missing") })).toMatch(/cannot be read/);
	});
});
