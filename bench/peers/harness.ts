/**
 * One run of the peers bench: a simulated tool (the project's simulator, protocol v1) streams
 * readings over a real socat pty into one peer, and the run reports what got stored and at what
 * cost. fieldchain gets the normal device (Hello exchange, keeps each reading until it is acked);
 * the Node-RED flow and the glue script get the same device streaming without a HostHello and
 * never re-sending, because nothing acknowledges there: it counts a reading delivered once written.
 * Invariant: every figure about what was stored comes from the peer's database on disk after its
 * processes exited (peer.ts); the probes only time the run and the latencies.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom } from "../../firmware-host/simulator/prng.js";
import { runSerialSimulator, type SimulatorHandle } from "../../firmware-host/simulator/runners.js";
import type { Reading } from "../../protocol/codec.js";
import { createPtyPair } from "../../test/support/pty-pair.js";
import { percentile } from "../stats.js";
import { startFieldchain } from "./fieldchain-peer.js";
import { startGlue } from "./glue-peer.js";
import { startNodeRed } from "./node-red-peer.js";
import type { PeerName, RunningPeer, StoredCount, StoredSoFar } from "./peer.js";
import { cpuMsOfAll, sampleRss } from "./process-stats.js";

const START: Record<PeerName, (hostEnd: string, dir: string) => Promise<RunningPeer>> = {
	"node-red": startNodeRed,
	glue: startGlue,
	fieldchain: startFieldchain,
};

/** The simulator's ceiling: "as fast as the line and the peer take them". */
export const MAX_RATE = 100_000;
const DEVICE_ID = "peers-tool-1";
/** A peer that stores nothing new for this long has stopped; the run ends with what it has. */
const STALL_MS = 15_000;

export interface PeerRunOptions {
	count: number;
	/** Offered readings per second; default MAX_RATE. */
	rate?: number;
	seed?: number;
	/**
	 * Time box from the start of the stream: a peer slower than the tool is measured over this
	 * window instead of until its backlog is drained. Default: wait until all are stored.
	 */
	windowMs?: number;
}

export interface LatencySummary {
	p50: number;
	p99: number;
	max: number;
}

export interface PeerRunResult {
	peer: PeerName;
	count: number;
	/** Readings stored per second, from the first reading taken to the last one stored. */
	readingsPerSecond: number;
	/** Taken on the device -> INSERT completed (fieldchain: -> the ack reached the device), ms. */
	latencyMs: LatencySummary;
	/** Peak of the summed RSS of the peer's processes, sampled every 100 ms. */
	peakRssMb: number;
	cpuMsPer1000: number;
	/** Stored within the run, as its probe (fieldchain: the acks) counted them. */
	storedInRun: number;
	/** In the database after the peer stopped (a graceful stop may still add a few). */
	stored: StoredCount;
	/** True when all `count` readings were stored within the run, each exactly once. */
	complete: boolean;
}

export interface KillRunOptions {
	/** SIGKILL the peer once the device has taken this many readings. */
	killAfter: number;
	rate: number;
	seed?: number;
}

export interface KillRunResult {
	peer: PeerName;
	/** Readings the device no longer keeps: acked (fieldchain) or written to the line (the others). */
	believedDelivered: number;
	/** Of those, how many are in the database. */
	storedOfBelieved: number;
	lost: number;
	/** Rows stored beyond what the device believed delivered (fieldchain: committed, ack still in flight). */
	storedBeyond: number;
}

function wallClockMs(): number {
	return performance.timeOrigin + performance.now();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function summarizeLatency(latencies: number[]): LatencySummary {
	const sorted = Float64Array.from(latencies).sort();
	return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

interface Session {
	peer: RunningPeer;
	sim: SimulatorHandle;
	/** deviceTimeUs by seq. */
	takenUs: Float64Array;
	progress(): StoredSoFar;
}

/** Starts the peer, then the tool on the other end of the pty; `use` runs with both. */
async function withPeer<T>(name: PeerName, count: number, rate: number, seed: number, use: (session: Session) => Promise<T>): Promise<T> {
	const dir = mkdtempSync(join(tmpdir(), `fc-peers-${name}-`));
	const pty = await createPtyPair();
	let peer: RunningPeer | undefined;
	let sim: SimulatorHandle | undefined;
	try {
		peer = await START[name](pty.hostEnd, dir);
		const takenUs = new Float64Array(count + 2);
		const ackLatencies: number[] = [];
		let ackedUpTo = 0;
		let lastAckAtMs = 0;
		const acks = peer.acks;
		sim = await runSerialSimulator({
			path: pty.deviceEnd,
			deviceId: DEVICE_ID,
			rate,
			count,
			maxUnacked: count + 1,
			helloRetryMs: 100,
			random: seededRandom(seed),
			// Nothing acks on the other two paths: stream at once and never re-send, or every reading would be stored again each second.
			...(acks ? {} : { streamWithoutHostHello: true, resendTimeoutMs: 1e9 }),
			onDevice: (device) => {
				device.on("reading", (reading: Reading) => {
					takenUs[reading.seq ?? 0] = Number(reading.deviceTimeUs);
				});
				if (acks) {
					device.on("acked", (upTo: number) => {
						const now = wallClockMs();
						for (let seq = ackedUpTo + 1; seq <= upTo; seq++) ackLatencies.push(now - takenUs[seq] / 1000);
						ackedUpTo = Math.max(ackedUpTo, upTo);
						lastAckAtMs = now;
					});
				}
			},
		});
		const running = peer;
		const progress = running.storedSoFar ?? (() => ({ stored: ackedUpTo, lastStoredAtMs: lastAckAtMs, latenciesMs: ackLatencies }));
		return await use({ peer, sim, takenUs, progress });
	} finally {
		await sim?.stop().catch(() => {});
		await peer?.dispose().catch(() => {});
		await pty.dispose();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Streams `count` readings into the peer and waits until it has stored them all, its window ends, or it stalls. */
export async function runPeer(name: PeerName, options: PeerRunOptions): Promise<PeerRunResult> {
	const { count, rate = MAX_RATE, seed = 1, windowMs = 3_600_000 } = options;
	return withPeer(name, count, rate, seed, async ({ peer, takenUs, progress }) => {
		const cpuBefore = cpuMsOfAll(peer.pids);
		const rss = sampleRss(peer.pids);
		const deadline = Date.now() + windowMs;
		let last = { ...progress() };
		let lastProgressAt = Date.now();
		while (last.stored < count && Date.now() < deadline && Date.now() - lastProgressAt < STALL_MS) {
			await sleep(100);
			const now = { ...progress() };
			if (now.stored > last.stored) lastProgressAt = Date.now();
			last = now;
		}
		const cpuMs = cpuMsOfAll(peer.pids) - cpuBefore;
		const peakRssMb = rss.stop();
		last = { ...progress() };
		await peer.stop();
		const stored = peer.countStored(count);
		const seconds = (last.lastStoredAtMs - takenUs[1] / 1000) / 1000;
		return {
			peer: name,
			count,
			readingsPerSecond: last.stored / seconds,
			latencyMs: summarizeLatency(last.latenciesMs),
			peakRssMb,
			cpuMsPer1000: (cpuMs / Math.max(1, last.stored)) * 1000,
			storedInRun: last.stored,
			stored,
			complete: last.stored >= count && stored.rows === count && stored.distinct === count,
		};
	});
}

/** Streams at `rate`, SIGKILLs the peer mid-stream, then compares the device's belief with the database. */
export async function runKill(name: PeerName, options: KillRunOptions): Promise<KillRunResult> {
	const { killAfter, rate, seed = 1 } = options;
	// Enough readings that the kill lands mid-stream, whatever the peer's pace.
	const count = killAfter * 4;
	return withPeer(name, count, rate, seed, async ({ peer, sim }) => {
		const deadline = Date.now() + 120_000;
		while (sim.device.stats.generated < killAfter) {
			if (Date.now() > deadline) throw new Error(`${name}: the device took only ${sim.device.stats.generated} readings in 120 s`);
			await sleep(5);
		}
		await peer.kill9();
		await sim.stop();
		const { ackedUpTo, sent } = sim.device.stats;
		const believedDelivered = peer.acks ? ackedUpTo : sent;
		const stored = peer.countStored(believedDelivered);
		return {
			peer: name,
			believedDelivered,
			storedOfBelieved: stored.distinctUpTo,
			lost: believedDelivered - stored.distinctUpTo,
			storedBeyond: stored.distinct - stored.distinctUpTo,
		};
	});
}
