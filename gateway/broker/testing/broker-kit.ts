/**
 * Test fixture: an embedded broker on a random loopback port with MqttHostLinks attached, a pino
 * logger whose lines the test can read, and mqtt.js device clients; stop() closes everything.
 */
import { once } from "node:events";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import pino from "pino";
import { type EnvelopeInit, encodeEnvelope } from "../../../protocol/codec.js";
import type { EnvelopeLink } from "../../../protocol/link.js";
import { hashPassword } from "../../auth/password-hash.js";
import { type DeviceCredentials, type EmbeddedBroker, type EmbeddedBrokerOptions, startEmbeddedBroker } from "../embedded-broker.js";
import { MqttHostLinks } from "../mqtt-host-links.js";

export const PASSWORDS = { dev1: "dev1-Secret-Pw", dev2: "dev2-Secret-Pw" } as const;

let devicesOnce: Promise<DeviceCredentials[]> | undefined;

/** dev1 and dev2 with passwords, nopw without one. Hashed once per test file (scrypt is slow on purpose). */
export function testDevices(): Promise<DeviceCredentials[]> {
	devicesOnce ??= (async () => [
		{ id: "dev1", passwordHash: await hashPassword(PASSWORDS.dev1) },
		{ id: "dev2", passwordHash: await hashPassword(PASSWORDS.dev2) },
		{ id: "nopw" },
	])();
	return devicesOnce;
}

export interface LogLine {
	level: number;
	msg: string;
	code?: string;
	clientId?: string;
	topic?: string;
	reason?: string;
	[key: string]: unknown;
}

export class BrokerKit {
	readonly logText: string[] = [];
	readonly links: EnvelopeLink[] = [];
	private readonly clients: MqttClient[] = [];
	readonly logger = pino({ level: "debug" }, { write: (line: string) => this.logText.push(line) });
	embedded!: EmbeddedBroker;
	hostLinks!: MqttHostLinks;

	get port(): number {
		return this.embedded.address.port;
	}

	get logs(): LogLine[] {
		return this.logText.map((line) => JSON.parse(line) as LogLine);
	}

	/** `options` overrides the broker's (load limits, a device lookup). */
	async start(options: Partial<EmbeddedBrokerOptions> = {}): Promise<this> {
		this.embedded = await startEmbeddedBroker({ port: 0, devices: await testDevices(), logger: this.logger, ...options });
		this.hostLinks = new MqttHostLinks(this.embedded.broker, { logger: this.logger });
		this.hostLinks.on("link", (link) => this.links.push(link));
		await this.hostLinks.ready;
		return this;
	}

	/** Resolves with the next link MqttHostLinks emits. */
	nextLink(): Promise<EnvelopeLink> {
		return once(this.hostLinks, "link").then(([link]) => link as EnvelopeLink);
	}

	connect(options: IClientOptions): Promise<MqttClient> {
		const client = mqtt.connect(`mqtt://127.0.0.1:${this.port}`, { reconnectPeriod: 0, connectTimeout: 5_000, protocolVersion: 4, ...options });
		this.clients.push(client);
		client.on("error", () => undefined);
		return new Promise((resolve, reject) => {
			client.once("connect", () => resolve(client));
			client.once("error", reject);
			client.once("close", () => reject(new Error("connection closed before CONNACK")));
		});
	}

	/** A device client with the right credentials for `id`. */
	connectDevice(id: keyof typeof PASSWORDS, options: IClientOptions = {}): Promise<MqttClient> {
		return this.connect({ clientId: id, username: id, password: PASSWORDS[id], ...options });
	}

	async stop(): Promise<void> {
		await Promise.all(this.clients.map((client) => client.endAsync(true).catch(() => undefined)));
		await this.hostLinks?.close();
		await this.embedded?.close();
	}
}

export function envelopeBytes(envelope: EnvelopeInit): Buffer {
	return Buffer.from(encodeEnvelope(envelope));
}
