/**
 * Loss recovery on a noisy serial line (protocol/README.md, "Fast recovery"), end to end over
 * real ptys: the simulator, a proxy garbling 5% of the reading frames and 20% of the acks, and the gateway's real
 * ingest into SQLite. Every reading is stored exactly once, recovery re-sends about what was lost
 * (selective acks) instead of everything unacked, and a protocol 1.0 device (resend timeout only)
 * still delivers everything through the same gateway. Speed is the benchmark's business
 * (`npm run bench -- --only noisy-line`); here only counts are asserted.
 */
import { afterAll, describe, expect, it } from "vitest";
import { runNoisyIngest } from "./support/noisy-ingest.js";
import { createNoisyLine } from "./support/noisy-line.js";

describe("readings over a noisy pty line", () => {
	it("5% garbled frames and 20% garbled acks: every reading stored exactly once, re-sending only what was lost", async () => {
		const count = 2000;
		// Acks are few (one per commit), so a fifth of them is garbled to be sure some are.
		const result = await runNoisyIngest({ count, deviceToHost: { garbleFrames: 0.05 }, hostToDevice: { garbleFrames: 0.2 }, seed: 3, timeoutMs: 60_000 });
		expect(result.stored).toBe(count);
		expect(result.distinct).toBe(count);
		expect(result.line.garbledUp).toBeGreaterThan(40);
		expect(result.line.garbledDown).toBeGreaterThan(0);
		expect(result.selectiveAcksSent).toBeGreaterThan(0);
		expect(result.device.fastRetransmits).toBeGreaterThan(0);
		// Go-back-N would re-send thousands; selective recovery re-sends about one per lost frame.
		expect(result.device.resent).toBeLessThan(result.line.garbledUp * 2 + 20);
	}, 90_000);

	it("a protocol 1.0 device (no fast retransmit) on the same line is still stored exactly once", async () => {
		const count = 1000;
		const result = await runNoisyIngest({
			count,
			deviceToHost: { garbleFrames: 0.05 },
			hostToDevice: { garbleFrames: 0.05 },
			seed: 4,
			faults: { noFastRetransmit: true },
			timeoutMs: 60_000,
		});
		expect(result.stored).toBe(count);
		expect(result.distinct).toBe(count);
		expect(result.device.fastRetransmits).toBe(0);
	}, 90_000);
});

describe("the noisy-line fixture", () => {
	const disposals: (() => Promise<void>)[] = [];
	afterAll(async () => {
		for (const dispose of disposals) await dispose();
	});

	it("damages bytes at the rate asked, never drops or adds any with byte corruption only", async () => {
		const { openRawSerialPort } = await import("../firmware-host/monitor/raw-serial-port.js");
		const line = await createNoisyLine({ deviceToHost: { corruptBytes: 0.01 }, seed: 5 });
		disposals.push(() => line.dispose());
		const device = await openRawSerialPort(line.deviceEnd, 115200);
		const host = await openRawSerialPort(line.hostEnd, 115200);
		disposals.push(async () => {
			device.destroy();
			host.destroy();
		});
		const sent = Buffer.alloc(50_000, 0x41);
		const received: Buffer[] = [];
		let length = 0;
		const all = new Promise<void>((resolve) =>
			host.on("data", (chunk: Buffer) => {
				received.push(chunk);
				length += chunk.length;
				if (length >= sent.length) resolve();
			}),
		);
		device.write(sent);
		await all;
		const got = Buffer.concat(received);
		expect(got.length).toBe(sent.length);
		const changed = got.reduce((n, byte) => n + (byte === 0x41 ? 0 : 1), 0);
		expect(changed).toBe(line.stats.deviceToHost.corruptedBytes);
		// 1% of 50,000 is 500; a seeded run lands close to it.
		expect(changed).toBeGreaterThan(350);
		expect(changed).toBeLessThan(650);
	}, 30_000);
});
