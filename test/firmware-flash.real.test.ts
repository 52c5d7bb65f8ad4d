/**
 * `device flash` against the simulator over a real pseudo-terminal pair (socat): the same bytes,
 * kernel buffers and port life cycle as a USB tool, including an unplug in the middle.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FileBootStateStore } from "../firmware-host/bootloader/boot-state.js";
import { Bootloader } from "../firmware-host/bootloader/bootloader.js";
import { ImageService } from "../firmware-host/bootloader/image-service.js";
import { EXIT_ROLLBACK, type FlashCommandOptions, flashCommand } from "../firmware-host/flash-command.js";
import type { CliIo } from "../firmware-host/simulate-command.js";
import { runSerialSimulator, type SimulatorHandle } from "../firmware-host/simulator/runners.js";
import { systemClock } from "../platform/clock.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { generateSigningKey, keyHash, loadSigningKey } from "../protocol/firmware/signing-keys.js";
import { createPtyPair, type PtyPair } from "./support/pty-pair.js";

const dir = mkdtempSync(join(tmpdir(), "fc-fw-flash-"));
let key: ReturnType<typeof loadSigningKey>;
let other: ReturnType<typeof loadSigningKey>;
beforeAll(() => {
	generateSigningKey(join(dir, "release.key"));
	generateSigningKey(join(dir, "rogue.key"));
	key = loadSigningKey(join(dir, "release.key"));
	other = loadSigningKey(join(dir, "rogue.key"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
	cleanups = [];
});

let counter = 0;
function writeImage(version: string, options: { size?: number; hardware?: string; signer?: typeof key } = {}): string {
	const payload = Buffer.alloc(options.size ?? 20_000);
	for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + version.length) & 0xff;
	const path = join(dir, `app-${version}-${counter++}.img`);
	writeFileSync(path, signImage({ payload, key: options.signer ?? key, version, hardware: options.hardware ?? "FC-SIM-1" }));
	return path;
}

interface Bench {
	pty: PtyPair;
	sim: SimulatorHandle;
	service: ImageService;
	statePath: string;
}

async function bench(options: { failSelfTest?: boolean; statePath?: string } = {}): Promise<Bench> {
	const pty = await createPtyPair();
	cleanups.push(() => pty.dispose());
	const statePath = options.statePath ?? join(dir, `state-${counter++}.json`);
	const service = new ImageService(
		new Bootloader({
			store: new FileBootStateStore(statePath),
			hardware: { model: "FC-SIM-1", hardwareRevision: "A" },
			factoryVersion: "1.0.0",
			trustedKeyHashes: [keyHash(key.publicKeyRaw)],
			slotSize: 4 << 20,
		}),
		{ clock: systemClock, selfTestMs: 100, failSelfTest: options.failSelfTest },
	);
	const sim = await runSerialSimulator({
		path: pty.deviceEnd,
		deviceId: "flash-sim",
		firmwareVersion: "1.0.0",
		firmware: service,
		retryMs: 50,
		helloRetryMs: 200,
	});
	cleanups.push(() => sim.stop());
	return { pty, sim, service, statePath };
}

function capture() {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const listeners: ((line: string) => void)[] = [];
	const io: CliIo = {
		stdout: (line) => {
			stdout.push(line);
			for (const listener of listeners) listener(line);
		},
		stderr: (line) => stderr.push(line),
		env: {},
		signals: { once: () => undefined, off: () => undefined },
		setExitCode: () => {},
	};
	return { io, stdout, stderr, onLine: (listener: (line: string) => void) => listeners.push(listener) };
}

async function flash(b: Bench, image: string, options: Partial<FlashCommandOptions> = {}) {
	const out = capture();
	const code = await flashCommand(image, { serial: b.pty.hostEnd, reconnectTimeout: 20, ...options }, out.io);
	return { code, ...out, text: () => [...out.stdout, ...out.stderr].join("\n") };
}

const running = (b: Bench) => b.service.bootloader.snapshot.primary;

describe("device flash over a socat pty pair", () => {
	it("uploads, verifies, test-boots, sees a healthy boot and confirms; the device runs the new image", async () => {
		const b = await bench();
		const result = await flash(b, writeImage("1.1.0", { size: 200_000 }));
		expect(result.text()).toContain("confirmed 1.1.0");
		expect(result.code).toBe(0);
		expect(result.stdout.some((line) => /^upload 100%/.test(line))).toBe(true);
		expect(running(b)).toMatchObject({ version: "1.1.0" });
		expect(b.service.bootloader.snapshot).toMatchObject({ primaryConfirmed: true, secondary: { version: "1.0.0" } });
		expect(b.sim.device.link).toBeDefined();
		const rate = result.text().match(/uploaded in [\d.]+ s \(([\d.]+ [KM]?i?B)\/s/);
		expect(rate).not.toBeNull();
		console.info(`flash over pty: 200000-byte image, ${rate![1]}/s`);
		// Flashing the same image again has nothing to do.
		const again = await flash(b, writeImage("1.1.0", { size: 200_000 }));
		expect(again.text()).toContain("already running");
	});

	it("survives an unplug mid-transfer with --resume and continues from the offset the device reports", async () => {
		const b = await bench();
		const out = capture();
		let unplugged = false;
		out.onLine((line) => {
			const percent = /^upload (\d+)%/.exec(line);
			if (percent && Number(percent[1]) >= 30 && !unplugged) {
				unplugged = true;
				void b.pty
					.kill()
					.then(() => new Promise((resolve) => setTimeout(resolve, 300)))
					.then(() => b.pty.restart());
			}
		});
		const code = await flashCommand(writeImage("1.2.0", { size: 600_000 }), { serial: b.pty.hostEnd, resume: true, reconnectTimeout: 20 }, out.io);
		const text = [...out.stdout, ...out.stderr].join("\n");
		expect(text, text).toMatch(/device disconnected at (\d+) of \d+ bytes/);
		expect(text).toContain("device is back");
		const resumedAt = Number(/resumed at offset (\d+)/.exec(text)?.[1]);
		expect(resumedAt).toBeGreaterThan(0);
		expect(code).toBe(0);
		expect(running(b).version).toBe("1.2.0");
	});

	it("without --resume an unplug fails clearly, and a second run with --resume continues where the first stopped", async () => {
		const b = await bench();
		const out = capture();
		let unplugged: Promise<void> | undefined;
		out.onLine((line) => {
			if (/^upload [3-9]\d%/.test(line) && !unplugged) unplugged = b.pty.kill();
		});
		const image = writeImage("1.3.0", { size: 600_000 });
		const code = await flashCommand(image, { serial: b.pty.hostEnd, reconnectTimeout: 5 }, out.io);
		expect(code).toBe(1);
		expect(out.stderr.join("\n")).toMatch(/went away at offset \d+ .*--resume/);
		await unplugged;
		await b.pty.restart();
		await new Promise((resolve) => setTimeout(resolve, 300));
		const second = await flash(b, image, { resume: true });
		expect(second.code, second.text()).toBe(0);
		expect(Number(/resumed at offset (\d+)/.exec(second.text())?.[1])).toBeGreaterThan(0);
	});

	it("refuses a bad signature, another key, wrong hardware, a truncated file and a downgrade, leaving the device unchanged", async () => {
		const b = await bench();
		const before = b.service.bootloader.snapshot;
		const good = writeImage("1.5.0");
		const tampered = join(dir, "tampered.img");
		const bytes = readFileSync(good);
		bytes[100] ^= 0x40;
		writeFileSync(tampered, bytes);
		const truncated = join(dir, "truncated.img");
		writeFileSync(truncated, bytes.subarray(0, 5000));

		// A damaged file is bad input (exit 2), found before the device is touched; an untrusted key is exit 3.
		const bad = await flash(b, tampered);
		expect(bad.code).toBe(2);
		expect(bad.stderr.join()).toMatch(/FC_FIRMWARE_IMAGE.*modified or damaged/);

		const rogue = await flash(b, writeImage("1.5.0", { signer: other }));
		expect(rogue.code).toBe(3);
		// The device lists the keys it trusts, so the flasher refuses before uploading.
		expect(rogue.stderr.join()).toMatch(/FC_FIRMWARE_SIGNATURE.*does not trust the key that signed this image.*Nothing was uploaded/);

		const pinned = await flash(b, writeImage("1.5.0", { signer: other }), { publicKey: join(dir, "release.key.pub") });
		expect(pinned.stderr.join()).toMatch(/FC_FIRMWARE_SIGNATURE.*not trusted/);

		const hw = await flash(b, writeImage("1.5.0", { hardware: "FC-MM1" }));
		expect(hw.code).toBe(1);
		expect(hw.stderr.join()).toMatch(/FC_FIRMWARE_HARDWARE.*built for FC-MM1, but the device is FC-SIM-1:A/);

		const cut = await flash(b, truncated);
		expect(cut.code).toBe(2);
		expect(cut.stderr.join()).toMatch(/FC_FIRMWARE_IMAGE.*truncated/);

		const old = await flash(b, writeImage("0.9.0"));
		expect(old.code).toBe(1);
		expect(old.stderr.join()).toMatch(/FC_FIRMWARE_DOWNGRADE.*0\.9\.0 is older than the running 1\.0\.0/);

		expect(b.service.bootloader.snapshot).toEqual(before);
		const allowed = await flash(b, writeImage("0.9.0"), { allowDowngrade: true });
		expect(allowed.code, allowed.text()).toBe(0);
		expect(running(b).version).toBe("0.9.0");
	});

	it("--test-only runs the image once; the next reset rolls it back, and the next flash reports it", async () => {
		const b = await bench();
		const result = await flash(b, writeImage("2.0.0"), { testOnly: true });
		expect(result.code, result.text()).toBe(0);
		expect(result.text()).toContain("not confirmed; the next reset rolls it back");
		expect(running(b).version).toBe("2.0.0");
		expect(b.sim.device.stats.unacked).toBe(0);
		// Power-cycle: a new simulator process on the same state file.
		await b.sim.stop();
		const again = await bench({ statePath: b.statePath });
		expect(running(again)).toMatchObject({ version: "1.0.0" });
		expect(again.service.bootloader.snapshot.rolledBack).toBe(true);
		const next = await flash(again, writeImage("2.0.0"));
		expect(next.text()).toContain("rolled back at its last reset; it runs 1.0.0");
		expect(next.code).toBe(0);
	});

	it("does not confirm an image that fails its self-test: resets, reports the rollback plainly, exits 3", async () => {
		const b = await bench({ failSelfTest: true });
		const result = await flash(b, writeImage("3.0.0"));
		expect(result.code).toBe(EXIT_ROLLBACK);
		expect(result.text()).toContain("ROLLED BACK: the device runs 1.0.0");
		expect(result.stderr.join()).toMatch(/FC_FIRMWARE_ROLLBACK: Rolled back: 3\.0\.0 failed its self-test/);
		expect(running(b).version).toBe("1.0.0");
	});
});
