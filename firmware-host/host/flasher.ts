/**
 * `device flash` as a library: verify the image, upload it (resuming after an unplug), test-boot
 * it, wait for the device's self-test, confirm it, and report a rollback plainly.
 * protocol/README.md, "Firmware update", describes the sequence this follows.
 */
import type { Clock } from "../../platform/clock.js";
import { systemClock } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError, isFieldchainError } from "../../platform/errors.js";
import { CommandStatus, type Hello } from "../../protocol/codec.js";
import { chunkSizeFor, ImageUploader, type UploadOutcome } from "../../protocol/firmware/image-uploader.js";
import { type ParsedImage, verifyImage } from "../../protocol/firmware/image-verify.js";
import { errorCodeOfStatus, ImageAction, type ImageState, ImageStatus, SelfTest, statusName } from "../../protocol/firmware/messages.js";
import { keyHash, keyHashMatches } from "../../protocol/firmware/signing-keys.js";
import { looseVersion } from "../../protocol/firmware/version.js";
import type { DeviceConnection } from "./device-connection.js";
import { saveUnackedReadings } from "./save-readings.js";

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
	| { kind: "rolledBack"; running: string }
	| { kind: "savedReadings"; saved: number; file: string };

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
	/** Where to store the device's unacked readings (JSON lines) when they stop it resetting; then they are acked. */
	saveReadings?: string;
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
	refuseUntrustedKey(state, image);
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
	await resetAndWait(
		options,
		`the new image ${image.version} stays in the secondary slot, marked for a test boot at the next reset; the device still runs ${primary?.version ?? "its previous image"}`,
		emit,
	);
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
		await resetAndWait(options, `the device runs ${image.version} on test (it failed its self-test); its next reset rolls it back`, emit);
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

/**
 * Reboots the device and waits for its next boot, on this link or a new one. Reboot is the one
 * request that is not safe to repeat blindly (a second reset after a test swap rolls it back), so
 * a lost request or answer is settled by the boot id: greet the device, and only if it still runs
 * the old boot send the reset again. `leftIn` says what the device holds if it refuses.
 */
async function resetAndWait(options: FlashOptions, leftIn: string, emit: (event: FlashEvent) => void): Promise<void> {
	const { connection } = options;
	const oldBoot = Buffer.from(connection.hello?.bootId ?? []);
	const isNewBoot = (hello: Hello | undefined) => hello !== undefined && !Buffer.from(hello.bootId ?? []).equals(oldBoot);
	const bootTimeoutMs = options.bootTimeoutMs ?? 30_000;
	const giveUp = new AbortController();
	const newBoot = connection.waitFor((e) => e.body === "hello" && isNewBoot(e.hello!), bootTimeoutMs, "the device to boot again", {
		survivesClose: true,
		signal: giveUp.signal,
	});
	newBoot.catch(() => {});
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
		let savedOnce = false;
		for (let attempt = 1; ; attempt++) {
			const answer = await Promise.race([
				connection.request({ command: { reboot: {} } }, "commandResult", 2000, { attempts: 1 }).then((e) => e.commandResult!),
				newBoot.then(() => "booted" as const),
			]).catch((error: unknown) => {
				if (isFieldchainError(error, ErrorCodes.FC_PROTO_TIMEOUT)) return "lost" as const;
				throw error;
			});
			if (answer === "booted") break;
			if (answer === "lost") {
				// The reset or its answer was lost on the line: the boot id says whether it happened.
				const hello = connection.connected ? await connection.greet().catch(() => undefined) : undefined;
				if (isNewBoot(hello) || isNewBoot(connection.hello)) break;
				if (attempt >= 5)
					throw new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, `The device did not answer the reset request (sent ${attempt} times); ${leftIn}.`, {
						hint: "Check the cable and the device's power, then run the same command again: it continues from the device's state.",
					});
				continue;
			}
			if (answer.status === CommandStatus.STATUS_OK) break;
			const busyWithReadings = answer.status === CommandStatus.STATUS_BUSY && /readings/i.test(answer.message ?? "");
			if (busyWithReadings && options.saveReadings && !savedOnce) {
				savedOnce = true;
				const saved = await saveUnackedReadings(connection, options.saveReadings);
				emit({ kind: "savedReadings", saved: saved.saved, file: saved.file });
				continue;
			}
			// Refused: stop waiting for a boot that will not come, now, not after the boot timeout.
			giveUp.abort();
			throw new FieldchainError(
				ErrorCodes.FC_FIRMWARE_STATE,
				`The device refused to reset: ${answer.message || `status ${answer.status}`}. ${capitalise(leftIn)}.`,
				{
					hint: busyWithReadings
						? "Run the same command again with --save-readings FILE (the flasher stores the readings in FILE, then acks them), or connect the device to the gateway until its readings are stored."
						: "Run the same command again once the device is idle.",
					details: { status: answer.status },
				},
			);
		}
		await waitForNewBoot(connection, isNewBoot, bootTimeoutMs);
	} finally {
		giveUp.abort();
		connection.off("close", onClose);
	}
}

/**
 * The new boot's own Hello may be lost on the line: greet until the device answers with a new
 * boot id. The greeting also tells the new boot a maintenance host is here, so it does not stream.
 */
async function waitForNewBoot(connection: DeviceConnection, isNewBoot: (hello: Hello | undefined) => boolean, timeoutMs: number): Promise<void> {
	const deadline = connection.clock.monotonic() + timeoutMs;
	while (connection.clock.monotonic() < deadline) {
		// While unplugged (a USB device resetting) the reconnect handler opens the port again.
		if (connection.connected && isNewBoot(await connection.greet(undefined, 2000).catch(() => undefined))) return;
		await connection.sleep(100);
	}
	throw new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, `The device did not come back within ${Math.round(timeoutMs / 1000)} s after its reset.`, {
		hint: "Check the device's power and log; run the same command again to continue from its state.",
	});
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
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

/** The device lists the keys it trusts: an image signed with another is refused here, before a byte is uploaded. */
function refuseUntrustedKey(state: ImageState, image: ParsedImage): void {
	const trusted = (state.trustedKeyHashes ?? []).map((hash) => Buffer.from(hash));
	if (trusted.length === 0) return;
	const matches = (hash: Buffer) => hash.equals(image.keyHash) || (image.publicKey !== undefined && keyHashMatches(image.publicKey, hash));
	if (trusted.some(matches)) return;
	throw new FieldchainError(
		ErrorCodes.FC_FIRMWARE_SIGNATURE,
		`The device does not trust the key that signed this image (key ${image.keyHash.toString("hex").slice(0, 16)}…; it trusts ${trusted.map((hash) => `${hash.toString("hex").slice(0, 16)}…`).join(", ")}). Nothing was uploaded.`,
		{ hint: "Sign the image with a key the device trusts (its release key), or install that key's public half on the device." },
	);
}

function throwIfRefused(state: ImageState, what: string): void {
	const status = state.status ?? 0;
	if (status === ImageStatus.IMAGE_STATUS_OK) return;
	throw new FieldchainError(errorCodeOfStatus(status), `The device refused to ${what} (${statusName(status)}): ${state.message || "no reason given"}`);
}
