/** FrameMonitor's reading rates: first sends and re-sends are counted apart. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { type EnvelopeInit, encodeEnvelope, ReadingFlag } from "../../protocol/codec.js";
import { encodeFrame } from "../../protocol/framing/frame.js";
import { FrameMonitor, rates } from "./frame-monitor.js";

const frame = (envelope: EnvelopeInit) => encodeFrame(encodeEnvelope(envelope));
const reading = (seq: number, flags = 0): EnvelopeInit => ({ seq: 100 + seq, reading: { seq, quantity: "resistance", value: 1, unit: "Ohm", flags } });
const hello = (boot: number): EnvelopeInit => ({ seq: 1, hello: { deviceId: "d", protocolMajor: 1, bootId: Buffer.alloc(16, boot) } });

describe("FrameMonitor reading counts", () => {
	it("counts a backlog sent again (RESENT, or a seq already seen) as re-sent, not as new readings", () => {
		const stream = new PassThrough();
		const clock = new ManualClock();
		const monitor = new FrameMonitor(stream, clock);
		const start = monitor.counters;
		stream.write(frame(hello(1)));
		for (let seq = 1; seq <= 10; seq++) stream.write(frame(reading(seq)));
		// A tool nobody acks sends everything again after its timeout: 10 new, 30 re-sent in one second.
		for (let round = 0; round < 3; round++) for (let seq = 1; seq <= 10; seq++) stream.write(frame(reading(seq, ReadingFlag.READING_FLAG_RESENT)));
		// A seq sent again without the flag (a device that forgets it) is not new either.
		stream.write(frame(reading(5)));
		clock.advance(1000);
		const counters = monitor.counters;
		expect(counters).toMatchObject({ readings: 41, readingsNew: 10, readingsResent: 31 });
		expect(rates(start, counters, 1000)).toMatchObject({ readingsPerSecond: 41, newReadingsPerSecond: 10, resentReadingsPerSecond: 31 });
	});

	it("starts over at a new boot, whose seqs restart at 1", () => {
		const stream = new PassThrough();
		const monitor = new FrameMonitor(stream, new ManualClock());
		stream.write(frame(hello(1)));
		for (let seq = 1; seq <= 5; seq++) stream.write(frame(reading(seq)));
		stream.write(frame(hello(2)));
		for (let seq = 1; seq <= 3; seq++) stream.write(frame(reading(seq)));
		expect(monitor.counters).toMatchObject({ readingsNew: 8, readingsResent: 0 });
	});
});
