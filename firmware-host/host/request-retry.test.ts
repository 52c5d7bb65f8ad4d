/**
 * Every request the flasher sends survives one loss, of the request or of its answer: it is sent
 * again under the same seq and the device answers a repeat as it answered the first. Reboot is
 * settled through the boot id, so a lost answer never resets the device twice (which would roll
 * a test-booted image back). The simulated device runs on an in-memory link that drops what the
 * test names, in each direction.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../platform/clock.js";
import { ErrorCodes, isFieldchainError } from "../../platform/errors.js";
import type { Envelope, EnvelopeInit } from "../../protocol/codec.js";
import { signImage } from "../../protocol/firmware/image-sign.js";
import { ImageAction, ImageStatus } from "../../protocol/firmware/messages.js";
import { generateSigningKey, keyHash, loadSigningKey } from "../../protocol/firmware/signing-keys.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { MemoryBootStateStore } from "../bootloader/boot-state.js";
import { Bootloader } from "../bootloader/bootloader.js";
import { ImageService } from "../bootloader/image-service.js";
import { SimulatedDevice } from "../simulator/simulated-device.js";
import { DeviceConnection } from "./device-connection.js";
import { flashImage } from "./flasher.js";

const dir = mkdtempSync(join(tmpdir(), "fc-retry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateSigningKey(join(dir, "release.key"));
generateSigningKey(join(dir, "rogue.key"));
const key = loadSigningKey(join(dir, "release.key"));
const rogue = loadSigningKey(join(dir, "rogue.key"));
const image = signImage({ payload: Buffer.alloc(30_000, 0x33), key, version: "1.2.0", hardware: "FC-SIM-1" });

type Drop = (envelope: EnvelopeInit) => boolean;

/** Wraps a link's send so that envelopes `drop` names never arrive (a frame garbled on the line). */
function lossy(link: MemoryLink, drop: Drop): void {
	const send = link.send.bind(link);
	link.send = async (envelope) => {
		if (drop(envelope)) return;
		return send(envelope);
	};
}

/** Drops the first `times` envelopes that match. */
function first(times: number, match: (envelope: EnvelopeInit) => boolean): Drop {
	let left = times;
	return (envelope) => {
		if (left > 0 && match(envelope)) {
			left--;
			return true;
		}
		return false;
	};
}

const isState = (action: number) => (e: EnvelopeInit) =>
	e.imageStateRequest !== undefined && e.imageStateRequest !== null && (e.imageStateRequest.action ?? 0) === action;

let cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
	cleanups = [];
});

function rig(options: { toDevice?: Drop[]; toHost?: Drop[] } = {}) {
	const service = new ImageService(
		new Bootloader({
			store: new MemoryBootStateStore(),
			hardware: { model: "FC-SIM-1", hardwareRevision: "A" },
			factoryVersion: "1.0.0",
			trustedKeyHashes: [keyHash(key.publicKeyRaw)],
			slotSize: 1 << 20,
		}),
		{ clock: systemClock, selfTestMs: 50 },
	);
	const device = new SimulatedDevice({ deviceId: "retry-sim", firmwareVersion: "1.0.0", firmware: service, clock: systemClock, rate: 20 });
	const [deviceEnd, hostEnd] = createMemoryLinkPair();
	const toDevice = options.toDevice ?? [];
	const toHost = options.toHost ?? [];
	lossy(hostEnd, (e) => toDevice.some((drop) => drop(e)));
	lossy(deviceEnd, (e) => toHost.some((drop) => drop(e)));
	const received: Envelope[] = [];
	deviceEnd.on("envelope", (e) => received.push(e));
	device.attach(deviceEnd);
	const reboots: number[] = [];
	device.on("command", (name) => {
		if (name === "reboot") reboots.push(Date.now());
	});
	const connection = new DeviceConnection({ open: async () => hostEnd });
	cleanups.push(async () => {
		device.stop();
		service.stop();
		await connection.close();
	});
	return { device, service, connection, received, reboots };
}

describe("requests are retried on timeout, and a repeat gets the same answer", () => {
	it("flashes although the first state, test, reset and confirm requests or their answers are lost", { timeout: 30_000 }, async () => {
		const bench = rig({
			toDevice: [first(1, isState(ImageAction.ACTION_READ)), first(1, isState(ImageAction.ACTION_CONFIRM))],
			toHost: [
				first(1, (e) => Boolean(e.imageState && e.imageState.status === ImageStatus.IMAGE_STATUS_OK && e.imageState.slots?.[1]?.pending)),
				first(1, (e) => Boolean(e.commandResult)),
			],
		});
		const result = await flashImage({ connection: bench.connection, image, bootTimeoutMs: 10_000 });
		expect(result).toMatchObject({ outcome: "confirmed", version: "1.2.0" });
		const snapshot = bench.service.bootloader.snapshot;
		expect(snapshot.primary.version).toBe("1.2.0");
		expect(snapshot.primaryConfirmed).toBe(true);
		// The lost requests came again under the same seq (the device saw two copies of each).
		const seqsOf = (action: number) =>
			bench.received.filter((e) => e.body === "imageStateRequest" && (e.imageStateRequest!.action ?? 0) === action).map((e) => e.seq);
		const tests = seqsOf(ImageAction.ACTION_TEST);
		expect(tests).toHaveLength(2);
		expect(new Set(tests).size).toBe(1);
		const confirms = seqsOf(ImageAction.ACTION_CONFIRM);
		expect(confirms.length).toBe(1); // the first one never arrived
		// The reset's answer was lost, yet the device was reset once: the boot id told the flasher it had happened.
		expect(bench.reboots).toHaveLength(1);
	});

	it("gives up after a bounded budget with a clear error naming the request and the copies sent", async () => {
		// Every answer is lost: the device gets each copy, the host hears nothing.
		const bench = rig({ toHost: [(e) => Boolean(e.commandResult)] });
		await bench.connection.connect();
		const started = Date.now();
		const error = await bench.connection.request({ command: { getStatus: {} } }, "commandResult", 1500, { attemptMs: 200 }).catch((e: unknown) => e);
		expect(isFieldchainError(error, ErrorCodes.FC_PROTO_TIMEOUT)).toBe(true);
		expect((error as Error).message).toMatch(/No answer from the device to command: sent [3-6] times over 1\.\d s/);
		expect(Date.now() - started).toBeLessThan(5000);
		const copies = bench.received.filter((e) => e.body === "command");
		expect(copies.length).toBeGreaterThanOrEqual(3);
		expect(new Set(copies.map((e) => e.seq)).size).toBe(1);
	});

	it("the image service answers a repeated test or confirm exactly as the first", async () => {
		const { service } = rig();
		const slot = service.bootloader.installSecondary(image, false);
		const hash = Buffer.from(slot.hash, "hex");
		const once = service.state({ action: ImageAction.ACTION_TEST, hash }, 7);
		expect(once.status).toBe(ImageStatus.IMAGE_STATUS_OK);
		expect(service.state({ action: ImageAction.ACTION_TEST, hash }, 7)).toEqual(once);
		service.boot();
		expect(service.state({ action: ImageAction.ACTION_READ }, 8).slots?.[0]?.version).toBe("1.2.0");
		await new Promise((resolve) => setTimeout(resolve, 150)); // its self-test
		const confirmOnce = service.state({ action: ImageAction.ACTION_CONFIRM, hash }, 9);
		expect(confirmOnce.status).toBe(ImageStatus.IMAGE_STATUS_OK);
		expect(service.state({ action: ImageAction.ACTION_CONFIRM, hash }, 9)).toEqual(confirmOnce);
	});
});

describe("trusted keys", () => {
	it("refuses an image signed with a key the device does not list, before a byte is uploaded", async () => {
		const bench = rig();
		const untrusted = signImage({ payload: Buffer.alloc(30_000, 0x44), key: rogue, version: "1.3.0", hardware: "FC-SIM-1" });
		const error = await flashImage({ connection: bench.connection, image: untrusted }).catch((e: unknown) => e);
		expect(isFieldchainError(error, ErrorCodes.FC_FIRMWARE_SIGNATURE)).toBe(true);
		expect((error as Error).message).toMatch(/does not trust the key that signed this image .*Nothing was uploaded/);
		expect(bench.received.filter((e) => e.body === "imageUpload")).toHaveLength(0);
		// The device reports what it trusts: the release key's hash.
		const state = await bench.connection.request({ imageStateRequest: { action: ImageAction.ACTION_READ } }, "imageState");
		expect(state.imageState!.trustedKeyHashes?.map((h) => Buffer.from(h).toString("hex"))).toEqual([keyHash(key.publicKeyRaw).toString("hex")]);
	});
});
