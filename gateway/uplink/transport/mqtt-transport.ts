/**
 * The outbox drained to a cloud MQTT 5 broker (EMQX, HiveMQ, AWS IoT Core, Mosquitto): QoS 1 on a
 * persistent session (clean start off, a session expiry), TLS with a CA file and an optional
 * client certificate, or username and password. Payloads: the billing service's batch wire format
 * (protocol/README.md).
 *
 * An evidence batch is receipted only by the billing service's answer on the gateway's receipt
 * topic (published by its ingest workers once the batch is verified and stored; mqtt-receipts.ts),
 * never by the broker's PUBACK: a batch without that answer in requestTimeoutMs is resent under the
 * same batch id, and the service answers a resend with the stored receipt. Outbox entries (time,
 * status) still count the PUBACK: no billing worker consumes them yet.
 *
 * While the client is disconnected nothing is queued inside mqtt.js (the drain backs off instead,
 * and its cursor is the queue).
 */
import { readFileSync } from "node:fs";
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from "mqtt";
import type { Logger } from "../../../platform/logger.js";
import { downlinkPushTopic, uplinkEvidenceTopic, uplinkOutboxTopic, uplinkReceiptTopic } from "../../../protocol/uplink/topics.js";
import type { OutboxEntry } from "../outbox.js";
import type { UplinkConfig } from "../uplink-config.js";
import { ReceiptWaiters } from "./mqtt-receipts.js";
import { type EvidenceReceipt, type EvidenceUpload, type OutboxResult, type UplinkTransport, uplinkFailure } from "./transport.js";

/** A week: the broker keeps the session (and what it queued for us) across a long outage. */
const SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;

export class MqttTransport implements UplinkTransport {
	readonly destination: string;
	readonly receipts = new ReceiptWaiters();

	constructor(
		private readonly client: MqttClient,
		private readonly gatewayId: string,
		private readonly timeoutMs: number,
		host: string,
	) {
		this.destination = `mqtt:${host}`;
	}

	async sendEvidence(upload: EvidenceUpload): Promise<EvidenceReceipt> {
		// Waiting before publishing: the answer may come before the PUBACK.
		const wait = this.receipts.wait(upload.batchId, this.gatewayId, this.timeoutMs, this.destination);
		try {
			await this.publish(uplinkEvidenceTopic(this.gatewayId), upload, upload.batchId, Buffer.from(upload.batchId));
		} catch (error) {
			wait.cancel();
			await wait.receipt.catch(() => {});
			throw error;
		}
		return wait.receipt;
	}

	/** A message on this gateway's receipt topic (createMqttTransport routes them here). */
	onReceipt(packet: IPublishPacket): void {
		this.receipts.deliver(packet, this.gatewayId);
	}

	async sendOutbox(entry: OutboxEntry): Promise<OutboxResult> {
		await this.publish(
			uplinkOutboxTopic(this.gatewayId, entry.kind),
			{ gatewayId: this.gatewayId, kind: entry.kind, recordId: entry.recordId, workOrderId: entry.workOrderId, taskId: entry.taskId, payload: entry.payload },
			entry.recordId,
		);
		return { outcome: "delivered" };
	}

	async close(): Promise<void> {
		this.receipts.rejectAll("The MQTT uplink is closing.");
		await this.client.endAsync(true);
	}

	private async publish(topic: string, body: unknown, id: string, correlationData?: Buffer): Promise<void> {
		if (!this.client.connected) throw uplinkFailure("broker", `The cloud MQTT broker is not connected; ${id} waits.`);
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(uplinkFailure("timeout", `No PUBACK for ${id} on ${topic} in ${this.timeoutMs} ms.`)), this.timeoutMs);
		});
		try {
			await Promise.race([
				this.client.publishAsync(topic, JSON.stringify(body), {
					qos: 1,
					properties: { contentType: "application/json", ...(correlationData ? { correlationData } : {}) },
				}),
				timeout,
			]);
		} catch (cause) {
			if ((cause as { details?: unknown }).details) throw cause;
			throw uplinkFailure("broker", `Publishing ${id} to ${topic} failed: ${(cause as Error).message}.`, { cause });
		} finally {
			clearTimeout(timer);
		}
	}
}

export function mqttClientOptions(config: NonNullable<UplinkConfig["mqtt"]>, gatewayId: string): IClientOptions {
	return {
		protocolVersion: 5,
		clientId: config.clientId ?? `fieldchain-${gatewayId}`,
		clean: false,
		properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS },
		reconnectPeriod: 1000,
		connectTimeout: 10_000,
		// QoS 1 publishes are never queued while offline: the drain's cursor is the queue.
		queueQoSZero: false,
		...(config.username ? { username: config.username } : {}),
		...(config.password ? { password: config.password } : {}),
		...(config.caFile ? { ca: readFileSync(config.caFile) } : {}),
		...(config.certFile ? { cert: readFileSync(config.certFile) } : {}),
		...(config.keyFile ? { key: readFileSync(config.keyFile) } : {}),
	};
}

export async function createMqttTransport(config: UplinkConfig, gatewayId: string, logger: Logger, onPush?: () => void): Promise<UplinkTransport> {
	const mqttConfig = config.mqtt;
	if (!mqttConfig) throw uplinkFailure("broker", "uplink.mqtt is not configured.");
	const client = mqtt.connect(mqttConfig.url, mqttClientOptions(mqttConfig, gatewayId));
	const transport = new MqttTransport(client, gatewayId, config.requestTimeoutMs, new URL(mqttConfig.url).host);
	const receiptTopic = uplinkReceiptTopic(gatewayId);
	let announced = false;
	client.on("connect", () => {
		logger.info({ url: mqttConfig.url }, "uplink: connected to the cloud MQTT broker");
		announced = false;
		// Subscribed before any batch is published on this connection (the broker keeps the order).
		client.subscribe(receiptTopic, { qos: 1 }, (error) => {
			if (error) logger.warn({ err: error }, "uplink: cannot subscribe to the billing service's receipts; batches wait unreceipted");
		});
		if (onPush) {
			client.subscribe(downlinkPushTopic(gatewayId), { qos: 1 }, (error) => {
				if (error) logger.warn({ err: error }, "uplink: cannot subscribe to downlink pushes; the plan is still pulled on its interval");
			});
		}
	});
	client.on("message", (topic, _payload, packet) => {
		if (topic === receiptTopic) transport.onReceipt(packet);
		else if (onPush && topic === downlinkPushTopic(gatewayId)) onPush();
	});
	client.on("error", (error) => {
		if (!announced) logger.warn({ url: mqttConfig.url, err: error }, "uplink: cloud MQTT broker error; reconnecting");
		announced = true;
	});
	return transport;
}
