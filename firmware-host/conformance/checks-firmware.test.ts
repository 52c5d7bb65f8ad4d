/**
 * The firmware checks reset the device twice. A device that started streaming again on its new
 * boot's greeting holds a few unacked readings and rightly refuses Reboot (it would lose them):
 * the suite acks what the device holds first (seen in CI: "Reboot answered status 4: 1 readings are
 * not acknowledged yet"). A scripted device on a memory link plays that device.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../platform/clock.js";
import { CommandStatus, type Envelope, type EnvelopeInit } from "../../protocol/codec.js";
import { createMemoryLinkPair, type MemoryLink } from "../../protocol/transport/memory-link.js";
import { DeviceConnection } from "../host/device-connection.js";
import type { ConformanceContext } from "./check.js";
import { rebootAndGreet } from "./checks-firmware.js";

/** Streams, holds `held` unacked readings, refuses Reboot until they are acked, then boots anew. */
function holdingDevice(link: MemoryLink, held: number): { reboots: () => number } {
	let seq = 0;
	let boot = 1;
	let streaming = true;
	let acked = 0;
	let reboots = 0;
	const next = () => held + 1;
	const send = (body: Omit<EnvelopeInit, "seq">) => link.send({ ...body, seq: ++seq }).catch(() => {});
	const hello = () =>
		send({
			hello: { deviceId: "holding", protocolMajor: 1, protocolMinor: 1, bootId: Buffer.alloc(16, boot), capabilities: [{ quantity: "voltage", unit: "V" }] },
		});
	link.on("envelope", (e: Envelope) => {
		const result = (body: Record<string, unknown>) => send({ commandResult: { commandSeq: e.seq, status: CommandStatus.STATUS_OK, ...body } });
		if (e.body === "hostHello") hello();
		else if (e.body === "ack") acked = Math.max(acked, e.ack!.upToSeq ?? 0);
		else if (e.command?.getStatus) result({ deviceStatus: { streaming, unackedReadings: next() - 1 - acked, nextReadingSeq: next() } });
		else if (e.command?.stopStreaming) {
			streaming = false;
			result({});
		} else if (e.command?.reboot) {
			const unacked = next() - 1 - acked;
			if (unacked > 0) {
				send({
					commandResult: { commandSeq: e.seq, status: CommandStatus.STATUS_BUSY, message: `${unacked} readings are not acknowledged yet; ack them first.` },
				});
				return;
			}
			result({});
			reboots++;
			boot++;
			setTimeout(hello, 10);
		}
	});
	return { reboots: () => reboots };
}

describe("the firmware checks' reset", () => {
	it("acks the readings a streaming device holds, then resets it", async () => {
		const [device, host] = createMemoryLinkPair();
		const played = holdingDevice(device, 3);
		const notes: string[] = [];
		const context = {
			clock: systemClock,
			answerTimeoutMs: 500,
			resendTimeoutMs: 1000,
			log: (line: string) => notes.push(line),
			sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
		} as unknown as ConformanceContext;
		const connection = new DeviceConnection({ open: async () => host, maintenance: true });
		await connection.connect();
		try {
			const hello = await rebootAndGreet(connection, context);
			expect(Buffer.from(hello.bootId ?? [])).toEqual(Buffer.alloc(16, 2));
			expect(played.reboots()).toBe(1);
			expect(notes).toEqual(["acked 3 readings the device held before asking it to reset"]);
		} finally {
			await connection.close();
		}
	});
});
