/**
 * The device end of the MQTT transport (protocol/topics.ts): one MQTT.js client per link,
 * publishing Envelopes on the device's up topic and receiving on its down topic, QoS 1 both ways.
 * MQTT does the framing, so there is no COBS or CRC: one PUBLISH payload is one Envelope.
 *
 * The client never reconnects by itself (reconnectPeriod 0): a lost connection closes the link,
 * and whoever owns it opens a new one, the same life cycle as a serial port that goes away.
 */
import { EventEmitter } from "node:events";
import { connect, type IClientOptions, type MqttClient } from "mqtt";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../../platform/errors.js";
import { type EnvelopeInit, encodeEnvelope } from "../codec.js";
import { DEFAULT_MAX_PAYLOAD } from "../framing/frame.js";
import { type EnvelopeLink, emitDecoded, emptyLinkCounters, type LinkCounters, type LinkEvents } from "../link.js";
import { deviceDownTopic, deviceUpTopic, isValidDeviceId } from "../topics.js";

/** CONNACK codes for bad credentials: MQTT 3.1.1 return codes 4 and 5, MQTT 5 reason codes 134 and 135. */
const AUTH_REFUSED_CODES = new Set([4, 5, 134, 135]);
/** How long close() lets unconfirmed QoS 1 publishes finish before dropping the connection. */
const CLOSE_GRACE_MS = 2000;

export interface MqttDeviceLinkOptions {
	/** mqtt://host:1883, mqtts://host:8883, ws://... */
	url: string;
	deviceId: string;
	/** Sent with username = deviceId. */
	password?: string;
	/** Default: the device id, so the broker can tie the session to the device. */
	clientId?: string;
	connectTimeoutMs?: number;
	/** MQTT protocol level: 4 (3.1.1, default) or 5. */
	protocolVersion?: 4 | 5;
	keepaliveSeconds?: number;
	/** Largest Envelope accepted from the host; bigger ones are linkErrors. */
	maxPayload?: number;
	/** Extra MQTT.js options (TLS material, ...); the ones above win. */
	clientOptions?: IClientOptions;
}

export class MqttDeviceLink extends EventEmitter<LinkEvents> implements EnvelopeLink {
	readonly transport = "mqtt" as const;
	readonly label: string;
	readonly counters: LinkCounters = emptyLinkCounters();
	private readonly upTopic: string;
	private readonly downTopic: string;
	private readonly maxPayload: number;
	private peerMaxPayload = DEFAULT_MAX_PAYLOAD;
	private isClosed = false;
	private lastError: Error | undefined;
	/**
	 * Messages that came before the first 'envelope' listener (a HostHello right after
	 * SUBSCRIBE, before the owner could attach); undefined once someone has listened.
	 */
	private backlog: Buffer[] | undefined = [];

	constructor(
		private readonly client: MqttClient,
		readonly deviceId: string,
		options: { label?: string; maxPayload?: number } = {},
	) {
		super();
		this.label = options.label ?? client.options.clientId ?? deviceId;
		this.upTopic = deviceUpTopic(deviceId);
		this.downTopic = deviceDownTopic(deviceId);
		this.maxPayload = options.maxPayload ?? DEFAULT_MAX_PAYLOAD;
		client.on("message", (topic, payload) => {
			if (topic !== this.downTopic) return;
			if (this.backlog) this.backlog.push(payload);
			else this.onMessage(payload);
		});
		// newListener is not in the typed event map, but EventEmitter always emits it.
		(this as EventEmitter).on("newListener", (event: string | symbol) => {
			if (event !== "envelope" || !this.backlog) return;
			const backlog = this.backlog;
			this.backlog = undefined;
			// newListener fires before the listener is added: deliver once it is.
			if (backlog.length === 0) return;
			queueMicrotask(() => {
				for (const payload of backlog) this.onMessage(payload);
			});
		});
		client.on("error", (error) => {
			this.lastError = error;
		});
		client.on("close", () => this.finish(this.lastError));
		if (!client.connected) queueMicrotask(() => this.finish(new Error("MQTT client is not connected.")));
	}

	get closed(): boolean {
		return this.isClosed;
	}

	/** Subscribes to the down topic; FC_MQTT_FORBIDDEN when the broker refuses. */
	async subscribe(): Promise<void> {
		const granted = await this.client.subscribeAsync(this.downTopic, { qos: 1 });
		if (granted.some((grant) => grant.qos === 128)) {
			throw new FieldchainError(ErrorCodes.FC_MQTT_FORBIDDEN, `The broker refused subscription to ${this.downTopic}.`, {
				hint: "The broker's ACL must let a device subscribe to its own down topic.",
			});
		}
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
				{
					hint: "Send smaller messages.",
				},
			);
		}
		return this.sendRaw(bytes);
	}

	/** Publishes bytes as they are: fault injection sends garbage this way. Resolves on PUBACK. */
	sendRaw(bytes: Uint8Array): Promise<void> {
		if (this.isClosed) return Promise.reject(closedError(this.label));
		const payload = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		return new Promise((resolve, reject) => {
			this.client.publish(this.upTopic, payload, { qos: 1 }, (error) => {
				if (error) {
					reject(new FieldchainError(ErrorCodes.FC_MQTT_CONNECT, `Publish on ${this.upTopic} failed: ${error.message}.`, { cause: error }));
					return;
				}
				this.counters.framesOut++;
				resolve();
			});
		});
	}

	async close(): Promise<void> {
		const client = this.client;
		if (!client.disconnecting && !client.disconnected) {
			// A graceful DISCONNECT once in-flight publishes are acked, but never wait for ever.
			if (client.connected && Object.keys(client.outgoing).length > 0) {
				await new Promise<void>((resolve) => {
					const timer = setTimeout(finished, CLOSE_GRACE_MS);
					function finished() {
						clearTimeout(timer);
						client.off("outgoingEmpty", finished);
						resolve();
					}
					client.once("outgoingEmpty", finished);
				});
			}
			await client.endAsync(Object.keys(client.outgoing).length > 0 || !client.connected).catch(() => {});
		}
		this.finish(undefined);
	}

	private onMessage(payload: Buffer): void {
		this.counters.framesIn++;
		if (payload.length > this.maxPayload) {
			this.counters.oversized++;
			this.emit(
				"linkError",
				new FieldchainError(ErrorCodes.FC_PROTO_TOO_LARGE, `Dropped a ${payload.length}-byte message on ${this.downTopic}; the limit is ${this.maxPayload}.`),
			);
			return;
		}
		emitDecoded(this, this.counters, payload);
	}

	private finish(reason: Error | undefined): void {
		if (this.isClosed) return;
		this.isClosed = true;
		this.emit("close", reason);
	}
}

/**
 * Connects as the device (username = device id) and subscribes to its down topic. Rejects with
 * FC_MQTT_AUTH when the broker refuses the credentials, FC_MQTT_CONNECT otherwise.
 */
export async function connectMqttDeviceLink(options: MqttDeviceLinkOptions): Promise<MqttDeviceLink> {
	if (!isValidDeviceId(options.deviceId)) {
		throw new FieldchainError(ErrorCodes.FC_CONFIG_INVALID, `"${options.deviceId}" is not a valid device id.`, {
			hint: "Use 1 to 64 letters, digits, '.', '_' or '-'.",
		});
	}
	const where = redactUrl(options.url);
	let client: MqttClient;
	try {
		client = connect(options.url, {
			...options.clientOptions,
			clientId: options.clientId ?? options.deviceId,
			username: options.deviceId,
			password: options.password,
			protocolVersion: options.protocolVersion ?? 4,
			keepalive: options.keepaliveSeconds ?? 30,
			connectTimeout: options.connectTimeoutMs ?? 10_000,
			reconnectPeriod: 0,
			clean: true,
		});
	} catch (error) {
		// MQTT.js throws synchronously on a URL it cannot use (unknown protocol, ...).
		throw new FieldchainError(ErrorCodes.FC_MQTT_CONNECT, `Cannot connect to MQTT broker ${where}: ${toError(error).message}.`, {
			cause: error,
			hint: "Use a URL like mqtt://host:1883 or mqtts://host:8883.",
		});
	}
	try {
		await waitForConnack(client);
	} catch (error) {
		// A refused socket may report more errors after the first; nobody listens any more.
		client.on("error", () => {});
		client.end(true);
		throw classifyConnectError(error, where, options.deviceId);
	}
	const link = new MqttDeviceLink(client, options.deviceId, { maxPayload: options.maxPayload });
	try {
		await link.subscribe();
	} catch (error) {
		await link.close();
		throw isFieldchainError(error) ? error : classifyConnectError(error, where, options.deviceId);
	}
	return link;
}

function waitForConnack(client: MqttClient): Promise<void> {
	return new Promise((resolve, reject) => {
		const settle = (error?: Error) => {
			client.off("connect", onConnect);
			client.off("error", onError);
			client.off("close", onClose);
			if (error) reject(error);
			else resolve();
		};
		const onConnect = () => settle();
		const onError = (error: Error) => settle(error);
		// With reconnectPeriod 0 a timeout or a dropped socket ends in 'close' without 'error'.
		const onClose = () => settle(new Error("connection closed before the broker answered (timeout or refused)"));
		client.on("connect", onConnect);
		client.on("error", onError);
		client.on("close", onClose);
	});
}

function classifyConnectError(error: unknown, where: string, deviceId: string): FieldchainError {
	const cause = toError(error);
	const code = (cause as { code?: unknown }).code;
	if (typeof code === "number" && AUTH_REFUSED_CODES.has(code)) {
		return new FieldchainError(ErrorCodes.FC_MQTT_AUTH, `MQTT broker ${where} refused device ${deviceId}: ${cause.message}.`, {
			cause,
			hint: "Check the device id and its password (--password or FIELDCHAIN_DEVICE_PASSWORD), and that the gateway knows this device.",
			details: { reasonCode: code },
		});
	}
	return new FieldchainError(ErrorCodes.FC_MQTT_CONNECT, `Cannot connect to MQTT broker ${where}: ${cause.message}.`, {
		cause,
		hint: "Check the URL (mqtt://host:1883 or mqtts://host:8883), that the broker is running and that no firewall blocks the port.",
		details: typeof code === "string" || typeof code === "number" ? { code } : undefined,
	});
}

function closedError(label: string): FieldchainError {
	return new FieldchainError(ErrorCodes.FC_MQTT_CONNECT, `MQTT link ${label} is closed.`, { hint: "Wait for the device to reconnect." });
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = "***";
		return parsed.toString();
	} catch {
		return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
	}
}
