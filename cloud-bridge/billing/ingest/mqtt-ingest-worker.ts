/**
 * A billing ingest worker on an MQTT 5 shared subscription to every gateway's evidence topic
 * (`$share/{group}/fieldchain/v1/gateways/+/evidence`): the broker hands each batch to one worker
 * of the group, the worker answers it exactly as POST /v1/evidence/batches would
 * (mqtt-ingest-answer.ts) and publishes the answer on that gateway's receipt topic.
 *
 * Invariant: a batch is PUBACKed to the broker only after it is stored and its receipt written,
 * so a worker that dies mid-batch leaves nothing half done that the gateway would count: the
 * gateway counts only the receipt, and resends (same batch id) what got none. The clean session
 * keeps a dead worker's queue from holding batches back; the live workers take the next ones.
 */
import { readFileSync } from "node:fs";
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from "mqtt";
import { ALL_GATEWAYS_EVIDENCE, sharedSubscription, uplinkReceiptTopic } from "../../../protocol/uplink/topics.js";
import type { BillingLogger } from "../context.js";
import { type EvidenceIngestPort, MqttEvidenceAnswerer } from "./mqtt-ingest-answer.js";

export const DEFAULT_INGEST_GROUP = "fieldchain-billing";

export interface MqttIngestOptions {
	/** mqtt://host:1883 or mqtts://host:8883 */
	url: string;
	/** The shared-subscription group; every worker of one deployment uses the same. */
	group?: string;
	clientId?: string;
	username?: string;
	password?: string;
	caFile?: string;
	certFile?: string;
	keyFile?: string;
}

export interface MqttIngestStats {
	batches: number;
	refused: number;
}

/** A group name is one topic level without wildcards (MQTT 5, 4.8.2). */
export function checkIngestGroup(group: string): string | undefined {
	return /^[^/+#]{1,64}$/.test(group) ? undefined : `the group must be 1 to 64 characters without / + or # (got "${group}")`;
}

export function mqttIngestClientOptions(options: MqttIngestOptions): IClientOptions {
	return {
		protocolVersion: 5,
		clientId: options.clientId ?? `fieldchain-billing-ingest-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
		clean: true,
		reconnectPeriod: 1000,
		connectTimeout: 10_000,
		...(options.username ? { username: options.username } : {}),
		...(options.password ? { password: options.password } : {}),
		...(options.caFile ? { ca: readFileSync(options.caFile) } : {}),
		...(options.certFile ? { cert: readFileSync(options.certFile) } : {}),
		...(options.keyFile ? { key: readFileSync(options.keyFile) } : {}),
	};
}

export class MqttIngestWorker {
	readonly stats: MqttIngestStats = { batches: 0, refused: 0 };
	readonly subscription: string;
	private client: MqttClient | undefined;
	private readonly answerer: MqttEvidenceAnswerer;

	constructor(
		private readonly options: MqttIngestOptions,
		ingest: EvidenceIngestPort,
		maxBatchRecords: number,
		private readonly logger: BillingLogger & { debug?(obj: object, msg?: string): void },
	) {
		const group = options.group ?? DEFAULT_INGEST_GROUP;
		const problem = checkIngestGroup(group);
		if (problem) throw new Error(`MQTT ingest: ${problem}.`);
		this.subscription = sharedSubscription(group, ALL_GATEWAYS_EVIDENCE);
		this.answerer = new MqttEvidenceAnswerer(ingest, maxBatchRecords);
	}

	/** Connects and subscribes; resolves once the broker granted the shared subscription. */
	async start(): Promise<void> {
		const client = mqtt.connect(this.options.url, mqttIngestClientOptions(this.options));
		this.client = client;
		// The PUBACK of a batch goes out when `done` is called: after it is stored and answered.
		client.handleMessage = (packet, done) => {
			this.handle(client, packet).then(
				() => done(),
				(error: unknown) => {
					this.logger.error({ err: error, topic: packet.topic }, "MQTT ingest: could not answer a batch; the gateway resends it");
					done();
				},
			);
		};
		let reported = false;
		client.on("error", (error) => {
			if (!reported) this.logger.warn({ err: error, url: this.options.url }, "MQTT ingest: broker error; reconnecting");
			reported = true;
		});
		// Each reconnect with a clean start needs the subscription again (the first is made below).
		let connects = 0;
		client.on("connect", () => {
			reported = false;
			if (++connects === 1) return;
			client.subscribe(this.subscription, { qos: 1 }, (error, granted) => {
				const refused = granted?.find((g) => g.qos > 2);
				if (error || refused) this.logger.error({ err: error, granted }, `MQTT ingest: the broker refused ${this.subscription}`);
			});
		});
		await new Promise<void>((resolve, reject) => {
			let lastError = "";
			client.on("error", (error) => {
				lastError = ` (${error.message})`;
			});
			const timer = setTimeout(
				() =>
					reject(
						new Error(
							`MQTT ingest: no connection to ${new URL(this.options.url).host} in 15 s${lastError}. Check --ingest-mqtt-url, the broker's credentials and its TLS settings.`,
						),
					),
				15_000,
			);
			client.once("connect", () => {
				client.subscribe(this.subscription, { qos: 1 }, (error, granted) => {
					clearTimeout(timer);
					if (error) reject(error);
					else if (granted?.some((g) => g.qos > 2))
						reject(
							new Error(
								`MQTT ingest: the broker refused the shared subscription ${this.subscription} (does it support MQTT 5 shared subscriptions, and may this client read it?)`,
							),
						);
					else resolve();
				});
			});
		});
	}

	async close(): Promise<void> {
		await this.client?.endAsync(true);
	}

	private async handle(client: MqttClient, packet: IPublishPacket): Promise<void> {
		const payload = typeof packet.payload === "string" ? Buffer.from(packet.payload) : Buffer.from(packet.payload);
		this.logger.debug?.({ topic: packet.topic, bytes: payload.length }, "MQTT ingest: batch received");
		const answer = await this.answerer.answer(packet.topic, payload);
		if (answer.unexpected) this.logger.error({ err: answer.unexpected, gatewayId: answer.gatewayId, batchId: answer.batchId }, "MQTT ingest: batch failed");
		if (!answer.gatewayId) {
			this.logger.warn({ topic: packet.topic }, "MQTT ingest: message on a topic that names no gateway; dropped");
			return;
		}
		this.stats.batches++;
		if (answer.status !== 200) this.stats.refused++;
		this.logger.debug?.(
			{ gatewayId: answer.gatewayId, batchId: answer.batchId, status: answer.status, clientId: client.options.clientId },
			"MQTT ingest: batch answered",
		);
		// The receipt goes to the gateway the topic names, never to a topic the message asks for.
		// Written before the batch's PUBACK, but not awaited: mqtt.js reads the broker's PUBACK of
		// the receipt only after this handler returns (incoming packets are handled in order).
		const correlation = packet.properties?.correlationData ?? (answer.batchId !== undefined ? Buffer.from(answer.batchId) : undefined);
		client.publish(
			uplinkReceiptTopic(answer.gatewayId),
			JSON.stringify(answer.body),
			{
				qos: 1,
				properties: {
					contentType: "application/json",
					userProperties: { status: String(answer.status) },
					...(correlation ? { correlationData: correlation } : {}),
				},
			},
			(error) => {
				if (error)
					this.logger.warn({ err: error, gatewayId: answer.gatewayId, batchId: answer.batchId }, "MQTT ingest: receipt not delivered; the gateway resends");
			},
		);
	}
}
