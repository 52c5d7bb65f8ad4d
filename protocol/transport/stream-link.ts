/**
 * An EnvelopeLink over any byte stream (a serial port, a pseudo-terminal, a socket): Envelopes
 * are framed with COBS + CRC-32C (protocol/README.md, "Serial framing").
 */
import { EventEmitter } from "node:events";
import type { Duplex } from "node:stream";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type EnvelopeInit, encodeEnvelope } from "../codec.js";
import { DEFAULT_MAX_PAYLOAD, encodeFrame, FRAME_DELIMITER } from "../framing/frame.js";
import { FrameDecoder, type FrameError } from "../framing/frame-decoder.js";
import { type EnvelopeLink, emitDecoded, emptyLinkCounters, type LinkCounters, type LinkEvents, type TransportKind } from "../link.js";

export interface StreamLinkOptions {
	transport?: TransportKind;
	label: string;
	/** Our own receive limit. */
	maxPayload?: number;
	/**
	 * Send one 0x00 when the link opens, so bytes left on the line by an earlier session cannot
	 * merge with our first frame (protocol/README.md, "Resynchronisation").
	 */
	leadingDelimiter?: boolean;
}

const FRAME_ERROR_CODES = {
	crc: ErrorCodes.FC_FRAME_CRC,
	cobs: ErrorCodes.FC_FRAME_COBS,
	oversized: ErrorCodes.FC_FRAME_OVERSIZED,
	short: ErrorCodes.FC_FRAME_SHORT,
} as const;

export class StreamLink extends EventEmitter<LinkEvents> implements EnvelopeLink {
	readonly transport: TransportKind;
	readonly label: string;
	private readonly decoder: FrameDecoder;
	private readonly ownCounters: LinkCounters = emptyLinkCounters();
	private peerMaxPayload = DEFAULT_MAX_PAYLOAD;
	private isClosed = false;

	constructor(
		private readonly stream: Duplex,
		options: StreamLinkOptions,
	) {
		super();
		this.transport = options.transport ?? "serial";
		this.label = options.label;
		this.decoder = new FrameDecoder({
			maxPayload: options.maxPayload,
			onFrame: (payload) => this.onFrame(payload),
			onError: (error) => this.onFrameError(error),
		});
		stream.on("data", (chunk: Buffer) => this.decoder.push(chunk));
		stream.on("error", (error) => this.finish(error));
		stream.on("close", () => this.finish(undefined));
		stream.on("end", () => this.finish(undefined));
		if (options.leadingDelimiter ?? true) stream.write(Buffer.of(FRAME_DELIMITER));
	}

	get counters(): LinkCounters {
		const stats = this.decoder.stats;
		return {
			...this.ownCounters,
			framesIn: stats.frames,
			badCrc: stats.badCrc,
			badCobs: stats.badCobs,
			oversized: stats.oversized,
			short: stats.short,
			resyncs: stats.resyncs,
		};
	}

	get closed(): boolean {
		return this.isClosed;
	}

	setPeerMaxPayload(maxPayload: number): void {
		this.peerMaxPayload = maxPayload > 0 ? maxPayload : DEFAULT_MAX_PAYLOAD;
	}

	// async: encodeFrame throws FC_PROTO_TOO_LARGE, and callers must get that as a rejection.
	async send(envelope: EnvelopeInit): Promise<void> {
		if (this.isClosed) return Promise.reject(closedError(this.label));
		return this.write(encodeFrame(encodeEnvelope(envelope), this.peerMaxPayload));
	}

	/** Raw bytes, for fault injection in tests and the simulator. */
	sendRaw(bytes: Uint8Array): Promise<void> {
		if (this.isClosed) return Promise.reject(closedError(this.label));
		return this.write(bytes);
	}

	async close(): Promise<void> {
		if (this.isClosed) return;
		await new Promise<void>((resolve) => {
			this.stream.once("close", () => resolve());
			this.stream.destroy();
			// Some streams never emit close after destroy when already ended.
			setImmediate(resolve);
		});
		this.finish(undefined);
	}

	private write(bytes: Uint8Array): Promise<void> {
		return new Promise((resolve, reject) => {
			this.stream.write(bytes, (error) => {
				if (error) {
					reject(
						new FieldchainError(ErrorCodes.FC_SERIAL_WRITE, `Write to ${this.label} failed: ${error.message}.`, {
							cause: error,
							hint: "Check that the device is still connected.",
						}),
					);
					return;
				}
				this.ownCounters.framesOut++;
				resolve();
			});
		});
	}

	private onFrame(payload: Buffer): void {
		emitDecoded(this, this.ownCounters, payload);
	}

	private onFrameError(error: FrameError): void {
		this.emit(
			"linkError",
			new FieldchainError(
				FRAME_ERROR_CODES[error.kind],
				`Dropped a ${error.kind} frame (${error.discardedBytes} bytes) on ${this.label}; resynchronised at the next 0x00.`,
				{
					details: { kind: error.kind, discardedBytes: error.discardedBytes },
				},
			),
		);
	}

	private finish(reason: Error | undefined): void {
		if (this.isClosed) return;
		this.isClosed = true;
		this.emit("close", reason);
	}
}

function closedError(label: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_SERIAL_CLOSED, `Link ${label} is closed.`, { hint: "Wait for the device to reconnect." });
}
