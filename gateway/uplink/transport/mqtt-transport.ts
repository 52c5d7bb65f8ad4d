/**
 * The outbox drained to a cloud MQTT 5 broker (EMQX, HiveMQ, AWS IoT Core, Mosquitto): QoS 1 on a
 * persistent session (clean start off, a session expiry), TLS with a CA file and an optional
 * client certificate, or username and password. The broker's PUBACK is the receipt: the broker
 * holds the batch for the cloud's subscribers, which dedup by chain seq / record id (QoS 1 may
 * deliver twice). Payloads: the billing service's batch wire format (protocol/README.md).
 *
 * A publish waits for its PUBACK at most requestTimeoutMs; while the client is disconnected
 * nothing is queued inside mqtt.js (the drain backs off instead, and its cursor is the queue).
 */
import { readFileSync } from "node:fs";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import type { Logger } from "../../../platform/logger.js";
import { downlinkPushTopic, uplinkEvidenceTopic, uplinkOutboxTopic } from "../../../protocol/uplink/topics.js";
import type { OutboxEntry } from "../outbox.js";
import type { UplinkConfig } from "../uplink-config.js";
import { type EvidenceReceipt, type EvidenceUpload, type OutboxResult, type UplinkTransport, uplinkFailure } from "./transport.js";

/** A week: the broker keeps the session (and what it queued for us) across a long outage. */
const SESSION_EXPIRY_SECONDS = 7 * 24 * 3600;

export class MqttTransport implements UplinkTransport {
	readonly destination: string;

	constructor(
		private readonly client: MqttClient,
		private readonly gatewayId: string,
		private readonly timeoutMs: number,
		host: string,
	) {
		this.destination = `mqtt:${host}`;
	}

	async sendEvidence(upload: EvidenceUpload): Promise<EvidenceReceipt> {
		const last = upload.records[upload.records.length - 1];
		await this.publish(uplinkEvidenceTopic(this.gatewayId), upload, upload.batchId);
		return { sealedUpTo: last ? last.chainSeq : 0, accepted: upload.records.length, duplicates: 0, rejected: [], gap: null };
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
		await this.client.endAsync(true);
	}

	private async publish(topic: string, body: unknown, id: string): Promise<void> {
		if (!this.client.connected) throw uplinkFailure("broker", `The cloud MQTT broker is not connected; ${id} waits.`);
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(uplinkFailure("timeout", `No PUBACK for ${id} on ${topic} in ${this.timeoutMs} ms.`)), this.timeoutMs);
		});
		try {
			await Promise.race([this.client.publishAsync(topic, JSON.stringify(body), { qos: 1, properties: { contentType: "application/json" } }), timeout]);
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
	let announced = false;
	client.on("connect", () => {
		logger.info({ url: mqttConfig.url }, "uplink: connected to the cloud MQTT broker");
		announced = false;
		if (onPush) {
			client.subscribe(downlinkPushTopic(gatewayId), { qos: 1 }, (error) => {
				if (error) logger.warn({ err: error }, "uplink: cannot subscribe to downlink pushes; the plan is still pulled on its interval");
			});
		}
	});
	if (onPush) client.on("message", (topic) => topic === downlinkPushTopic(gatewayId) && onPush());
	client.on("error", (error) => {
		if (!announced) logger.warn({ url: mqttConfig.url, err: error }, "uplink: cloud MQTT broker error; reconnecting");
		announced = true;
	});
	return new MqttTransport(client, gatewayId, config.requestTimeoutMs, new URL(mqttConfig.url).host);
}
