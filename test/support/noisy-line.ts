/**
 * A noisy serial cable for tests and benchmarks: two socat pty pairs joined by a proxy that
 * damages what passes through, each direction on its own terms:
 *
 *   device program <-> deviceEnd ==pty== proxy ==pty== hostEnd <-> host program
 *
 * - `garbleFrames`: the fraction of frames (bytes up to a 00 delimiter) preceded by 1 to 32
 *   random non-zero bytes, so the frame fails its COBS or CRC check and is lost whole: "garbage in
 *   front of a frame" (protocol/README.md, "Resynchronisation").
 * - `corruptBytes`: the fraction of bytes replaced by another random byte (a cable that garbles
 *   1 byte in 2,000 is 0.0005).
 *
 * Randomness is seeded, so a run is repeatable up to the way the ptys chunk the bytes. Invariant:
 * the proxy only adds garbage or changes bytes; it never drops, duplicates or reorders them, and
 * with both fractions 0 it is a clean cable. `setNoise` changes the fractions while it runs.
 */
import type { SerialPortStream } from "@serialport/stream";
import { openRawSerialPort } from "../../firmware-host/monitor/raw-serial-port.js";
import { type RandomSource, seededRandom } from "../../firmware-host/simulator/prng.js";
import { createPtyPair, type PtyPair } from "./pty-pair.js";

export interface NoiseSettings {
	/** Fraction (0..1) of frames with garbage in front of them. */
	garbleFrames?: number;
	/** Fraction (0..1) of bytes replaced by a different byte. */
	corruptBytes?: number;
}

export interface NoisyLineOptions {
	deviceToHost?: NoiseSettings;
	hostToDevice?: NoiseSettings;
	/** Seed of the proxy's random numbers (default 1). */
	seed?: number;
	baudRate?: number;
}

export interface DirectionStats {
	bytes: number;
	/** Frames seen (delimiters passed). */
	frames: number;
	garbledFrames: number;
	corruptedBytes: number;
}

export interface NoisyLine {
	/** Give this path to the device (the simulator). */
	deviceEnd: string;
	/** Give this path to the host (gateway, flasher, conformance test). */
	hostEnd: string;
	readonly stats: { deviceToHost: DirectionStats; hostToDevice: DirectionStats };
	setNoise(direction: "deviceToHost" | "hostToDevice", settings: NoiseSettings): void;
	dispose(): Promise<void>;
}

/** Damages one direction of the byte stream; `push` returns what goes on to the other side. */
class NoisyDirection {
	readonly stats: DirectionStats = { bytes: 0, frames: 0, garbledFrames: 0, corruptedBytes: 0 };
	/** The next non-zero byte starts a frame. */
	private atFrameStart = true;

	constructor(
		public settings: Required<NoiseSettings>,
		private readonly random: RandomSource,
	) {}

	/** Bytes to pass before the next corrupted one (geometric gaps: one random draw per corruption, not per byte). */
	private untilCorruption = -1;

	push(chunk: Buffer): Buffer {
		this.stats.bytes += chunk.length;
		const garbled = this.settings.garbleFrames > 0 ? this.garble(chunk) : this.countFrames(chunk);
		if (this.settings.corruptBytes > 0) this.corrupt(garbled);
		return garbled;
	}

	/** Splits at the delimiters; a frame's first byte may get garbage in front of it. */
	private garble(chunk: Buffer): Buffer {
		const parts: Buffer[] = [];
		let start = 0;
		while (start < chunk.length) {
			const zero = chunk.indexOf(0, start);
			const end = zero < 0 ? chunk.length : zero + 1;
			// A frame starts at a non-zero byte right after a delimiter (or the line's start).
			if (this.atFrameStart && chunk[start] !== 0 && this.random() < this.settings.garbleFrames) {
				this.stats.garbledFrames++;
				const garbage = Buffer.alloc(1 + Math.floor(this.random() * 32));
				for (let i = 0; i < garbage.length; i++) garbage[i] = 1 + Math.floor(this.random() * 255);
				parts.push(garbage);
			}
			parts.push(chunk.subarray(start, end));
			if (zero >= 0) this.stats.frames++;
			this.atFrameStart = zero >= 0;
			start = end;
		}
		return parts.length === 1 ? parts[0] : Buffer.concat(parts);
	}

	private countFrames(chunk: Buffer): Buffer {
		for (let at = chunk.indexOf(0); at >= 0; at = chunk.indexOf(0, at + 1)) this.stats.frames++;
		if (chunk.length > 0) this.atFrameStart = chunk[chunk.length - 1] === 0;
		return chunk;
	}

	/** Replaces bytes by different ones, each byte with probability corruptBytes. */
	private corrupt(data: Buffer): void {
		const p = this.settings.corruptBytes;
		let at = 0;
		for (;;) {
			if (this.untilCorruption < 0) this.untilCorruption = p >= 1 ? 0 : Math.floor(Math.log(1 - this.random()) / Math.log(1 - p));
			if (at + this.untilCorruption >= data.length) {
				this.untilCorruption -= data.length - at;
				return;
			}
			at += this.untilCorruption;
			data[at] = (data[at] + 1 + Math.floor(this.random() * 255)) & 0xff;
			this.stats.corruptedBytes++;
			this.untilCorruption = -1;
			at++;
		}
	}
}

function settingsOf(settings: NoiseSettings | undefined): Required<NoiseSettings> {
	const garbleFrames = settings?.garbleFrames ?? 0;
	const corruptBytes = settings?.corruptBytes ?? 0;
	for (const [name, value] of Object.entries({ garbleFrames, corruptBytes })) {
		if (!(value >= 0 && value <= 1)) throw new Error(`noisy line: ${name} must be a fraction from 0 to 1, not ${value}`);
	}
	return { garbleFrames, corruptBytes };
}

export async function createNoisyLine(options: NoisyLineOptions = {}): Promise<NoisyLine> {
	const random = seededRandom(options.seed ?? 1);
	const up = new NoisyDirection(settingsOf(options.deviceToHost), random);
	const down = new NoisyDirection(settingsOf(options.hostToDevice), random);
	const pairs: PtyPair[] = [];
	const ports: SerialPortStream[] = [];
	const dispose = async () => {
		for (const port of ports) {
			await new Promise<void>((resolve) => {
				if (port.destroyed) return resolve();
				port.once("close", () => resolve());
				port.destroy();
			});
		}
		for (const pair of pairs) await pair.dispose();
	};
	try {
		const deviceSide = await createPtyPair();
		pairs.push(deviceSide);
		const hostSide = await createPtyPair();
		pairs.push(hostSide);
		const baudRate = options.baudRate ?? 115200;
		const fromDevice = await openRawSerialPort(deviceSide.hostEnd, baudRate);
		ports.push(fromDevice);
		const toHost = await openRawSerialPort(hostSide.deviceEnd, baudRate);
		ports.push(toHost);
		// The proxy only forwards; a port error ends the line like a pulled cable.
		for (const port of ports) port.on("error", () => {});
		fromDevice.on("data", (chunk: Buffer) => toHost.write(up.push(chunk)));
		toHost.on("data", (chunk: Buffer) => fromDevice.write(down.push(chunk)));
		return {
			deviceEnd: deviceSide.deviceEnd,
			hostEnd: hostSide.hostEnd,
			stats: { deviceToHost: up.stats, hostToDevice: down.stats },
			setNoise(direction, settings) {
				(direction === "deviceToHost" ? up : down).settings = settingsOf(settings);
			},
			dispose,
		};
	} catch (error) {
		await dispose();
		throw error;
	}
}
