/**
 * Watches one byte stream of protocol v1: splits it into frames (protocol/README.md,
 * "Resynchronisation"), decodes each, and counts what goes wrong. Works on any Duplex, so it is
 * tested with a PassThrough and runs on a serial port in `device monitor`.
 */
import { EventEmitter } from "node:events";
import type { Duplex } from "node:stream";
import { type Clock, systemClock } from "../../platform/clock.js";
import { toError } from "../../platform/errors.js";
import { decodeEnvelope, type Envelope, type EnvelopeInit, encodeEnvelope, ReadingFlag } from "../../protocol/codec.js";
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
	/** Readings sent for the first time: what the tool measures now. */
	readingsNew: number;
	/** Readings sent again (READING_FLAG_RESENT, or a seq already seen in this boot): nobody acked them yet. */
	readingsResent: number;
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
	private readingsNew = 0;
	private readingsResent = 0;
	/** Highest seq seen of the boot the last Hello announced: first sends come in seq order. */
	private highestSeq = 0;
	private bootId = "";
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
			readingsNew: this.readingsNew,
			readingsResent: this.readingsResent,
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

	/** A tool that nobody acks sends its backlog again and again: only first sends measure its rate. */
	private countReading(envelope: Envelope): void {
		this.readings++;
		const reading = envelope.reading!;
		const seq = reading.seq ?? 0;
		if (((reading.flags ?? 0) & ReadingFlag.READING_FLAG_RESENT) === 0 && seq > this.highestSeq) {
			this.highestSeq = seq;
			this.readingsNew++;
		} else this.readingsResent++;
	}

	private onFrame(payload: Buffer): void {
		const at = this.elapsed();
		const copy = Buffer.from(payload);
		try {
			const envelope = decodeEnvelope(copy);
			if (envelope.body === "reading") this.countReading(envelope);
			else if (envelope.body === "hello") {
				const bootId = Buffer.from(envelope.hello!.bootId ?? []).toString("hex");
				if (bootId !== this.bootId) {
					this.bootId = bootId;
					this.highestSeq = 0;
				}
			}
			this.emit("frame", { at, payload: copy, envelope });
		} catch (error) {
			this.undecodable++;
			this.emit("frame", { at, payload: copy, error: toError(error).message });
		}
	}
}

/** Per-second rates between two counter snapshots; readings also split into new and re-sent. */
export function rates(
	previous: MonitorCounters,
	current: MonitorCounters,
	ms: number,
): { framesPerSecond: number; readingsPerSecond: number; newReadingsPerSecond: number; resentReadingsPerSecond: number; bytesPerSecond: number } {
	const per = (a: number, b: number) => (ms > 0 ? Math.round((((b - a) * 1000) / ms) * 10) / 10 : 0);
	return {
		framesPerSecond: per(previous.frames, current.frames),
		readingsPerSecond: per(previous.readings, current.readings),
		newReadingsPerSecond: per(previous.readingsNew, current.readingsNew),
		resentReadingsPerSecond: per(previous.readingsResent, current.readingsResent),
		bytesPerSecond: per(previous.bytes, current.bytes),
	};
}
