/**
 * SMP over a serial console, as "SMP Transport Specification", section "UART/serial and console"
 * ("Frame fragmenting", "Frame formats", "CRC Details") defines it:
 *
 *   packet  = length (u16 BE: body + 2) | body (SMP header + CBOR) | crc16 (u16 BE, over body only)
 *   frames  = 0x06 0x09 base64(first piece of packet) "\n"      (initial frame)
 *             0x04 0x14 base64(next piece of packet)  "\n" ...  (partial frames)
 *
 * Each frame is at most 127 bytes with its marker and newline, so it carries at most 124 base64
 * characters = 93 raw bytes; each frame's base64 stands alone (padding only at a frame's end), as
 * MCUmgr's own serial code writes and reads it. Anything else on the line (boot banners, log
 * lines, shell prompts) is text and is handed back as such: a stock device prints it between
 * frames. Invariant: the decoder never emits a packet whose length or CRC does not check.
 */
import { crc16Xmodem } from "./crc16.js";

/** Transport spec: "127 byte limit on frame size ... includes the prefix and the newline". */
export const MAX_FRAME_BYTES = 127;
const FIRST_MARKER = [0x06, 0x09] as const;
const NEXT_MARKER = [0x04, 0x14] as const;
/** 127 - 2 (marker) - 1 (newline) = 124 base64 characters = 93 raw bytes. */
const RAW_BYTES_PER_FRAME = Math.floor((MAX_FRAME_BYTES - 3) / 4) * 3;
/** A line longer than this without a newline is noise, not a frame: dropped to bound memory. */
const MAX_LINE_BYTES = 4096;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The frames of one SMP packet, ready to write to the port. */
export function encodeConsolePacket(body: Uint8Array): Buffer {
	if (body.length + 2 > 0xffff) throw new RangeError(`An SMP packet of ${body.length} bytes does not fit the 16-bit length field.`);
	const raw = Buffer.alloc(2 + body.length + 2);
	raw.writeUInt16BE(body.length + 2, 0);
	raw.set(body, 2);
	raw.writeUInt16BE(crc16Xmodem(body), 2 + body.length);
	const frames: Buffer[] = [];
	for (let at = 0; at < raw.length; at += RAW_BYTES_PER_FRAME) {
		const marker = at === 0 ? FIRST_MARKER : NEXT_MARKER;
		const text = raw.subarray(at, at + RAW_BYTES_PER_FRAME).toString("base64");
		frames.push(Buffer.from(marker), Buffer.from(text, "ascii"), Buffer.from("\n"));
	}
	return Buffer.concat(frames);
}

export type ConsoleEvent =
	| { kind: "packet"; body: Buffer }
	/** A line that is not an SMP frame: log output, a boot banner. */
	| { kind: "text"; line: string }
	/** A frame sequence that did not check (bad base64, length or CRC); the packet is dropped. */
	| { kind: "bad"; reason: string };

/** Splits a byte stream into lines, frames and packets. Feed it every byte read from the port. */
export class ConsolePacketDecoder {
	private line: Buffer[] = [];
	private lineLength = 0;
	private packet: { expected: number; parts: Buffer[]; received: number } | undefined;

	push(chunk: Uint8Array): ConsoleEvent[] {
		const events: ConsoleEvent[] = [];
		let start = 0;
		for (let i = 0; i < chunk.length; i++) {
			if (chunk[i] !== 0x0a) continue;
			this.append(chunk.subarray(start, i));
			start = i + 1;
			const line = Buffer.concat(this.line);
			this.line = [];
			this.lineLength = 0;
			this.onLine(line, events);
		}
		this.append(chunk.subarray(start));
		return events;
	}

	private append(bytes: Uint8Array): void {
		if (bytes.length === 0) return;
		if (this.lineLength + bytes.length > MAX_LINE_BYTES) {
			this.line = [];
			this.lineLength = 0;
			return;
		}
		this.line.push(Buffer.from(bytes));
		this.lineLength += bytes.length;
	}

	private onLine(raw: Buffer, events: ConsoleEvent[]): void {
		const line = raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw;
		// The markers are control bytes, never base64 or printable text: a frame may follow a log
		// line that lacked its newline, so look for the marker anywhere in the line.
		const first = lastIndexOfPair(line, FIRST_MARKER);
		const next = lastIndexOfPair(line, NEXT_MARKER);
		const at = Math.max(first, next);
		if (at < 0) {
			if (line.length > 0) events.push({ kind: "text", line: line.toString("utf8") });
			return;
		}
		if (at > 0) events.push({ kind: "text", line: line.subarray(0, at).toString("utf8") });
		const text = line.subarray(at + 2).toString("ascii");
		if (text.length % 4 !== 0 || !BASE64.test(text)) {
			this.packet = undefined;
			events.push({ kind: "bad", reason: "a frame's body is not base64" });
			return;
		}
		const bytes = Buffer.from(text, "base64");
		if (at === first) {
			if (bytes.length < 2) {
				this.packet = undefined;
				events.push({ kind: "bad", reason: "an initial frame without its length" });
				return;
			}
			this.packet = { expected: bytes.readUInt16BE(0), parts: [bytes.subarray(2)], received: bytes.length - 2 };
		} else {
			// A continuation without its start (we joined mid-packet, or lost the initial frame).
			if (!this.packet) return;
			this.packet.parts.push(bytes);
			this.packet.received += bytes.length;
		}
		const packet = this.packet;
		if (packet.received < packet.expected) return;
		this.packet = undefined;
		if (packet.received > packet.expected || packet.expected < 2) {
			events.push({ kind: "bad", reason: `the frames carry ${packet.received} bytes but the packet length says ${packet.expected}` });
			return;
		}
		const all = Buffer.concat(packet.parts);
		const body = all.subarray(0, all.length - 2);
		if (crc16Xmodem(body) !== all.readUInt16BE(all.length - 2)) {
			events.push({ kind: "bad", reason: "CRC16 mismatch" });
			return;
		}
		events.push({ kind: "packet", body });
	}
}

function lastIndexOfPair(bytes: Buffer, pair: readonly [number, number]): number {
	for (let i = bytes.length - 2; i >= 0; i--) if (bytes[i] === pair[0] && bytes[i + 1] === pair[1]) return i;
	return -1;
}
