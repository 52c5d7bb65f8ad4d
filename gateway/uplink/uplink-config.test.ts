import { describe, expect, it } from "vitest";
import { parseCapacityConfig } from "../ingest/capacity/capacity-config.js";
import { destinationOf, parseUplinkConfig } from "./uplink-config.js";

describe("uplink config", () => {
	it("fills defaults and names the destination", () => {
		const config = parseUplinkConfig({ url: "https://billing.example.com", enrollmentToken: "fce_x" });
		expect(config).toMatchObject({
			transport: "http",
			batchRecords: 5000,
			requestTimeoutMs: 30_000,
			retry: { initialDelayMs: 500, maxDelayMs: 30_000 },
			downlink: false,
		});
		expect(destinationOf(config)).toBe("billing:billing.example.com");
		expect(destinationOf(parseUplinkConfig({ transport: "mqtt", mqtt: { url: "mqtts://broker.example.com:8883", caFile: "/ca.pem" } }))).toBe(
			"mqtt:broker.example.com:8883",
		);
	});

	it.each([
		[{ transport: "ftp", url: "http://x" }, /uplink.transport must be "http" or "mqtt"/],
		[{}, /uplink.url is required/],
		[{ url: "billing.example.com" }, /uplink.url must be a URL/],
		[{ url: "ftp://x" }, /uplink.url must use http: or https:/],
		[{ url: "http://x", batchRecords: 0 }, /uplink.batchRecords must be an integer >= 1/],
		[{ url: "http://x", retry: { initialDelayMs: 100, maxDelayMs: 10 } }, /uplink.retry.maxDelayMs must be at least/],
		[{ transport: "mqtt" }, /uplink.mqtt is required/],
		[{ transport: "mqtt", mqtt: { url: "mqtt://b", certFile: "/c.pem" } }, /uplink.mqtt.certFile and uplink.mqtt.keyFile go together/],
		[{ url: "http://x", downlink: { technicianIds: [1] } }, /uplink.downlink.technicianIds must be an array/],
	])("refuses %j naming the field", (raw, message) => {
		expect(() => parseUplinkConfig(raw)).toThrow(message);
	});

	it("capacity: quota and reserve validated", () => {
		expect(parseCapacityConfig({ quotaBytes: 1000 })).toMatchObject({ quotaBytes: 1000, reserveBytes: 50 * 1024 * 1024, rawReadingMaxAgeMs: null });
		expect(() => parseCapacityConfig({ quotaBytes: -1 })).toThrow(/capacity.quotaBytes must be an integer >= 1/);
	});
});
