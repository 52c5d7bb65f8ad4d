/**
 * The device side of protocol v1, without any I/O of its own: it speaks to whatever EnvelopeLink
 * it is attached to and takes time and randomness from outside, so the same code drives the
 * `device simulate` command and deterministic unit tests.
 *
 * Delivery model: every reading stays in an unacked buffer until a cumulative Ack covers it.
 * A transmit cursor (nextToSend) walks that buffer; "resend" just moves the cursor back to the
 * oldest unacked reading. First sends, resends after a timeout and resends on a new link all go
 * through the same pump, which sends in bounded chunks so a large backlog never blocks the loop.
 */
import { EventEmitter } from "node:events";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import {
	type CommandResult,
	type Envelope,
	type EnvelopeInit,
	EventKind,
	type Hello,
	type HostHello,
	PROTOCOL_MAJOR,
	PROTOCOL_MINOR,
	ProtocolErrorCode,
	type Reading,
	ReadingFlag,
	type SeqRange,
} from "../../protocol/codec.js";
import type { EnvelopeLink, LinkEvents } from "../../protocol/link.js";
import { type CommandName, type CommandTarget, type DeviceStatus, runCommand } from "./commands.js";
import { FaultInjector } from "./faults.js";
import { LossRecovery } from "./loss-recovery.js";
import { type ResolvedDeviceOptions, resolveDeviceOptions, type SimulatedDeviceOptions } from "./options.js";
import { randomBytes } from "./prng.js";
import { capabilityFor, createValueGenerator, quantityUnit } from "./quantities.js";
import { RateTicker } from "./rate-ticker.js";
import { type PendingReading, UnackedBuffer } from "./unacked-buffer.js";

/** Readings handed to the link per pump call before yielding to the event loop. */
const PUMP_CHUNK = 500;
/** Sends the transport has not confirmed yet; above this the pump waits (back-pressure). */
const MAX_IN_FLIGHT = 2000;
/**
 * On a serial line the same window is far smaller, as a UART's transmit buffer is: a re-sent
 * reading queues behind whatever is already handed to the port, so a deep queue turns one round
 * trip of fast recovery into a wait of seconds (128 frames of ~40 bytes drain in ~40 ms at 115200 baud).
 */
const MAX_IN_FLIGHT_SERIAL = 128;
const DEVICE_MAX_PAYLOAD = 1024;
const DEVICE_WINDOW = 8;

export interface SimulatedDeviceEvents {
	/** A reading was taken (not: sent). */
	reading: [reading: Reading];
	/** The host acked readings of the current boot up to this seq. */
	acked: [upToSeq: number];
	/** `count` readings were taken and every one is acked. Emitted once. */
	allAcked: [];
	/** The host broke the protocol or the link reported bad input. */
	protocolError: [error: FieldchainError];
	command: [name: CommandName, result: CommandResult];
	hostHello: [hostHello: HostHello];
	/** A trusted TimeSync set the clock; the clock's error against the host's time is now this, ms. */
	timeSynced: [clockErrorMs: number];
	/** The unacked buffer is full and the device stopped measuring. */
	bufferFull: [unacked: number];
}

export interface SimulatedDeviceStats {
	/** Hex of the current boot id. */
	bootId: string;
	generated: number;
	/** First transmissions of readings (including dropped and corrupted ones). */
	sent: number;
	resent: number;
	/** Recoveries started by duplicate acks (protocol minor 1) instead of the resend timeout. */
	fastRetransmits: number;
	/** Tail-loss probes: the newest unacked reading re-sent when nothing new was left to send. */
	probes: number;
	/** Highest seq of the current boot the host acked (0: none). */
	ackedUpTo: number;
	unacked: number;
	nextSeq: number;
	streaming: boolean;
	rate: number;
	dropped: number;
	garbage: number;
	corrupt: number;
	protocolErrors: number;
}

/** One attached link and what the device knows about it. */
interface Session {
	link: EnvelopeLink;
	/** Hello exchange done: readings may flow. */
	ready: boolean;
	/** The host offered another protocol major: nothing but HostHello is answered. */
	refused: boolean;
	/** A maintenance host (HostHello.maintenance): no readings until it sends StartStreaming. */
	maintenance: boolean;
	inFlight: number;
	/** Monotonic ms when the link was attached. */
	attachedAt: number;
	listeners: { [K in keyof LinkEvents]: (...args: LinkEvents[K]) => void };
}

export class SimulatedDevice extends EventEmitter<SimulatedDeviceEvents> {
	readonly deviceId: string;
	private readonly options: ResolvedDeviceOptions;
	private readonly clock: Clock;
	private readonly buffer = new UnackedBuffer();
	private readonly recovery = new LossRecovery();
	/** Newest seq ever sent in this boot. */
	private highestSent = 0;
	private readonly faults: FaultInjector;
	private readonly ticker: RateTicker;
	private readonly nextValue: () => number;
	private session: Session | undefined;
	private currentBootId: Uint8Array;
	private bootAt: number;
	private envelopeSeq = 0;
	private nextToSend = 1;
	private rate: number;
	private streamingEnabled = false;
	/** Streaming starts by itself on the first hello exchange unless a command said otherwise. */
	private autoStart = true;
	private stopped = false;
	private generated = 0;
	private sent = 0;
	private resent = 0;
	private ackedUpTo = 0;
	private protocolErrors = 0;
	private lastAckProgressAt = Number.NEGATIVE_INFINITY;
	private lastReadingTimeUs = 0;
	/** The device clock's error against the injected clock, ms (options.clockErrorMs until a TimeSync). */
	private clockErrorMs: number;
	private bufferFullReported = false;
	private allAckedEmitted = false;
	private pumpTimer: TimerHandle | undefined;
	private resendTimer: TimerHandle | undefined;
	private heartbeatTimer: TimerHandle | undefined;
	private helloTimer: TimerHandle | undefined;
	private probeTimer: TimerHandle | undefined;
	private probeBackoff = 1;
	private lastAckAt = Number.NEGATIVE_INFINITY;
	private lastTransmitAt = Number.NEGATIVE_INFINITY;

	constructor(options: SimulatedDeviceOptions) {
		super();
		this.options = resolveDeviceOptions(options);
		this.clockErrorMs = this.options.clockErrorMs;
		this.deviceId = this.options.deviceId;
		this.clock = this.options.clock;
		this.currentBootId = this.options.bootId;
		this.bootAt = this.clock.monotonic();
		this.rate = this.options.rate;
		this.faults = new FaultInjector(this.options.faults, this.options.random);
		this.ticker = new RateTicker(this.clock, this.rate, (due) => this.generate(due));
		this.nextValue = createValueGenerator(this.options.quantity, this.options.random);
		// Power-on: the bootloader swaps, reverts or boots what is there.
		this.options.firmware?.boot();
	}

	get bootId(): Uint8Array {
		return this.currentBootId;
	}

	get link(): EnvelopeLink | undefined {
		return this.session?.link;
	}

	get stats(): SimulatedDeviceStats {
		return {
			bootId: Buffer.from(this.currentBootId).toString("hex"),
			generated: this.generated,
			sent: this.sent,
			resent: this.resent,
			fastRetransmits: this.recovery.fastRetransmits,
			probes: this.recovery.probes,
			ackedUpTo: this.ackedUpTo,
			unacked: this.buffer.size,
			nextSeq: this.buffer.endSeq,
			streaming: this.isStreaming(),
			rate: this.rate,
			...this.faults.counts,
			protocolErrors: this.protocolErrors,
		};
	}

	/** Starts speaking on a link: unprompted Hello now, readings after the HostHello. */
	attach(link: EnvelopeLink): void {
		if (this.stopped) throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, "The simulated device was stopped.", { hint: "Create a new SimulatedDevice." });
		this.detach();
		const session: Session = {
			link,
			ready: false,
			refused: false,
			maintenance: false,
			inFlight: 0,
			attachedAt: this.clock.monotonic(),
			listeners: {
				envelope: (envelope) => this.onEnvelope(session, envelope),
				linkError: (error) => this.reportProtocolError(error),
				close: () => {
					if (this.session === session) this.detach();
				},
			},
		};
		this.session = session;
		this.recovery.newLink();
		link.on("envelope", session.listeners.envelope);
		link.on("linkError", session.listeners.linkError);
		link.on("close", session.listeners.close);
		this.sendHello(session);
		this.scheduleHeartbeat();
		if (this.options.streamWithoutHostHello) this.beginSession(session);
		else this.scheduleHelloRetry(session);
	}

	/** Forgets the link (it stays open; its owner closes it). Unacked readings are kept. */
	detach(): void {
		const session = this.session;
		if (!session) return;
		this.session = undefined;
		session.link.off("envelope", session.listeners.envelope);
		session.link.off("linkError", session.listeners.linkError);
		session.link.off("close", session.listeners.close);
		for (const timer of [this.pumpTimer, this.resendTimer, this.heartbeatTimer, this.helloTimer, this.probeTimer]) this.clock.clearTimeout(timer);
		this.pumpTimer = this.resendTimer = this.heartbeatTimer = this.helloTimer = this.probeTimer = undefined;
	}

	/** Resolves once `count` readings are taken and acked; rejects with FC_PROTO_TIMEOUT. */
	whenAllAcked(timeoutMs?: number): Promise<void> {
		if (this.isAllAcked()) return Promise.resolve();
		return new Promise((resolve, reject) => {
			let timer: TimerHandle | undefined;
			const onAllAcked = () => {
				this.clock.clearTimeout(timer);
				resolve();
			};
			this.once("allAcked", onAllAcked);
			if (timeoutMs === undefined) return;
			timer = this.clock.setTimeout(() => {
				this.off("allAcked", onAllAcked);
				const { generated, unacked } = this.stats;
				reject(
					new FieldchainError(
						ErrorCodes.FC_PROTO_TIMEOUT,
						`Device ${this.deviceId}: not all readings acked after ${timeoutMs} ms (${generated} taken, ${unacked} unacked).`,
						{
							hint: "Check that a gateway is connected and acknowledging readings.",
						},
					),
				);
			}, timeoutMs);
		});
	}

	/** Stops measuring and all timers, and detaches. The device cannot be attached again. */
	stop(): void {
		this.stopped = true;
		this.options.firmware?.stop();
		this.ticker.stop();
		this.detach();
	}

	// ---- readings -------------------------------------------------------------------------------

	private generate(due: number): void {
		const periodUs = this.ticker.periodMs * 1000;
		const nowUs = this.nowUs();
		for (let i = 0; i < due; i++) {
			if (this.countReached()) break;
			if (this.buffer.size >= this.options.maxUnacked) {
				this.onBufferFull();
				break;
			}
			// Spread a batch over the tick it stands for, as if each was taken at its own time.
			const timeUs = Math.max(this.lastReadingTimeUs, Math.round(nowUs - (due - 1 - i) * periodUs));
			this.lastReadingTimeUs = timeUs;
			const reading: Reading = {
				seq: this.buffer.endSeq,
				deviceTimeUs: timeUs,
				quantity: this.options.quantity,
				value: this.nextValue(),
				unit: quantityUnit(this.options.quantity),
			};
			this.buffer.push({ reading, sentAt: undefined });
			this.generated++;
			this.emit("reading", reading);
		}
		if (this.countReached()) this.ticker.stop();
		this.pump();
		this.checkAllAcked();
	}

	/**
	 * A reading from an external source (options.externalReadings): numbered, kept until acked and
	 * re-sent like a generated one. Returns false when it was not taken (not streaming, buffer full).
	 */
	takeReading(fields: Omit<Reading, "seq" | "deviceTimeUs">): boolean {
		if (!this.isStreaming()) return false;
		if (this.buffer.size >= this.options.maxUnacked) {
			this.onBufferFull();
			return false;
		}
		const timeUs = Math.max(this.lastReadingTimeUs, this.nowUs());
		this.lastReadingTimeUs = timeUs;
		const reading: Reading = { ...fields, seq: this.buffer.endSeq, deviceTimeUs: timeUs };
		this.buffer.push({ reading, sentAt: undefined });
		this.generated++;
		this.emit("reading", reading);
		this.pump();
		this.checkAllAcked();
		return true;
	}

	private onBufferFull(): void {
		if (this.bufferFullReported) return;
		this.bufferFullReported = true;
		const unacked = this.buffer.size;
		this.sendControl({ event: { kind: EventKind.KIND_BUFFER_FULL, deviceTimeUs: this.nowUs(), detail: `${unacked} readings unacked; measuring paused.` } });
		this.emit("bufferFull", unacked);
	}

	/** Sends from the cursor to the newest reading, in chunks, while the transport keeps up. */
	private pump(): void {
		const session = this.session;
		if (!session?.ready || session.maintenance || this.pumpTimer) return;
		let budget = PUMP_CHUNK;
		const window = maxInFlight(session);
		while (this.nextToSend < this.buffer.endSeq && budget > 0 && session.inFlight < window) {
			const pending = this.buffer.get(this.nextToSend)!;
			this.nextToSend++;
			// This link's host said it holds it (selective ack): a go-back pass skips it.
			if (this.recovery.isSacked(pending)) continue;
			budget--;
			this.transmit(session, pending);
		}
		if (budget === 0 && this.nextToSend < this.buffer.endSeq) {
			this.pumpTimer = this.clock.setTimeout(() => {
				this.pumpTimer = undefined;
				this.pump();
			}, 0);
		}
		this.armResendTimer();
		this.armProbeTimer();
	}

	/** One reading frame on the link: first send, or a re-send flagged RESENT. */
	private transmit(session: Session, pending: PendingReading): void {
		const resend = pending.sentAt !== undefined;
		pending.sentAt = this.lastTransmitAt = this.clock.monotonic();
		this.recovery.stamp(pending);
		if (resend) {
			this.resent++;
			pending.resent = true;
		} else this.sent++;
		const seq = pending.reading.seq ?? 0;
		if (seq > this.highestSent) this.highestSent = seq;
		const reading = resend ? { ...pending.reading, flags: (pending.reading.flags ?? 0) | ReadingFlag.READING_FLAG_RESENT } : pending.reading;
		session.inFlight++;
		const envelope = { seq: this.nextEnvelopeSeq(), reading };
		const done = () => this.onSent(session);
		attempt(() => this.faults.transmit(session.link, envelope)).then(done, done);
	}

	/**
	 * Tail-loss probe: when everything has been sent and the host has not acked it all, re-send the
	 * newest reading it has not got, so its (duplicate) acks reveal the gaps without waiting for
	 * the resend timeout. Backs off while nothing moves.
	 */
	private armProbeTimer(): void {
		const session = this.session;
		if (this.probeTimer || this.options.faults.noFastRetransmit || !session?.ready || session.maintenance) return;
		// A host that has not acked anything on this link (a monitor) would not answer a probe either.
		if (this.buffer.size === 0 || this.nextToSend < this.buffer.endSeq || this.lastAckAt < session.attachedAt) return;
		const timeout = this.recovery.probeTimeoutMs(this.options.resendTimeoutMs) * this.probeBackoff;
		// Silence is counted from the last ack or send, whichever came later.
		const delay = Math.max(this.lastAckAt, this.lastTransmitAt) + timeout - this.clock.monotonic();
		this.probeTimer = this.clock.setTimeout(
			() => {
				this.probeTimer = undefined;
				if (this.session !== session || !session.ready || this.nextToSend < this.buffer.endSeq) return;
				if (this.clock.monotonic() - Math.max(this.lastAckAt, this.lastTransmitAt) < timeout) {
					this.armProbeTimer();
					return;
				}
				const seq = this.recovery.probeSeq(this.buffer);
				if (seq === undefined) return;
				this.recovery.probes++;
				this.probeBackoff = Math.min(this.probeBackoff * 2, 8);
				this.transmit(session, this.buffer.get(seq)!);
				this.armProbeTimer();
			},
			Math.max(0, delay),
		);
	}

	private onSent(session: Session): void {
		if (this.session !== session) return;
		session.inFlight--;
		// Resume a pump stopped by back-pressure once half the window is free, not per send.
		if (session.inFlight === maxInFlight(session) / 2) this.pump();
	}

	private resendAll(): void {
		this.nextToSend = this.buffer.oldestSeq;
		this.pump();
	}

	private armResendTimer(delayMs?: number): void {
		const oldest = this.buffer.oldest;
		if (this.resendTimer || !this.session?.ready || this.session.maintenance || oldest?.sentAt === undefined) return;
		const since = Math.max(oldest.sentAt, this.lastAckProgressAt);
		const delay = delayMs ?? since + this.options.resendTimeoutMs - this.clock.monotonic();
		this.resendTimer = this.clock.setTimeout(
			() => {
				this.resendTimer = undefined;
				this.onResendTimer();
			},
			Math.max(0, delay),
		);
	}

	private onResendTimer(): void {
		const oldest = this.buffer.oldest;
		if (oldest?.sentAt === undefined) return;
		const waited = this.clock.monotonic() - Math.max(oldest.sentAt, this.lastAckProgressAt);
		if (waited < this.options.resendTimeoutMs) {
			this.armResendTimer();
			return;
		}
		// While an earlier pass is still being pumped out, restarting it would never finish.
		const passDone = this.nextToSend >= this.buffer.endSeq;
		if (passDone) this.resendAll();
		this.armResendTimer(this.options.resendTimeoutMs);
	}

	// ---- incoming -------------------------------------------------------------------------------

	private onEnvelope(session: Session, envelope: Envelope): void {
		if (this.session !== session) return;
		if (envelope.body === "hostHello") {
			this.onHostHello(session, envelope);
			return;
		}
		// After a version mismatch the link must not be used (device.proto, Error.CODE_PROTOCOL_VERSION).
		if (session.refused) return;
		switch (envelope.body) {
			case "ack":
				// The gateway answers our hello with an ack; if its host_hello was lost (it opened
				// the line before we did), that ack is our go-ahead (protocol/README.md, Session).
				if (!session.ready && isForBoot(envelope.ack!.bootId, this.currentBootId)) this.beginSession(session);
				this.onAck(envelope.ack!.upToSeq ?? 0, envelope.ack!.bootId, envelope.ack!.sack as SeqRange[] | undefined);
				return;
			case "command":
				this.onCommand(envelope);
				return;
			case "heartbeat":
				return;
			case "timeSync":
				this.onTimeSync(envelope.timeSync!);
				return;
			case "imageUpload":
			case "imageStateRequest":
				this.onFirmware(envelope);
				return;
			case "error":
				this.reportProtocolError(
					new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, `Host reported error ${envelope.error!.code ?? 0}: ${envelope.error!.message ?? ""}`, {
						details: { code: envelope.error!.code, relatedSeq: envelope.error!.relatedSeq },
					}),
				);
				return;
			default:
				this.sendControl({
					error: { code: ProtocolErrorCode.CODE_UNSUPPORTED, message: `A device does not accept ${envelope.body}.`, relatedSeq: envelope.seq },
				});
				this.reportProtocolError(new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, `Host sent ${envelope.body}, which only devices send.`));
		}
	}

	private onHostHello(session: Session, envelope: Envelope): void {
		const hostHello = envelope.hostHello!;
		this.emit("hostHello", hostHello);
		this.sendHello(session);
		const major = hostHello.protocolMajor ?? 0;
		if (major !== PROTOCOL_MAJOR) {
			session.ready = false;
			session.refused = true;
			const message = `Device speaks protocol ${PROTOCOL_MAJOR}.${PROTOCOL_MINOR}; the host offered ${major}.${hostHello.protocolMinor ?? 0}.`;
			this.sendOn(session, { error: { code: ProtocolErrorCode.CODE_PROTOCOL_VERSION, message, relatedSeq: envelope.seq } });
			this.reportProtocolError(new FieldchainError(ErrorCodes.FC_PROTO_VERSION, message, { hint: "Update the gateway or the device firmware." }));
			return;
		}
		session.refused = false;
		session.maintenance = hostHello.maintenance ?? false;
		session.link.setPeerMaxPayload(hostHello.maxPayload ?? 0);
		this.beginSession(session);
	}

	/** Hello exchange done: start streaming on the first one, and resend what is unacked. */
	private beginSession(session: Session): void {
		session.ready = true;
		if (session.maintenance) return;
		if (this.options.syncTime) this.sendControl({ timeRequest: { deviceTimeUs: this.nowUs() } });
		if (this.autoStart) {
			this.autoStart = false;
			this.startStreaming();
		}
		// The host may have lost whatever it got before this (new link, restarted gateway).
		this.resendAll();
	}

	private onAck(upToSeq: number, bootId: Uint8Array | null | undefined, sack: readonly SeqRange[] = []): void {
		if (this.options.faults.brokenAck) return;
		if (bootId && bootId.length > 0 && Buffer.compare(bootId, this.currentBootId) !== 0) return;
		const upTo = Math.min(upToSeq, this.buffer.endSeq - 1);
		const session = this.session;
		if (session?.ready && !session.maintenance && !this.options.faults.noFastRetransmit) {
			const action = this.recovery.onAck(this.buffer, upTo, sack, this.highestSent, this.clock.monotonic());
			this.probeBackoff = 1;
			if (action.kind === "selective") for (const seq of action.seqs) this.transmit(session, this.buffer.get(seq)!);
			else if (action.kind === "goBack") {
				this.nextToSend = Math.max(this.buffer.oldestSeq, upTo + 1);
				this.pump();
			}
			this.lastAckAt = this.clock.monotonic();
		}
		const forgotten = this.buffer.ackUpTo(upTo);
		this.armProbeTimer();
		if (forgotten === 0) return;
		this.ackedUpTo = upTo;
		this.lastAckProgressAt = this.clock.monotonic();
		this.nextToSend = Math.max(this.nextToSend, this.buffer.oldestSeq);
		if (this.buffer.size < this.options.maxUnacked) this.bufferFullReported = false;
		this.emit("acked", upTo);
		this.checkAllAcked();
	}

	private onCommand(envelope: Envelope): void {
		const outcome = runCommand(this.commandTarget(), envelope.command!, envelope.seq);
		this.sendControl({ commandResult: outcome.result });
		this.emit("command", outcome.name, outcome.result);
		outcome.after?.();
	}

	/** Image upload and image state (protocol/README.md, "Firmware update"). */
	private onFirmware(envelope: Envelope): void {
		const firmware = this.options.firmware;
		const seq = envelope.seq ?? 0;
		if (!firmware) {
			this.sendControl({
				error: {
					code: ProtocolErrorCode.CODE_UNSUPPORTED,
					message: "This device has no bootloader service; start the simulator with --state FILE.",
					relatedSeq: seq,
				},
			});
			return;
		}
		if (envelope.body === "imageUpload") this.sendControl({ imageUploadResult: firmware.upload(envelope.imageUpload!, seq) });
		else this.sendControl({ imageState: firmware.state(envelope.imageStateRequest!, seq) });
	}

	private commandTarget(): CommandTarget {
		return {
			quantity: this.options.quantity,
			unackedCount: this.buffer.size,
			startStreaming: () => {
				const session = this.session;
				const wasMaintenance = session?.maintenance ?? false;
				if (session) session.maintenance = false;
				this.startStreaming();
				// A maintenance link held readings back: send what waits, as on a new link.
				if (wasMaintenance) this.resendAll();
			},
			stopStreaming: () => {
				this.autoStart = false;
				this.streamingEnabled = false;
				this.ticker.stop();
			},
			identify: () => {},
			setRate: (rate) => {
				this.rate = rate;
				this.ticker.setRate(rate);
			},
			status: () => this.status(),
			reboot: () => this.reboot(),
		};
	}

	// ---- state ----------------------------------------------------------------------------------

	private startStreaming(): void {
		this.autoStart = false;
		this.streamingEnabled = true;
		if (!this.stopped && !this.countReached() && !this.options.externalReadings) this.ticker.start();
		this.checkAllAcked();
	}

	/** A new boot: new boot id, seq from 1, announced with Hello and a boot Event. */
	private reboot(): void {
		this.options.firmware?.boot();
		// A reboot forgets a StopStreaming, as power-on does: the next gateway hello starts streaming again.
		if (!this.streamingEnabled) this.autoStart = true;
		this.currentBootId = randomBytes(this.options.random, 16);
		this.bootAt = this.clock.monotonic();
		this.buffer.reset(1);
		this.nextToSend = 1;
		this.highestSent = 0;
		this.recovery.newLink();
		this.ackedUpTo = 0;
		if (this.session) this.sendHello(this.session);
		this.sendControl({ event: { kind: EventKind.KIND_BOOT, deviceTimeUs: this.nowUs(), detail: "Rebooted on command." } });
	}

	private status(): DeviceStatus {
		const counters = this.session?.link.counters;
		return {
			streaming: this.isStreaming(),
			readingsPerSecond: this.rate,
			unackedReadings: this.buffer.size,
			nextReadingSeq: this.buffer.endSeq,
			uptimeMs: this.uptimeMs(),
			batteryPercent: 100,
			framesBadCrc: counters?.badCrc ?? 0,
			framesUndecodable: counters?.undecodable ?? 0,
		};
	}

	private isStreaming(): boolean {
		return this.streamingEnabled && !this.stopped && !this.countReached();
	}

	private countReached(): boolean {
		return this.options.count !== undefined && this.generated >= this.options.count;
	}

	private isAllAcked(): boolean {
		return this.countReached() && this.buffer.size === 0;
	}

	private checkAllAcked(): void {
		if (this.allAckedEmitted || !this.isAllAcked()) return;
		this.allAckedEmitted = true;
		this.emit("allAcked");
	}

	// ---- outgoing control messages --------------------------------------------------------------

	private hello(): Hello {
		const o = this.options;
		return {
			deviceId: o.deviceId,
			model: o.model,
			hardwareRevision: o.hardwareRevision,
			firmwareVersion: o.firmware?.runningVersion ?? o.firmwareVersion,
			protocolMajor: PROTOCOL_MAJOR,
			protocolMinor: PROTOCOL_MINOR,
			maxPayload: DEVICE_MAX_PAYLOAD,
			window: DEVICE_WINDOW,
			capabilities: o.capabilities ?? [capabilityFor(o.quantity)],
			calibration: { ...o.calibration },
			bootId: this.currentBootId,
			serialNumber: o.serialNumber,
		};
	}

	private sendHello(session: Session): void {
		this.sendOn(session, { hello: this.hello() });
	}

	/** Until the host greets us on this link: the first Hello may have gone to a port nobody had open. */
	private scheduleHelloRetry(session: Session): void {
		this.helloTimer = this.clock.setTimeout(() => {
			this.helloTimer = undefined;
			if (this.session !== session || session.ready || session.refused) return;
			this.sendHello(session);
			this.scheduleHelloRetry(session);
		}, this.options.helloRetryMs);
	}

	private scheduleHeartbeat(): void {
		this.heartbeatTimer = this.clock.setTimeout(() => {
			this.sendControl({ heartbeat: { deviceTimeUs: this.nowUs(), unackedReadings: this.buffer.size, batteryPercent: 100, uptimeMs: this.uptimeMs() } });
			this.scheduleHeartbeat();
		}, this.options.heartbeatIntervalMs);
	}

	/** Control messages go on the current link unless it was refused; never subject to faults. */
	private sendControl(body: Omit<EnvelopeInit, "seq">): void {
		const session = this.session;
		if (session && !session.refused) this.sendOn(session, body);
	}

	private sendOn(session: Session, body: Omit<EnvelopeInit, "seq">): void {
		// A failed send means the link is going away; its 'close' detaches us.
		attempt(() => session.link.send({ seq: this.nextEnvelopeSeq(), ...body })).catch(() => {});
	}

	private nextEnvelopeSeq(): number {
		this.envelopeSeq = (this.envelopeSeq + 1) >>> 0;
		return this.envelopeSeq;
	}

	/** The device clock: true time plus its error, until a trusted TimeSync sets it (protocol/README.md, "Time"). */
	private nowUs(): number {
		return Math.round((this.clock.now() + this.clockErrorMs) * 1000);
	}

	/** A TimeSync answering our TimeRequest: set the clock when the host's time is trustworthy. */
	private onTimeSync(sync: NonNullable<Envelope["timeSync"]>): void {
		const quality = sync.quality ?? 0;
		// Only a synchronised or trusted host time is better than our own (1: unsynchronised, 0: unknown).
		if (quality < 2 || !sync.requestSeq) return;
		const sentAtUs = Number(sync.requestDeviceTimeUs ?? 0);
		const nowUs = this.nowUs();
		// The host read its clock half a round trip ago, by our count.
		const hostNowUs = Number(sync.timeUs ?? 0) + (nowUs - sentAtUs) / 2;
		this.clockErrorMs += Math.round((hostNowUs - nowUs) / 1000);
		// Readings' times never run backwards within a boot; a clock set back starts from its new time.
		this.lastReadingTimeUs = Math.min(this.lastReadingTimeUs, this.nowUs());
		this.emit("timeSynced", this.clockErrorMs);
	}

	private uptimeMs(): number {
		return Math.round(this.clock.monotonic() - this.bootAt);
	}

	private reportProtocolError(error: FieldchainError): void {
		this.protocolErrors++;
		this.emit("protocolError", error);
	}
}

function maxInFlight(session: Session): number {
	return session.link.transport === "serial" ? MAX_IN_FLIGHT_SERIAL : MAX_IN_FLIGHT;
}

/** Runs a send, turning a synchronous throw (e.g. FC_PROTO_TOO_LARGE) into a rejection. */
function attempt(send: () => Promise<void>): Promise<void> {
	try {
		return send();
	} catch (error) {
		return Promise.reject(error);
	}
}

function isForBoot(ackBootId: Uint8Array | null | undefined, bootId: Uint8Array): boolean {
	return !ackBootId || ackBootId.length === 0 || Buffer.compare(ackBootId, bootId) === 0;
}
