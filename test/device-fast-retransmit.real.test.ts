/**
 * The conformance check `fast-retransmit` over a real pty: the simulator re-sends a withheld
 * reading after two duplicate acks; a device that announces protocol 1.1 but only waits for its
 * resend timeout fails it, with the reason in the report.
 */
import { afterEach, describe, expect, it } from "vitest";
import { recoveryChecks } from "../firmware-host/conformance/checks-recovery.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import type { FaultOptions } from "../firmware-host/simulator/options.js";
import { runSerialSimulator } from "../firmware-host/simulator/runners.js";
import { testCommand } from "../firmware-host/test-command.js";
import { createPtyPair } from "./support/pty-pair.js";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

async function simulator(faults: FaultOptions = {}): Promise<string> {
	const pty = await createPtyPair();
	cleanups.push(() => pty.dispose());
	const sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "fr-sim", rate: 20, helloRetryMs: 200, faults });
	cleanups.push(() => sim.stop());
	return pty.hostEnd;
}

async function runTest(path: string) {
	const lines: string[] = [];
	const io: CliIo = {
		stdout: (l) => lines.push(l),
		stderr: (l) => lines.push(l),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: () => {},
	};
	const code = await testCommand({ serial: path }, io);
	return { code, text: lines.join("\n") };
}

describe("device test: fast retransmit", () => {
	it("is one of the suite's checks", () => {
		expect(recoveryChecks.map((c) => c.id)).toEqual(["fast-retransmit"]);
	});

	it("passes against the simulator and says how soon the reading came back", async () => {
		const { code, text } = await runTest(await simulator());
		expect(text, text).toMatch(/PASS {2}fast-retransmit .*\n {6}note: reading \d+ re-sent \d+ ms after the duplicate acks/);
		expect(text).not.toMatch(/also re-sent/);
		expect(code).toBe(0);
	}, 60_000);

	it("fails a device that waits for its resend timeout, and says so", async () => {
		const { code, text } = await runTest(await simulator({ noFastRetransmit: true }));
		expect(text).toMatch(
			/FAIL {2}fast-retransmit .*\n {6}why: after two duplicate acks .* the device did not re-send reading \d+ within 500 ms: it waits for the resend timeout/,
		);
		expect(text).toMatch(/spec: protocol\/README\.md, Session rules: Fast recovery/);
		expect(code).toBe(1);
	}, 60_000);
});
