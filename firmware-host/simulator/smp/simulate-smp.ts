/**
 * `fieldchain device simulate --smp`: a stock Zephyr/MCUboot device on a serial port, speaking
 * SMP (MCUmgr) instead of protocol v1, until Ctrl-C. Prints what the device does (uploads, test
 * marks, boots, rollbacks) as text or JSON lines.
 */
import { isFieldchainError, toError } from "../../../platform/errors.js";
import { loadPublicKey } from "../../../protocol/firmware/signing-keys.js";
import { looseVersion } from "../../../protocol/firmware/version.js";
import { McubootSlots, trustedKey } from "./mcuboot-slots.js";
import { runSmpDevice } from "./smp-device.js";

/** The flags of `device simulate` this mode reads (a subset of SimulateOptions, kept here to avoid an import cycle). */
export interface SimulateSmpOptions {
	serial?: string;
	id: string;
	json?: boolean;
	trustedKey?: string[];
	firmwareVersion?: string;
	slotSize?: number;
	model?: string;
	state?: string;
}

export interface SimulateSmpIo {
	stdout(line: string): void;
	stderr(line: string): void;
	signals: { once(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown };
}

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

export async function simulateSmp(options: SimulateSmpOptions, io: SimulateSmpIo): Promise<number> {
	const say = (event: string, fields: Record<string, unknown>, text: string) => {
		if (options.json) io.stdout(JSON.stringify({ event, deviceId: options.id, time: new Date().toISOString(), ...fields }));
		else io.stdout(`[${options.id}] ${text}`);
	};
	const fail = (error: unknown, code: number) => {
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return code;
	};
	if (!options.serial) return fail(new Error("--smp needs --serial PATH: SMP devices speak over a serial console here."), EXIT_USAGE);
	let keys: ReturnType<typeof trustedKey>[];
	try {
		keys = (options.trustedKey ?? []).map((path) => trustedKey(loadPublicKey(path)));
	} catch (error) {
		return fail(error, EXIT_USAGE);
	}
	const factory = looseVersion(options.firmwareVersion ?? "0.1.0");
	const version = factory ? `${factory.major}.${factory.minor}.${factory.revision}` : "0.1.0";
	const slots = new McubootSlots(version, keys, options.slotSize ?? 1024 * 1024);
	let handle: Awaited<ReturnType<typeof runSmpDevice>>;
	try {
		handle = await runSmpDevice({
			path: options.serial,
			slots,
			deviceId: options.id,
			model: options.model ?? "FC-SIM-1",
			onEvent: (event, detail) => say(event, detail, `${event}${Object.keys(detail).length ? ` ${JSON.stringify(detail)}` : ""}`),
			onBoot: (outcome) =>
				say(
					"boot",
					{ outcome: outcome.kind, running: slots.state.primary.version, ...(outcome.kind === "refused" ? { reason: outcome.reason } : {}) },
					outcome.kind === "refused"
						? `reset: MCUboot refused the pending image (${outcome.reason}); running ${slots.state.primary.version}`
						: `reset: ${outcome.kind}; running ${slots.state.primary.version}${slots.state.primaryConfirmed ? "" : " (on test, not confirmed)"}`,
				),
		});
	} catch (error) {
		return fail(error, EXIT_FAILURE);
	}
	say(
		"ready",
		{ link: options.serial, protocol: "smp", running: version, trustedKeys: keys.length },
		`SMP (MCUmgr) device on ${options.serial}, MCUboot with ${keys.length} trusted key${keys.length === 1 ? "" : "s"}, running ${version}`,
	);
	if (keys.length === 0) say("warning", {}, "no --trusted-key: MCUboot will refuse every uploaded image at boot");
	if (options.state) say("warning", {}, "--state is not used with --smp: the slots live in memory and start from the factory image");
	await new Promise<void>((resolve) => {
		const stop = () => resolve();
		io.signals.once("SIGINT", stop);
		io.signals.once("SIGTERM", stop);
	});
	await handle.stop();
	say("stopped", {}, "stopped");
	return EXIT_INTERRUPTED;
}
