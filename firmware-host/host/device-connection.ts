/**
 * The host end of one device for the maintenance tools (flash, test): opens the link, greets the
 * device, correlates requests with their answers, and opens the link again when the device comes
 * back after an unplug or a reset. Not a gateway: it stores no readings, and by default greets the
 * device as a maintenance host (HostHello.maintenance) so the device does not stream.
 */
import { EventEmitter } from "node:events";
import { type Clock, systemClock, type TimerHandle } from "../../platform/clock.js";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../../platform/errors.js";
import { type Envelope, type EnvelopeInit, type Hello, PROTOCOL_MAJOR, PROTOCOL_MINOR } from "../../protocol/codec.js";
import type { EnvelopeLink } from "../../protocol/link.js";

export interface DeviceConnectionEvents {
	envelope: [envelope: Envelope];
	/** The link went away (unplug, reset of a USB device). */
	close: [reason: Error | undefined];
}

export interface DeviceConnectionOptions {
	open: () => Promise<EnvelopeLink>;
	clock?: Clock;
	gatewayId?: string;
	/** Greet as a maintenance host (default true). */
	maintenance?: boolean;
	/** How long to wait for the Hello that answers our HostHello. */
	helloTimeoutMs?: number;
	/** Our receive limit, announced in HostHello. */
	maxPayload?: number;
}

type AnswerKind = "commandResult" | "imageUploadResult" | "imageState";

/** How a request is repeated when its answer does not come (see `request`). */
export interface RequestRetry {
	/** Wait before the first repeat (default 1000 ms, protocol/README.md: answers normally come within 1 s). */
	attemptMs?: number;
	/** Most copies to send (default: as many as fit in the time budget). */
	attempts?: number;
}

const DEFAULT_ATTEMPT_MS = 1000;

export class DeviceConnection extends EventEmitter<DeviceConnectionEvents> {
	private current: EnvelopeLink | undefined;
	private seq = 0;
	private lastHello: Hello | undefined;
	readonly clock: Clock;

	constructor(private readonly options: DeviceConnectionOptions) {
		super();
		this.clock = options.clock ?? systemClock;
	}

	get link(): EnvelopeLink | undefined {
		return this.current;
	}

	get hello(): Hello | undefined {
		return this.lastHello;
	}

	get connected(): boolean {
		return this.current !== undefined && !this.current.closed;
	}

	/** Opens the link and completes the hello exchange; resolves with the device's Hello. */
	async connect(protocolMajor = PROTOCOL_MAJOR): Promise<Hello> {
		await this.attach(await this.options.open());
		return this.greet(protocolMajor);
	}

	/**
	 * Opens the link again until it works or `timeoutMs` passes, then greets the device on it
	 * (HostHello is repeated until the device answers). The port is opened once per loss, never
	 * while we still hold it: a second open of our own port fails on its lock.
	 */
	async reconnect(timeoutMs: number): Promise<Hello> {
		const deadline = this.clock.monotonic() + timeoutMs;
		let lastError: Error | undefined;
		while (this.clock.monotonic() < deadline) {
			if (!this.connected) {
				try {
					await this.attach(await this.options.open());
				} catch (error) {
					lastError = toError(error);
					await this.sleep(200);
					continue;
				}
			}
			try {
				return await this.greet(PROTOCOL_MAJOR, Math.max(1, deadline - this.clock.monotonic()));
			} catch (error) {
				// Closed while greeting: open again. Timed out on an open link: the device is not answering.
				lastError = toError(error);
			}
		}
		throw new FieldchainError(
			ErrorCodes.FC_SERIAL_OPEN,
			`The device did not come back within ${Math.round(timeoutMs / 1000)} s${lastError ? ` (${lastError.message})` : ""}.`,
			{
				cause: lastError,
				hint: "Plug it in again and re-run the command.",
			},
		);
	}

	/** Sends HostHello and waits for the Hello that answers it. */
	async greet(protocolMajor = PROTOCOL_MAJOR, timeoutMs = this.options.helloTimeoutMs ?? 5000, maintenance = this.options.maintenance ?? true): Promise<Hello> {
		const answer = this.waitFor((e) => e.body === "hello", timeoutMs, "the device's Hello");
		const sendHostHello = () =>
			this.send({
				hostHello: {
					gatewayId: this.options.gatewayId ?? "fieldchain-maintenance",
					protocolMajor,
					protocolMinor: PROTOCOL_MINOR,
					maxPayload: this.options.maxPayload ?? 16384,
					hostTimeUs: Math.round(this.clock.now() * 1000),
					maintenance,
				},
			});
		// The device may open its end after we sent (a pty, a USB device still enumerating): say it again.
		let repeat: TimerHandle | undefined;
		const again = () => {
			sendHostHello();
			repeat = this.clock.setTimeout(again, 1000);
		};
		again();
		const hello = (await answer.finally(() => this.clock.clearTimeout(repeat))).hello!;
		this.lastHello = hello;
		this.current?.setPeerMaxPayload(hello.maxPayload ?? 0);
		return hello;
	}

	/** Sends one Envelope with the next seq and returns that seq. A failed send shows up as 'close'. */
	send(body: Omit<EnvelopeInit, "seq">): number {
		const seq = ++this.seq;
		this.sendWithSeq(seq, body);
		return seq;
	}

	/** Sends one Envelope under a seq already used: a repeated request is the same request. */
	private sendWithSeq(seq: number, body: Omit<EnvelopeInit, "seq">): void {
		const link = this.current;
		if (!link || link.closed) return;
		link.send({ seq, ...body }).catch((error: unknown) => {
			// Too large is our bug, not a line problem: say so instead of waiting for a timeout.
			if ((error as FieldchainError).code === ErrorCodes.FC_PROTO_TOO_LARGE) this.emit("close", toError(error));
		});
	}

	/** Raw bytes on the line (garbage for the resynchronisation test). */
	async sendRaw(bytes: Uint8Array): Promise<void> {
		await this.current?.sendRaw?.(bytes);
	}

	/**
	 * Sends a request and resolves with the answer whose request_seq / command_seq names it.
	 * A lost request or a lost answer (a garbled frame) is not fatal: the same Envelope, same seq,
	 * is sent again after `attemptMs` without an answer (growing by half each time) until
	 * `timeoutMs` in all has passed, and an answer to any of the copies counts. This is safe
	 * because every request of protocol v1 gives the same answer when repeated (protocol/README.md,
	 * "Repeated requests"), except Reboot, which is sent once unless `retry.attempts` says
	 * otherwise: the flasher settles a lost one through the boot id.
	 */
	request(body: Omit<EnvelopeInit, "seq">, answer: AnswerKind, timeoutMs = 5000, retry: RequestRetry = {}): Promise<Envelope> {
		const seq = ++this.seq;
		const name = Object.keys(body)[0];
		// A Reboot is never repeated blindly (a second reset after a test swap rolls it back): callers check the boot id.
		const maxAttempts = retry.attempts ?? (body.command?.reboot ? 1 : Number.POSITIVE_INFINITY);
		let attempts = 0;
		let resend: TimerHandle | undefined;
		const started = this.clock.monotonic();
		const pending = this.waitFor(
			(e) => {
				if (e.body === "error" && e.error!.relatedSeq === seq) return true;
				if (e.body !== answer) return false;
				const related =
					answer === "commandResult" ? e.commandResult!.commandSeq : answer === "imageState" ? e.imageState!.requestSeq : e.imageUploadResult!.requestSeq;
				return related === seq;
			},
			timeoutMs,
			`the answer to ${name}`,
		).then(
			(envelope) => {
				if (envelope.body === "error") {
					throw new FieldchainError(ErrorCodes.FC_PROTO_UNEXPECTED, `The device answered with error ${envelope.error!.code}: ${envelope.error!.message}`, {
						details: { code: envelope.error!.code },
					});
				}
				return envelope;
			},
			(error: unknown) => {
				if (!isFieldchainError(error, ErrorCodes.FC_PROTO_TIMEOUT)) throw error;
				const seconds = ((this.clock.monotonic() - started) / 1000).toFixed(1);
				throw new FieldchainError(
					ErrorCodes.FC_PROTO_TIMEOUT,
					`No answer from the device to ${name}: sent ${attempts} time${attempts === 1 ? "" : "s"} over ${seconds} s, waiting for ${answer}.`,
					{ hint: "Check the cable, the serial speed and the device's power; a line that loses this many frames needs a better cable.", details: { attempts } },
				);
			},
		);
		let interval = retry.attemptMs ?? DEFAULT_ATTEMPT_MS;
		const sendOnce = () => {
			attempts++;
			this.sendWithSeq(seq, body);
			if (attempts >= maxAttempts) return;
			resend = this.clock.setTimeout(sendOnce, interval);
			interval = Math.round(interval * 1.5);
		};
		sendOnce();
		return pending.finally(() => this.clock.clearTimeout(resend));
	}

	/** Resolves with the next Envelope that matches; rejects on timeout or when the link closes. */
	waitFor(
		match: (envelope: Envelope) => boolean,
		timeoutMs: number,
		what: string,
		options: { survivesClose?: boolean; signal?: AbortSignal } = {},
	): Promise<Envelope> {
		return new Promise((resolve, reject) => {
			const cleanup = () => {
				this.clock.clearTimeout(timer);
				this.off("envelope", onEnvelope);
				this.off("close", onClose);
				options.signal?.removeEventListener("abort", onAbort);
			};
			// Given up by the caller (a refusal came first): stop the timer now, so nothing waits on it.
			const onAbort = () => {
				cleanup();
				reject(toError(options.signal?.reason ?? new Error(`Stopped waiting for ${what}.`)));
			};
			const onEnvelope = (envelope: Envelope) => {
				if (!match(envelope)) return;
				cleanup();
				resolve(envelope);
			};
			const onClose = (reason: Error | undefined) => {
				if (options.survivesClose) return;
				cleanup();
				reject(
					new FieldchainError(ErrorCodes.FC_SERIAL_CLOSED, `The device went away while waiting for ${what}${reason ? `: ${reason.message}` : ""}.`, {
						cause: reason,
					}),
				);
			};
			const timer = this.clock.setTimeout(() => {
				cleanup();
				reject(
					new FieldchainError(ErrorCodes.FC_PROTO_TIMEOUT, `No answer from the device: timed out after ${timeoutMs} ms waiting for ${what}.`, {
						hint: "Check the cable and the device's power.",
					}),
				);
			}, timeoutMs);
			this.on("envelope", onEnvelope);
			this.on("close", onClose);
			if (options.signal?.aborted) onAbort();
			else options.signal?.addEventListener("abort", onAbort, { once: true });
		});
	}

	async close(): Promise<void> {
		const link = this.current;
		this.current = undefined;
		await link?.close();
	}

	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => this.clock.setTimeout(resolve, ms));
	}

	private async attach(link: EnvelopeLink): Promise<void> {
		const previous = this.current;
		// Replaced on purpose, not lost: its close must not look like an unplug to listeners.
		this.current = undefined;
		if (previous && previous !== link) await previous.close().catch(() => {});
		this.current = link;
		link.on("envelope", (envelope) => {
			if (this.current === link) this.emit("envelope", envelope);
		});
		link.on("close", (reason) => {
			if (this.current !== link) return;
			this.current = undefined;
			this.emit("close", reason);
		});
		if (link.closed) {
			this.current = undefined;
			throw new FieldchainError(ErrorCodes.FC_SERIAL_CLOSED, `${link.label} closed right after opening.`);
		}
	}
}
