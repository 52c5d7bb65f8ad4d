/**
 * Two EnvelopeLinks joined in memory, for tests of anything that speaks to a link. Envelopes
 * really go through encodeEnvelope/decodeEnvelope, so the receiver sees exactly what it would
 * see on a wire, and delivery is asynchronous (a microtask) so no handler runs inside the
 * sender's call stack, as with a real transport. Raw bytes behave like an MQTT payload: one
 * message, decoded without framing.
 */
import { EventEmitter } from "node:events";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type EnvelopeInit, encodeEnvelope } from "../codec.js";
import { DEFAULT_MAX_PAYLOAD } from "../framing/frame.js";
import { type EnvelopeLink, emitDecoded, emptyLinkCounters, type LinkCounters, type LinkEvents } from "../link.js";

export class MemoryLink extends EventEmitter<LinkEvents> implements EnvelopeLink {
	readonly transport = "memory" as const;
	readonly counters: LinkCounters = emptyLinkCounters();
	peer: MemoryLink | undefined;
	/** Largest payload the peer accepts, as set from its hello. */
	peerMaxPayload = DEFAULT_MAX_PAYLOAD;
	private isClosed = false;

	constructor(readonly label: string) {
		super();
	}

	get closed(): boolean {
		return this.isClosed;
	}

	setPeerMaxPayload(maxPayload: number): void {
		this.peerMaxPayload = maxPayload > 0 ? maxPayload : DEFAULT_MAX_PAYLOAD;
	}

	async send(envelope: EnvelopeInit): Promise<void> {
		const bytes = encodeEnvelope(envelope);
		if (bytes.length > this.peerMaxPayload) {
			throw new FieldchainError(
				ErrorCodes.FC_PROTO_TOO_LARGE,
				`Message of ${bytes.length} bytes exceeds the peer's max_payload of ${this.peerMaxPayload} bytes.`,
			);
		}
		return this.sendRaw(bytes);
	}

	async sendRaw(bytes: Uint8Array): Promise<void> {
		const peer = this.peer;
		if (this.isClosed || !peer) throw new FieldchainError(ErrorCodes.FC_SERIAL_CLOSED, `Link ${this.label} is closed.`);
		this.counters.framesOut++;
		const copy = Uint8Array.from(bytes);
		queueMicrotask(() => peer.receive(copy));
	}

	/** Closes both ends, like pulling the cable. */
	async close(): Promise<void> {
		this.finish(undefined);
		this.peer?.finish(undefined);
	}

	private receive(bytes: Uint8Array): void {
		if (this.isClosed) return;
		this.counters.framesIn++;
		emitDecoded(this, this.counters, bytes);
	}

	private finish(reason: Error | undefined): void {
		if (this.isClosed) return;
		this.isClosed = true;
		this.emit("close", reason);
	}
}

/** A connected pair: what one end sends, the other receives. */
export function createMemoryLinkPair(labels: [string, string] = ["device", "host"]): [MemoryLink, MemoryLink] {
	const a = new MemoryLink(labels[0]);
	const b = new MemoryLink(labels[1]);
	a.peer = b;
	b.peer = a;
	return [a, b];
}
