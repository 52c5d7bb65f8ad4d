/**
 * Feeds the gateway events (events.ts) from the parts: committed readings, sealed evidence, and
 * the device side (attach, detach, device alarms). Each event is emitted only once what it
 * reports is durable: readings after their commit, sealed records after the sealing transaction.
 */
import type { Clock } from "../platform/clock.js";
import type { Logger } from "../platform/logger.js";
import { EventKind } from "../protocol/codec.js";
import type { GatewayEvents } from "./events.js";
import type { EvidenceLog } from "./evidence/evidence-log.js";
import type { DeviceRegistry } from "./session/device-registry.js";
import type { ReadingRow, ReadingStore } from "./store/reading-store.js";

/**
 * Readings of a commit, held while its transaction runs: release() once it committed, drop() if
 * it failed, so listeners see each stored reading once and never one that was rolled back.
 */
export function readingFeed(store: ReadingStore, events: GatewayEvents) {
	let committing: ReadingRow[] = [];
	return {
		/** Inside the commit's transaction. */
		hold(rows: readonly ReadingRow[]): void {
			if (events.hasListeners("reading")) committing = committing.concat(rows);
		},
		release(): void {
			const rows = committing;
			committing = [];
			const models = new Map<string, string>();
			for (const row of rows) {
				let model = models.get(row.deviceId);
				if (model === undefined) {
					model = store.getDevice(row.deviceId)?.model ?? "";
					models.set(row.deviceId, model);
				}
				events.emit("reading", {
					deviceId: row.deviceId,
					model,
					bootId: row.bootId,
					seq: row.seq,
					quantity: row.quantity,
					value: Number.isFinite(row.value) ? row.value : null,
					unit: row.unit,
					channel: row.channel,
					flags: row.flags,
					deviceTimeUs: row.deviceTimeUs,
					receivedAt: row.receivedAt,
				});
			}
		},
		drop(): void {
			committing = [];
		},
	};
}

interface SealedSources {
	evidence: EvidenceLog;
	events: GatewayEvents;
	clock: Clock;
	logger: Logger;
}

/** Called inside the sealing transaction: the records are read once it has committed (next turn). */
export function announceSealed(sources: SealedSources, afterSeq: number, upToSeq: number): void {
	if (!sources.events.hasListeners("evidenceSealed")) return;
	setImmediate(() => {
		try {
			const records = sources.evidence.range(afterSeq, upToSeq);
			if (records.length > 0) sources.events.emit("evidenceSealed", { afterSeq, upToSeq, records, at: sources.clock.now() });
		} catch (error) {
			sources.logger.error({ err: error }, "could not read sealed evidence for the evidenceSealed event");
		}
	});
}

/** The device-facing half of the gateway events (attach, detach, device alarms). */
export function watchDevices(devices: DeviceRegistry, events: GatewayEvents, clock: Clock): void {
	devices.on("attached", (deviceId, session) => {
		const model = session.identity?.model ?? "";
		events.emit("deviceAttached", { deviceId, model, transport: session.link.transport, link: session.link.label, at: clock.now() });
		session.on("deviceEvent", (event) => {
			const alarm = DEVICE_ALARMS[event.kind ?? 0];
			if (alarm)
				events.emit("alarm", {
					code: alarm.code,
					severity: alarm.severity,
					message: `${deviceId}: ${alarm.text}${event.detail ? ` (${event.detail})` : ""}`,
					deviceId,
					at: clock.now(),
				});
		});
	});
	devices.on("detached", (deviceId, reason) => events.emit("deviceDetached", { deviceId, reason: reason?.message ?? null, at: clock.now() }));
	// A serial hello claiming the id of an MQTT-authenticated device that is connected: someone to look at.
	devices.on("claimRefused", (deviceId, _session, error) =>
		events.emit("alarm", { code: "device-identity-claim-refused", severity: "critical", message: error.message, deviceId, at: clock.now() }),
	);
}

const DEVICE_ALARMS: Record<number, { code: string; severity: "warning" | "critical"; text: string }> = {
	[EventKind.KIND_LOW_BATTERY]: { code: "device-low-battery", severity: "warning", text: "battery low" },
	[EventKind.KIND_BUFFER_FULL]: { code: "device-buffer-full", severity: "critical", text: "unacked buffer full, the tool stopped taking readings" },
	[EventKind.KIND_OVERLOAD]: { code: "device-overload", severity: "warning", text: "input overloaded" },
};
