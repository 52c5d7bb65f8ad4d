/** Uplink and capacity gauges on the gateway's Prometheus registry, read at scrape time. */
import { Gauge, type Registry } from "prom-client";
import type { CapacityGuard } from "../ingest/capacity/capacity-guard.js";
import { type UplinkStatusSources, uplinkStatus } from "./uplink-status.js";

export function registerUplinkMetrics(registry: Registry, sources: UplinkStatusSources, capacity: CapacityGuard): void {
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
	let cached: { at: number; status: ReturnType<typeof uplinkStatus> } | undefined;
	// One status per scrape, shared by the gauges.
	const status = () => {
		const now = Date.now();
		if (!cached || now - cached.at > 100) cached = { at: now, status: uplinkStatus(sources) };
		return cached.status;
	};
	gauge("fieldchain_uplink_queue_depth", "Evidence records and outbox entries not yet receipted by the cloud.", (g) => g.set(status().queueDepth));
	gauge("fieldchain_uplink_oldest_unsent_age_seconds", "Age of the oldest record or outbox entry without a receipt.", (g) =>
		g.set(status().oldestUnsentAgeSeconds),
	);
	gauge("fieldchain_uplink_bytes_queued", "Bytes of evidence batches and outbox entries waiting for a receipt.", (g) => g.set(status().bytesQueued));
	gauge("fieldchain_uplink_uploads_per_second", "Records receipted per second (10 s window).", (g) => g.set(status().uploadsPerSecond));
	gauge("fieldchain_uplink_receipted_up_to", "Chain seq the cloud's receipt covers.", (g) => g.set(status().evidence.receiptedUpTo));
	gauge(
		"fieldchain_uplink_failures_total",
		"Failed sends by reason (network, timeout, server, auth, refused, rejected, broker).",
		(g) => {
			g.reset();
			for (const [reason, count] of Object.entries(status().failuresByReason)) g.set({ reason }, count ?? 0);
		},
		["reason"],
	);
	gauge("fieldchain_uplink_circuit_open", "1 while the circuit breaker holds sends back.", (g) => g.set(status().breaker?.state === "open" ? 1 : 0));
	gauge("fieldchain_storage_bytes", "Bytes the gateway's data takes on disk (live database pages and WAL).", (g) => g.set(capacity.status().usedBytes));
	gauge("fieldchain_storage_level", "0 ok, 1 quota reached (low-priority data refused), 2 disk nearly full (devices not acked).", (g) => {
		const level = capacity.status().level;
		g.set(level === "ok" ? 0 : level === "quota" ? 1 : 2);
	});
	gauge(
		"fieldchain_readings_refused_total",
		"Readings not accepted (not acked) because of the quota, by reason.",
		(g) => {
			const refused = capacity.status().refusedReadings;
			g.set({ reason: "quota" }, refused.quota);
			g.set({ reason: "disk-full" }, refused.diskFull);
		},
		["reason"],
	);
	gauge("fieldchain_readings_aged_out_total", "Raw readings that matched no task, aged out at the quota.", (g) => g.set(capacity.status().agedOutReadings));
}
