/** Prometheus gauges of the gateway's clock (read at scrape time): quality, offset, implausible device times. */
import { Gauge, type Registry } from "prom-client";
import type { DeviceTimeCheck } from "./device-time.js";
import { type ClockQuality, type GatewayTime, QUALITY_CODES } from "./gateway-time.js";

export function registerClockMetrics(registry: Registry, time: GatewayTime, deviceTime: DeviceTimeCheck): Registry {
	new Gauge({
		name: "fieldchain_clock_quality",
		help: "1 for the gateway clock's current quality (synchronised, trusted-source, unsynchronised), 0 for the others.",
		labelNames: ["quality"],
		registers: [registry],
		collect() {
			const current = time.status().quality;
			for (const quality of Object.keys(QUALITY_CODES) as ClockQuality[]) this.set({ quality }, quality === current ? 1 : 0);
		},
	});
	new Gauge({
		name: "fieldchain_clock_wall_offset_seconds",
		help: "The gateway's evidence time minus its wall clock (non-zero while a trusted source corrects the wall clock).",
		registers: [registry],
		collect() {
			this.set(time.status().wallClockOffsetMs / 1000);
		},
	});
	new Gauge({
		name: "fieldchain_device_time_implausible_total",
		help: "Readings whose device time was implausible, by reason (unset-clock, skew, jump).",
		labelNames: ["reason"],
		registers: [registry],
		collect() {
			for (const [reason, count] of Object.entries(deviceTime.flagged)) this.set({ reason }, count);
		},
	});
	return registry;
}
