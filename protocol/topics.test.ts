import { describe, expect, it } from "vitest";
import { ALL_DEVICES_UP, DEVICE_ID_PATTERN, deviceDownTopic, deviceUpTopic, isValidDeviceId, parseDeviceTopic, TOPIC_PREFIX } from "./topics.js";

describe("device topics", () => {
	it("builds the up and down topics of a device", () => {
		expect(TOPIC_PREFIX).toBe("fieldchain/v1/devices");
		expect(deviceUpTopic("fc-mm-0042")).toBe("fieldchain/v1/devices/fc-mm-0042/up");
		expect(deviceDownTopic("fc-mm-0042")).toBe("fieldchain/v1/devices/fc-mm-0042/down");
		expect(ALL_DEVICES_UP).toBe("fieldchain/v1/devices/+/up");
	});

	it("parses what it builds", () => {
		for (const id of ["a", "fc-mm-0042", "A.b_c-9", "x".repeat(64)]) {
			expect(parseDeviceTopic(deviceUpTopic(id))).toEqual({ deviceId: id, direction: "up" });
			expect(parseDeviceTopic(deviceDownTopic(id))).toEqual({ deviceId: id, direction: "down" });
		}
	});

	it.each([
		"fieldchain/v1/devices/fc-1",
		"fieldchain/v1/devices/fc-1/up/extra",
		"fieldchain/v1/devices/fc-1/sideways",
		"fieldchain/v1/devices/fc-1/Up",
		"fieldchain/v2/devices/fc-1/up",
		"other/v1/devices/fc-1/up",
		"/fieldchain/v1/devices/fc-1/up",
		"fieldchain/v1/devices",
		"",
	])("is not a device topic: %j", (topic) => {
		expect(parseDeviceTopic(topic)).toBeUndefined();
	});

	it.each([
		["an empty id", "fieldchain/v1/devices//up"],
		["a single-level wildcard", "fieldchain/v1/devices/+/up"],
		["a multi-level wildcard", "fieldchain/v1/devices/#/down"],
		["a 65-character id", `fieldchain/v1/devices/${"x".repeat(65)}/up`],
		["a space", "fieldchain/v1/devices/fc 1/up"],
	])("is not a device topic with %s in place of the id", (_name, topic) => {
		expect(parseDeviceTopic(topic)).toBeUndefined();
	});
});

describe("device ids", () => {
	it.each(["a", "Z", "0", "fc-mm-0042", "meter_7.rev-B", "x".repeat(64)])("accepts %j", (id) => {
		expect(isValidDeviceId(id)).toBe(true);
		expect(DEVICE_ID_PATTERN.test(id)).toBe(true);
	});

	it.each(["", "x".repeat(65), "+", "#", "a/b", "a b", "a+b", "dev#1", "é", "a\u0000", "a\n", "$SYS"])("rejects %j", (id) => {
		expect(isValidDeviceId(id)).toBe(false);
	});
});
