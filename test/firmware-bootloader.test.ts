import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BootStateStore, FileBootStateStore, MemoryBootStateStore } from "../firmware-host/bootloader/boot-state.js";
import { Bootloader } from "../firmware-host/bootloader/bootloader.js";
import { ImageService } from "../firmware-host/bootloader/image-service.js";
import { ManualClock } from "../platform/clock.js";
import { ErrorCodes } from "../platform/errors.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { parseImage } from "../protocol/firmware/image-verify.js";
import { ImageAction, ImageStatus, SelfTest } from "../protocol/firmware/messages.js";
import { generateSigningKey, keyHash, loadSigningKey } from "../protocol/firmware/signing-keys.js";

const dir = mkdtempSync(join(tmpdir(), "fc-fw-boot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateSigningKey(join(dir, "k"));
generateSigningKey(join(dir, "untrusted"));
const key = loadSigningKey(join(dir, "k"));
const untrusted = loadSigningKey(join(dir, "untrusted"));
const hardware = { model: "FC-SIM-1", hardwareRevision: "A" };
const image = (version: string, options: { hw?: string; signer?: typeof key } = {}) =>
	signImage({ payload: Buffer.from(`app ${version}`.repeat(50)), key: options.signer ?? key, version, hardware: options.hw ?? "FC-SIM-1" });

function bootloader(store: BootStateStore = new MemoryBootStateStore()) {
	return new Bootloader({ store, hardware, factoryVersion: "1.0.0", trustedKeyHashes: [keyHash(key.publicKeyRaw)], slotSize: 64 * 1024 });
}

function codeOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		return (error as { code?: string }).code;
	}
	return undefined;
}

describe("Bootloader state machine (MCUboot swap: test, confirm, revert)", () => {
	it("boots the factory image, confirmed, with an empty secondary slot", () => {
		const b = bootloader();
		expect(b.reset()).toBe("normal");
		expect(b.snapshot).toMatchObject({ primary: { version: "1.0.0" }, secondary: undefined, primaryConfirmed: true, secondaryPending: false });
	});

	it("test + reset swaps the new image in unconfirmed; confirm keeps it across resets", () => {
		const b = bootloader();
		const img = image("1.1.0");
		const slot = b.installSecondary(img, false);
		b.test(parseImage(img).hash, false);
		expect(b.snapshot.secondaryPending).toBe(true);
		expect(b.reset()).toBe("swapped");
		expect(b.snapshot).toMatchObject({ primary: { version: "1.1.0", hash: slot.hash }, secondary: { version: "1.0.0" }, primaryConfirmed: false });
		b.confirm();
		expect(b.reset()).toBe("normal");
		expect(b.snapshot).toMatchObject({ primary: { version: "1.1.0" }, primaryConfirmed: true, rolledBack: false });
	});

	it("reverts an image that was not confirmed at the next reset, and says so", () => {
		const b = bootloader();
		const img = image("1.1.0");
		b.installSecondary(img, false);
		b.test(parseImage(img).hash, false);
		b.reset();
		expect(b.reset()).toBe("reverted");
		expect(b.snapshot).toMatchObject({ primary: { version: "1.0.0" }, secondary: { version: "1.1.0" }, primaryConfirmed: true, rolledBack: true });
		expect(b.reset()).toBe("normal");
		expect(b.snapshot.rolledBack).toBe(false);
	});

	it("refuses uploads and tests while the running image is on test (its fallback is in the secondary slot)", () => {
		const b = bootloader();
		const img = image("1.1.0");
		b.installSecondary(img, false);
		b.test(parseImage(img).hash, false);
		b.reset();
		expect(codeOf(() => b.installSecondary(image("1.2.0"), false))).toBe(ErrorCodes.FC_FIRMWARE_STATE);
	});

	it("refuses a bad signature, an untrusted key, other hardware and a downgrade, changing nothing", () => {
		const b = bootloader();
		const before = b.snapshot;
		const tampered = Buffer.from(image("1.1.0"));
		tampered[tampered.length - 1] ^= 1;
		expect(codeOf(() => b.installSecondary(tampered, false))).toBe(ErrorCodes.FC_FIRMWARE_SIGNATURE);
		expect(codeOf(() => b.installSecondary(image("1.1.0", { signer: untrusted }), false))).toBe(ErrorCodes.FC_FIRMWARE_SIGNATURE);
		expect(codeOf(() => b.installSecondary(image("1.1.0", { hw: "FC-MM1" }), false))).toBe(ErrorCodes.FC_FIRMWARE_HARDWARE);
		expect(codeOf(() => b.installSecondary(image("0.9.0"), false))).toBe(ErrorCodes.FC_FIRMWARE_DOWNGRADE);
		expect(codeOf(() => b.installSecondary(image("1.1.0").subarray(0, 100), false))).toBe(ErrorCodes.FC_FIRMWARE_IMAGE);
		expect(b.snapshot).toEqual(before);
		expect(b.installSecondary(image("0.9.0"), true).version).toBe("0.9.0");
	});

	it("persists its state in a file and reverts an unconfirmed image at power-on", () => {
		const path = join(dir, "state.json");
		const first = bootloader(new FileBootStateStore(path));
		const img = image("2.0.0");
		first.installSecondary(img, false);
		first.test(parseImage(img).hash, false);
		expect(first.reset()).toBe("swapped");
		const second = bootloader(new FileBootStateStore(path));
		expect(second.snapshot).toMatchObject({ primary: { version: "2.0.0" }, primaryConfirmed: false });
		expect(second.reset()).toBe("reverted");
		expect(bootloader(new FileBootStateStore(path)).snapshot).toMatchObject({ primary: { version: "1.0.0" }, rolledBack: true });
	});
});

describe("ImageService", () => {
	it("runs the self-test after a swap and confirms only after it passed", () => {
		const clock = new ManualClock();
		const service = new ImageService(bootloader(), { clock, selfTestMs: 100 });
		service.boot();
		const img = image("1.1.0");
		const hash = parseImage(img).hash;
		service.bootloader.installSecondary(img, false);
		expect(service.state({ action: ImageAction.ACTION_TEST, hash }, 1).status).toBe(ImageStatus.IMAGE_STATUS_OK);
		expect(service.boot()).toBe("swapped");
		expect(service.state({}, 2).selfTest).toBe(SelfTest.SELF_TEST_RUNNING);
		expect(service.state({ action: ImageAction.ACTION_CONFIRM }, 3).status).toBe(ImageStatus.IMAGE_STATUS_BUSY);
		clock.advance(100);
		const confirmed = service.state({ action: ImageAction.ACTION_CONFIRM }, 4);
		expect(confirmed).toMatchObject({ status: ImageStatus.IMAGE_STATUS_OK, selfTest: SelfTest.SELF_TEST_PASSED });
		expect(confirmed.slots?.[0]).toMatchObject({ version: "1.1.0", active: true, confirmed: true });
	});

	it("reports a failed self-test and NOT_FOUND for an unknown hash", () => {
		const clock = new ManualClock();
		const service = new ImageService(bootloader(), { clock, selfTestMs: 10, failSelfTest: true });
		expect(service.state({ action: ImageAction.ACTION_TEST, hash: Buffer.alloc(32) }, 1).status).toBe(ImageStatus.IMAGE_STATUS_NOT_FOUND);
		const img = image("1.1.0");
		service.bootloader.installSecondary(img, false);
		service.state({ action: ImageAction.ACTION_TEST, hash: parseImage(img).hash }, 2);
		service.boot();
		clock.advance(10);
		expect(service.state({}, 3).selfTest).toBe(SelfTest.SELF_TEST_FAILED);
		expect(service.boot()).toBe("reverted");
		expect(service.state({}, 4)).toMatchObject({ rolledBack: true, selfTest: SelfTest.SELF_TEST_PASSED });
	});
});

describe("Bootloader without trusted keys", () => {
	it("refuses every image and says how to trust a key", () => {
		const b = new Bootloader({ store: new MemoryBootStateStore(), hardware, factoryVersion: "1.0.0", trustedKeyHashes: [], slotSize: 1 << 20 });
		expect(() => b.installSecondary(image("1.1.0"), false)).toThrow(/no signing key is trusted.*--trusted-key/);
	});
});
