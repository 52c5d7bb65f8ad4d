/**
 * The simulated stock device on a serial port: MCUmgr's SMP server over the console transport,
 * MCUboot's slots behind it, and the console output a Zephyr device prints between SMP frames
 * (boot banners, log lines). A reset makes the device deaf for `bootMs` (the UART is down while
 * MCUboot runs), then MCUboot swaps, reverts or refuses, and the banner is printed.
 * The port is opened again whenever it goes away (a pty whose other end closed, an unplug).
 * Invariant: answers and console lines are written whole, so a log line never splits a frame.
 */
import type { SerialPortStream } from "@serialport/stream";
import type { SerialBinding } from "../../../protocol/transport/serial.js";
import { openRawSerialPort } from "../../monitor/raw-serial-port.js";
import type { BootOutcome, McubootSlots } from "./mcuboot-slots.js";
import { SmpServer, type SmpServerOptions } from "./smp-server.js";
import { FrameReceiver, frameResponse } from "./smp-wire.js";

export interface SmpDeviceOptions extends Omit<SmpServerOptions, "onReset"> {
	path: string;
	baudRate?: number;
	binding?: SerialBinding;
	/** How long a reset keeps the device silent (default 300 ms). */
	bootMs?: number;
	/** Print a log line this often (default 2000 ms; 0: never), as a running application does. */
	logEveryMs?: number;
	onBoot?: (outcome: BootOutcome) => void;
}

export interface SmpDeviceHandle {
	server: SmpServer;
	slots: McubootSlots;
	stop(): Promise<void>;
}

export async function runSmpDevice(options: SmpDeviceOptions): Promise<SmpDeviceHandle> {
	let port: SerialPortStream | undefined;
	let stopped = false;
	let booting = false;
	let logTimer: NodeJS.Timeout | undefined;
	let reopenTimer: NodeJS.Timeout | undefined;
	const started = Date.now();
	const write = (text: string) => {
		if (port && !port.destroyed) port.write(Buffer.from(text, "latin1"));
	};
	const stamp = () => {
		const ms = Date.now() - started;
		const h = String(Math.floor(ms / 3_600_000)).padStart(2, "0");
		const m = String(Math.floor(ms / 60_000) % 60).padStart(2, "0");
		const s = String(Math.floor(ms / 1000) % 60).padStart(2, "0");
		return `[${h}:${m}:${s}.${String(ms % 1000).padStart(3, "0")},000]`;
	};
	const server = new SmpServer({
		...options,
		onReset: () => {
			booting = true;
			setTimeout(() => {
				if (stopped) return;
				server.rebooted();
				const outcome = options.slots.boot();
				booting = false;
				options.onBoot?.(outcome);
				write(bootBanner(outcome, options.slots.state.primary.version, stamp()));
			}, options.bootMs ?? 300);
		},
	});
	const receiver = new FrameReceiver((packet) => {
		const answer = server.handle(packet);
		if (answer) write(frameResponse(answer));
	});
	const attach = async () => {
		const opened = await openRawSerialPort(options.path, options.baudRate ?? 115200, options.binding);
		port = opened;
		opened.on("data", (chunk: Buffer) => {
			// While MCUboot runs, the application's UART is not listening.
			if (!booting) receiver.feed(chunk);
		});
		const lost = () => {
			if (port === opened) port = undefined;
			if (!opened.destroyed) opened.destroy();
			if (!stopped) reopenTimer = setTimeout(reopen, 200);
		};
		opened.once("close", lost);
		opened.once("error", lost);
		write(bootBanner({ kind: "normal" }, options.slots.state.primary.version, stamp()));
	};
	const reopen = () => {
		reopenTimer = undefined;
		if (stopped) return;
		attach().catch(() => {
			if (!stopped) reopenTimer = setTimeout(reopen, 200);
		});
	};
	await attach();
	const every = options.logEveryMs ?? 2000;
	if (every > 0) {
		logTimer = setInterval(() => {
			if (!booting) write(`${stamp()} <inf> sensor: reading taken, ${server.stats.rx} SMP requests so far\r\n`);
		}, every);
	}
	return {
		server,
		slots: options.slots,
		async stop() {
			stopped = true;
			clearInterval(logTimer);
			clearTimeout(reopenTimer);
			const current = port;
			port = undefined;
			if (current && !current.destroyed) await new Promise<void>((resolve) => current.close(() => resolve()));
		},
	};
}

function bootBanner(outcome: BootOutcome, version: string, stamp: string): string {
	const lines = ["*** Booting MCUboot v2.1.0 ***", "I: Starting bootloader", "I: Primary image: magic=good, swap_type=0x1, copy_done=0x3, image_ok=0x1"];
	if (outcome.kind === "swapped") lines.push(`I: Swap type: ${outcome.permanent ? "perm" : "test"}`, "I: Starting swap using move algorithm.");
	if (outcome.kind === "reverted") lines.push("I: Swap type: revert", "I: Starting swap using move algorithm.");
	if (outcome.kind === "refused") lines.push(`E: Image in the secondary slot is not valid! (${outcome.reason})`, "I: Erasing the secondary slot");
	lines.push(
		"I: Bootloader chainload address offset: 0xc000",
		"*** Booting Zephyr OS build v3.7.0 ***",
		`${stamp} <inf> app: fieldchain simulator ${version} running`,
	);
	return `${lines.join("\r\n")}\r\n`;
}
