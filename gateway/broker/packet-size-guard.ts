/**
 * A transport-level cap on MQTT packet size. aedes' parser (mqtt-packet) buffers a whole packet
 * before anyone can look at it, and the Remaining Length field allows 268,435,455 bytes
 * (MQTT 3.1.1 section 2.2.3), so a limit checked in authorizePublish comes too late to protect
 * memory. This Duplex sits between the socket and aedes.handle(), reads every fixed header as the
 * bytes stream past, and destroys the connection as soon as one announces more than the cap.
 */

import type { Socket } from "node:net";
import { Duplex } from "node:stream";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";

/** Follows the fixed headers (MQTT 3.1.1 section 2.2) of a byte stream, packet after packet. */
export class RemainingLengthScanner {
	private state: "type" | "length" | "body" = "type";
	private length = 0;
	private multiplier = 1;
	private lengthBytes = 0;
	private left = 0;

	/** `onHeader` hears each fixed header's Remaining Length once it is complete (tests compare it with a parser's). */
	constructor(
		private readonly maxRemainingLength: number,
		private readonly onHeader?: (remainingLength: number) => void,
	) {}

	/** Undefined while all is well, otherwise why the stream must be dropped. */
	push(chunk: Uint8Array): FieldchainError | undefined {
		let i = 0;
		while (i < chunk.length) {
			if (this.state === "type") {
				i++;
				this.state = "length";
				this.length = 0;
				this.multiplier = 1;
				this.lengthBytes = 0;
			} else if (this.state === "length") {
				const byte = chunk[i++];
				this.length += (byte & 0x7f) * this.multiplier;
				this.multiplier *= 128;
				this.lengthBytes++;
				if (byte & 0x80) {
					// 2.2.3: the Remaining Length is at most four bytes.
					if (this.lengthBytes === 4) return new FieldchainError(ErrorCodes.FC_PROTO_DECODE, "Malformed MQTT Remaining Length (more than 4 bytes).");
					continue;
				}
				this.onHeader?.(this.length);
				if (this.length > this.maxRemainingLength) return tooLarge(this.length, this.maxRemainingLength);
				this.left = this.length;
				this.state = this.left > 0 ? "body" : "type";
			} else {
				const take = Math.min(this.left, chunk.length - i);
				i += take;
				this.left -= take;
				if (this.left === 0) this.state = "type";
			}
		}
		return undefined;
	}
}

/** The socket, as aedes sees it, with every inbound packet checked against the cap. */
export class PacketSizeGuard extends Duplex {
	private readonly scanner: RemainingLengthScanner;

	constructor(
		private readonly socket: Socket,
		maxRemainingLength: number,
	) {
		super({ allowHalfOpen: false });
		this.scanner = new RemainingLengthScanner(maxRemainingLength);
		socket.on("data", (chunk: Buffer) => {
			if (this.destroyed) return;
			const problem = this.scanner.push(chunk);
			if (problem) {
				this.destroy(problem);
				return;
			}
			if (!this.push(chunk)) socket.pause();
		});
		socket.on("end", () => this.push(null));
		socket.on("error", (error) => this.destroy(error));
		socket.on("close", () => this.destroy());
		socket.pause();
	}

	get remoteAddress(): string | undefined {
		return this.socket.remoteAddress;
	}

	get remotePort(): number | undefined {
		return this.socket.remotePort;
	}

	override _read(): void {
		this.socket.resume();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.socket.write(chunk, callback);
	}

	override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
		this.socket.cork();
		chunks.forEach(({ chunk }, index) => {
			this.socket.write(chunk, index === chunks.length - 1 ? callback : undefined);
		});
		this.socket.uncork();
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.socket.end(callback);
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		this.socket.destroy();
		callback(error);
	}
}

function tooLarge(length: number, max: number): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_PROTO_TOO_LARGE, `MQTT packet of ${length} bytes exceeds the gateway's limit of ${max} bytes.`, {
		hint: "One PUBLISH carries one Envelope of at most 16384 bytes.",
		details: { remainingLength: length, limit: max },
	});
}
