/**
 * The simulated SMP device on an in-memory line, for unit tests: the client's ByteStream on one
 * end, the device's frame receiver and server on the other, with an optional fault that garbles
 * a fraction of bytes both ways (seeded, so a failure repeats). A reset makes the device deaf for
 * `bootMs`, then MCUboot boots and a banner is printed, as on the serial port.
 */
import { EventEmitter } from "node:events";
import { seededRandom } from "../../prng.js";
import { McubootSlots, type TrustedKey } from "../mcuboot-slots.js";
import { SmpServer, type SmpServerOptions } from "../smp-server.js";
import { FrameReceiver, frameResponse } from "../smp-wire.js";

export interface MemoryDeviceOptions extends Partial<Omit<SmpServerOptions, "slots" | "onReset">> {
	keys?: TrustedKey[];
	factoryVersion?: string;
	slotSize?: number;
	bootMs?: number;
	/** Fraction of bytes garbled on the line, both ways. */
	garble?: number;
	seed?: number;
	/** Packets the device drops before answering (test: the first N requests get no answer). */
	dropFirst?: number;
}

export class MemoryLine extends EventEmitter {
	write(data: Uint8Array): boolean {
		this.emit("toDevice", Buffer.from(data));
		return true;
	}
}

export function memorySmpDevice(options: MemoryDeviceOptions = {}) {
	const random = seededRandom(options.seed ?? 1);
	const slots = new McubootSlots(options.factoryVersion ?? "0.1.0", options.keys ?? [], options.slotSize ?? 1024 * 1024);
	const line = new MemoryLine();
	let booting = false;
	let drops = options.dropFirst ?? 0;
	const garble = (bytes: Buffer) => {
		if (!options.garble) return bytes;
		const out = Buffer.from(bytes);
		for (let i = 0; i < out.length; i++) if (random() < options.garble) out[i] ^= 1 + Math.floor(random() * 255);
		return out;
	};
	const toClient = (text: string) => setImmediate(() => line.emit("data", garble(Buffer.from(text, "latin1"))));
	const server: SmpServer = new SmpServer({
		deviceId: "mem-1",
		model: "FC-SIM-1",
		...options,
		slots,
		onReset: () => {
			booting = true;
			setTimeout(() => {
				server.rebooted();
				const outcome = slots.boot();
				booting = false;
				toClient(`*** Booting MCUboot ***\r\nI: ${outcome.kind}\r\n*** Booting Zephyr OS build v3.7.0 ***\r\n`);
			}, options.bootMs ?? 50);
		},
	});
	const receiver = new FrameReceiver((packet) => {
		if (drops > 0) {
			drops--;
			return;
		}
		const answer = server.handle(packet);
		if (answer) toClient(frameResponse(answer));
	});
	line.on("toDevice", (bytes: Buffer) => {
		if (!booting) receiver.feed(garble(bytes));
	});
	return { line, server, slots, receiver };
}
