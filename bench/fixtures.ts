/**
 * Shared pieces of the benchmarks: realistic reading frames, and the gateway's real ingest
 * pipeline (StreamLink -> DeviceSession -> GroupCommitter -> store) on an in-process byte stream
 * whose other end plays the device.
 */
import { join } from "node:path";
import { Duplex } from "node:stream";
import { seededRandom } from "../firmware-host/simulator/prng.js";
import { EvidenceLog } from "../gateway/evidence/evidence-log.js";
import { GroupCommitter } from "../gateway/ingest/group-committer.js";
import { DeviceSession } from "../gateway/session/device-session.js";
import { MemoryReadingStore } from "../gateway/store/memory-reading-store.js";
import type { ReadingStore } from "../gateway/store/reading-store.js";
import { SqliteReadingStore } from "../gateway/store/sqlite-reading-store.js";
import { ActiveTasks } from "../gateway/work/active-tasks.js";
import { WorkOrders } from "../gateway/work/work-orders.js";
import { baseSnapshot, make } from "../model/testing/builders.js";
import { systemClock } from "../platform/clock.js";
import { silentLogger } from "../platform/logger.js";
import { decodeEnvelope, encodeEnvelope, PROTOCOL_MAJOR, PROTOCOL_MINOR } from "../protocol/codec.js";
import { loadOrCreateGatewayKey } from "../protocol/evidence/keys.js";
import { encodeFrame } from "../protocol/framing/frame.js";
import { FrameDecoder } from "../protocol/framing/frame-decoder.js";
import { StreamLink } from "../protocol/transport/stream-link.js";

export const CHUNK_SIZE = 64 * 1024;
export const DEVICE_ID = "bench-meter-1";
const DEVICE_TIME_START_US = 1_760_000_000_000_000;

/** The readings a device would send, and their frames back to back as they appear on the wire. */
export interface ReadingStream {
	count: number;
	/** Reading i has seq i + 1. */
	deviceTimeUs: Float64Array;
	values: Float64Array;
	/** Envelope bytes of each reading (what protobufjs decodes). */
	payloads: Uint8Array[];
	/** All frames concatenated. */
	wire: Buffer;
	/** frameEnd[i]: offset just past reading i's delimiter in `wire`. */
	frameEnd: Uint32Array;
}

export function makeReadingStream(count: number, seed = 1): ReadingStream {
	const random = seededRandom(seed);
	const deviceTimeUs = new Float64Array(count);
	const values = new Float64Array(count);
	const payloads: Uint8Array[] = new Array(count);
	const frames: Buffer[] = new Array(count);
	const frameEnd = new Uint32Array(count);
	let offset = 0;
	for (let i = 0; i < count; i++) {
		const seq = i + 1;
		deviceTimeUs[i] = DEVICE_TIME_START_US + i * 1000 + Math.floor(random() * 100);
		values[i] = 100 + random() * 900;
		// Envelope seq 1 is the hello, so the device's envelopes run one ahead of its reading seqs.
		payloads[i] = encodeEnvelope({
			seq: seq + 1,
			reading: { seq, deviceTimeUs: deviceTimeUs[i], quantity: "resistance", value: values[i], unit: "Ohm", flags: 0 },
		});
		frames[i] = encodeFrame(payloads[i]);
		offset += frames[i].length;
		frameEnd[i] = offset;
	}
	return { count, deviceTimeUs, values, payloads, wire: Buffer.concat(frames, offset), frameEnd };
}

/** `wire` cut into consecutive chunks of at most `size` bytes (views, not copies). */
export function chunksOf(wire: Buffer, size = CHUNK_SIZE): Buffer[] {
	const chunks: Buffer[] = [];
	for (let start = 0; start < wire.length; start += size) chunks.push(wire.subarray(start, Math.min(start + size, wire.length)));
	return chunks;
}

export function helloFrame(bootId: Uint8Array): Buffer {
	return encodeFrame(
		encodeEnvelope({
			seq: 1,
			hello: {
				deviceId: DEVICE_ID,
				model: "FC-Ohm 200",
				hardwareRevision: "B",
				firmwareVersion: "1.4.2",
				protocolMajor: PROTOCOL_MAJOR,
				protocolMinor: PROTOCOL_MINOR,
				maxPayload: 1024,
				window: 8,
				capabilities: [{ quantity: "resistance", unit: "Ohm", rangeMin: 0, rangeMax: 2e6, resolution: 0.01, channel: "" }],
				calibration: { certificateId: "CAL-2025-0042", calibratedAt: 1_750_000_000_000, dueAt: 1_790_000_000_000, laboratory: "Bench Lab" },
				bootId,
				serialNumber: "SN-0001",
			},
		}),
	);
}

export function newBootId(): Uint8Array {
	const bootId = new Uint8Array(16);
	crypto.getRandomValues(bootId);
	return bootId;
}

export { measureFdatasyncMs, tempDatabase } from "./disk.js";

import { EvidenceBatches } from "../gateway/evidence/evidence-batches.js";
import { tempDatabase } from "./disk.js";

export type StoreKind = "sqlite" | "memory";

/**
 * The gateway side exactly as gateway.ts wires it (StreamLink over a byte stream, DeviceSession,
 * GroupCommitter with its default setImmediate scheduling, SqliteReadingStore with the default
 * durability "full"), and a device end that writes frames into the stream and decodes the acks
 * the gateway writes back.
 */
export class BenchPipeline {
	readonly store: ReadingStore;
	readonly committer: GroupCommitter;
	readonly session: DeviceSession;
	/** Set with { evidence: true }: every reading is stamped on an open checklist item. */
	readonly evidence: EvidenceLog | undefined;
	/** Highest up_to_seq acked so far. */
	ackedUpTo = 0;
	acks = 0;
	/** Called for every ack the gateway writes, at the moment it hands it to the transport. */
	onAck: ((upToSeq: number) => void) | undefined;
	private readonly port: Duplex;
	private readonly link: StreamLink;
	private readonly disposeDatabase: (() => void) | undefined;
	private readonly bootId = newBootId();
	private helloAcked: (() => void) | undefined;

	constructor(kind: StoreKind, options: { evidence?: boolean } = {}) {
		if (kind === "sqlite") {
			const database = tempDatabase();
			const store = new SqliteReadingStore({ path: database.path });
			this.store = store;
			this.disposeDatabase = database.dispose;
			if (options.evidence) this.evidence = evidenceLogFor(store, join(database.path, ".."));
		} else {
			this.store = new MemoryReadingStore();
		}
		const evidence = this.evidence;
		this.committer = new GroupCommitter({ store: this.store, stamp: evidence && ((rows) => evidence.stampReadings(rows)) });
		// What the gateway writes reaches the device at once; the device decodes it like firmware.
		const deviceDecoder = new FrameDecoder({
			maxPayload: 16384,
			onFrame: (payload) => {
				const envelope = decodeEnvelope(payload);
				if (envelope.body !== "ack") return;
				const upTo = envelope.ack!.upToSeq ?? 0;
				this.acks++;
				if (upTo > this.ackedUpTo) this.ackedUpTo = upTo;
				if (this.helloAcked) {
					const resolve = this.helloAcked;
					this.helloAcked = undefined;
					resolve();
					return;
				}
				this.onAck?.(upTo);
			},
		});
		this.port = new Duplex({
			read() {}, // the device end pushes bytes with feed()
			write(chunk: Buffer, _encoding, callback) {
				deviceDecoder.push(chunk);
				callback();
			},
		});
		this.link = new StreamLink(this.port, { label: "bench-tty" });
		this.session = new DeviceSession(this.link, {
			gatewayId: "bench-gw",
			store: this.store,
			committer: this.committer,
			clock: systemClock,
			logger: silentLogger(),
		});
	}

	/** Starts the session and completes the hello handshake (the gateway acks the hello). */
	async start(): Promise<void> {
		const acked = new Promise<void>((resolve) => {
			this.helloAcked = resolve;
		});
		this.session.start();
		// Let the stream start flowing so that push() delivers synchronously, as a port's data does.
		await new Promise((resolve) => setImmediate(resolve));
		this.feed(helloFrame(this.bootId));
		await acked;
		if (this.session.state !== "ready") throw new Error(`session is ${this.session.state} after hello`);
	}

	/** Bytes from the device, as one read from the port. */
	feed(chunk: Buffer): void {
		this.port.push(chunk);
	}

	/** Resolves once an ack covers `seq`. */
	waitForAck(seq: number): Promise<void> {
		if (this.ackedUpTo >= seq) return Promise.resolve();
		return new Promise((resolve) => {
			const previous = this.onAck;
			this.onAck = (upTo) => {
				previous?.(upTo);
				if (upTo >= seq) {
					this.onAck = previous;
					resolve();
				}
			};
		});
	}

	async dispose(): Promise<void> {
		this.evidence?.close();
		await this.session.close();
		this.store.close();
		this.disposeDatabase?.();
	}
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * An evidence log whose active task has one resistance item that every bench reading fails (its
 * maximum is below the simulated values), so the item stays open and every reading is stamped.
 */
function evidenceLogFor(store: SqliteReadingStore, dataDir: string): EvidenceLog {
	const task = make.task({
		status: "in-progress",
		checklist: [
			{
				id: "r",
				label: "resistance",
				required: true,
				beforeStart: false,
				requirement: { kind: "reading", quantity: "resistance", unit: "Ohm", min: null, max: 1, calibratedDevice: false },
			},
		],
	});
	const workOrders = new WorkOrders(baseSnapshot({ workOrders: [make.workOrder({ status: "in-progress" })], tasks: [task] }));
	const activeTasks = new ActiveTasks(store.database, workOrders);
	activeTasks.set("TECH1", task.workOrderId, task.id, Date.now(), [DEVICE_ID]);
	return new EvidenceLog({
		db: store.database,
		batches: new EvidenceBatches(store.database),
		gatewayId: "bench-gw",
		key: loadOrCreateGatewayKey(dataDir),
		workOrders,
		activeTasks,
		device: (deviceId) => store.getDevice(deviceId),
		clock: systemClock,
		logger: silentLogger(),
	});
}

/**
 * Feeds every chunk (one event-loop turn apart, as reads from a port arrive) and resolves with the
 * seconds until the ack that covers the last reading.
 */
export async function feedUntilAcked(pipeline: BenchPipeline, stream: ReadingStream, chunks: Buffer[]): Promise<number> {
	const allAcked = pipeline.waitForAck(stream.count);
	const started = performance.now();
	for (let i = 0; i < chunks.length; i++) {
		if (i > 0) await yieldToEventLoop();
		pipeline.feed(chunks[i]);
	}
	await allAcked;
	return (performance.now() - started) / 1000;
}
