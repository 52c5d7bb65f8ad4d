/**
 * The gateway's TLS, in one place for gateway.ts: loads `http.tls` and `mqtt.tls` at start (a bad
 * file fails the start), builds the HTTPS server factory, says loudly when the local API serves
 * plaintext off loopback, and reloads every listener's certificate on request (SIGHUP) or when its
 * files change. Invariant: each listener serves either its configured TLS or plaintext on loopback
 * (or plaintext off loopback with insecurePlaintext, warned at every start).
 */
import type { FastifyServerFactory } from "fastify";
import type { Logger } from "pino";
import { plaintextExposures, warnPlaintextExposure } from "./exposure.js";
import type { TlsConfig } from "./tls-config.js";
import { loadTlsOptions, type TlsServerOptions } from "./tls-files.js";
import { httpsServerFactory } from "./tls-listeners.js";
import { TlsReloader } from "./tls-reloader.js";

interface ListenerConfig {
	host: string;
	port: number;
	tls?: TlsConfig;
}

export interface GatewayTlsConfig {
	http: ListenerConfig | false;
	mqtt: ListenerConfig | false;
	insecurePlaintext?: boolean;
}

function tlsOf(listener: ListenerConfig | false): TlsConfig | undefined {
	return listener === false ? undefined : listener.tls;
}

export class GatewayTls {
	/** Loaded options of the local API's TLS, undefined when it serves plaintext. */
	readonly http: TlsServerOptions | undefined;
	/** Loaded options of the broker's TLS (mqtts), undefined when it serves plaintext. */
	readonly mqtt: TlsServerOptions | undefined;
	private readonly reloader: TlsReloader;

	constructor(
		private readonly config: GatewayTlsConfig,
		logger: Logger,
		pollIntervalMs?: number,
	) {
		this.reloader = new TlsReloader(logger.child({ component: "tls" }), pollIntervalMs);
		const httpFiles = tlsOf(config.http);
		const mqttFiles = tlsOf(config.mqtt);
		this.http = httpFiles ? loadTlsOptions(httpFiles, "http.tls") : undefined;
		this.mqtt = mqttFiles ? loadTlsOptions(mqttFiles, "mqtt.tls") : undefined;
		// The broker warns for itself (it may run alone); the local API has no such start of its own.
		for (const exposure of plaintextExposures(config)) if (exposure.section === "http") warnPlaintextExposure(logger, exposure);
	}

	/** HTTPS around the given factory (Node-RED's) when http.tls is set; otherwise the factory as it is. */
	httpServerFactory(inner: FastifyServerFactory | undefined): FastifyServerFactory | undefined {
		return this.http ? httpsServerFactory(this.http, inner) : inner;
	}

	/** Once a listener is up: its certificate follows its files from now on. */
	follow(section: "http" | "mqtt", apply: (options: TlsServerOptions) => void): void {
		const files = tlsOf(this.config[section]);
		if (files) this.reloader.add({ section: `${section}.tls`, config: files, apply });
	}

	/** Reads the files again now (SIGHUP); true when every listener took them. */
	reload(reason: string): boolean {
		return this.reloader.reload(reason);
	}

	close(): void {
		this.reloader.close();
	}
}
