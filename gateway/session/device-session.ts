/**
 * One device on one link: the gateway half of the session rules in protocol/README.md. It sends
 * host_hello, waits for hello, hands readings to the group committer and acks each boot
 * cumulatively once its readings are durable. Incoming messages go through one dispatcher to one
 * small handler per message type (handlers/), as aedes does with lib/handlers.
 */
import { EventEmitter } from "node:events";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import { type Command, type CommandResult, type Envelope, type EnvelopeInit, PROTOCOL_MAJOR, PROTOCOL_MINOR } from "../../protocol/codec.js";
import { ABSOLUTE_MAX_PAYLOAD } from "../../protocol/framing/frame.js";
import type { EnvelopeLink } from "../../protocol/link.js";
import type { DeviceTimeCheck } from "../clock/device-time.js";
import type { GatewayTime } from "../clock/gateway-time.js";
import { type DurableListener, type GroupCommitter, MAX_SACK_RANGES, type RefusedListener, type SeqRange } from "../ingest/group-committer.js";
import type { DeviceIdentity, ReadingRow, ReadingStore } from "../store/reading-store.js";
import { dispatchEnvelope } from "./dispatch.js";
import { hostTime } from "./handlers/time.js";
import { HELLO_BUDGET, HelloBudget } from "./limits.js";

export interface SessionContext {
	gatewayId: string;
	store: ReadingStore;
	committer: GroupCommitter;
	clock: Clock;
	logger: Logger;
	/** How long to wait for hello before asking again; doubles up to 30 s. */
	helloTimeoutMs?: number;
	commandTimeoutMs?: number;
	/** For authenticated transports (MQTT): the only device_id this link may claim. */
	expectedDeviceId?: string;
	/** The disk quota (gateway/ingest/capacity): a refused reading is not stored and not acked. */
	admit?: (row: ReadingRow) => { message: string; notify: boolean } | undefined;
	/** The gateway's time and its quality (gateway/clock): stamps readings, answers TimeRequest. */
	time?: GatewayTime;
	/** Flags readings whose device time is implausible (gateway/clock/device-time.ts). */
	deviceTime?: DeviceTimeCheck;
}

export type SessionState = "awaiting-hello" | "ready" | "refused" | "closed";

/**
 * How the device's id was established: "mqtt-password" when the broker checked the device's
 * password for that id (the hello may claim no other), "claimed" when the device only said so in
 * its hello (serial, in-memory links): anyone with a cable can claim any id there.
 */
export type IdentityProof = "mqtt-password" | "claimed";

/** Refuses a hello's device id for this session (the registry: a claim may not displace a proven id). */
export type IdentityGuard = (deviceId: string, session: DeviceSession) => FieldchainError | undefined;

export interface SessionCounters {
	readingsReceived: number;
	readingsBeforeHello: number;
	acksSent: number;
	/** Acks that carried selective ranges: a gap was open (a lost or garbled reading frame). */
	selectiveAcksSent: number;
	protocolErrors: number;
	unexpectedMessages: number;
	deviceErrors: number;
	helloRetries: number;
}

export function emptySessionCounters(): SessionCounters {
	return {
		readingsReceived: 0,
		readingsBeforeHello: 0,
		acksSent: 0,
		selectiveAcksSent: 0,
		protocolErrors: 0,
		unexpectedMessages: 0,
		deviceErrors: 0,
		helloRetries: 0,
	};
}

export interface SessionEvents {
	ready: [identity: DeviceIdentity];
	reading: [row: ReadingRow];
	deviceEvent: [event: NonNullable<Envelope["event"]>];
	heartbeat: [heartbeat: NonNullable<Envelope["heartbeat"]>];
	refused: [error: FieldchainError];
	closed: [reason: Error | undefined];
}

interface PendingCommand {
	resolve: (result: CommandResult) => void;
	reject: (error: Error) => void;
	timer: TimerHandle;
}

export class DeviceSession extends EventEmitter<SessionEvents> {
	state: SessionState = "awaiting-hello";
	identity: DeviceIdentity | undefined;
	lastError: FieldchainError | undefined;
	lastHeartbeatAt: number | undefined;
	deviceUnackedReadings: number | undefined;
	/** The device's Hello.max_payload (0: the default, 1024); an ack's selective ranges must fit it. */
	devicePayloadLimit = 0;
	readonly counters: SessionCounters = emptySessionCounters();
	/** Set by the registry that tracks the session; asked before a hello's id is accepted. */
	identityGuard: IdentityGuard | undefined;
	/** Same function for every reading of the boot: the committer calls it once per commit. */
	readonly onDurable: DurableListener = (ackedUpTo, storedAbove, bootId) => this.sendAck(ackedUpTo, storedAbove, bootId);
	/** A reading the committer did not store because its boot has too many gaps (BootWatermark's bound). */
	readonly onRefused: RefusedListener = (row) =>
		this.noteProtocolError(
			new FieldchainError(
				ErrorCodes.FC_PROTO_LIMIT,
				`Device ${row.deviceId} left too many gaps in boot ${row.bootId}; reading ${row.seq} is not stored until the gaps below it are filled.`,
			),
		);
	private sendSeq = 0;
	private helloTimer: TimerHandle | undefined;
	private helloDelayMs: number;
	private readonly pendingCommands = new Map<number, PendingCommand>();
	private readonly hellos: HelloBudget;

	constructor(
		readonly link: EnvelopeLink,
		readonly context: SessionContext,
	) {
		super();
		this.helloDelayMs = context.helloTimeoutMs ?? 3000;
		this.hellos = new HelloBudget(context.clock);
		link.on("envelope", (envelope) => dispatchEnvelope(this, envelope));
		link.on("linkError", (error) => this.noteProtocolError(error));
		link.on("close", (reason) => this.onClose(reason));
	}

	get logger(): Logger {
		return this.context.logger;
	}

	/** Only an authenticated transport (the MQTT username checked by the broker) proves an id. */
	get identityProof(): IdentityProof {
		return this.context.expectedDeviceId ? "mqtt-password" : "claimed";
	}

	start(): void {
		this.sendHostHello();
	}

	send(envelope: Omit<EnvelopeInit, "seq">): Promise<void> {
		this.sendSeq = (this.sendSeq + 1) >>> 0;
		return this.link.send({ ...envelope, seq: this.sendSeq });
	}

	/** Sends and forgets; a failed send is logged (the link's close handler does the rest). */
	post(envelope: Omit<EnvelopeInit, "seq">): void {
		this.send(envelope).catch((error: Error) => this.logger.warn({ err: error, link: this.link.label }, "send to device failed"));
	}

	sendHostHello(): void {
		this.post({
			hostHello: {
				gatewayId: this.context.gatewayId,
				protocolMajor: PROTOCOL_MAJOR,
				protocolMinor: PROTOCOL_MINOR,
				maxPayload: ABSOLUTE_MAX_PAYLOAD,
				...hostTime(this.context),
			},
		});
		this.armHelloTimer();
	}

	/**
	 * False (and counted as a protocol error) for a hello beyond the session's budget: each hello
	 * writes the device record and may open a boot, so a hello storm is ignored, not served.
	 */
	admitHello(): boolean {
		if (this.hellos.take()) return true;
		const error = new FieldchainError(
			ErrorCodes.FC_PROTO_LIMIT,
			`Device on ${this.link.label} sent more than ${HELLO_BUDGET.perWindow} hellos in ${HELLO_BUDGET.windowMs / 1000} s; ignoring hellos for now.`,
			{ hint: "A device says hello once per boot and once per host_hello; check its firmware." },
		);
		if (this.hellos.refusedInWindow === 1) this.logger.warn({ code: error.code, link: this.link.label, deviceId: this.identity?.deviceId }, error.message);
		this.noteProtocolError(error);
		return false;
	}

	/** Called by the hello handler once the device is accepted. */
	markReady(identity: DeviceIdentity): void {
		this.context.clock.clearTimeout(this.helloTimer);
		this.helloTimer = undefined;
		this.identity = identity;
		this.state = "ready";
		this.emit("ready", identity);
	}

	refuse(error: FieldchainError): void {
		this.context.clock.clearTimeout(this.helloTimer);
		this.state = "refused";
		this.lastError = error;
		this.logger.error({ code: error.code, link: this.link.label }, error.message);
		this.emit("refused", error);
	}

	/**
	 * Acks a boot cumulatively, with the runs stored above a gap as selective acks (protocol minor
	 * 1; older devices skip the field). A commit for a boot the device has since left is not acked:
	 * the new boot's watermark is not its to carry.
	 */
	sendAck(ackedUpTo: number, storedAbove: readonly SeqRange[] = [], bootId?: string): void {
		if (this.state !== "ready" || !this.identity) return;
		if (bootId !== undefined && bootId !== this.identity.bootId) return;
		this.counters.acksSent++;
		if (storedAbove.length > 0) this.counters.selectiveAcksSent++;
		const sack = storedAbove.length > 0 ? storedAbove.slice(0, sackLimit(this.devicePayloadLimit)) : undefined;
		this.post({ ack: { upToSeq: ackedUpTo, bootId: Buffer.from(this.identity.bootId, "hex"), sack } });
	}

	sendCommand(command: Command, timeoutMs = this.context.commandTimeoutMs ?? 5000): Promise<CommandResult> {
		if (this.state !== "ready") {
			return Promise.reject(new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, `Device on ${this.link.label} is not ready (state ${this.state}).`));
		}
		this.sendSeq = (this.sendSeq + 1) >>> 0;
		const seq = this.sendSeq;
		return new Promise<CommandResult>((resolve, reject) => {
			const timer = this.context.clock.setTimeout(() => {
				this.pendingCommands.delete(seq);
				reject(new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, `Device ${this.identity?.deviceId} did not answer command ${seq} within ${timeoutMs} ms.`));
			}, timeoutMs);
			this.pendingCommands.set(seq, { resolve, reject, timer });
			this.link.send({ seq, command }).catch((error: Error) => {
				this.context.clock.clearTimeout(timer);
				this.pendingCommands.delete(seq);
				reject(error);
			});
		});
	}

	/** Called by the command_result handler. */
	settleCommand(result: CommandResult): boolean {
		const pending = this.pendingCommands.get(result.commandSeq ?? 0);
		if (!pending) return false;
		this.pendingCommands.delete(result.commandSeq ?? 0);
		this.context.clock.clearTimeout(pending.timer);
		pending.resolve(result);
		return true;
	}

	noteProtocolError(error: FieldchainError): void {
		this.counters.protocolErrors++;
		this.lastError = error;
		this.logger.debug({ code: error.code, link: this.link.label, deviceId: this.identity?.deviceId }, error.message);
	}

	close(): Promise<void> {
		return this.link.close();
	}

	private armHelloTimer(): void {
		this.context.clock.clearTimeout(this.helloTimer);
		this.helloTimer = this.context.clock.setTimeout(() => {
			if (this.state !== "awaiting-hello") return;
			this.counters.helloRetries++;
			this.logger.warn(
				{ code: ErrorCodes.FC_PROTO_TIMEOUT, link: this.link.label, counters: this.link.counters },
				`No hello from the device on ${this.link.label} after ${this.helloDelayMs} ms; asking again. Check that a fieldchain v1 device is connected and its baud rate.`,
			);
			this.helloDelayMs = Math.min(this.helloDelayMs * 2, 30_000);
			this.sendHostHello();
		}, this.helloDelayMs);
	}

	private onClose(reason: Error | undefined): void {
		if (this.state === "closed") return;
		this.state = "closed";
		this.context.clock.clearTimeout(this.helloTimer);
		for (const [seq, pending] of this.pendingCommands) {
			this.context.clock.clearTimeout(pending.timer);
			pending.reject(new FieldchainError(ErrorCodes.FC_SERIAL_CLOSED, `Link closed before command ${seq} was answered.`));
		}
		this.pendingCommands.clear();
		this.emit("closed", reason);
	}
}

/**
 * Selective ranges that fit the device's limit: an Ack with a 64-byte boot id and n ranges takes
 * at most 6 + 66 + 14n bytes, so 64 (MAX_SACK_RANGES) fit the default 1024 and 4 the minimum 128.
 */
export function sackLimit(devicePayloadLimit: number): number {
	const limit = devicePayloadLimit > 0 ? Math.min(devicePayloadLimit, 16384) : 1024;
	return Math.max(0, Math.min(MAX_SACK_RANGES, Math.floor((limit - 72) / 14)));
}
