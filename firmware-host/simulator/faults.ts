/**
 * Fault injection on reading frames, so a gateway can be tested against a noisy line: garbage
 * between frames, corrupted frames and lost frames. The device's resend logic must recover from
 * all three, which is the point of simulating them.
 */
import { type EnvelopeInit, encodeEnvelope } from "../../protocol/codec.js";
import { encodeFrame } from "../../protocol/framing/frame.js";
import type { EnvelopeLink } from "../../protocol/link.js";
import type { FaultOptions } from "./options.js";
import { type RandomSource, randomBytes, randomInt } from "./prng.js";

export interface FaultCounts {
	garbage: number;
	corrupt: number;
	dropped: number;
}

export class FaultInjector {
	readonly counts: FaultCounts = { garbage: 0, corrupt: 0, dropped: 0 };

	constructor(
		private readonly faults: Required<FaultOptions>,
		private readonly random: RandomSource,
	) {}

	/** Sends one reading envelope, or a damaged version of it, or nothing. */
	transmit(link: EnvelopeLink, envelope: EnvelopeInit): Promise<void> {
		const sendRaw = link.sendRaw?.bind(link);
		const writes: Promise<void>[] = [];
		if (sendRaw && this.roll(this.faults.garbage)) {
			this.counts.garbage++;
			writes.push(sendRaw(this.garbage(link)));
		}
		if (this.roll(this.faults.drop)) {
			this.counts.dropped++;
		} else if (sendRaw && this.roll(this.faults.corrupt)) {
			this.counts.corrupt++;
			writes.push(sendRaw(this.corrupted(link, envelope)));
		} else {
			writes.push(link.send(envelope));
		}
		return writes.length === 1 ? writes[0] : Promise.all(writes).then(() => undefined);
	}

	/** Never consumes randomness for a fault that is off, so seeded runs stay comparable. */
	private roll(fraction: number): boolean {
		return fraction > 0 && this.random() < fraction;
	}

	private garbage(link: EnvelopeLink): Uint8Array {
		const bytes = randomBytes(this.random, randomInt(this.random, 1, 32));
		// Without framing (MQTT) the garbage is a whole message. Wire type 7 in the first tag
		// does not exist, so random bytes can never pass for a valid Envelope by chance.
		if (link.transport !== "serial") bytes[0] |= 0x07;
		return bytes;
	}

	private corrupted(link: EnvelopeLink, envelope: EnvelopeInit): Uint8Array {
		const payload = encodeEnvelope(envelope);
		if (link.transport !== "serial") {
			// No CRC protects an MQTT payload, so a flipped bit could decode as a wrong but valid
			// reading. Cutting the last byte always breaks the trailing length-delimited body.
			return payload.subarray(0, payload.length - 1);
		}
		const frame = encodeFrame(payload);
		// Flip a bit anywhere except the delimiter, which would merge this frame with the next.
		const bit = randomInt(this.random, 0, (frame.length - 1) * 8 - 1);
		frame[bit >> 3] ^= 1 << (bit & 7);
		return frame;
	}
}
