/**
 * Downgrade prevention is the device's decision (MCUboot's security counter): over a real
 * pseudo-terminal pair (socat), a simulated tool that confirmed an image with security counter 2
 * refuses an image with counter 1 even when the host passes --allow-downgrade, leaves both slots
 * as they were, and still refuses after a power cycle on the same --state file. --allow-downgrade
 * still lets a lower *version* with an equal counter through.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createImageService } from "../firmware-host/bootloader/create-image-service.js";
import type { ImageService } from "../firmware-host/bootloader/image-service.js";
import { type FlashCommandOptions, flashCommand } from "../firmware-host/flash-command.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { ImageAction, ImageStatus } from "../protocol/firmware/messages.js";
import { generateSigningKey, loadSigningKey } from "../protocol/firmware/signing-keys.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-fw-seccnt-"));
let key: ReturnType<typeof loadSigningKey>;
beforeAll(() => {
	generateSigningKey(join(dir, "release.key"));
	key = loadSigningKey(join(dir, "release.key"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

let counter = 0;
function writeImage(version: string, securityCounter: number): string {
	const payload = Buffer.alloc(8_000, version.length + securityCounter);
	const path = join(dir, `app-${version}-${counter++}.img`);
	writeFileSync(path, signImage({ payload, key, version, hardware: "FC-SIM-1", securityCounter }));
	return path;
}

interface Bench {
	pty: PtyPair;
	sim: SimulatorHandle;
	service: ImageService;
}

/** The simulator as `device simulate --state FILE --trusted-key KEY.pub` builds it. */
async function bench(statePath: string): Promise<Bench> {
	const pty = await createPtyPair();
	cleanups.push(() => pty.dispose());
	const service = createImageService({ state: statePath, trustedKey: [join(dir, "release.key.pub")], firmwareVersion: "1.0.0" });
	const sim = await runSerialSimulator({
		path: pty.deviceEnd,
		deviceId: "seccnt-sim",
		firmwareVersion: "1.0.0",
		firmware: service,
		retryMs: 50,
		helloRetryMs: 200,
	});
	cleanups.push(() => sim.stop());
	return { pty, sim, service };
}

function silentIo(lines: string[]): CliIo {
	return {
		stdout: (line) => lines.push(line),
		stderr: (line) => lines.push(line),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: () => {},
	};
}

async function flash(b: Bench, image: string, options: Partial<FlashCommandOptions> = {}) {
	const lines: string[] = [];
	const code = await flashCommand(image, { serial: b.pty.hostEnd, reconnectTimeout: 20, ...options }, silentIo(lines));
	return { code, text: lines.join("\n") };
}

describe("the device enforces its security counter over a socat pty pair", () => {
	it("refuses a lower counter whatever --allow-downgrade says, unchanged, across a power cycle", async () => {
		const statePath = join(dir, "state.json");
		const b = await bench(statePath);
		const up = await flash(b, writeImage("2.0.0", 2));
		expect(up.code, up.text).toBe(0);

		const before = b.service.bootloader.snapshot;
		const down = await flash(b, writeImage("1.0.0", 1), { allowDowngrade: true });
		expect(down.code, down.text).not.toBe(0);
		expect(down.text).toMatch(/FC_FIRMWARE_DOWNGRADE.*security counter 1, below the device's 2/);
		expect(b.service.bootloader.snapshot).toEqual(before);
		expect(b.service.bootloader.securityCounter).toBe(2);

		// The image swapped out (factory 1.0.0, no counter) still sits in slot 1: testing it is refused too.
		const slot1 = Buffer.from(before.secondary!.hash, "hex");
		const tested = b.service.state({ action: ImageAction.ACTION_TEST, hash: slot1, allowDowngrade: true }, 1);
		expect(tested.status).toBe(ImageStatus.IMAGE_STATUS_DOWNGRADE);
		expect(b.service.bootloader.snapshot).toEqual(before);

		// Power cycle: the counter lives in the state file.
		await b.sim.stop();
		expect(JSON.parse(readFileSync(statePath, "utf8")).state.securityCounter).toBe(2);
		const again = await bench(statePath);
		const retry = await flash(again, writeImage("1.0.0", 1), { allowDowngrade: true });
		expect(retry.code).not.toBe(0);
		expect(retry.text).toMatch(/FC_FIRMWARE_DOWNGRADE.*security counter/);
		expect(again.service.bootloader.snapshot.primary.version).toBe("2.0.0");

		// --allow-downgrade still lowers the version when the counter is not lowered.
		const sameCounter = await flash(again, writeImage("1.5.0", 2), { allowDowngrade: true });
		expect(sameCounter.code, sameCounter.text).toBe(0);
		expect(again.service.bootloader.snapshot.primary.version).toBe("1.5.0");
		expect(again.service.bootloader.securityCounter).toBe(2);
	});
});
