/**
 * One delivery run over a noisy serial line: the simulator on one end of a noisy-line proxy, the
 * gateway's real ingest on the other (serial StreamLink -> DeviceSession -> GroupCommitter ->
 * SqliteReadingStore with full durability), `count` readings sent as fast as the line takes them.
 * Used by the noisy-line benchmark and its test, so both measure the same thing.
 * Invariant: a run resolves only once every reading is acked, and reports how many rows the
 * store holds, so "stored exactly once" is checked against the database, not the device.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FaultOptions } from "../../firmware-host/simulator/options.js";
import { seededRandom } from "../../firmware-host/simulator/prng.js";
import { runSerialSimulator } from "../../firmware-host/simulator/runners.js";
import { GroupCommitter } from "../../gateway/ingest/group-committer.js";
import { DeviceSession } from "../../gateway/session/device-session.js";
import { SqliteReadingStore } from "../../gateway/store/sqlite-reading-store.js";
import { systemClock } from "../../platform/clock.js";
import { silentLogger } from "../../platform/logger.js";
import { openSerialLink } from "../../protocol/transport/serial.js";
import { createNoisyLine, type NoiseSettings } from "./noisy-line.js";

export interface NoisyIngestOptions {
	count: number;
	deviceToHost?: NoiseSettings;
	hostToDevice?: NoiseSettings;
	seed?: number;
	/** Offered readings per second (default: the simulator's maximum, i.e. as fast as the line takes them). */
	rate?: number;
	/** Simulator faults, e.g. { noFastRetransmit: true } for a protocol 1.0 device. */
	faults?: FaultOptions;
	timeoutMs?: number;
}

export interface NoisyIngestResult {
	/** Readings acked per second, from the first reading taken to the last one acked. */
	readingsPerSecond: number;
	seconds: number;
	/** Rows in the gateway's database afterwards. */
	stored: number;
	/** Distinct (boot, seq) among them. */
	distinct: number;
	device: { sent: number; resent: number; fastRetransmits: number; probes: number };
	line: { garbledUp: number; garbledDown: number; framesUp: number; framesDown: number };
	acksSent: number;
	selectiveAcksSent: number;
}

export async function runNoisyIngest(options: NoisyIngestOptions): Promise<NoisyIngestResult> {
	const seed = options.seed ?? 1;
	const line = await createNoisyLine({ deviceToHost: options.deviceToHost, hostToDevice: options.hostToDevice, seed });
	const dir = mkdtempSync(join(tmpdir(), "fc-noisy-"));
	const store = new SqliteReadingStore({ path: join(dir, "gateway.db") });
	const committer = new GroupCommitter({ store });
	const cleanups: (() => Promise<void> | void)[] = [() => line.dispose(), () => store.close(), () => rmSync(dir, { recursive: true, force: true })];
	try {
		const link = await openSerialLink({ path: line.hostEnd, maxPayload: 16384 });
		const session = new DeviceSession(link, { gatewayId: "noisy-gw", store, committer, clock: systemClock, logger: silentLogger(), helloTimeoutMs: 200 });
		cleanups.unshift(() => session.close());
		session.start();
		let firstAt: number | undefined;
		const sim = await runSerialSimulator({
			path: line.deviceEnd,
			deviceId: "noisy-sim",
			rate: options.rate ?? 100_000,
			count: options.count,
			helloRetryMs: 100,
			random: seededRandom(seed + 1000),
			faults: options.faults,
			onDevice: (device) => device.once("reading", () => (firstAt = performance.now())),
		});
		cleanups.unshift(() => sim.stop());
		const timeoutMs = options.timeoutMs ?? 120_000;
		await sim.device.whenAllAcked(timeoutMs);
		const seconds = (performance.now() - (firstAt ?? performance.now())) / 1000;
		const rows = store.listReadings("noisy-sim", { limit: options.count * 2 });
		const { sent, resent, fastRetransmits, probes } = sim.device.stats;
		const { deviceToHost, hostToDevice } = line.stats;
		return {
			readingsPerSecond: options.count / seconds,
			seconds,
			stored: store.countReadings(),
			distinct: new Set(rows.map((r) => `${r.bootId}:${r.seq}`)).size,
			device: { sent, resent, fastRetransmits, probes },
			line: { garbledUp: deviceToHost.garbledFrames, garbledDown: hostToDevice.garbledFrames, framesUp: deviceToHost.frames, framesDown: hostToDevice.frames },
			acksSent: session.counters.acksSent,
			selectiveAcksSent: session.counters.selectiveAcksSent,
		};
	} finally {
		for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => {});
	}
}
