/**
 * Hand-written byte vectors from the SMP specifications, checked against both readings of them:
 * the client (firmware-host/smp) and the simulator's device side (simulator/smp). The bytes are
 * written out here, not produced by either encoder: headers from "SMP Protocol Specification",
 * "Frame: The envelope" and the group tables (op, group, command); the framed echo from "SMP
 * Transport Specification", "UART/serial and console" (CRC16 0x1021/0 and base64 worked out
 * independently, with Python's binascii.crc_hqx and base64 modules).
 */
import { decode } from "cbor2";
import { describe, expect, it } from "vitest";
import { crc16, FrameReceiver, frameResponse, readHeader, writeHeader } from "../simulator/smp/smp-wire.js";
import { ConsolePacketDecoder, encodeConsolePacket } from "./console-framing.js";
import { crc16Xmodem } from "./crc16.js";
import { decodeSmpHeader, encodeSmpHeader, SmpOp } from "./header.js";
import { chunkSize } from "./image-upload.js";
import { toCbor } from "./smp-client.js";
import { smpErrorOf } from "./smp-errors.js";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");

/** Echo "hello", SMP version 2 (Ver 0b01), write (OP 2), group 0, sequence 1, command 0; CBOR {"d": "hello"}. */
const ECHO_REQUEST = hex("0a 00 0009 0000 01 00  a1 61 64 65 68 65 6c 6c 6f");
/** The framed request: 0x06 0x09, base64(00 13 | packet | CRC 7a 36), newline. */
const ECHO_REQUEST_FRAME = Buffer.concat([Buffer.from([0x06, 0x09]), Buffer.from("ABMKAAAJAAABAKFhZGVoZWxsb3o2\n", "ascii")]);
/** The answer: OP 3 (write response), same group, sequence and command; CBOR {"r": "hello"}; CRC fc 8a. */
const ECHO_RESPONSE = hex("0b 00 0009 0000 01 00  a1 61 72 65 68 65 6c 6c 6f");
const ECHO_RESPONSE_FRAME = Buffer.concat([Buffer.from([0x06, 0x09]), Buffer.from("ABMLAAAJAAABAKFhcmVoZWxsb/yK\n", "ascii")]);

describe("SMP header (Frame: The envelope)", () => {
	it("lays out Res|Ver|OP, Flags, Data Length, Group ID, Sequence Num, Command ID big-endian", () => {
		// Image state read (group 1, command 0), original protocol, sequence 0x7f, empty map (1 byte).
		const bytes = hex("00 00 0001 0001 7f 00");
		expect(decodeSmpHeader(bytes)).toEqual({ version: 0, op: 0, flags: 0, length: 1, group: 1, sequence: 0x7f, command: 0 });
		expect(encodeSmpHeader({ version: 0, op: SmpOp.READ, flags: 0, length: 1, group: 1, sequence: 0x7f, command: 0 })).toEqual(bytes);
		expect(readHeader(bytes)).toEqual({ ver: 0, op: 0, flags: 0, len: 1, group: 1, seq: 0x7f, id: 0 });
	});

	it("puts the version in bits 4..3 of the first byte and keeps Res at 0", () => {
		// Upload (group 1, command 1) write, version 2 header: 0b000_01_010 = 0x0a; a 300-byte body is 0x012c.
		const bytes = hex("0a 00 012c 0001 ff 01");
		expect(encodeSmpHeader({ version: 1, op: 2, flags: 0, length: 300, group: 1, sequence: 255, command: 1 })).toEqual(bytes);
		expect(Buffer.from(writeHeader({ ver: 1, op: 2, flags: 0, len: 300, group: 1, seq: 255, id: 1 }))).toEqual(bytes);
		// A response with version 2: 0b000_01_011 = 0x0b. Shell (group 9) on a 16-bit group field.
		expect(decodeSmpHeader(hex("0b 00 0000 0009 02 00"))).toMatchObject({ version: 1, op: 3, group: 9, sequence: 2 });
		// The device side refuses a header with a Res bit set.
		expect(readHeader(hex("4a 00 0000 0000 00 00"))).toBeUndefined();
	});
});

describe("CRC16 (CRC Details: polynomial 0x1021, initial value 0)", () => {
	it("has the XMODEM check value 0x31c3 for '123456789' in both implementations", () => {
		expect(crc16Xmodem(Buffer.from("123456789"))).toBe(0x31c3);
		expect(crc16(Buffer.from("123456789"))).toBe(0x31c3);
	});
});

describe("a framed echo (UART/serial and console)", () => {
	it("the client writes exactly the hand-made request frame", () => {
		expect(toCbor({ d: "hello" })).toEqual(ECHO_REQUEST.subarray(8));
		expect(encodeConsolePacket(ECHO_REQUEST)).toEqual(ECHO_REQUEST_FRAME);
	});

	it("the device side reads the request frame and writes exactly the hand-made response frame", () => {
		const packets: Uint8Array[] = [];
		new FrameReceiver((packet) => packets.push(packet)).feed(ECHO_REQUEST_FRAME);
		expect(packets.map((p) => Buffer.from(p))).toEqual([ECHO_REQUEST]);
		expect(Buffer.from(frameResponse(ECHO_RESPONSE), "latin1")).toEqual(ECHO_RESPONSE_FRAME);
	});

	it("the client reads the response frame between a boot banner and log lines", () => {
		const decoder = new ConsolePacketDecoder();
		const stream = Buffer.concat([
			Buffer.from("*** Booting Zephyr OS build v3.7.0 ***\r\n[00:00:00.010,000] <inf> app: up\r\nuart:~$ "),
			ECHO_RESPONSE_FRAME,
			Buffer.from("[00:00:01.000,000] <wrn> app: after\r\n"),
		]);
		// Byte by byte: frames split anywhere by the OS must still come out whole.
		const events = [...stream].flatMap((byte) => decoder.push(Buffer.from([byte])));
		expect(events.filter((e) => e.kind === "packet").map((e) => (e as { body: Buffer }).body)).toEqual([ECHO_RESPONSE]);
		expect(events.filter((e) => e.kind === "text").map((e) => (e as { line: string }).line)).toEqual([
			"*** Booting Zephyr OS build v3.7.0 ***",
			"[00:00:00.010,000] <inf> app: up",
			"uart:~$ ",
			"[00:00:01.000,000] <wrn> app: after",
		]);
	});

	it("splits a long packet into an initial frame and 0x04 0x14 continuations of at most 127 bytes", () => {
		// 120-byte body: 00 7a | body | CRC 26 dc = 124 raw bytes = 93 in the first frame, 31 in the second.
		const body = Buffer.from(Array.from({ length: 120 }, (_, i) => i));
		const first = "AHoAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFla";
		const second = "W1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dncm3A==";
		const expected = Buffer.concat([Buffer.from([6, 9]), Buffer.from(`${first}\n`), Buffer.from([4, 0x14]), Buffer.from(`${second}\n`)]);
		expect(encodeConsolePacket(body)).toEqual(expected);
		expect(Buffer.from(frameResponse(body), "latin1")).toEqual(expected);
		expect(2 + first.length + 1).toBe(127);
		const got: Uint8Array[] = [];
		new FrameReceiver((packet) => got.push(packet)).feed(expected);
		expect(got.map((p) => Buffer.from(p))).toEqual([body]);
		const events = new ConsolePacketDecoder().push(expected);
		expect(events).toEqual([{ kind: "packet", body }]);
	});

	it("drops a packet whose CRC or length does not check, and keeps going", () => {
		const bad = Buffer.from(ECHO_REQUEST_FRAME);
		bad[10] = bad[10] === 0x41 ? 0x42 : 0x41; // one base64 character changed
		const decoder = new ConsolePacketDecoder();
		const events = decoder.push(Buffer.concat([bad, ECHO_RESPONSE_FRAME]));
		expect(events.map((e) => e.kind)).toEqual(["bad", "packet"]);
		const receiver = new FrameReceiver(() => {});
		receiver.feed(bad);
		expect(receiver.counters.crcErrors).toBe(1);
		// A continuation without its initial frame is ignored; a frame line over 127 bytes is dropped by the device.
		expect(decoder.push(Buffer.concat([Buffer.from([4, 0x14]), Buffer.from("AAAA\n")]))).toEqual([]);
		receiver.feed(Buffer.concat([Buffer.from([6, 9]), Buffer.from(`${"A".repeat(128)}\n`)]));
		expect(receiver.counters.dropped).toBe(1);
	});
});

describe("error answers (Minimal response)", () => {
	it("reads a version 2 group error and a version 1 rc", () => {
		// {"err": {"group": 1, "rc": 3}}: image group NO_IMAGE.
		const v2 = hex("a1 63 657272 a2 65 67726f7570 01 62 7263 03");
		expect(smpErrorOf(decodeCbor(v2))).toMatchObject({ group: 1, rc: 3, name: "NO_IMAGE" });
		// {"rc": 8}: ENOTSUP.
		expect(smpErrorOf(decodeCbor(hex("a1 62 7263 08")))).toMatchObject({ group: undefined, rc: 8, name: "ENOTSUP" });
		// {"rc": 0} and {} are successes.
		expect(smpErrorOf(decodeCbor(hex("a1 62 7263 00")))).toBeUndefined();
		expect(smpErrorOf({})).toBeUndefined();
	});
});

describe("upload chunk size (mcumgr_params buf_size)", () => {
	it("fills the device's buffer without going over it", () => {
		for (const bufSize of [64, 128, 256, 384, 2048]) {
			const fields = { off: 0xffffffff };
			const size = chunkSize(bufSize, fields);
			const packet = (n: number) => 8 + toCbor({ ...fields, data: Buffer.alloc(n) }).length;
			expect(packet(size)).toBeLessThanOrEqual(bufSize);
			expect(packet(size + 1)).toBeGreaterThan(bufSize);
		}
	});
});

function decodeCbor(bytes: Buffer): Record<string, unknown> {
	return decode(bytes) as Record<string, unknown>;
}
