/**
 * A link refused mid-stream stays silent (device.proto, Error.CODE_PROTOCOL_VERSION; the
 * conformance check version-refusal). The refusal comes while everything that could send a
 * reading is live: a backlog being re-sent, a full serial window whose completions restart the
 * pump, and armed pump, resend and tail-loss-probe timers. On a wire that keeps order, nothing
 * the device hands the link after its CODE_PROTOCOL_VERSION error may be a reading, whatever
 * the timers and late write completions do afterwards. Deterministic: a manual clock, and a
 * serial-like link whose writes complete only when the test drains them.
 */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../platform/clock.js";
import { type Envelope, type EnvelopeInit, ProtocolErrorCode } from "../../protocol/codec.js";
import { type EnvelopeLink, emptyLinkCounters, type LinkEvents } from "../../protocol/link.js";
import { seededRandom } from "./prng.js";
import { SimulatedDevice } from "./simulated-device.js";

/** The device's end of a UART: sends queue in order and complete (free the window) only on drain(). */
class SlowSerialLink extends EventEmitter<LinkEvents> implements EnvelopeLink {
	readonly transport = "serial" as const;
	readonly label = "slow-uart";
	readonly counters = emptyLinkCounters();
	readonly closed = false;
	/** What reached the host, in wire order. */
	readonly wire: EnvelopeInit[] = [];
	private readonly queue: { envelope: EnvelopeInit; done: () => void }[] = [];

	send(envelope: EnvelopeInit): Promise<void> {
		return new Promise((resolve) => this.queue.push({ envelope, done: resolve }));
	}

	setPeerMaxPayload(): void {}

	async close(): Promise<void> {}

	/** Puts up to `n` queued frames on the wire, oldest first, and completes their writes. */
	drain(n = Number.POSITIVE_INFINITY): void {
		for (let i = 0; i < n && this.queue.length > 0; i++) {
			const { envelope, done } = this.queue.shift()!;
			this.wire.push(envelope);
			done();
		}
	}

	/** A host envelope arriving at the device. */
	deliver(envelope: Envelope): void {
		this.emit("envelope", envelope);
	}
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function hostHello(seq: number, protocolMajor: number): Envelope {
	return { seq, body: "hostHello", hostHello: { gatewayId: "gw", protocolMajor, protocolMinor: 1, maxPayload: 16384 } } as Envelope;
}

function ack(seq: number, upToSeq: number, bootId: Uint8Array): Envelope {
	return { seq, body: "ack", ack: { upToSeq, bootId } } as Envelope;
}

/** Kinds of what the device put on the wire after its refusal. */
function afterRefusal(wire: EnvelopeInit[]): string[] {
	const at = wire.findIndex((e) => e.error?.code === ProtocolErrorCode.CODE_PROTOCOL_VERSION);
	expect(at, "the device sent no CODE_PROTOCOL_VERSION error").toBeGreaterThanOrEqual(0);
	return wire.slice(at + 1).map((e) => Object.keys(e).find((k) => k !== "seq")!);
}

describe("a link refused while readings are under way", () => {
	it.each([
		{ name: "with a full serial window", drainBeforeRefusal: 0 },
		{ name: "with half the window drained (its completions restart the pump)", drainBeforeRefusal: 64 },
		{ name: "with the window one short of the restart point", drainBeforeRefusal: 63 },
	])("sends no reading after CODE_PROTOCOL_VERSION, $name", async ({ drainBeforeRefusal }) => {
		const clock = new ManualClock();
		const device = new SimulatedDevice({ deviceId: "refused", clock, random: seededRandom(7), rate: 50, resendTimeoutMs: 1000 });
		const link = new SlowSerialLink();
		try {
			device.attach(link);
			link.deliver(hostHello(1, 1));
			// Streaming, acked: arms the resend and tail-loss-probe timers for this link.
			for (let t = 0; t < 2000; t += 20) {
				clock.advance(20);
				link.drain();
				await flush();
			}
			link.deliver(ack(2, 60, device.bootId));
			await flush();
			// The host stops reading: a backlog builds and fills the window (128 on serial).
			clock.advance(4000);
			await flush();
			// A new greeting re-sends the backlog; the major-2 greeting right behind it refuses the link.
			link.deliver(hostHello(3, 1));
			link.drain(drainBeforeRefusal);
			await flush();
			const sentBefore = device.stats.sent + device.stats.resent;
			link.deliver(hostHello(4, 2));
			// Everything queued before the refusal goes out; then timers run for a while, acks and all.
			for (let t = 0; t < 10_000; t += 50) {
				link.drain();
				await flush();
				clock.advance(50);
				if (t === 500) link.deliver(ack(5, 200, device.bootId));
			}
			link.drain();
			expect(afterRefusal(link.wire).filter((kind) => kind === "reading")).toEqual([]);
			expect(device.stats.sent + device.stats.resent).toBe(sentBefore);
		} finally {
			device.stop();
		}
	});
});
