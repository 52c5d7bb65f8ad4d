/**
 * The simulator on a real pseudo-terminal pair made by socat, with a small host on the other end:
 * the same bytes, kernel buffers and port life cycle as a USB serial tool, including the port
 * vanishing when socat is killed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ReadingFlag } from "../../protocol/codec.js";
import type { EnvelopeLink } from "../../protocol/link.js";
import { openSerialLink } from "../../protocol/transport/serial.js";
import type { RunnerStatus, SimulatorHandle } from "./link-loop.js";
import { seededRandom } from "./prng.js";
import { runSerialSimulator } from "./runners.js";
import { TestHost } from "./testing/test-host.js";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

class PtyPair {
	readonly dir = mkdtempSync(join(tmpdir(), "fc-pty-"));
	readonly device = join(this.dir, "device");
	readonly host = join(this.dir, "host");
	private socat: ChildProcess | undefined;

	async start(): Promise<void> {
		const socat = spawn("socat", ["-d", "-d", `pty,raw,echo=0,link=${this.device}`, `pty,raw,echo=0,link=${this.host}`], { stdio: "ignore" });
		this.socat = socat;
		await waitFor(() => existsSync(this.device) && existsSync(this.host), 10_000, "socat's pty links");
	}

	/** Kills socat, which removes both links: the ports are gone, as when a cable is pulled. */
	async kill(): Promise<void> {
		const socat = this.socat;
		this.socat = undefined;
		if (!socat || socat.exitCode !== null || socat.signalCode !== null) return;
		const exited = new Promise((resolve) => socat.once("exit", resolve));
		socat.kill("SIGTERM");
		await exited;
	}

	async dispose(): Promise<void> {
		await this.kill();
		rmSync(this.dir, { recursive: true, force: true });
	}
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

async function ptyPair(): Promise<PtyPair> {
	const pair = new PtyPair();
	cleanups.push(() => pair.dispose());
	await pair.start();
	return pair;
}

async function simulator(options: Parameters<typeof runSerialSimulator>[0]): Promise<SimulatorHandle> {
	const handle = await runSerialSimulator(options);
	cleanups.push(() => handle.stop());
	return handle;
}

/** Opens the host end and greets the device; the TestHost answers the device's own Hellos. */
async function connectHost(host: TestHost, path: string): Promise<EnvelopeLink> {
	const link = await openSerialLink({ path });
	cleanups.push(() => link.close());
	host.use(link);
	await host.hostHello();
	return link;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Timed out: ${what}.`)), ms))]);
}

describe("runSerialSimulator on a socat pty pair", () => {
	it("delivers 500 readings exactly once", async () => {
		const pty = await ptyPair();
		const host = new TestHost(undefined, { answerHello: true });
		await connectHost(host, pty.host);
		const handle = await simulator({ path: pty.device, deviceId: "pty-sim-1", helloRetryMs: 2000, rate: 2000, count: 500, resendTimeoutMs: 3000 });
		await withTimeout(handle.done, 20_000, "all 500 readings acked");
		await new Promise((resolve) => setTimeout(resolve, 200)); // late duplicates would show up now
		expect(host.readings).toHaveLength(500);
		expect(host.uniqueSeqs()).toEqual(range(1, 500));
		expect(host.readings.some((reading) => (reading.flags ?? 0) & ReadingFlag.READING_FLAG_RESENT)).toBe(false);
		expect(handle.device.stats).toMatchObject({ generated: 500, sent: 500, resent: 0, unacked: 0, ackedUpTo: 500 });
	});

	it("reopens the port after socat is killed and restarted, and the host gets every reading with no gap", async () => {
		const pty = await ptyPair();
		const host = new TestHost(undefined, { answerHello: true });
		await connectHost(host, pty.host);
		const statuses: RunnerStatus["state"][] = [];
		const handle = await simulator({
			path: pty.device,
			deviceId: "pty-sim-2",
			helloRetryMs: 250,
			rate: 500,
			count: 1000,
			retryMs: 50,
			onStatus: (status) => statuses.push(status.state),
		});

		await waitFor(() => host.readings.length >= 200, 10_000, "200 readings before the cut");
		await pty.kill();
		await waitFor(() => statuses.includes("disconnected"), 5000, "the simulator to see the port go");
		await new Promise((resolve) => setTimeout(resolve, 300)); // the device keeps measuring meanwhile
		expect(statuses).toContain("retryFailed");

		await pty.start();
		await connectHost(host, pty.host);
		await withTimeout(handle.done, 30_000, "all 1000 readings acked after the reconnect");

		expect(host.uniqueSeqs()).toEqual(range(1, 1000));
		expect(host.contiguousUpTo()).toBe(1000);
		expect(statuses.filter((state) => state === "connected")).toHaveLength(2);
		expect(handle.device.stats).toMatchObject({ generated: 1000, unacked: 0 });
	});

	it("recovers from garbage, corrupt and dropped frames on the line", async () => {
		const pty = await ptyPair();
		const host = new TestHost(undefined, { answerHello: true });
		const hostLink = await connectHost(host, pty.host);
		const handle = await simulator({
			path: pty.device,
			deviceId: "pty-sim-3",
			helloRetryMs: 250,
			rate: 3000,
			count: 300,
			resendTimeoutMs: 200,
			faults: { garbage: 0.01, corrupt: 0.01, drop: 0.01 },
			random: seededRandom(7),
		});
		await withTimeout(handle.done, 30_000, "all 300 readings acked despite faults");
		const stats = handle.device.stats;
		expect(host.uniqueSeqs()).toEqual(range(1, 300));
		expect(stats.garbage + stats.corrupt + stats.dropped).toBeGreaterThan(0);
		const counters = hostLink.counters;
		// Every corrupt frame fails the CRC or COBS check; garbage usually takes the next frame with it.
		expect(counters.badCrc + counters.badCobs + counters.short).toBeGreaterThanOrEqual(stats.corrupt);
	});

	it("releases the port on stop, so it can be opened again at once (the port is locked while open)", async () => {
		const pty = await ptyPair();
		const handle = await runSerialSimulator({ path: pty.device, deviceId: "pty-sim-5" });
		await handle.stop();
		await handle.done;
		const again = await openSerialLink({ path: pty.device });
		await again.close();
		expect(again.closed).toBe(true);
	});

	it("fails fast with FC_SERIAL_OPEN when the port does not exist at start", async () => {
		await expect(runSerialSimulator({ path: "/nonexistent/fieldchain-port", deviceId: "pty-sim-4" })).rejects.toMatchObject({ code: "FC_SERIAL_OPEN" });
	});
});
