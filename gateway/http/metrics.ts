/**
 * Prometheus metrics (prom-client), read lazily from the live objects at scrape time so the hot
 * path pays nothing. One registry per gateway, so several gateways can live in one process.
 */
import { Gauge, Registry } from "prom-client";
import type { GroupCommitter } from "../ingest/group-committer.js";
import type { DeviceRegistry } from "../session/device-registry.js";

export function createMetrics(committer: GroupCommitter, devices: DeviceRegistry): Registry {
	const registry = new Registry();
	const gauge = (name: string, help: string, collect: (g: Gauge) => void, labelNames: string[] = []) =>
		new Gauge({
			name,
			help,
			labelNames,
			registers: [registry],
			collect() {
				collect(this);
			},
		});

	gauge("fieldchain_readings_stored_total", "Readings written to the store since start.", (g) => g.set(committer.stats.inserted));
	gauge("fieldchain_readings_duplicate_total", "Re-sent readings that were already stored.", (g) => g.set(committer.stats.duplicates));
	gauge("fieldchain_commits_total", "Group commits since start.", (g) => g.set(committer.stats.commits));
	gauge("fieldchain_commit_failures_total", "Group commits that failed (nothing acked).", (g) => g.set(committer.stats.failedCommits));
	gauge("fieldchain_last_commit_seconds", "Duration of the last group commit.", (g) => g.set(committer.stats.lastCommitMs / 1000));
	gauge("fieldchain_ingest_queue", "Readings waiting for the next group commit.", (g) => g.set(committer.queued));
	gauge("fieldchain_devices_connected", "Devices with an open session.", (g) => g.set(devices.all().filter((d) => d.connected).length));
	gauge(
		"fieldchain_device_frame_errors_total",
		"Framing and decoding errors per device and kind.",
		(g) => {
			g.reset();
			for (const device of devices.all()) {
				const c = device.counters;
				for (const [kind, value] of Object.entries({ crc: c.badCrc, cobs: c.badCobs, oversized: c.oversized, short: c.short, undecodable: c.undecodable })) {
					g.set({ device: device.deviceId, kind }, value);
				}
			}
		},
		["device", "kind"],
	);
	gauge(
		"fieldchain_device_readings_received_total",
		"Readings received per device (including re-sent ones).",
		(g) => {
			g.reset();
			for (const device of devices.all()) g.set({ device: device.deviceId }, device.counters.readingsReceived);
		},
		["device"],
	);
	return registry;
}
