/**
 * The gateway side of MQTT devices: one MqttHostLink per authenticated device connection, emitted
 * as 'link' when the connection is ready (aedes 'clientReady', before any of its packets are
 * handled), so uplinks sent before the down subscription are not lost and every connection gets
 * exactly one link. Uplinks come from one in-process subscription to every device's up topic and
 * are routed by the device id in the topic: device-acl.ts lets a device publish only to its own.
 *
 * Attach right after startEmbeddedBroker() resolves, before devices can have connected.
 */
import { EventEmitter } from "node:events";
import type { Aedes, AedesPublishPacket, Client, Subscription } from "aedes";
import type { Logger } from "pino";
import type { EnvelopeLink } from "../../protocol/link.js";
import { ALL_DEVICES_UP, deviceDownTopic, isValidDeviceId, parseDeviceTopic } from "../../protocol/topics.js";
import { MqttHostLink } from "./mqtt-host-link.js";

export interface MqttHostLinksEvents {
	link: [link: EnvelopeLink];
}

export interface MqttHostLinksOptions {
	logger?: Logger;
}

interface Connection {
	client: Client;
	link: MqttHostLink;
}

/** QoS 1 for gateway -> device: at least once, the protocol's seq numbers drop duplicates. */
const DOWN_QOS = 1;
/** SUBACK return code for a refused topic filter (MQTT 3.1.1 section 3.9.3). */
const SUBACK_FAILURE = 0x80;

export class MqttHostLinks extends EventEmitter<MqttHostLinksEvents> {
	/** Resolves once the uplink subscription is in place. */
	readonly ready: Promise<void>;
	private readonly connections = new Map<string, Connection>();
	private readonly logger: Logger | undefined;
	private detached = false;

	constructor(
		private readonly broker: Aedes,
		options: MqttHostLinksOptions = {},
	) {
		super();
		this.logger = options.logger?.child({ component: "mqtt-links" });
		broker.on("clientReady", this.onClientReady);
		broker.on("subscribe", this.onSubscribe);
		broker.on("unsubscribe", this.onUnsubscribe);
		broker.on("clientDisconnect", this.onClientGone);
		broker.on("clientError", this.onClientError);
		this.ready = new Promise((resolve) => broker.subscribe(ALL_DEVICES_UP, this.onUp, resolve));
	}

	/** The open links, one per connected device. */
	get links(): EnvelopeLink[] {
		return [...this.connections.values()].map((connection) => connection.link);
	}

	/** Detaches from the broker and closes every link (the devices stay connected to the broker). */
	async close(): Promise<void> {
		if (this.detached) return;
		this.detached = true;
		this.broker.off("clientReady", this.onClientReady);
		this.broker.off("subscribe", this.onSubscribe);
		this.broker.off("unsubscribe", this.onUnsubscribe);
		this.broker.off("clientDisconnect", this.onClientGone);
		this.broker.off("clientError", this.onClientError);
		for (const { link } of this.connections.values()) link.finish(undefined);
		this.connections.clear();
		if (!this.broker.closed) await new Promise<void>((resolve) => this.broker.unsubscribe(ALL_DEVICES_UP, this.onUp, resolve));
	}

	private readonly onClientReady = (client: Client): void => {
		const deviceId = client.id;
		if (!isValidDeviceId(deviceId)) return;
		// The broker closes the old connection of a reconnecting device first (MQTT 3.1.1 section
		// 3.1.4, [MQTT-3.1.4-2]); close its link here too in case that event has not come yet.
		this.connections.get(deviceId)?.link.finish(undefined);
		const link = new MqttHostLink(deviceId, {
			publishDown: (payload) => this.publishDown(deviceId, payload),
			disconnect: () => new Promise((resolve) => client.close(() => resolve())),
		});
		this.connections.set(deviceId, { client, link });
		// A resumed session (clean session 0, 3.1.2.4) restores subscriptions without a SUBSCRIBE.
		if (hasSubscription(client, deviceDownTopic(deviceId))) link.setSubscribed(true);
		this.emit("link", link);
	};

	private readonly onSubscribe = (subscriptions: Subscription[], client: Client): void => {
		const down = deviceDownTopic(client.id);
		// Refused filters are reported too, with granted QoS 128 (3.9.3).
		if (subscriptions.some((sub) => sub.topic === down && (sub.qos as number) !== SUBACK_FAILURE)) this.current(client)?.link.setSubscribed(true);
	};

	private readonly onUnsubscribe = (topics: string[], client: Client): void => {
		if (topics.includes(deviceDownTopic(client.id))) this.current(client)?.link.setSubscribed(false);
	};

	private readonly onClientGone = (client: Client): void => this.drop(client, undefined);

	private readonly onClientError = (client: Client, error: Error): void => this.drop(client, error);

	private readonly onUp = (packet: AedesPublishPacket, done: () => void): void => {
		const parsed = parseDeviceTopic(packet.topic);
		const connection = parsed ? this.connections.get(parsed.deviceId) : undefined;
		// aedes stamps the publishing client's id on the packet (not in its typings).
		const publisher = (packet as { clientId?: string }).clientId;
		if (connection && publisher === connection.client.id) {
			connection.link.deliver(packet.payload as Buffer);
		} else {
			this.logger?.debug({ topic: packet.topic, clientId: publisher }, "Uplink without a device link dropped");
		}
		done();
	};

	private drop(client: Client, reason: Error | undefined): void {
		const connection = this.current(client);
		if (!connection) return;
		this.connections.delete(client.id);
		connection.link.finish(reason);
	}

	/** The connection of exactly this client, not of an older or newer one with the same id. */
	private current(client: Client): Connection | undefined {
		const connection = this.connections.get(client.id);
		return connection?.client === client ? connection : undefined;
	}

	private publishDown(deviceId: string, payload: Buffer): Promise<void> {
		return new Promise((resolve, reject) => {
			this.broker.publish({ cmd: "publish", topic: deviceDownTopic(deviceId), payload, qos: DOWN_QOS, retain: false, dup: false }, (error) =>
				error ? reject(error) : resolve(),
			);
		});
	}
}

/** aedes keeps a client's subscriptions in `client.subscriptions` (not in its typings). */
function hasSubscription(client: Client, topic: string): boolean {
	const subscriptions = (client as unknown as { subscriptions?: Record<string, unknown> }).subscriptions;
	return subscriptions !== undefined && subscriptions[topic] !== undefined;
}
