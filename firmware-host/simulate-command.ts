/**
 * `fieldchain device simulate`: runs a simulated tool on a serial port or an MQTT broker and
 * reports progress until `--count` readings are acked or the user interrupts. Written against a
 * small I/O interface instead of `process`, so tests can run it and read what it prints.
 */
import { ErrorCodes, isFieldchainError, toError } from "../platform/errors.js";
import { redactUrl } from "../protocol/transport/mqtt-device-link.js";
import { createImageService } from "./bootloader/create-image-service.js";
import type { ImageService } from "./bootloader/image-service.js";
import type { RunnerStatus, SimulatorHandle } from "./simulator/link-loop.js";
import type { FaultOptions } from "./simulator/options.js";
import { runMqttSimulator, runSerialSimulator } from "./simulator/runners.js";
import type { SimulatedDevice } from "./simulator/simulated-device.js";
import { simulateSmp } from "./simulator/smp/simulate-smp.js";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, the shell convention for "stopped by Ctrl-C". */
export const EXIT_INTERRUPTED = 130;

export interface CliIo {
	stdout(line: string): void;
	stderr(line: string): void;
	env: Record<string, string | undefined>;
	/** Where SIGINT/SIGTERM come from: `process` in production. */
	signals: { once(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown; off(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown };
	setExitCode(code: number): void;
	progressIntervalMs?: number;
}

export function processIo(): CliIo & { write(text: string): void; isTTY: boolean } {
	return {
		write: (text) => process.stderr.write(text),
		isTTY: Boolean(process.stderr.isTTY),
		stdout: (line) => process.stdout.write(`${line}\n`),
		stderr: (line) => process.stderr.write(`${line}\n`),
		env: process.env,
		signals: process,
		setExitCode: (code) => {
			process.exitCode = code;
		},
	};
}

export interface SimulateOptions {
	serial?: string;
	mqtt?: string;
	id: string;
	password?: string;
	rate?: number;
	count?: number;
	quantity?: string;
	garbage?: number;
	corrupt?: number;
	drop?: number;
	resendTimeout?: number;
	json?: boolean;
	/** Bootloader state file (two slots); without it the slots live in memory. */
	state?: string;
	trustedKey?: string[];
	model?: string;
	hardwareRevision?: string;
	firmwareVersion?: string;
	slotSize?: number;
	failSelfTest?: boolean;
	brokenAck?: boolean;
	/** false (--no-fast-retransmit): a protocol 1.0 device, recovering lost readings by the resend timeout only. */
	fastRetransmit?: boolean;
	/** Speak SMP (MCUmgr) as a stock Zephyr/MCUboot device instead of protocol v1 (serial only). */
	smp?: boolean;
}

/** Runs the simulator; resolves with the process exit code. */
export async function simulate(options: SimulateOptions, io: CliIo): Promise<number> {
	if (options.smp) return simulateSmp(options, io);
	const report = reporter(io, options);
	const faults: FaultOptions = {
		garbage: options.garbage,
		corrupt: options.corrupt,
		drop: options.drop,
		brokenAck: options.brokenAck,
		noFastRetransmit: options.fastRetransmit === false,
	};
	let firmware: ImageService;
	try {
		firmware = createImageService(options);
	} catch (error) {
		report.error(error);
		return EXIT_USAGE;
	}
	const common = {
		model: options.model,
		hardwareRevision: options.hardwareRevision,
		firmwareVersion: options.firmwareVersion,
		firmware,
		deviceId: options.id,
		rate: options.rate,
		count: options.count,
		quantity: options.quantity,
		resendTimeoutMs: options.resendTimeout,
		faults,
		onStatus: (status: RunnerStatus) => report.status(status),
		onDevice: (device: SimulatedDevice) => report.watch(device),
	};
	let handle: SimulatorHandle;
	try {
		handle = options.serial
			? await runSerialSimulator({ path: options.serial, ...common })
			: await runMqttSimulator({ url: options.mqtt!, password: options.password ?? io.env.FIELDCHAIN_DEVICE_PASSWORD, ...common });
	} catch (error) {
		report.error(error);
		return isFieldchainError(error, ErrorCodes.FC_CONFIG_INVALID) ? EXIT_USAGE : EXIT_FAILURE;
	}
	const progress = setInterval(() => report.progress(handle.device), io.progressIntervalMs ?? 1000);
	let onSignal: () => void = () => {};
	const interrupted = new Promise<"interrupted">((resolve) => {
		onSignal = () => resolve("interrupted");
		io.signals.once("SIGINT", onSignal);
		io.signals.once("SIGTERM", onSignal);
	});
	const outcome = await Promise.race([handle.done.then(() => "done" as const), interrupted]);
	clearInterval(progress);
	io.signals.off("SIGINT", onSignal);
	io.signals.off("SIGTERM", onSignal);
	await handle.stop();
	report.finished(handle.device, outcome);
	return outcome === "done" ? EXIT_OK : EXIT_INTERRUPTED;
}

/** Text or JSON lines; never prints the password (URLs are shown redacted). */
function reporter(io: CliIo, options: SimulateOptions) {
	const prefix = `[${options.id}]`;
	const line = (event: string, fields: Record<string, unknown>, text: string) => {
		if (options.json) io.stdout(JSON.stringify({ event, deviceId: options.id, time: new Date().toISOString(), ...fields }));
		else io.stdout(`${prefix} ${text}`);
	};
	const where = options.serial ?? redactUrl(options.mqtt ?? "");
	const counts = (device: SimulatedDevice) => {
		const s = device.stats;
		return `taken=${s.generated} sent=${s.sent} resent=${s.resent} fast-retransmits=${s.fastRetransmits} probes=${s.probes} acked=${s.ackedUpTo} unacked=${s.unacked} dropped=${s.dropped} garbage=${s.garbage} corrupt=${s.corrupt}`;
	};
	let lastRetryError = "";
	return {
		status(status: RunnerStatus) {
			if (status.state === "connected") {
				lastRetryError = "";
				line("connected", { link: where }, `connected to ${where}`);
			} else if (status.state === "disconnected") {
				line(
					"disconnected",
					{ link: where, reason: status.reason?.message },
					`disconnected from ${where}${status.reason ? `: ${status.reason.message}` : ""}; reconnecting`,
				);
			} else if (status.error.message !== lastRetryError) {
				// Retries come every 200 ms: say why once, not five times a second.
				lastRetryError = status.error.message;
				line("retryFailed", { error: status.error.message }, `still reconnecting: ${status.error.message}`);
			}
		},
		watch(device: SimulatedDevice) {
			device.on("hostHello", (hello) =>
				line(
					"hostHello",
					{ gatewayId: hello.gatewayId, protocolMajor: hello.protocolMajor },
					`host ${hello.gatewayId || "(unnamed)"} said hello (protocol ${hello.protocolMajor ?? 0}.${hello.protocolMinor ?? 0})`,
				),
			);
			device.on("command", (name, result) =>
				line(
					"command",
					{ command: name, status: result.status, message: result.message },
					`command ${name} -> status ${result.status}${result.message ? ` (${result.message})` : ""}`,
				),
			);
			device.on("protocolError", (error) =>
				line("protocolError", { code: error.code, message: error.message }, `protocol error ${error.code}: ${error.message}`),
			);
			device.on("bufferFull", (unacked) =>
				line("bufferFull", { unacked }, `buffer full with ${unacked} unacked readings; measuring paused until the host acks`),
			);
		},
		progress(device: SimulatedDevice) {
			line("progress", { ...device.stats }, counts(device));
		},
		finished(device: SimulatedDevice, outcome: "done" | "interrupted") {
			const text = outcome === "done" ? `done: all ${device.stats.generated} readings acked; ${counts(device)}` : `stopped: ${counts(device)}`;
			line(outcome === "done" ? "done" : "stopped", { ...device.stats }, text);
		},
		error(error: unknown) {
			const e = toError(error);
			const code = isFieldchainError(e) ? e.code : undefined;
			if (options.json) io.stdout(JSON.stringify({ event: "error", deviceId: options.id, code, message: e.message }));
			io.stderr(`error${code ? ` ${code}` : ""}: ${e.message}`);
		},
	};
}
