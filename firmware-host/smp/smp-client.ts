/**
 * An SMP client on a byte stream (a serial port): sends requests as console frames, matches
 * answers by sequence number, group and command ("SMP Protocol Specification", "Frame: The
 * envelope": the response repeats the request's Sequence Num, its OP is the request's plus one),
 * and repeats a request whose answer does not come. SMP requests are idempotent on MCUmgr devices
 * (an image chunk at the same offset, a state read, a test mark), so a repeat is safe; the budget
 * is bounded and the final error says how many copies went out over how long.
 *
 * Speaks SMP version 2 first and falls back to version 1 once the device shows it only knows the
 * original protocol (it answers with Ver 0b00, or with rc UNSUPPORTED_TOO_NEW).
 * Invariant: every request settles exactly once (answer, device error, timeout or close).
 */
import { decode, encode } from "cbor2";
import { ErrorCodes, FieldchainError, toError } from "../../platform/errors.js";
import { ConsolePacketDecoder, encodeConsolePacket } from "./console-framing.js";
import { decodeSmpHeader, encodeSmpHeader, SMP_HEADER_SIZE, SMP_VERSION_1, SMP_VERSION_2, type SmpHeader } from "./header.js";
import { MgmtErr, smpDeviceError, smpErrorOf } from "./smp-errors.js";

export interface ByteStream {
	write(data: Uint8Array): unknown;
	on(event: "data", listener: (chunk: Buffer) => void): unknown;
	on(event: "close", listener: () => void): unknown;
	off(event: "data", listener: (chunk: Buffer) => void): unknown;
	off(event: "close", listener: () => void): unknown;
}

export interface SmpRequest {
	op: number;
	group: number;
	command: number;
	body?: Record<string, unknown>;
	/** Words for errors: "image upload at offset 4096". */
	name: string;
}

export interface RequestBudget {
	/** Wait this long for an answer before sending the request again (default 1500 ms). */
	attemptMs?: number;
	/** Copies to send at most (default 4). */
	attempts?: number;
	/** Receives a function that sends the request again now (it counts as one of the attempts). */
	onSent?: (resendNow: () => void) => void;
}

export interface SmpAnswer {
	header: SmpHeader;
	body: Record<string, unknown>;
}

export interface SmpClientOptions extends RequestBudget {
	/** Where the port is, for error messages. */
	label: string;
	/** Non-SMP lines the device printed (log output, boot banners). */
	onText?: (line: string) => void;
	/** Start with SMP version 1 (the original protocol) instead of trying version 2 first. */
	version?: number;
}

interface Pending {
	request: SmpRequest;
	sequence: number;
	settle: (answer: SmpAnswer | Error) => void;
}

export class SmpClient {
	private readonly decoder = new ConsolePacketDecoder();
	private readonly pending = new Map<number, Pending>();
	private nextSequence = Math.floor(Math.random() * 256);
	private version: number;
	private closed = false;
	/** Counts for the report: frames that did not check, copies sent again. */
	readonly stats = { badFrames: 0, repeats: 0, textLines: 0 };

	constructor(
		private readonly stream: ByteStream,
		private readonly options: SmpClientOptions,
	) {
		this.version = options.version ?? SMP_VERSION_2;
		stream.on("data", this.onData);
		stream.on("close", this.onClose);
	}

	/** The SMP version requests go out with: 1 (SMP version 2) or 0 (the original protocol). */
	get protocolVersion(): number {
		return this.version;
	}

	/** Sends the request (again on timeout, within the budget); resolves with the answer's body, or rejects with the device's error. */
	async request(request: SmpRequest, budget: RequestBudget = {}): Promise<Record<string, unknown>> {
		const sentVersion = this.version;
		const answer = await this.exchange(request, budget);
		const error = smpErrorOf(answer.body);
		if (error?.rc === MgmtErr.UNSUPPORTED_TOO_NEW && error.group === undefined && sentVersion === SMP_VERSION_2) {
			// "SMP version 2 clients must ... handle both types of errors": this device only knows version 1.
			this.version = SMP_VERSION_1;
			return this.request(request, budget);
		}
		if (error) throw smpDeviceError(request.name, error);
		return answer.body;
	}

	/** One request and its answer, errors in the body left to the caller. */
	exchange(request: SmpRequest, budget: RequestBudget = {}): Promise<SmpAnswer> {
		if (this.closed) return Promise.reject(this.closedError());
		const sequence = this.takeSequence();
		const attemptMs = budget.attemptMs ?? this.options.attemptMs ?? 1500;
		const attempts = Math.max(1, budget.attempts ?? this.options.attempts ?? 4);
		const payload = toCbor(request.body ?? {});
		const header = encodeSmpHeader({
			version: this.version,
			op: request.op,
			flags: 0,
			length: payload.length,
			group: request.group,
			sequence,
			command: request.command,
		});
		const frames = encodeConsolePacket(Buffer.concat([header, payload]));
		return new Promise<SmpAnswer>((resolve, reject) => {
			let sent = 0;
			let timer: NodeJS.Timeout | undefined;
			const started = Date.now();
			const send = () => {
				if (sent >= attempts) {
					this.pending.delete(sequence);
					const seconds = ((Date.now() - started) / 1000).toFixed(1);
					reject(
						new FieldchainError(
							ErrorCodes.FC_PROTO_TIMEOUT,
							`No SMP answer from ${this.options.label} to ${request.name}: sent ${sent} time${sent === 1 ? "" : "s"} over ${seconds} s.`,
							{
								hint: "Check that the device runs MCUmgr with its serial (UART or shell) transport on this port, the --baud-rate, and the cable.",
								details: { attempts: sent },
							},
						),
					);
					return;
				}
				if (sent > 0) this.stats.repeats++;
				sent++;
				this.stream.write(frames);
				timer = setTimeout(send, attemptMs);
			};
			this.pending.set(sequence, {
				request,
				sequence,
				settle: (answer) => {
					clearTimeout(timer);
					this.pending.delete(sequence);
					if (answer instanceof Error) reject(answer);
					else resolve(answer);
				},
			});
			send();
			budget.onSent?.(() => {
				if (!this.pending.has(sequence)) return;
				clearTimeout(timer);
				send();
			});
		});
	}

	/** Stops listening and fails what is still waiting; does not close the stream (its owner does). */
	dispose(): void {
		this.stream.off("data", this.onData);
		this.stream.off("close", this.onClose);
		this.failAll(this.closedError());
		this.closed = true;
	}

	private takeSequence(): number {
		// 256 sequence numbers; skip those still waiting so a late answer is never taken for another request's.
		for (let i = 0; i < 256; i++) {
			const candidate = this.nextSequence;
			this.nextSequence = (this.nextSequence + 1) & 0xff;
			if (!this.pending.has(candidate)) return candidate;
		}
		throw new FieldchainError(ErrorCodes.FC_SMP_DECODE, "256 SMP requests are waiting for answers; no sequence number is free.");
	}

	private readonly onData = (chunk: Buffer) => {
		for (const event of this.decoder.push(chunk)) {
			if (event.kind === "text") {
				this.stats.textLines++;
				this.options.onText?.(event.line);
			} else if (event.kind === "bad") this.stats.badFrames++;
			else this.onPacket(event.body);
		}
	};

	private onPacket(packet: Buffer): void {
		if (packet.length < SMP_HEADER_SIZE) {
			this.stats.badFrames++;
			return;
		}
		const header = decodeSmpHeader(packet);
		const pending = this.pending.get(header.sequence);
		// An answer to nobody (a late copy of one already settled) or to another command: not ours.
		if (!pending || header.group !== pending.request.group || header.command !== pending.request.command || header.op !== pending.request.op + 1) return;
		const payload = packet.subarray(SMP_HEADER_SIZE, SMP_HEADER_SIZE + header.length);
		if (payload.length !== header.length) {
			this.stats.badFrames++;
			return;
		}
		let body: unknown;
		try {
			body = header.length === 0 ? {} : decode(payload);
		} catch (error) {
			pending.settle(
				new FieldchainError(ErrorCodes.FC_SMP_DECODE, `The answer to ${pending.request.name} is not valid CBOR: ${toError(error).message}.`, { cause: error }),
			);
			return;
		}
		if (!body || typeof body !== "object" || Array.isArray(body) || body instanceof Uint8Array) {
			pending.settle(new FieldchainError(ErrorCodes.FC_SMP_DECODE, `The answer to ${pending.request.name} is not a CBOR map.`));
			return;
		}
		// A device answering in the original protocol: speak it from now on.
		if (header.version === SMP_VERSION_1) this.version = SMP_VERSION_1;
		pending.settle({ header, body: body as Record<string, unknown> });
	}

	private readonly onClose = () => {
		this.failAll(this.closedError());
		this.closed = true;
	};

	private failAll(error: Error): void {
		for (const pending of [...this.pending.values()]) pending.settle(error);
	}

	private closedError(): FieldchainError {
		return new FieldchainError(ErrorCodes.FC_SERIAL_CLOSED, `The serial port ${this.options.label} closed.`, {
			hint: "The device was unplugged or reset its USB port; run the command again once it is back.",
		});
	}
}

/**
 * CBOR of a request body (cbor2). Buffers become plain Uint8Arrays first: cbor2 encodes a Buffer
 * through its toJSON (a map), not as the byte string SMP wants for `data`, `sha` and `hash`.
 */
export function toCbor(body: Record<string, unknown>): Buffer {
	const plain: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined) continue;
		plain[key] = Buffer.isBuffer(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value;
	}
	return Buffer.from(encode(plain));
}
