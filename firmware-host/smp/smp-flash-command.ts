/**
 * The output of `device flash` when the device speaks SMP: the same lines (and JSON events) as
 * the protocol v1 flasher where the steps match, a progress bar on a terminal, and the CLI's exit
 * codes (2 unreadable or badly signed image, 3 rolled back or refused at boot).
 */
import { isFieldchainError, toError } from "../../platform/errors.js";
import { flashOutput } from "../host/flash-output.js";
import { formatBytes } from "../host/progress-bar.js";
import { flashOverSmp, type SmpFlashEvent } from "./smp-flash.js";
import { EXIT_OK, exitCodeOf, withSmpClient } from "./smp-session.js";

export interface SmpFlashCommandOptions {
	serial: string;
	testOnly?: boolean;
	json?: boolean;
	baudRate?: number;
	reconnectTimeout?: number;
}

export interface SmpFlashIo {
	stdout(line: string): void;
	stderr(line: string): void;
	write?(text: string): void;
	isTTY?: boolean;
}

export async function smpFlashCommand(imagePath: string, image: Buffer, options: SmpFlashCommandOptions, io: SmpFlashIo, publicKey?: Buffer): Promise<number> {
	const { say, progress, bar } = flashOutput(io, options.json);
	const onEvent = (event: SmpFlashEvent) => {
		switch (event.kind) {
			case "verified":
				say(
					"verified",
					{ version: event.image.version, bytes: event.image.size, keyHash: event.image.keyHash.toString("hex"), imageHash: event.image.hash.toString("hex") },
					`image ${imagePath}: version ${event.image.version}, ${formatBytes(event.image.size)}, signature OK (key ${event.image.keyHash.toString("hex").slice(0, 16)})`,
				);
				return;
			case "connected":
				say(
					"connected",
					{ protocol: "smp", smpVersion: event.smpVersion, running: event.running?.version, runningHash: event.running?.hash },
					`device answers SMP (MCUmgr, SMP version ${event.smpVersion}) and runs ${event.running?.version ?? "?"}${event.running && !event.running.confirmed ? " (not confirmed)" : ""}`,
				);
				return;
			case "progress":
				progress(event.confirmed, event.total);
				return;
			case "uploaded":
				say(
					"uploaded",
					event.outcome ? { seconds: event.outcome.seconds, resumedAt: event.outcome.resumedAt, chunks: event.outcome.chunks } : { alreadyStaged: true },
					event.outcome
						? `uploaded in ${event.outcome.seconds.toFixed(1)} s${event.outcome.resumedAt ? ` (resumed at offset ${event.outcome.resumedAt})` : ""}; the device checked the file's SHA-256: ${event.outcome.match === false ? "MISMATCH" : event.outcome.match ? "match" : "not reported"}`
						: "the image is already in the secondary slot; not uploading it again",
				);
				return;
			case "testBoot":
				say("testBoot", {}, "image marked for a test boot; resetting the device");
				return;
			case "booted":
				say("booted", { version: event.version }, `device booted ${event.version} (test boot, not confirmed yet)`);
				return;
			case "confirmed":
				say("confirmed", { version: event.version }, `confirmed ${event.version}: it stays after resets`);
				return;
		}
	};
	try {
		const result = await withSmpClient({ serial: options.serial, baudRate: options.baudRate }, (client) =>
			flashOverSmp(client, image, { testOnly: options.testOnly, publicKey, rebootTimeoutMs: (options.reconnectTimeout ?? 60) * 1000, onEvent }),
		);
		const text = {
			confirmed: `done: ${result.version} is installed and confirmed`,
			"test-only": `done (test only): ${result.version} runs now but is not confirmed; the next reset rolls it back`,
			"already-running": `nothing to do: ${result.version} is already running and confirmed`,
		}[result.outcome];
		say("done", { outcome: result.outcome, version: result.version }, text);
		return EXIT_OK;
	} catch (error) {
		bar.finish();
		const e = toError(error);
		const code = isFieldchainError(e) ? e.code : undefined;
		if (options.json) io.stdout(JSON.stringify({ event: "error", code, message: e.message }));
		io.stderr(`error${code ? ` ${code}` : ""}: ${e.message}`);
		return isFieldchainError(e) && (e.code === "FC_FIRMWARE_SIGNATURE" || e.code === "FC_FIRMWARE_IMAGE") ? 2 : exitCodeOf(e);
	}
}
