/**
 * `device test` after an ordinary `device monitor` session and some idle time (issue: "sent 299
 * readings on a refused link"). The monitor never acks, so the simulator builds a backlog; the
 * next gateway-like greeting rightly re-sends all of it, and the version-refusal check must not
 * count the readings already under way before the device refused the link. The backlog is built
 * in seconds by a faster rate instead of 30 s of idle at 10/s.
 */
import { afterEach, describe, expect, it } from "vitest";
import { monitorCommand } from "../firmware-host/monitor-command.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import { runSerialSimulator } from "../firmware-host/simulator/runners.js";
import { testCommand } from "../firmware-host/test-command.js";
import { createPtyPair } from "./support/pty-pair.js";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

function io(lines: string[]): CliIo {
	return {
		stdout: (l) => lines.push(l),
		stderr: (l) => lines.push(l),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: () => {},
	};
}

describe("device test after device monitor and idle time", () => {
	it("conforms with a backlog of unacked readings the monitor left behind", async () => {
		const pty = await createPtyPair();
		cleanups.push(() => pty.dispose());
		const sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "bench-sim", rate: 100, helloRetryMs: 200 });
		cleanups.push(() => sim.stop());
		const monitorLines: string[] = [];
		expect(await monitorCommand({ serial: pty.hostEnd, duration: 1 }, io(monitorLines))).toBe(0);
		// Idle: the tool keeps measuring, nobody acks.
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(sim.device.stats.unacked).toBeGreaterThan(250);
		const lines: string[] = [];
		const code = await testCommand({ serial: pty.hostEnd }, io(lines));
		const text = lines.join("\n");
		expect(text).not.toMatch(/on a refused link/);
		expect(text, text).toMatch(/CONFORMS: \d+ passed, 0 failed/);
		expect(code).toBe(0);
	}, 90_000);
});
