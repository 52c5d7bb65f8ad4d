/**
 * The host end of one device's MQTT topics on a plain MQTT.js client: subscribes to the device's
 * up topic and publishes to its down topic. A test helper standing in for the gateway, so the
 * simulator can be tested over a real broker before the gateway exists.
 */
import { EventEmitter } from "node:events";
import { connectAsync, type MqttClient } from "mqtt";
import { ErrorCodes, FieldchainError, isFieldchainError, toError } from "../../platform/errors.js";
import { decodeEnvelope, type EnvelopeInit, encodeEnvelope } from "../../protocol/codec.js";
import { type EnvelopeLink, emptyLinkCounters, type LinkCounters, type LinkEvents } from "../../protocol/link.js";
import { deviceDownTopic, deviceUpTopic } from "../../protocol/topics.js";

export class MqttHostLink extends EventEmitter<LinkEvents> implements EnvelopeLink {
	readonly transport = "mqtt" as const;
	readonly counters: LinkCounters = emptyLinkCounters();
	private isClosed = false;

	private constructor(
		private readonly client: MqttClient,
		private readonly deviceId: string,
		readonly label: string,
	) {
		super();
		client.on("message", (topic, payload) => {
			if (topic !== deviceUpTopic(deviceId)) return;
			this.counters.framesIn++;
			try {
				this.emit("envelope", decodeEnvelope(payload));
			} catch (error) {
				this.counters.undecodable++;
				this.emit("linkError", isFieldchainError(error) ? error : new FieldchainError(ErrorCodes.FC_PROTO_DECODE, toError(error).message));
			}
		});
		client.on("close", () => {
			if (this.isClosed) return;
			this.isClosed = true;
			this.emit("close", undefined);
		});
	}

	static async connect(url: string, deviceId: string, clientId = `test-host-${deviceId}`): Promise<MqttHostLink> {
		const client = await connectAsync(url, { clientId, reconnectPeriod: 0 });
		await client.subscribeAsync(deviceUpTopic(deviceId), { qos: 1 });
		return new MqttHostLink(client, deviceId, clientId);
	}

	get closed(): boolean {
		return this.isClosed;
	}

	setPeerMaxPayload(): void {}

	send(envelope: EnvelopeInit): Promise<void> {
		return this.sendRaw(encodeEnvelope(envelope));
	}

	async sendRaw(bytes: Uint8Array): Promise<void> {
		await this.client.publishAsync(deviceDownTopic(this.deviceId), Buffer.from(bytes), { qos: 1 });
		this.counters.framesOut++;
	}

	async close(): Promise<void> {
		await this.client.endAsync();
	}
}
