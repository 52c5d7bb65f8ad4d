/**
 * A minimal host side of protocol v1 for tests of the simulator over any link: it sends
 * HostHello, records everything the device sends, and acks cumulatively up to the highest seq
 * it holds without a gap (what a gateway that stored them would do). It survives link changes,
 * so reconnect tests can check for gaps and duplicates across links.
 */

import type { FieldchainError } from "../../../platform/errors.js";
import type { Command, Envelope, EnvelopeInit, Reading } from "../../../protocol/codec.js";
import type { EnvelopeLink } from "../../../protocol/link.js";

export interface TestHostOptions {
	/** Ack every reading once it closes a gap (default true). */
	autoAck?: boolean;
	/** Sent in HostHello (default 1). */
	protocolMajor?: number;
	/**
	 * Answer an unprompted Hello (a device on a new link) with HostHello, as a gateway must.
	 * Hellos that answer our own HostHellos are counted off and not answered, or the two
	 * sides would greet each other for ever.
	 */
	answerHello?: boolean;
}

export class TestHost {
	readonly envelopes: Envelope[] = [];
	/** Every reading received, duplicates included, in arrival order. */
	readonly readings: Reading[] = [];
	readonly linkErrors: FieldchainError[] = [];
	autoAck: boolean;
	/** Boot id from the last Hello: readings are attributed to it. */
	bootId: Uint8Array | undefined;
	private link: EnvelopeLink | undefined;
	private seq = 0;
	private readonly received = new Map<string, Set<number>>();
	private readonly contiguous = new Map<string, number>();
	private ackQueued = false;
	private hellosAwaited = 0;
	private readonly onEnvelope = (envelope: Envelope) => this.receive(envelope);
	private readonly onLinkError = (error: FieldchainError) => this.linkErrors.push(error);

	constructor(
		link: EnvelopeLink | undefined,
		private readonly options: TestHostOptions = {},
	) {
		this.autoAck = options.autoAck ?? true;
		if (link) this.use(link);
	}

	/** Switches to another link; what was received so far is kept. */
	use(link: EnvelopeLink): void {
		this.link?.off("envelope", this.onEnvelope);
		this.link?.off("linkError", this.onLinkError);
		this.link = link;
		link.on("envelope", this.onEnvelope);
		link.on("linkError", this.onLinkError);
	}

	send(body: Omit<EnvelopeInit, "seq">): Promise<number> {
		const seq = ++this.seq;
		return this.link!.send({ seq, ...body }).then(() => seq);
	}

	hostHello(protocolMajor = this.options.protocolMajor ?? 1): Promise<number> {
		this.hellosAwaited++;
		return this.send({ hostHello: { gatewayId: "test-host", protocolMajor, protocolMinor: 0, maxPayload: 1024, hostTimeUs: Date.now() * 1000 } });
	}

	ack(upToSeq: number, bootId?: Uint8Array): Promise<number> {
		return this.send({ ack: { upToSeq, bootId } });
	}

	command(command: Command): Promise<number> {
		return this.send({ command });
	}

	of<K extends NonNullable<Envelope["body"]>>(kind: K): Envelope[] {
		return this.envelopes.filter((envelope) => envelope.body === kind);
	}

	/** Distinct seqs received for a boot (default: the current one), ascending. */
	uniqueSeqs(bootId = this.bootId): number[] {
		return [...(this.received.get(hex(bootId)) ?? [])].sort((a, b) => a - b);
	}

	/** Highest seq of the boot received with no gap before it. */
	contiguousUpTo(bootId = this.bootId): number {
		return this.contiguous.get(hex(bootId)) ?? 0;
	}

	private onHello(envelope: Envelope): void {
		this.bootId = envelope.hello!.bootId ?? undefined;
		if (this.hellosAwaited > 0) this.hellosAwaited--;
		else if (this.options.answerHello && this.link && !this.link.closed) this.hostHello().catch(() => {});
	}

	private receive(envelope: Envelope): void {
		this.envelopes.push(envelope);
		if (envelope.body === "hello") this.onHello(envelope);
		if (envelope.body !== "reading") return;
		const reading = envelope.reading!;
		this.readings.push(reading);
		const boot = hex(this.bootId);
		let seqs = this.received.get(boot);
		if (!seqs) {
			seqs = new Set();
			this.received.set(boot, seqs);
		}
		seqs.add(reading.seq ?? 0);
		let upTo = this.contiguous.get(boot) ?? 0;
		while (seqs.has(upTo + 1)) upTo++;
		this.contiguous.set(boot, upTo);
		if (this.autoAck && !this.ackQueued) {
			// One ack per burst of readings, not one per reading.
			this.ackQueued = true;
			queueMicrotask(() => {
				this.ackQueued = false;
				const upToSeq = this.contiguousUpTo();
				if (upToSeq > 0 && this.link && !this.link.closed) this.ack(upToSeq, this.bootId).catch(() => {});
			});
		}
	}
}

function hex(bytes: Uint8Array | undefined): string {
	return bytes ? Buffer.from(bytes).toString("hex") : "";
}
