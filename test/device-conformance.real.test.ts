/**
 * `device test` against the simulator over a socat pty pair: it conforms, and with a fault
 * (a broken ack, garbage on the line) the report says which check failed and why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MemoryBootStateStore } from "../firmware-host/bootloader/boot-state.js";
import { Bootloader } from "../firmware-host/bootloader/bootloader.js";
import { ImageService } from "../firmware-host/bootloader/image-service.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import type { FaultOptions } from "../firmware-host/simulator/options.js";
import { runSerialSimulator } from "../firmware-host/simulator/runners.js";
import { testCommand } from "../firmware-host/test-command.js";
import { systemClock } from "../platform/clock.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { generateSigningKey, keyHash, loadSigningKey } from "../protocol/firmware/signing-keys.js";
import { createPtyPair } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-conf-"));
let imagePath: string;
let trusted: Buffer;
beforeAll(() => {
	generateSigningKey(join(dir, "k"));
	const key = loadSigningKey(join(dir, "k"));
	trusted = keyHash(key.publicKeyRaw);
	imagePath = join(dir, "app.img");
	writeFileSync(imagePath, signImage({ payload: Buffer.alloc(60_000, 7), key, version: "1.1.0", hardware: "FC-SIM-1" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

async function simulatorOnPty(faults: FaultOptions = {}): Promise<string> {
	const pty = await createPtyPair();
	cleanups.push(() => pty.dispose());
	const firmware = new ImageService(
		new Bootloader({
			store: new MemoryBootStateStore(),
			hardware: { model: "FC-SIM-1", hardwareRevision: "A" },
			factoryVersion: "1.0.0",
			trustedKeyHashes: [trusted],
			slotSize: 1 << 20,
		}),
		{ clock: systemClock, selfTestMs: 100 },
	);
	const sim = await runSerialSimulator({ path: pty.deviceEnd, deviceId: "conf-sim", firmwareVersion: "1.0.0", firmware, faults, rate: 20, helloRetryMs: 200 });
	cleanups.push(() => sim.stop());
	return pty.hostEnd;
}

async function runTest(path: string, extra: { junit?: string; image?: string | null } = {}) {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const io: CliIo = {
		stdout: (l) => stdout.push(l),
		stderr: (l) => stderr.push(l),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: () => {},
	};
	const code = await testCommand({ serial: path, junit: extra.junit, image: extra.image === null ? undefined : (extra.image ?? imagePath) }, io);
	return { code, text: [...stdout, ...stderr].join("\n") };
}

describe("device test (conformance suite) against the simulator on a pty", () => {
	it("passes every check, including firmware resume and rollback, and writes JUnit XML", async () => {
		const path = await simulatorOnPty();
		const junit = join(dir, "pass.xml");
		const { code, text } = await runTest(path, { junit });
		expect(text, text).toMatch(/CONFORMS: 10 passed, 0 failed, 0 skipped/);
		expect(code).toBe(0);
		expect(text).toMatch(/note: resumed at offset \d+ of \d+/);
		expect(text).toMatch(/note: ran 1\.1\.0 once, rolled back to 1\.0\.0/);
		const xml = readFileSync(junit, "utf8");
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="fieldchain device conformance" tests="10" failures="0" skipped="0"/);
		expect(xml.match(/<testcase /g)).toHaveLength(10);
		expect(xml).not.toContain("<failure");
	}, 60_000);

	it("skips the firmware checks without --image, and says why", async () => {
		const path = await simulatorOnPty();
		const { code, text } = await runTest(path, { image: null });
		expect(code).toBe(0);
		expect(text).toMatch(/SKIP {2}firmware-resume.*\n {6}no --image given/);
		expect(text).toMatch(/CONFORMS: 8 passed, 0 failed, 2 skipped/);
	}, 60_000);

	it("fails with a clear report against a device whose acks are broken", async () => {
		const path = await simulatorOnPty({ brokenAck: true });
		const junit = join(dir, "broken.xml");
		const { code, text } = await runTest(path, { junit, image: null });
		expect(code).toBe(1);
		expect(text).toMatch(/FAIL {2}stream-and-acks .*\n {6}why: the device re-sent \d+ readings it had been acked for/);
		expect(text).toMatch(/spec: protocol\/README\.md, Session rules: Readings and acknowledgements/);
		expect(text).toMatch(/DOES NOT CONFORM: \d+ passed, [1-9] failed/);
		expect(readFileSync(junit, "utf8")).toMatch(/<failure message="the device re-sent/);
	}, 60_000);

	it("fails with a clear report against a device that puts garbage on the line", async () => {
		const path = await simulatorOnPty({ garbage: 0.3 });
		const { code, text } = await runTest(path, { image: null });
		expect(code).toBe(1);
		expect(text).toMatch(/FAIL {2}stream-and-acks .*\n {6}why: the device sent damaged or undecodable frames: .*badCrc|badCobs|short/);
	}, 60_000);
});
