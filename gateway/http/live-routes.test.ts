import { afterEach, describe, expect, it, vi } from "vitest";
import type { GatewayReading } from "../events.js";
import { readingPacer } from "./live-routes.js";

const reading = (deviceId: string, seq: number): GatewayReading => ({
	deviceId,
	model: "M",
	bootId: "ab",
	seq,
	quantity: "voltage",
	value: seq,
	unit: "V",
	channel: "",
	flags: 0,
	deviceTimeUs: 0,
	receivedAt: 0,
});

afterEach(() => {
	vi.useRealTimers();
});

describe("readingPacer", () => {
	it("sends at most one reading per device per interval, the latest winning, and per device", () => {
		vi.useFakeTimers({ now: 1_000_000 });
		const sent: string[] = [];
		const pacer = readingPacer((r) => sent.push(`${r.deviceId}#${r.seq}`), 100);
		for (let seq = 1; seq <= 50; seq++) pacer.offer(reading("a", seq));
		pacer.offer(reading("b", 1));
		expect(sent).toEqual(["a#1", "b#1"]);
		vi.advanceTimersByTime(100);
		expect(sent).toEqual(["a#1", "b#1", "a#50"]);
		vi.advanceTimersByTime(1000);
		expect(sent).toHaveLength(3);
		pacer.offer(reading("a", 51));
		expect(sent.at(-1)).toBe("a#51");
		pacer.stop();
	});
});
