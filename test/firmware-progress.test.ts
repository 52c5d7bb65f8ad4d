import { describe, expect, it } from "vitest";
import { formatDuration, ProgressBar } from "../firmware-host/host/progress-bar.js";
import { ManualClock } from "../platform/clock.js";

function sink(isTTY: boolean) {
	const writes: string[] = [];
	const lines: string[] = [];
	return { writes, lines, sink: { write: (t: string) => writes.push(t), line: (t: string) => lines.push(t), isTTY } };
}

describe("flash progress", () => {
	it("redraws one terminal line with percent, rate and time left", () => {
		const clock = new ManualClock();
		const out = sink(true);
		const bar = new ProgressBar(out.sink, clock);
		bar.update(0, 100_000);
		clock.advance(1000);
		bar.update(25_000, 100_000);
		expect(out.writes.at(-1)).toMatch(/^\r\[#{8}-{22}\] {2}25% {2}24\.4 KiB\/97\.7 KiB {2}24\.4 KiB\/s {2}00:03 left\u001b\[K$/);
		bar.finish();
		expect(out.writes.at(-1)).toBe("\n");
		expect(out.lines).toEqual([]);
	});

	it("prints a plain line per 10% when not on a terminal", () => {
		const clock = new ManualClock();
		const out = sink(false);
		const bar = new ProgressBar(out.sink, clock);
		for (let done = 0; done <= 100_000; done += 2_500) {
			bar.update(done, 100_000);
			clock.advance(100);
		}
		expect(out.lines).toHaveLength(11);
		expect(out.lines[10]).toMatch(/^upload 100% {2}97\.7 KiB\/97\.7 KiB {2}24\.4 KiB\/s {2}00:00 left$/);
		expect(out.writes).toEqual([]);
		expect(formatDuration(3725)).toBe("62:05");
	});
});
