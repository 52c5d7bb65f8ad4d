/**
 * Console framing, property-based: any packet, cut into any read sizes, with console text between
 * packets, comes out whole, and the client's frames and the simulator's device-side frames are
 * read by each other (two implementations of "SMP Transport Specification", "Frame formats").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrameReceiver, frameResponse } from "../simulator/smp/smp-wire.js";
import { ConsolePacketDecoder, encodeConsolePacket, MAX_FRAME_BYTES } from "./console-framing.js";

/** Printable console text (log lines); never a frame marker or a newline. */
const consoleLine = fc.string({ maxLength: 80 }).map((text) => `${text.replace(/[\x00-\x1f\x7f]/g, "")}\r\n`);
const packet = fc.uint8Array({ minLength: 8, maxLength: 2000 }).map((bytes) => Buffer.from(bytes));

function cut(bytes: Buffer, sizes: number[]): Buffer[] {
	const parts: Buffer[] = [];
	let at = 0;
	for (let i = 0; at < bytes.length; i++) {
		const size = sizes.length ? sizes[i % sizes.length] : bytes.length;
		parts.push(bytes.subarray(at, at + size));
		at += size;
	}
	return parts;
}

describe("console framing", () => {
	it("client frames: at most 127 bytes each, read back whole by both decoders through any read sizes and log lines", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(consoleLine, packet), { minLength: 1, maxLength: 4 }),
				fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 5 }),
				(items, sizes) => {
					const stream = Buffer.concat(items.flatMap(([line, body]) => [Buffer.from(line, "latin1"), encodeConsolePacket(body)]));
					for (const body of items.map(([, b]) => b)) {
						for (const frame of encodeConsolePacket(body).toString("latin1").split("\n").slice(0, -1))
							expect(frame.length + 1).toBeLessThanOrEqual(MAX_FRAME_BYTES);
					}
					const decoder = new ConsolePacketDecoder();
					const got = cut(stream, sizes).flatMap((part) => decoder.push(part));
					expect(got.filter((e) => e.kind === "packet").map((e) => (e as { body: Buffer }).body)).toEqual(items.map(([, body]) => body));
					expect(got.some((e) => e.kind === "bad")).toBe(false);
					const device: Buffer[] = [];
					const receiver = new FrameReceiver((p) => device.push(Buffer.from(p)));
					for (const part of cut(stream, sizes)) receiver.feed(part);
					expect(device).toEqual(items.map(([, body]) => body));
				},
			),
			{ numRuns: 200 },
		);
	});

	it("device frames are read by the client", () => {
		fc.assert(
			fc.property(packet, fc.integer({ min: 3, max: 93 }), (body, rawPerFrame) => {
				const events = new ConsolePacketDecoder().push(Buffer.from(frameResponse(body, rawPerFrame), "latin1"));
				expect(events).toEqual([{ kind: "packet", body }]);
			}),
			{ numRuns: 200 },
		);
	});

	it("a flipped bit anywhere in a frame never yields a wrong packet", () => {
		fc.assert(
			fc.property(packet, fc.nat(), fc.integer({ min: 0, max: 7 }), (body, where, bit) => {
				const frames = Buffer.from(encodeConsolePacket(body));
				frames[where % frames.length] ^= 1 << bit;
				const packets = new ConsolePacketDecoder()
					.push(Buffer.concat([frames, Buffer.from("\n")]))
					.filter((e) => e.kind === "packet")
					.map((e) => (e as { body: Buffer }).body);
				for (const got of packets) expect(got).toEqual(body);
			}),
			{ numRuns: 300 },
		);
	});
});
