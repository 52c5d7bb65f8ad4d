/**
 * `device flash` as a library: verify the image, upload it (resuming after an unplug), test-boot
 * it, wait for the device's self-test, confirm it, and report a rollback plainly.
 * protocol/README.md, "Firmware update", describes the sequence this follows.
 */
import type { Clock } from "../../platform/clock.js";
import { systemClock } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { CommandStatus, type Hello } from "../../protocol/codec.js";
import { chunkSizeFor, ImageUploader, type UploadOutcome } from "../../protocol/firmware/image-uploader.js";
import { type ParsedImage, verifyImage } from "../../protocol/firmware/image-verify.js";
import { errorCodeOfStatus, ImageAction, type ImageState, ImageStatus, SelfTest, statusName } from "../../protocol/firmware/messages.js";
import { keyHash } from "../../protocol/firmware/signing-keys.js";
import { looseVersion } from "../../protocol/firmware/version.js";
import type { DeviceConnection } from "./device-connection.js";

export type FlashEvent =
	| { kind: "verified"; image: ParsedImage }
	| { kind: "connected"; hello: Hello }
	| { kind: "previousRollback"; running: string }
	| { kind: "uploadStart"; total: number; resumedAt: number }
	| { kind: "progress"; confirmed: number; total: number }
	| { kind: "disconnected"; confirmed: number; total: number }
	| { kind: "reconnected"; hello: Hello }
	| { kind: "uploaded"; outcome: UploadOutcome; seconds: number }
	| { kind: "testBoot" }
	| { kind: "booted"; version: string }
	| { kind: "selfTest"; passed: boolean }
	| { kind: "confirmed"; version: string }
	| { kind: "rolledBack"; running: string };

export interface FlashOptions {
	connection: DeviceConnection;
	image: Uint8Array;
	/** Stop after the test boot: the image runs once and is rolled back at the next reset. */
	testOnly?: boolean;
	/** Continue an interrupted upload, and wait for the device to come back after an unplug. */
	resume?: boolean;
	allowDowngrade?: boolean;
	/** Raw public key the image must be signed with (else any key whose signature verifies). */
	publicKey?: Uint8Array;
	/** How long to wait for an unplugged device to come back (default 60 s). */
	reconnectTimeoutMs?: number;
	/** How long to wait for the new image's self-test (default 30 s). */
	bootTimeoutMs?: number;
	chunkTimeoutMs?: number;
	clock?: Clock;
	onEvent?: (event: FlashEvent) => void;
}

export type FlashOutcome = "confirmed" | "test-only" | "already-running";

export interface FlashResult {
	outcome: FlashOutcome;
	version: string;
	bytes: number;
	upload?: UploadOutcome;
	uploadSeconds?: number;
}

export async function flashImage(options: FlashOptions): Promise<FlashResult> {
	const { connection } = options;
	const clock = options.clock ?? systemClock;
	const emit = (event: FlashEvent) => options.onEvent?.(event);
	// Check what we can before touching the device.
	const trust = options.publicKey ? { trustedKeyHashes: [keyHash(options.publicKey)], trustedKeys: [options.publicKey] } : {};
	const image = verifyImage(options.image, trust);
	emit({ kind: "verified", image });

	const hello = await connection.connect();
	emit({ kind: "connected", hello });
	verifyImage(options.image, {
		...trust,
		device: { model: hello.model ?? "", hardwareRevision: hello.hardwareRevision ?? "" },
		runningVersion: looseVersion(hello.firmwareVersion ?? ""),
		allowDowngrade: options.allowDowngrade,
	});

	const state = await readState(connection);
	const primary = state.slots?.[0];
	if (state.rolledBack) emit({ kind: "previousRollback", running: primary?.version ?? "?" });
	const hashOf = (slot: number) => Buffer.from(state.slots?.find((s) => s.slot === slot)?.hash ?? []);
	const result: FlashResult = { outcome: "confirmed", version: image.version, bytes: image.size };

	if (hashOf(0).equals(image.hash)) {
		if (primary?.confirmed) return { ...result, outcome: "already-running" };
		// An earlier run test-booted it: finish the job.
		return finishTestBoot(options, image, result, emit);
	}
	if (primary && !primary.confirmed) {
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_STATE,
			`The device runs ${primary.version} on test (not confirmed); its previous image is kept for a rollback.`,
			{
				hint: "Reset the device to roll back (or flash that image again to confirm it) before flashing another.",
			},
		);
	}
	if (!hashOf(1).equals(image.hash)) {
		const started = clock.monotonic();
		result.upload = await upload(options, image, clock, emit);
		result.uploadSeconds = (clock.monotonic() - started) / 1000;
		emit({ kind: "uploaded", outcome: result.upload, seconds: result.uploadSeconds });
	}

	const tested = (
		await connection.request({ imageStateRequest: { action: ImageAction.ACTION_TEST, hash: image.hash, allowDowngrade: options.allowDowngrade } }, "imageState")
	).imageState!;
	throwIfRefused(tested, "mark the image for a test boot");
	emit({ kind: "testBoot" });
	await resetAndWait(options);
	return finishTestBoot(options, image, result, emit);
}

async function finishTestBoot(options: FlashOptions, image: ParsedImage, result: FlashResult, emit: (event: FlashEvent) => void): Promise<FlashResult> {
	const { connection } = options;
	const state = await waitForSelfTest(connection, options.bootTimeoutMs ?? 30_000);
	const running = state.slots?.[0];
	if (!running || !Buffer.from(running.hash ?? []).equals(image.hash)) {
		emit({ kind: "rolledBack", running: running?.version ?? "?" });
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_ROLLBACK,
			`Rolled back: the device did not boot ${image.version}; it runs ${running?.version ?? "an unknown image"}.`,
			{
				hint: "The bootloader refused or reverted the new image; check the device log.",
			},
		);
	}
	emit({ kind: "booted", version: running.version ?? "" });
	const passed = state.selfTest === SelfTest.SELF_TEST_PASSED;
	emit({ kind: "selfTest", passed });
	if (!passed) {
		await resetAndWait(options);
		const after = await readState(connection);
		const back = after.slots?.[0]?.version ?? "?";
		emit({ kind: "rolledBack", running: back });
		throw new FieldchainError(
			ErrorCodes.FC_FIRMWARE_ROLLBACK,
			`Rolled back: ${image.version} failed its self-test after the test boot; the device was reset and runs ${back} again.`,
			{
				hint: "Do not release this image; check its self-test.",
			},
		);
	}
	if (options.testOnly) return { ...result, outcome: "test-only" };
	const confirmed = (await connection.request({ imageStateRequest: { action: ImageAction.ACTION_CONFIRM, hash: image.hash } }, "imageState")).imageState!;
	throwIfRefused(confirmed, "confirm the image");
	if (!confirmed.slots?.[0]?.confirmed)
		throw new FieldchainError(ErrorCodes.FC_FIRMWARE_STATE, "The device said OK to confirm but reports the image as not confirmed.");
	emit({ kind: "confirmed", version: image.version });
	return result;
}

async function upload(options: FlashOptions, image: ParsedImage, clock: Clock, emit: (event: FlashEvent) => void): Promise<UploadOutcome> {
	const { connection } = options;
	const hello = connection.hello!;
	const uploader = new ImageUploader({
		image: options.image,
		chunkSize: chunkSizeFor(hello.maxPayload || 1024, image.size),
		window: hello.window || 1,
		timeoutMs: options.chunkTimeoutMs ?? 1000,
		allowDowngrade: options.allowDowngrade,
		restart: !options.resume,
		clock,
		send: (chunk) => connection.send({ imageUpload: chunk }),
		onProgress: (confirmed, total) => emit({ kind: "progress", confirmed, total }),
	});
	const onEnvelope = (envelope: { body?: string; imageUploadResult?: unknown }) => {
		if (envelope.body === "imageUploadResult") uploader.onResult(envelope.imageUploadResult as never);
	};
	let failure: Error | undefined;
	let reconnecting = false;
	const onClose = () => {
		uploader.pause();
		if (reconnecting) return;
		emit({ kind: "disconnected", confirmed: uploader.confirmedOffset, total: uploader.total });
		if (!options.resume) {
			failure = new FieldchainError(
				ErrorCodes.FC_FIRMWARE_UPLOAD,
				`The device went away at offset ${uploader.confirmedOffset} of ${uploader.total}; it keeps what it received.`,
				{
					hint: "Plug it in again and run the same command with --resume to continue from there.",
				},
			);
			wake();
			return;
		}
		reconnecting = true;
		connection.reconnect(options.reconnectTimeoutMs ?? 60_000).then(
			(again) => {
				reconnecting = false;
				emit({ kind: "reconnected", hello: again });
				uploader.start();
			},
			(error: Error) => {
				reconnecting = false;
				failure = error;
				wake();
			},
		);
	};
	let wake: () => void = () => {};
	const woken = new Promise<void>((resolve) => {
		wake = resolve;
	});
	connection.on("envelope", onEnvelope as never);
	connection.on("close", onClose);
	try {
		emit({ kind: "uploadStart", total: uploader.total, resumedAt: 0 });
		uploader.start();
		const outcome = await Promise.race([uploader.done, woken.then(() => undefined)]);
		if (failure) throw failure;
		return outcome!;
	} finally {
		uploader.pause();
		connection.off("envelope", onEnvelope as never);
		connection.off("close", onClose);
	}
}

/** Reboots the device and waits for the Hello of its next boot, on this link or a new one. */
async function resetAndWait(options: FlashOptions): Promise<void> {
	const { connection } = options;
	const oldBoot = Buffer.from(connection.hello?.bootId ?? []);
	const newBoot = connection.waitFor(
		(e) => e.body === "hello" && !Buffer.from(e.hello!.bootId ?? []).equals(oldBoot),
		options.bootTimeoutMs ?? 30_000,
		"the device to boot again",
		{ survivesClose: true },
	);
	let reconnecting = false;
	const onClose = () => {
		// A USB device disappears while it resets: open it again when it is back.
		if (reconnecting) return;
		reconnecting = true;
		connection
			.reconnect(options.reconnectTimeoutMs ?? 60_000)
			.catch(() => {
				// The wait for the new boot below times out and says so.
			})
			.finally(() => {
				reconnecting = false;
			});
	};
	connection.on("close", onClose);
	try {
		const result = (await connection.request({ command: { reboot: {} } }, "commandResult")).commandResult!;
		if (result.status !== CommandStatus.STATUS_OK) {
			newBoot.catch(() => {});
			throw new FieldchainError(ErrorCodes.FC_FIRMWARE_STATE, `The device refused to reset: ${result.message || `status ${result.status}`}`, {
				hint: "Connect it to the gateway until its readings are stored, then flash again.",
			});
		}
		const hello = (await newBoot).hello!;
		// Greet the new boot, so it knows a maintenance host is here (no streaming).
		if (connection.connected) await connection.greet();
		else await waitUntil(() => connection.connected, options.reconnectTimeoutMs ?? 60_000, connection);
		void hello;
	} finally {
		connection.off("close", onClose);
	}
}

async function waitUntil(check: () => boolean, timeoutMs: number, connection: DeviceConnection): Promise<void> {
	for (let waited = 0; !check(); waited += 50) {
		if (waited > timeoutMs) throw new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, "The device did not come back after its reset.");
		await connection.sleep(50);
	}
}

async function readState(connection: DeviceConnection): Promise<ImageState> {
	const state = (await connection.request({ imageStateRequest: { action: ImageAction.ACTION_READ } }, "imageState")).imageState!;
	throwIfRefused(state, "read the image state");
	return state;
}

async function waitForSelfTest(connection: DeviceConnection, timeoutMs: number): Promise<ImageState> {
	for (let waited = 0; ; waited += 100) {
		const state = await readState(connection);
		if (state.selfTest !== SelfTest.SELF_TEST_RUNNING) return state;
		if (waited > timeoutMs) throw new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, `The new image's self-test did not finish within ${timeoutMs / 1000} s.`);
		await connection.sleep(100);
	}
}

function throwIfRefused(state: ImageState, what: string): void {
	const status = state.status ?? 0;
	if (status === ImageStatus.IMAGE_STATUS_OK) return;
	throw new FieldchainError(errorCodeOfStatus(status), `The device refused to ${what} (${statusName(status)}): ${state.message || "no reason given"}`);
}
