/**
 * Chunking, window and retransmission of image upload, host (ImageUploader) against device
 * (UploadReceiver + Bootloader), through a channel the test controls, on a fake clock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryBootStateStore } from "../firmware-host/bootloader/boot-state.js";
import { Bootloader } from "../firmware-host/bootloader/bootloader.js";
import { UploadReceiver } from "../firmware-host/bootloader/upload-receiver.js";
import { ManualClock } from "../platform/clock.js";
import { ErrorCodes, isFieldchainError } from "../platform/errors.js";
import { encodeEnvelope } from "../protocol/codec.js";
import { signImage } from "../protocol/firmware/image-sign.js";
import { chunkSizeFor, ImageUploader } from "../protocol/firmware/image-uploader.js";
import { ImageStatus, type ImageUpload } from "../protocol/firmware/messages.js";
import { generateSigningKey, keyHash, loadSigningKey } from "../protocol/firmware/signing-keys.js";

const dir = mkdtempSync(join(tmpdir(), "fc-fw-up-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateSigningKey(join(dir, "k"));
const key = loadSigningKey(join(dir, "k"));
const image = signImage({ payload: Buffer.alloc(5000, 0x42), key, version: "1.1.0", hardware: "FC-SIM-1" });

function device() {
	const bootloader = new Bootloader({
		store: new MemoryBootStateStore(),
		hardware: { model: "FC-SIM-1", hardwareRevision: "A" },
		factoryVersion: "1.0.0",
		trustedKeyHashes: [keyHash(key.publicKeyRaw)],
		slotSize: 1 << 20,
	});
	return { bootloader, receiver: new UploadReceiver(bootloader) };
}

/** Chunks wait in `wire` until deliver() hands them to the device, whose answers go straight back. */
function harness(options: { window: number; chunkSize?: number; drop?: (upload: ImageUpload, index: number) => boolean; restart?: boolean }, dev = device()) {
	const clock = new ManualClock();
	const wire: { seq: number; upload: ImageUpload }[] = [];
	let seq = 0;
	let sentIndex = 0;
	let maxOutstanding = 0;
	const uploader = new ImageUploader({
		image,
		chunkSize: options.chunkSize ?? 512,
		window: options.window,
		timeoutMs: 1000,
		maxRetries: 3,
		restart: options.restart,
		clock,
		send: (upload) => {
			seq++;
			if (!options.drop?.(upload, sentIndex++)) wire.push({ seq, upload });
			maxOutstanding = Math.max(maxOutstanding, wire.length);
			return seq;
		},
	});
	const deliver = (limit = Number.POSITIVE_INFINITY) => {
		let delivered = 0;
		while (wire.length > 0 && delivered < limit) {
			const { seq: s, upload } = wire.shift()!;
			uploader.onResult(dev.receiver.handle(upload, s));
			delivered++;
		}
		return delivered;
	};
	return { clock, wire, uploader, deliver, dev, maxOutstanding: () => maxOutstanding };
}

describe("ImageUploader", () => {
	it("sends the first chunk alone, then keeps at most `window` chunks in flight, and completes", async () => {
		const h = harness({ window: 4 });
		h.uploader.start();
		expect(h.wire).toHaveLength(1);
		expect(h.wire[0].upload).toMatchObject({ offset: 0, imageLength: image.length, slot: 1 });
		h.deliver(1);
		expect(h.wire).toHaveLength(4);
		while (h.deliver(1) > 0) expect(h.wire.length).toBeLessThanOrEqual(4);
		const outcome = await h.uploader.done;
		expect(outcome).toMatchObject({ resumedAt: 512, retransmissions: 0, chunksSent: Math.ceil(image.length / 512) });
		expect(h.maxOutstanding()).toBe(4);
		expect(h.dev.bootloader.snapshot.secondary?.version).toBe("1.1.0");
	});

	it("goes back to the offset the device expects after a lost chunk, once per loss", async () => {
		const h = harness({ window: 4, drop: (upload, index) => upload.offset === 2048 && index < 6 });
		h.uploader.start();
		while (h.deliver() > 0);
		const outcome = await h.uploader.done;
		expect(outcome.retransmissions).toBe(0);
		// 10 chunks + the 3 that followed the lost one again (go-back-N), + the lost one.
		expect(outcome.chunksSent).toBeLessThanOrEqual(Math.ceil(image.length / 512) + 4);
		expect(h.dev.bootloader.snapshot.secondary?.size).toBe(image.length);
	});

	it("retransmits from the last confirmed offset after a timeout, then gives up with a clear error", async () => {
		const h = harness({ window: 2 });
		h.uploader.start();
		h.deliver(3);
		const confirmed = h.uploader.confirmedOffset;
		expect(confirmed).toBe(1536);
		h.wire.length = 0; // the line goes quiet
		h.clock.advance(999);
		expect(h.wire).toHaveLength(0);
		h.clock.advance(1);
		expect(h.wire.map((w) => w.upload.offset)).toEqual([1536, 2048]);
		while (h.deliver() > 0);
		expect((await h.uploader.done).retransmissions).toBe(1);

		const silent = harness({ window: 2 });
		silent.uploader.start();
		for (let i = 0; i < 4; i++) {
			silent.wire.length = 0;
			silent.clock.advance(1000);
		}
		const error = await silent.uploader.done.catch((e: unknown) => e);
		expect(isFieldchainError(error, ErrorCodes.FC_PROTO_TIMEOUT)).toBe(true);
		expect((error as Error).message).toMatch(/stopped answering at offset 0 of \d+ \(3 retransmissions/);
	});

	it("resumes an interrupted upload at the offset the device reports (keyed by the image hash)", async () => {
		const dev = device();
		const first = harness({ window: 4 }, dev);
		first.uploader.start();
		first.deliver(4);
		first.uploader.pause();
		const held = dev.receiver.progress!.offset;
		expect(held).toBeGreaterThan(0);
		const second = harness({ window: 4 }, dev);
		second.uploader.start();
		while (second.deliver() > 0);
		const outcome = await second.uploader.done;
		expect(outcome.resumedAt).toBe(held);
		expect(outcome.chunksSent).toBe(1 + Math.ceil((image.length - held) / 512));
		expect(dev.bootloader.snapshot.secondary?.size).toBe(image.length);
	});

	it("starts over when asked to (restart), and resumes after pause()/start() in the same run", async () => {
		const dev = device();
		const first = harness({ window: 1 }, dev);
		first.uploader.start();
		first.deliver(3);
		const again = harness({ window: 1, restart: true }, dev);
		again.uploader.start();
		again.deliver(1);
		expect(dev.receiver.progress!.offset).toBe(512);
		again.uploader.pause();
		again.wire.length = 0;
		again.uploader.start();
		while (again.deliver() > 0);
		expect((await again.uploader.done).resumedAt).toBe(512);
	});

	it("keeps every chunk envelope within the device's max_payload", () => {
		for (const maxPayload of [128, 256, 1024, 16384]) {
			const size = chunkSizeFor(maxPayload, 1 << 24);
			const envelope = encodeEnvelope({
				seq: 0xffffffff,
				imageUpload: {
					offset: 1 << 24,
					data: Buffer.alloc(size, 0xff),
					imageLength: 1 << 24,
					sha256: Buffer.alloc(32, 0xff),
					slot: 1,
					allowDowngrade: true,
					restart: true,
				},
			});
			expect(envelope.length, `max_payload ${maxPayload}`).toBeLessThanOrEqual(maxPayload);
		}
	});
});

describe("UploadReceiver", () => {
	it("answers a hash mismatch on the last chunk and writes nothing", () => {
		const dev = device();
		const result = dev.receiver.handle({ offset: 0, data: image, imageLength: image.length, sha256: Buffer.alloc(32, 1), slot: 1 }, 1);
		expect(result).toMatchObject({ status: ImageStatus.IMAGE_STATUS_HASH_MISMATCH, complete: true, match: false });
		expect(dev.bootloader.snapshot.secondary).toBeUndefined();
	});

	it("refuses slot 0, a missing length, an image larger than the slot, and chunks without an upload", () => {
		const dev = device();
		expect(dev.receiver.handle({ offset: 0, data: image, imageLength: image.length, sha256: Buffer.alloc(32), slot: 0 }, 1).status).toBe(
			ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT,
		);
		expect(dev.receiver.handle({ offset: 0, data: image, sha256: Buffer.alloc(32), slot: 1 }, 2).status).toBe(ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT);
		expect(dev.receiver.handle({ offset: 0, data: image, imageLength: 2 << 20, sha256: Buffer.alloc(32), slot: 1 }, 3).status).toBe(
			ImageStatus.IMAGE_STATUS_NO_SPACE,
		);
		expect(dev.receiver.handle({ offset: 512, data: image.subarray(0, 10) }, 4).status).toBe(ImageStatus.IMAGE_STATUS_INVALID_ARGUMENT);
	});
});
