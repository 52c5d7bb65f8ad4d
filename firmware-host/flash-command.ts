/**
 * `fieldchain device flash --serial PATH IMAGE [--test-only] [--resume]`: the flasher with a
 * progress bar on a terminal, plain lines (or JSON lines) otherwise, and exit codes for scripts.
 */
import { existsSync, readFileSync } from "node:fs";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../platform/errors.js";
import { verifyImage } from "../protocol/firmware/image-verify.js";
import { loadPublicKey } from "../protocol/firmware/signing-keys.js";
import { DeviceConnection } from "./host/device-connection.js";
import { flashOutput } from "./host/flash-output.js";
import { type FlashEvent, flashImage } from "./host/flasher.js";
import { openDeviceLink } from "./host/open-device-link.js";
import { formatBytes } from "./host/progress-bar.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./simulate-command.js";
import { answersSmp } from "./smp/smp-flash.js";
import { smpFlashCommand } from "./smp/smp-flash-command.js";

/** The image is not trusted, or the device reverted it: distinct from other failures for scripts. */
export const EXIT_ROLLBACK = 3;

export interface FlashCommandOptions {
	serial: string;
	testOnly?: boolean;
	resume?: boolean;
	allowDowngrade?: boolean;
	publicKey?: string;
	json?: boolean;
	reconnectTimeout?: number;
	baudRate?: number;
	saveReadings?: string;
}

export interface TerminalIo extends CliIo {
	/** Unterminated text for redrawn progress lines; only used when isTTY. */
	write?(text: string): void;
	isTTY?: boolean;
}

export async function flashCommand(imagePath: string, options: FlashCommandOptions, io: TerminalIo): Promise<number> {
	let image: Buffer;
	let publicKey: Buffer | undefined;
	try {
		image = readFileSync(imagePath);
		publicKey = options.publicKey ? loadPublicKey(options.publicKey) : undefined;
		// A damaged or unsigned file is a bad argument (exit 2), found before the device is touched.
		verifyImage(image);
	} catch (error) {
		return fail(
			io,
			options,
			isFieldchainError(error) ? error : new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `Cannot read ${imagePath}: ${toError(error).message}.`),
			EXIT_USAGE,
		);
	}
	if (!options.resume && !existsSync(options.serial)) {
		return fail(
			io,
			options,
			new FieldchainError(ErrorCodes.FC_SERIAL_OPEN, `There is no serial port ${options.serial}.`, {
				hint: "Check the path: `fieldchain device list` shows the ports.",
			}),
			EXIT_USAGE,
		);
	}
	// A stock Zephyr/MCUboot device answers SMP (MCUmgr), not protocol v1: flash it with MCUmgr's commands.
	if (await answersSmp(options.serial, { baudRate: options.baudRate })) return smpFlashCommand(imagePath, image, options, io, publicKey);
	const connection = new DeviceConnection({ open: () => openDeviceLink(options.serial, { baudRate: options.baudRate }) });
	const { say, progress, bar } = flashOutput(io, options.json);
	const onEvent = (event: FlashEvent) => {
		switch (event.kind) {
			case "verified":
				say(
					"verified",
					{ version: event.image.version, hardware: event.image.hardware, bytes: event.image.size, keyHash: event.image.keyHash.toString("hex") },
					`image ${imagePath}: version ${event.image.version} for ${event.image.hardware ?? "no named hardware"}, ${formatBytes(event.image.size)}, signature OK (key ${event.image.keyHash.toString("hex").slice(0, 16)})`,
				);
				return;
			case "connected":
				say(
					"connected",
					{ deviceId: event.hello.deviceId, model: event.hello.model, firmwareVersion: event.hello.firmwareVersion },
					`device ${event.hello.deviceId} (${event.hello.model} rev ${event.hello.hardwareRevision || "-"}) runs ${event.hello.firmwareVersion}`,
				);
				return;
			case "previousRollback":
				say("previousRollback", { running: event.running }, `note: the device rolled back at its last reset; it runs ${event.running}`);
				return;
			case "progress":
				progress(event.confirmed, event.total, { bytesPerSecond: Math.round(bar.rate()) });
				return;
			case "disconnected":
				say(
					"disconnected",
					{ confirmed: event.confirmed, total: event.total },
					`device disconnected at ${event.confirmed} of ${event.total} bytes${options.resume ? "; waiting for it to come back" : ""}`,
				);
				return;
			case "reconnected":
				say("reconnected", { deviceId: event.hello.deviceId }, "device is back; resuming from the offset it reports");
				return;
			case "uploaded": {
				const rate = event.seconds > 0 ? (event.outcome.chunksSent ? image.length - event.outcome.resumedAt : 0) / event.seconds : 0;
				say(
					"uploaded",
					{ seconds: event.seconds, resumedAt: event.outcome.resumedAt, retransmissions: event.outcome.retransmissions, bytesPerSecond: Math.round(rate) },
					`uploaded in ${event.seconds.toFixed(1)} s (${formatBytes(rate)}/s${event.outcome.resumedAt > 0 ? `, resumed at offset ${event.outcome.resumedAt}` : ""}, ${event.outcome.retransmissions} retransmissions); device verified hash and signature`,
				);
				return;
			}
			case "testBoot":
				say("testBoot", {}, "image marked for a test boot; resetting the device");
				return;
			case "booted":
				say("booted", { version: event.version }, `device booted ${event.version} (test boot, not confirmed yet)`);
				return;
			case "selfTest":
				say(
					"selfTest",
					{ passed: event.passed },
					event.passed ? "device reports a healthy boot (self-test passed)" : "device reports a FAILED self-test; resetting to roll back",
				);
				return;
			case "confirmed":
				say("confirmed", { version: event.version }, `confirmed ${event.version}: it stays after resets`);
				return;
			case "rolledBack":
				say("rolledBack", { running: event.running }, `ROLLED BACK: the device runs ${event.running}`);
				return;
			case "savedReadings":
				say(
					"savedReadings",
					{ saved: event.saved, file: event.file },
					`saved ${event.saved} unacknowledged readings to ${event.file} and acked them, so the device may reset`,
				);
				return;
			default:
				return;
		}
	};
	try {
		const result = await flashImage({
			connection,
			image,
			testOnly: options.testOnly,
			resume: options.resume,
			allowDowngrade: options.allowDowngrade,
			publicKey,
			reconnectTimeoutMs: (options.reconnectTimeout ?? 60) * 1000,
			saveReadings: options.saveReadings,
			onEvent,
		});
		const text = {
			confirmed: `done: ${result.version} is installed and confirmed`,
			"test-only": `done (test only): ${result.version} runs now but is not confirmed; the next reset rolls it back`,
			"already-running": `nothing to do: ${result.version} is already running and confirmed`,
		}[result.outcome];
		say("done", { outcome: result.outcome, version: result.version }, text);
		return EXIT_OK;
	} catch (error) {
		// 3: the image is not trusted (by --public-key or the device) or the device rolled it back.
		const trust = isFieldchainError(error) && (error.code === ErrorCodes.FC_FIRMWARE_ROLLBACK || error.code === ErrorCodes.FC_FIRMWARE_SIGNATURE);
		const code = trust ? EXIT_ROLLBACK : EXIT_FAILURE;
		bar.finish();
		return fail(io, options, error, code);
	} finally {
		await connection.close();
	}
}

function fail(io: CliIo, options: { json?: boolean }, error: unknown, exitCode: number): number {
	const e = toError(error);
	const code = isFieldchainError(e) ? e.code : undefined;
	if (options.json) io.stdout(JSON.stringify({ event: "error", code, message: e.message }));
	io.stderr(`error${code ? ` ${code}` : ""}: ${e.message}`);
	return exitCode;
}
