/**
 * The gateway's end of one MQTT device connection as an EnvelopeLink. Each PUBLISH payload is one
 * Envelope (protocol/topics.ts); MQTT frames it, so there is no COBS or CRC.
 *
 * Sends wait until the device has subscribed to its down topic: with a clean session a PUBLISH
 * with no subscriber is simply dropped, and a device commonly sends its Hello before its SUBACK
 * comes back, so the gateway's answer would otherwise be lost.
 */
import { EventEmitter } from "node:events";
import { ErrorCodes, FieldchainError } from "../../platform/errors.js";
import { type EnvelopeInit, encodeEnvelope } from "../../protocol/codec.js";
import { DEFAULT_MAX_PAYLOAD } from "../../protocol/framing/frame.js";
import { type EnvelopeLink, emitDecoded, emptyLinkCounters, type LinkCounters, type LinkEvents } from "../../protocol/link.js";

/** What the link needs from the broker, for one device connection. */
export interface MqttDevicePort {
	/** Publishes `payload` on the device's down topic; resolves once handed to the connection. */
	publishDown(payload: Buffer): Promise<void>;
	/** Ends the device's MQTT connection. */
	disconnect(): Promise<void>;
}

/** Sends that may wait for the down subscription before new ones are refused. */
export const MAX_WAITING_SENDS = 64;

interface WaitingSend {
	payload: Buffer;
	resolve: () => void;
	reject: (error: Error) => void;
}

export class MqttHostLink extends EventEmitter<LinkEvents> implements EnvelopeLink {
	readonly transport = "mqtt" as const;
	private readonly ownCounters: LinkCounters = emptyLinkCounters();
	private peerMaxPayload = DEFAULT_MAX_PAYLOAD;
	private isClosed = false;
	private downReady = false;
	private waiting: WaitingSend[] = [];

	constructor(
		readonly label: string,
		private readonly port: MqttDevicePort,
	) {
		super();
	}

	get counters(): LinkCounters {
		return { ...this.ownCounters };
	}

	get closed(): boolean {
		return this.isClosed;
	}

	/** Whether the device is subscribed to its down topic, so sends go out at once. */
	get subscribed(): boolean {
		return this.downReady;
	}

	setPeerMaxPayload(maxPayload: number): void {
		this.peerMaxPayload = maxPayload > 0 ? maxPayload : DEFAULT_MAX_PAYLOAD;
	}

	// async: encoding may throw, and callers must get that as a rejection.
	async send(envelope: EnvelopeInit): Promise<void> {
		if (this.isClosed) throw closedError(this.label);
		const payload = encodeEnvelope(envelope);
		if (payload.length > this.peerMaxPayload) {
			throw new FieldchainError(
				ErrorCodes.FC_PROTO_TOO_LARGE,
				`Message of ${payload.length} bytes exceeds the peer's max_payload of ${this.peerMaxPayload} bytes.`,
				{
					hint: "Send smaller messages, or raise max_payload on the device (at most 16384).",
				},
			);
		}
		return this.sendRaw(payload);
	}

	/** Raw bytes as one PUBLISH payload, for fault injection. */
	sendRaw(bytes: Uint8Array): Promise<void> {
		if (this.isClosed) return Promise.reject(closedError(this.label));
		const payload = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		if (this.downReady) return this.publish(payload);
		if (this.waiting.length >= MAX_WAITING_SENDS) {
			return Promise.reject(
				new FieldchainError(
					ErrorCodes.FC_MQTT_CONNECT,
					`Device ${this.label} has not subscribed to its down topic; ${this.waiting.length} messages are already waiting.`,
					{
						hint: "The device must subscribe to fieldchain/v1/devices/{id}/down right after it connects.",
					},
				),
			);
		}
		return new Promise((resolve, reject) => this.waiting.push({ payload, resolve, reject }));
	}

	async close(): Promise<void> {
		if (this.isClosed) return;
		await this.port.disconnect();
		this.finish(undefined);
	}

	/** Called by MqttHostLinks with each PUBLISH payload from the device. */
	deliver(payload: Buffer): void {
		if (this.isClosed) return;
		this.ownCounters.framesIn++;
		emitDecoded(this, this.ownCounters, payload);
	}

	/** Called by MqttHostLinks when the down subscription comes or goes. */
	setSubscribed(subscribed: boolean): void {
		this.downReady = subscribed;
		if (!subscribed || this.isClosed) return;
		const waiting = this.waiting;
		this.waiting = [];
		for (const send of waiting) this.publish(send.payload).then(send.resolve, send.reject);
	}

	/** Called by MqttHostLinks when the connection is gone. */
	finish(reason: Error | undefined): void {
		if (this.isClosed) return;
		this.isClosed = true;
		this.downReady = false;
		const waiting = this.waiting;
		this.waiting = [];
		for (const send of waiting) send.reject(closedError(this.label));
		this.emit("close", reason);
	}

	private async publish(payload: Buffer): Promise<void> {
		await this.port.publishDown(payload);
		this.ownCounters.framesOut++;
	}
}

function closedError(label: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_MQTT_CONNECT, `MQTT link ${label} is closed.`, { hint: "Wait for the device to reconnect." });
}
