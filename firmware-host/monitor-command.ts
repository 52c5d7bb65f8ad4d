/**
 * `fieldchain device monitor --serial PATH [--json] [--hex]`: live decoded frames from a tool,
 * with error counters and rates. It greets the tool (HostHello) unless --passive, so the tool
 * starts talking, and never acks: readings stay on the tool (they show up again as RESENT) until a
 * gateway stores them, so readings/s counts first sends only and re-sent ones are shown apart (a
 * 10/s tool with a growing backlog is still a 10/s tool). Stops on Ctrl-C, or after --duration
 * seconds or --count frames.
 */
import { systemClock } from "../platform/clock.js";
import { isFieldchainError, toError } from "../platform/errors.js";
import { envelopeToJson, PROTOCOL_MAJOR, PROTOCOL_MINOR } from "../protocol/codec.js";
import { describeEnvelope } from "./monitor/describe-envelope.js";
import { FrameMonitor, type MonitorCounters, rates } from "./monitor/frame-monitor.js";
import { openRawSerialPort } from "./monitor/raw-serial-port.js";
import { type CliIo, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK } from "./simulate-command.js";

/** How many times `device monitor` says HostHello before it only listens. */
const GREETINGS = 10;

export interface MonitorOptions {
	serial: string;
	json?: boolean;
	hex?: boolean;
	passive?: boolean;
	duration?: number;
	count?: number;
	baudRate?: number;
	statsInterval?: number;
}

export async function monitorCommand(options: MonitorOptions, io: CliIo): Promise<number> {
	let port: Awaited<ReturnType<typeof openRawSerialPort>>;
	try {
		port = await openRawSerialPort(options.serial, options.baudRate ?? 115200);
	} catch (error) {
		const e = toError(error);
		io.stderr(`error${isFieldchainError(e) ? ` ${e.code}` : ""}: ${e.message}`);
		return EXIT_FAILURE;
	}
	const monitor = new FrameMonitor(port);
	const time = (at: number) => `${(at / 1000).toFixed(3).padStart(8)}s`;
	let frames = 0;
	let finish: (reason: "done" | "interrupted" | "closed") => void = () => {};
	const finished = new Promise<"done" | "interrupted" | "closed">((resolve) => {
		finish = resolve;
	});
	monitor.on("frame", (frame) => {
		// Frames of the same read as the count-th one arrive before the monitor stops: --count N prints N.
		if (options.count !== undefined && frames >= options.count) return;
		frames++;
		const hex = options.hex ? frame.payload.toString("hex") : undefined;
		if (options.json) {
			io.stdout(
				JSON.stringify({
					event: "frame",
					t: Math.round(frame.at),
					bytes: frame.payload.length,
					...(frame.envelope ? { body: frame.envelope.body, message: envelopeToJson(frame.envelope) } : { error: frame.error }),
					...(hex ? { hex } : {}),
				}),
			);
		} else {
			io.stdout(`${time(frame.at)} <- ${frame.envelope ? describeEnvelope(frame.envelope) : `UNDECODABLE ${frame.error}`}${hex ? `\n           ${hex}` : ""}`);
		}
		if (options.count !== undefined && frames >= options.count) finish("done");
	});
	monitor.on("frameError", (error, at) => {
		if (options.json) io.stdout(JSON.stringify({ event: "frameError", t: Math.round(at), kind: error.kind, discardedBytes: error.discardedBytes }));
		else io.stdout(`${time(at)} !! dropped ${error.kind} frame (${error.discardedBytes} bytes); resynchronised at the next 00`);
	});
	monitor.on("close", () => finish("closed"));
	let previous = monitor.counters;
	let previousAt = monitor.elapsed();
	const stats = () => {
		const now = monitor.elapsed();
		const current = monitor.counters;
		const r = rates(previous, current, now - previousAt);
		previous = current;
		previousAt = now;
		if (options.json) io.stdout(JSON.stringify({ event: "stats", t: Math.round(now), ...current, ...r }));
		else
			io.stdout(
				`${time(now)} -- ${summary(current)} | ${r.framesPerSecond} frames/s ${r.newReadingsPerSecond} readings/s new, ${r.resentReadingsPerSecond}/s re-sent ${r.bytesPerSecond} B/s`,
			);
	};
	const statsTimer = setInterval(stats, (options.statsInterval ?? 1) * 1000);
	const durationTimer = options.duration !== undefined ? setTimeout(() => finish("done"), options.duration * 1000) : undefined;
	const onSignal = () => finish("interrupted");
	io.signals.once("SIGINT", onSignal);
	io.signals.once("SIGTERM", onSignal);
	// The greeting is repeated (same seq) every second, at most GREETINGS times, until the tool sends
	// something other than a Hello (a Hello alone may be its unprompted one, our HostHello lost on a
	// noisy line): a lost greeting must not leave the tool silent. A repeat only gets another Hello.
	let greetTimer: NodeJS.Timeout | undefined;
	if (!options.passive) {
		let greetings = 0;
		const greet = () => {
			greetings++;
			monitor.send({
				seq: 1,
				hostHello: {
					gatewayId: "fieldchain-monitor",
					protocolMajor: PROTOCOL_MAJOR,
					protocolMinor: PROTOCOL_MINOR,
					maxPayload: 16384,
					hostTimeUs: Math.round(systemClock.now() * 1000),
				},
			});
			if (greetings < GREETINGS) greetTimer = setTimeout(greet, 1000);
		};
		const talking = (frame: { envelope?: { body?: string } }) => {
			if (!frame.envelope || frame.envelope.body === "hello") return;
			clearTimeout(greetTimer);
			monitor.off("frame", talking);
		};
		monitor.on("frame", talking);
		greet();
	}
	const outcome = await finished;
	clearTimeout(greetTimer);
	clearInterval(statsTimer);
	if (durationTimer) clearTimeout(durationTimer);
	io.signals.off("SIGINT", onSignal);
	io.signals.off("SIGTERM", onSignal);
	const total = monitor.counters;
	const seconds = monitor.elapsed() / 1000;
	const average = rates({ ...total, frames: 0, readings: 0, readingsNew: 0, readingsResent: 0, bytes: 0 }, total, monitor.elapsed());
	if (options.json) io.stdout(JSON.stringify({ event: "summary", outcome, seconds: Math.round(seconds * 10) / 10, ...total, ...average }));
	else
		io.stdout(
			`${outcome === "closed" ? "port closed" : "stopped"} after ${seconds.toFixed(1)} s: ${summary(total)} | average ${average.framesPerSecond} frames/s ${average.newReadingsPerSecond} readings/s new, ${average.resentReadingsPerSecond}/s re-sent`,
		);
	port.destroy();
	if (outcome === "closed") {
		io.stderr(`error: ${options.serial} closed (device unplugged?)`);
		return EXIT_FAILURE;
	}
	return outcome === "interrupted" ? EXIT_INTERRUPTED : EXIT_OK;
}

function summary(c: MonitorCounters): string {
	return `frames ${c.frames} readings ${c.readings} (new ${c.readingsNew}, re-sent ${c.readingsResent}) bytes ${c.bytes} | bad CRC ${c.badCrc} bad COBS ${c.badCobs} oversized ${c.oversized} short ${c.short} resyncs ${c.resyncs} undecodable ${c.undecodable}`;
}
