/**
 * The SMP client against the simulator's SMP server (its own framing, header and MCUboot code) on
 * an in-memory line: every command, SMP version 2 and the fallback to version 1, windowed and
 * resumed uploads within mcumgr_params, a line that garbles bytes both ways, lost answers, and
 * the flash sequence with MCUboot accepting, refusing and reverting images.
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCodes } from "../../platform/errors.js";
import { signImage } from "../../protocol/firmware/image-sign.js";
import { rawPublicKey, type SigningKey, spkiDer } from "../../protocol/firmware/signing-keys.js";
import { readImage, trustedKey, validateImage } from "../simulator/smp/mcuboot-slots.js";
import { type MemoryDeviceOptions, memorySmpDevice } from "../simulator/smp/testing/memory-smp-device.js";
import { uploadImage } from "./image-upload.js";
import { SmpClient } from "./smp-client.js";
import { echo, eraseImage, listImages, osInfo, readParams, reset, setImageState, shellExec, statList, statRead } from "./smp-commands.js";
import { flashOverSmp } from "./smp-flash.js";

function key(): SigningKey {
	const { privateKey, publicKey } = generateKeyPairSync("ed25519");
	return { privateKey, publicKeyRaw: rawPublicKey(publicKey) };
}

function image(signer: SigningKey, version: string, size = 20_000): Buffer {
	const payload = Buffer.alloc(size);
	for (let i = 0; i < size; i++) payload[i] = (i * 31 + version.length) & 0xff;
	return signImage({ payload, key: signer, version, hardware: "FC-SIM-1" });
}

function setup(options: MemoryDeviceOptions = {}, client: { attemptMs?: number; attempts?: number } = {}) {
	const device = memorySmpDevice(options);
	const texts: string[] = [];
	const smp = new SmpClient(device.line, {
		label: "memory",
		attemptMs: client.attemptMs ?? 200,
		attempts: client.attempts ?? 6,
		onText: (line) => texts.push(line),
	});
	return { ...device, client: smp, texts };
}

describe("SMP client against the simulated device", () => {
	it("runs the OS, image, stat and shell commands with SMP version 2", async () => {
		const { client, server } = setup({ bufSize: 512, bufCount: 3 });
		expect(await echo(client, "hello")).toBe("hello");
		expect(await readParams(client)).toEqual({ bufSize: 512, bufCount: 3, reported: true });
		expect(await osInfo(client, "s")).toBe("Zephyr");
		const slots = await listImages(client);
		expect(slots).toHaveLength(1);
		expect(slots[0]).toMatchObject({ slot: 0, version: "0.1.0", active: true, confirmed: true, bootable: true, pending: false });
		expect(slots[0].hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await statList(client)).toEqual(["smp", "boot"]);
		expect((await statRead(client, "smp")).fields.rx).toBeGreaterThan(0);
		expect(await shellExec(client, ["echo", "a", "b"])).toEqual({ output: "a b\n", ret: 0 });
		expect((await shellExec(client, ["nope"])).ret).toBe(-8);
		expect(client.protocolVersion).toBe(1);
		expect(server.stats.oversized).toBe(0);
	});

	it("names the device's errors: a version 2 group error, and rc for SMP-level ones", async () => {
		const { client } = setup({ shell: false });
		await expect(setImageState(client, Buffer.alloc(32, 7), false)).rejects.toMatchObject({
			code: ErrorCodes.FC_SMP_DEVICE,
			details: { group: 1, rc: 3, name: "NO_IMAGE" },
		});
		await expect(shellExec(client, ["version"])).rejects.toMatchObject({ code: ErrorCodes.FC_SMP_DEVICE, details: { rc: 8, name: "ENOTSUP" } });
		await expect(shellExec(client, ["version"])).rejects.toThrow(/CONFIG_MCUMGR_GRP_SHELL/);
	});

	it("falls back to the original protocol when the device answers UNSUPPORTED_TOO_NEW, and reads rc errors then", async () => {
		const { client } = setup({ maxVersion: 0 });
		expect(await echo(client, "old")).toBe("old");
		expect(client.protocolVersion).toBe(0);
		await expect(setImageState(client, Buffer.alloc(32, 7), false)).rejects.toMatchObject({ details: { group: undefined, rc: 5, name: "ENOENT" } });
	});

	it("repeats a request whose answer does not come, within its budget", async () => {
		const { client } = setup({ dropFirst: 2 });
		expect(await echo(client, "late")).toBe("late");
		expect(client.stats.repeats).toBe(2);
	});

	it("gives up after the budget with a clear error", async () => {
		const { client } = setup({ dropFirst: 100 }, { attemptMs: 20, attempts: 3 });
		await expect(echo(client, "x")).rejects.toMatchObject({ code: ErrorCodes.FC_PROTO_TIMEOUT, details: { attempts: 3 } });
		await expect(echo(client, "x")).rejects.toThrow(/echo: sent 3 times/);
	});

	it("uploads in windowed chunks that fit buf_size, and the device gets the exact file", async () => {
		const file = image(key(), "1.2.0", 50_000);
		const { client, server, slots } = setup({ bufSize: 256, bufCount: 4 });
		const params = await readParams(client);
		const progress: number[] = [];
		const outcome = await uploadImage(client, file, { params, onProgress: (done) => progress.push(done) });
		expect(outcome).toMatchObject({ bytes: file.length, resumedAt: 0, match: true });
		expect(outcome.sha256).toEqual(createHash("sha256").update(file).digest());
		expect(slots.state.secondary?.bytes).toEqual(file);
		expect(server.stats.oversized).toBe(0);
		expect(progress.at(-1)).toBe(file.length);
		// Three chunks in flight (buf_count 4 - 1): every chunk packet fits 256 bytes, so at least file/256 chunks.
		expect(outcome.chunks).toBeGreaterThanOrEqual(Math.ceil(file.length / 256));
	});

	it("completes an upload through a line that garbles 1 byte in 2000 both ways", async () => {
		const file = image(key(), "1.2.0", 60_000);
		const { client, slots } = setup({ garble: 1 / 2000, seed: 7 }, { attemptMs: 100, attempts: 20 });
		const params = await readParams(client);
		const outcome = await uploadImage(client, file, { params });
		expect(outcome.match).toBe(true);
		expect(slots.state.secondary?.bytes).toEqual(file);
		expect(client.stats.badFrames + client.stats.repeats).toBeGreaterThan(0);
	});

	it("resumes an interrupted upload from the device's offset", async () => {
		const file = image(key(), "1.2.0", 40_000);
		const { line, server } = setup();
		const first = new SmpClient(line, { label: "memory", attemptMs: 200 });
		const params = await readParams(first);
		// Interrupt: the first client goes away at about half of the file.
		await expect(
			uploadImage(first, file, {
				params,
				onProgress: (done) => {
					if (done > file.length / 2) first.dispose();
				},
			}),
		).rejects.toMatchObject({ code: ErrorCodes.FC_SERIAL_CLOSED });
		const second = new SmpClient(line, { label: "memory", attemptMs: 200 });
		const outcome = await uploadImage(second, file, { params });
		expect(outcome.resumedAt).toBeGreaterThan(file.length / 2);
		expect(outcome.match).toBe(true);
		expect(server.stats.oversized).toBe(0);
	});

	it("sends SMP's image field when asked; a single-image device refuses image 1", async () => {
		const file = image(key(), "1.2.0", 2_000);
		const { client } = setup();
		const params = await readParams(client);
		await expect(uploadImage(client, file, { params, image: 1 })).rejects.toMatchObject({ details: { group: 1, name: "INVALID_SLOT" } });
		expect((await uploadImage(client, file, { params, image: 0 })).match).toBe(true);
	});

	it("erases the secondary slot, but not while an image is pending", async () => {
		const signer = key();
		const file = image(signer, "1.2.0", 2_000);
		const { client } = setup({ keys: [trustedKey(signer.publicKeyRaw)] });
		await uploadImage(client, file, { params: await readParams(client) });
		await setImageState(client, readImage(file)?.hash, false);
		await expect(eraseImage(client)).rejects.toMatchObject({ details: { name: "EBADSTATE" } });
	});
});

describe("MCUboot in the simulator takes images from `fieldchain firmware sign`", () => {
	it("checks the image hash, the KEYHASH TLV (SHA-256 of the SubjectPublicKeyInfo DER) and the signature", () => {
		const signer = key();
		const file = image(signer, "1.2.0");
		const trusted = trustedKey(signer.publicKeyRaw);
		expect(trusted.hash).toEqual(createHash("sha256").update(spkiDer(signer.publicKeyRaw)).digest());
		expect(validateImage(file, [trusted])).toEqual({ ok: true });
		expect(readImage(file)?.hash).toEqual(
			createHash("sha256")
				.update(file.subarray(0, file.length - readImageTlvSize(file)))
				.digest(),
		);
		const damaged = Buffer.from(file);
		damaged[100] ^= 1;
		expect(validateImage(damaged, [trusted])).toMatchObject({ ok: false, reason: /SHA-256/ });
		expect(validateImage(file, [trustedKey(key().publicKeyRaw)])).toMatchObject({ ok: false, reason: /not built into/ });
	});

	it("flashes: upload, test, reset, booted, confirm; then nothing to do", async () => {
		const signer = key();
		const file = image(signer, "1.2.0");
		const { client, slots } = setup({ keys: [trustedKey(signer.publicKeyRaw)] });
		const events: string[] = [];
		const result = await flashOverSmp(client, file, { onEvent: (event) => events.push(event.kind) });
		expect(result).toEqual({ outcome: "confirmed", version: "1.2.0" });
		expect(events.filter((kind) => kind !== "progress")).toEqual(["verified", "connected", "uploaded", "testBoot", "booted", "confirmed"]);
		expect(slots.state).toMatchObject({ primary: { version: "1.2.0" }, primaryConfirmed: true });
		expect(await flashOverSmp(client, file)).toEqual({ outcome: "already-running", version: "1.2.0" });
	});

	it("reports a rollback when MCUboot refuses an image signed with a key it does not have", async () => {
		const { client, slots } = setup({ keys: [trustedKey(key().publicKeyRaw)] });
		await expect(flashOverSmp(client, image(key(), "1.2.0"))).rejects.toMatchObject({ code: ErrorCodes.FC_FIRMWARE_ROLLBACK });
		expect(slots.state.primary.version).toBe("0.1.0");
		expect(slots.state.secondary).toBeUndefined();
	});

	it("reverts a test-booted image that is not confirmed at the next reset", async () => {
		const signer = key();
		const file = image(signer, "1.2.0");
		const { client, slots } = setup({ keys: [trustedKey(signer.publicKeyRaw)] });
		expect(await flashOverSmp(client, file, { testOnly: true })).toEqual({ outcome: "test-only", version: "1.2.0" });
		const onTest = await listImages(client);
		expect(onTest.find((slot) => slot.active)).toMatchObject({ version: "1.2.0", confirmed: false });
		// While on test, img_mgmt shows the image a reset brings back as confirmed.
		expect(onTest.find((slot) => slot.slot === 1)).toMatchObject({ version: "0.1.0", confirmed: true });
		await reset(client);
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect((await listImages(client)).find((slot) => slot.active)).toMatchObject({ version: "0.1.0", confirmed: true });
		expect(slots.state.secondary?.version).toBe("1.2.0");
	});
});

/** Size of the unprotected TLV area at the end of an image (its info header says). */
function readImageTlvSize(file: Buffer): number {
	const headerSize = file.readUInt16LE(8);
	const protectedSize = file.readUInt16LE(10);
	const imageSize = file.readUInt32LE(12);
	return file.length - (headerSize + imageSize + protectedSize);
}
