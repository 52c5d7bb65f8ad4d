/**
 * FrameDecoder as a Transform stream, in the style of serialport's parsers: pipe a port into it
 * and read one Buffer per valid frame payload. Framing errors are 'frameError' events, never
 * stream errors: a noisy line must not end the stream.
 */
import { Transform, type TransformCallback } from "node:stream";
import { FrameDecoder, type FrameError, type FrameStats } from "./frame-decoder.js";

export interface FrameDecoderStreamOptions {
	maxPayload?: number;
}

export class FrameDecoderStream extends Transform {
	private readonly decoder: FrameDecoder;

	constructor(options: FrameDecoderStreamOptions = {}) {
		super({ readableObjectMode: true });
		this.decoder = new FrameDecoder({
			maxPayload: options.maxPayload,
			onFrame: (payload) => this.push(payload),
			onError: (error: FrameError) => this.emit("frameError", error),
		});
	}

	get stats(): FrameStats {
		return this.decoder.stats;
	}

	setMaxPayload(maxPayload: number): void {
		this.decoder.setMaxPayload(maxPayload);
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
		this.decoder.push(chunk);
		callback();
	}
}
