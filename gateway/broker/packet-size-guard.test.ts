import { describe, expect, it } from "vitest";
import { RemainingLengthScanner } from "./packet-size-guard.js";

/** A packet of the given type and body with its fixed header (MQTT 3.1.1 section 2.2). */
function packet(type: number, body: Buffer): Buffer {
	const length: number[] = [];
	let rest = body.length;
	do {
		let byte = rest % 128;
		rest = Math.floor(rest / 128);
		if (rest > 0) byte |= 0x80;
		length.push(byte);
	} while (rest > 0);
	return Buffer.concat([Buffer.from([type, ...length]), body]);
}

const publish = (payloadBytes: number) =>
	packet(0x32, Buffer.concat([Buffer.from([0, 5]), Buffer.from("a/b/c"), Buffer.from([0, 1]), Buffer.alloc(payloadBytes, 0xff)]));
const ping = () => packet(0xc0, Buffer.alloc(0));

/** Feeds `bytes` in chunks of `size`; the first problem, if any. */
function scan(limit: number, bytes: Buffer, size: number) {
	const scanner = new RemainingLengthScanner(limit);
	for (let offset = 0; offset < bytes.length; offset += size) {
		const problem = scanner.push(bytes.subarray(offset, offset + size));
		if (problem) return problem;
	}
	return undefined;
}

describe("RemainingLengthScanner", () => {
	it("follows packets of every length-field size, however the stream is cut", () => {
		const stream = Buffer.concat([ping(), publish(0), publish(100), publish(200), publish(16_384), ping(), publish(5)]);
		for (const size of [1, 2, 3, 7, 128, 4096, stream.length]) {
			expect(scan(16_384 + 512, stream, size)).toBeUndefined();
		}
	});

	it("stops at the first packet whose Remaining Length is above the limit", () => {
		const stream = Buffer.concat([publish(10), publish(16_384 + 600), publish(10)]);
		for (const size of [1, 5, stream.length]) {
			expect(scan(16_384 + 512, stream, size)).toMatchObject({ code: "FC_PROTO_TOO_LARGE", details: { limit: 16_896 } });
		}
		// The header alone is enough: 268,435,455 announced, 5 bytes sent.
		expect(scan(100, Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f]), 1)).toMatchObject({ code: "FC_PROTO_TOO_LARGE", details: { remainingLength: 268_435_455 } });
	});

	it("refuses a Remaining Length longer than four bytes (MQTT 3.1.1 section 2.2.3)", () => {
		expect(scan(100, Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]), 1)).toMatchObject({ code: "FC_PROTO_DECODE" });
	});
});
