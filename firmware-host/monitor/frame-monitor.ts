/**
 * Watches one byte stream of protocol v1: splits it into frames (protocol/README.md,
 * "Resynchronisation"), decodes each, and counts what goes wrong. Works on any Duplex, so it is
 * tested with a PassThrough and runs on a serial port in `device monitor`.
 */
import { EventEmitter } from "node:events";
import type { Duplex } from "node:stream";
import { type Clock, systemClock } from "../../platform/clock.js";
import { toError } from "../../platform/errors.js";
import { decodeEnvelope, type Envelope, type EnvelopeInit, encodeEnvelope } from "../../protocol/codec.js";
import { ABSOLUTE_MAX_PAYLOAD, encodeFrame } from "../../protocol/framing/frame.js";
import { FrameDecoder, type FrameError } from "../../protocol/framing/frame-decoder.js";

export interface MonitorCounters {
	frames: number;
	bytes: number;
	badCrc: number;
	badCobs: number;
	oversized: number;
	short: number;
	resyncs: number;
	undecodable: number;
	readings: number;
	sent: number;
}

export interface MonitoredFrame {
	/** Monotonic ms since the monitor started. */
	at: number;
	payload: Buffer;
	envelope?: Envelope;
	error?: string;
}

export interface FrameMonitorEvents {
	frame: [frame: MonitoredFrame];
	frameError: [error: FrameError, at: number];
	close: [];
}

export class FrameMonitor extends EventEmitter<FrameMonitorEvents> {
	private readonly decoder: FrameDecoder;
	private readonly started: number;
	private undecodable = 0;
	private readings = 0;
	private sent = 0;

	constructor(
		private readonly stream: Duplex,
		private readonly clock: Clock = systemClock,
	) {
		super();
		this.started = clock.monotonic();
		// A monitor accepts the largest frames any device may send: it watches, it does not enforce.
		this.decoder = new FrameDecoder({
			maxPayload: ABSOLUTE_MAX_PAYLOAD,
			onFrame: (payload) => this.onFrame(payload),
			onError: (error) => this.emit("frameError", error, this.elapsed()),
		});
		stream.on("data", (chunk: Buffer) => this.decoder.push(chunk));
		stream.on("close", () => this.emit("close"));
		stream.on("error", () => this.emit("close"));
	}

	get counters(): MonitorCounters {
		const s = this.decoder.stats;
		return {
			frames: s.frames,
			bytes: s.bytes,
			badCrc: s.badCrc,
			badCobs: s.badCobs,
			oversized: s.oversized,
			short: s.short,
			resyncs: s.resyncs,
			undecodable: this.undecodable,
			readings: this.readings,
			sent: this.sent,
		};
	}

	elapsed(): number {
		return this.clock.monotonic() - this.started;
	}

	/** Sends one Envelope (the monitor's HostHello), after a delimiter as a new link must. */
	send(envelope: EnvelopeInit): void {
		this.sent++;
		this.stream.write(Buffer.concat([Buffer.of(0), encodeFrame(encodeEnvelope(envelope))]));
	}

	private onFrame(payload: Buffer): void {
		const at = this.elapsed();
		const copy = Buffer.from(payload);
		try {
			const envelope = decodeEnvelope(copy);
			if (envelope.body === "reading") this.readings++;
			this.emit("frame", { at, payload: copy, envelope });
		} catch (error) {
			this.undecodable++;
			this.emit("frame", { at, payload: copy, error: toError(error).message });
		}
	}
}

/** Per-second rates between two counter snapshots. */
export function rates(
	previous: MonitorCounters,
	current: MonitorCounters,
	ms: number,
): { framesPerSecond: number; readingsPerSecond: number; bytesPerSecond: number } {
	const per = (a: number, b: number) => (ms > 0 ? Math.round((((b - a) * 1000) / ms) * 10) / 10 : 0);
	return {
		framesPerSecond: per(previous.frames, current.frames),
		readingsPerSecond: per(previous.readings, current.readings),
		bytesPerSecond: per(previous.bytes, current.bytes),
	};
}
