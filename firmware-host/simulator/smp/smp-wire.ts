/**
 * The device side of SMP's wire, written apart from the client in firmware-host/smp so the tests
 * check one reading of the specification against another:
 * - "SMP Transport Specification", "UART/serial and console": a frame is a line of at most 127
 *   bytes starting with 0x06 0x09 (initial) or 0x04 0x14 (partial); its base64 body decodes to a
 *   piece of length(u16 BE) | packet | CRC16; lines that are not frames belong to the shell.
 *   Like a Zephyr device's console, a frame line longer than 127 bytes is dropped whole.
 * - "CRC Details": CRC16 with polynomial 0x1021, initial value 0 (table-driven here).
 * - "SMP Protocol Specification", "Frame: The envelope": the 8-byte big-endian header.
 */

const CRC_TABLE = (() => {
	const table = new Uint16Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n << 8;
		for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
		table[n] = c & 0xffff;
	}
	return table;
})();

export function crc16(bytes: Uint8Array): number {
	let crc = 0;
	for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >> 8) ^ b) & 0xff]) & 0xffff;
	return crc;
}

export interface PacketHeader {
	ver: number;
	op: number;
	flags: number;
	len: number;
	group: number;
	seq: number;
	id: number;
}

export function readHeader(packet: Uint8Array): PacketHeader | undefined {
	if (packet.length < 8) return undefined;
	const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
	const first = view.getUint8(0);
	// Res (top 3 bits) must be 0; a set Res bit is not an SMP header we know.
	if (first & 0xe0) return undefined;
	return {
		ver: (first >> 3) & 3,
		op: first & 7,
		flags: view.getUint8(1),
		len: view.getUint16(2, false),
		group: view.getUint16(4, false),
		seq: view.getUint8(6),
		id: view.getUint8(7),
	};
}

export function writeHeader(h: PacketHeader): Uint8Array {
	const out = new Uint8Array(8);
	const view = new DataView(out.buffer);
	view.setUint8(0, ((h.ver & 3) << 3) | (h.op & 7));
	view.setUint8(1, h.flags);
	view.setUint16(2, h.len, false);
	view.setUint16(4, h.group, false);
	view.setUint8(6, h.seq);
	view.setUint8(7, h.id);
	return out;
}

/** One packet as console frames. `rawPerFrame` below 93 makes more, shorter frames (a device with a small line buffer). */
export function frameResponse(packet: Uint8Array, rawPerFrame = 93): string {
	const crc = crc16(packet);
	const all = new Uint8Array(packet.length + 4);
	all[0] = (packet.length + 2) >> 8;
	all[1] = (packet.length + 2) & 0xff;
	all.set(packet, 2);
	all[all.length - 2] = crc >> 8;
	all[all.length - 1] = crc & 0xff;
	let out = "";
	for (let i = 0; i < all.length; i += rawPerFrame) {
		out += `${i === 0 ? "\x06\x09" : "\x04\x14"}${Buffer.from(all.subarray(i, i + rawPerFrame)).toString("base64")}\n`;
	}
	return out;
}

/** Byte-at-a-time receiver, as a UART ISR would run it. */
export class FrameReceiver {
	private line: number[] = [];
	private overlong = false;
	private assembling: { total: number; bytes: number[] } | undefined;
	readonly counters = { frames: 0, crcErrors: 0, dropped: 0 };

	constructor(
		private readonly onPacket: (packet: Uint8Array) => void,
		private readonly onShellLine: (line: string) => void = () => {},
	) {}

	feed(chunk: Uint8Array): void {
		for (const byte of chunk) {
			if (byte !== 0x0a) {
				if (this.line.length >= 127) this.overlong = true;
				else this.line.push(byte);
				continue;
			}
			const line = this.line;
			const overlong = this.overlong;
			this.line = [];
			this.overlong = false;
			this.handleLine(line, overlong);
		}
	}

	private handleLine(line: number[], overlong: boolean): void {
		const isFirst = line[0] === 0x06 && line[1] === 0x09;
		const isNext = line[0] === 0x04 && line[1] === 0x14;
		if (!isFirst && !isNext) {
			if (line.length > 0) this.onShellLine(Buffer.from(line).toString("utf8").replace(/\r$/, ""));
			return;
		}
		// 126 bytes before the newline are the most a frame may have (127 with it).
		if (overlong || line.length > 126) {
			this.counters.dropped++;
			this.assembling = undefined;
			return;
		}
		this.counters.frames++;
		const text = Buffer.from(line.slice(2)).toString("latin1");
		if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
			this.counters.dropped++;
			this.assembling = undefined;
			return;
		}
		const decoded = [...Buffer.from(text, "base64")];
		if (isFirst) {
			if (decoded.length < 2) {
				this.assembling = undefined;
				return;
			}
			this.assembling = { total: (decoded[0] << 8) | decoded[1], bytes: decoded.slice(2) };
		} else if (this.assembling) this.assembling.bytes.push(...decoded);
		else return;
		const current = this.assembling;
		if (!current || current.bytes.length < current.total) return;
		this.assembling = undefined;
		if (current.bytes.length !== current.total || current.total < 2) {
			this.counters.dropped++;
			return;
		}
		// CRC over packet and its CRC is 0 when they match (the check MCUmgr's serial code makes).
		if (crc16(Uint8Array.from(current.bytes)) !== 0) {
			this.counters.crcErrors++;
			return;
		}
		this.onPacket(Uint8Array.from(current.bytes.slice(0, -2)));
	}
}
