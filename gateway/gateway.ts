/**
 * The edge runtime: builds the gateway's parts once (parts.ts) and runs the I/O around them:
 * device sessions over serial and MQTT, the uplink, the local API and the embedded Node-RED.
 * The path of a reading:
 *   transport (serial pty / MQTT) -> EnvelopeLink -> DeviceSession -> GroupCommitter -> SQLite
 *   -> commit returns -> Ack to the device.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Server as TlsServer } from "node:tls";
import type { FastifyInstance } from "fastify";
import { ErrorCodes, FieldchainError } from "../platform/errors.js";
import { ensurePrivateDatabase, ensurePrivateDir } from "../platform/private-data.js";
import type { EnvelopeLink } from "../protocol/link.js";
import type { SerialBinding } from "../protocol/transport/serial.js";
import type { EmbeddedBroker } from "./broker/embedded-broker.js";
import { MqttHostLinks } from "./broker/mqtt-host-links.js";
import { registerClockMetrics } from "./clock/clock-metrics.js";
import { checkExposure } from "./config.js";
import { alertRoutes } from "./http/alert-routes.js";
import { buildApi } from "./http/api.js";
import { createMetrics } from "./http/metrics.js";
import { type DeclaredRoute, declaredRoutes } from "./http/route-access.js";
import { technicianApp } from "./http/technician-app.js";
import { workRoutes } from "./http/work-routes.js";
import { checkNodeRedExposure } from "./node-red/editor-guard.js";
import { type FlowsBridge, startFlowsBridge } from "./node-red/flows-bridge.js";
import { buildParts, type GatewayParts, type PartsOptions } from "./parts.js";
import { SerialManager } from "./serial/serial-manager.js";
import { DeviceSession, type SessionContext } from "./session/device-session.js";
import { SqliteReadingStore } from "./store/sqlite-reading-store.js";
import { GatewayTls } from "./tls/gateway-tls.js";
import { GatewayUplink } from "./uplink/gateway-uplink.js";

export interface GatewayOptions extends PartsOptions {
	serialBinding?: SerialBinding;
	helloTimeoutMs?: number;
}

export class Gateway {
	/** Everything the gateway is made of, built once; each consumer is handed the parts it needs. */
	readonly parts: GatewayParts;
	/** The drain to the cloud and the downlink (gateway/uplink). */
	readonly uplink: GatewayUplink;
	/** The embedded Node-RED, when on (config.nodeRed). */
	nodeRed: FlowsBridge | undefined;
	httpAddress: { host: string; port: number } | undefined;
	mqttAddress: { host: string; port: number } | undefined;
	private serial: SerialManager | undefined;
	private broker: EmbeddedBroker | undefined;
	private mqttLinks: MqttHostLinks | undefined;
	private http: FastifyInstance | undefined;
	/** The local API's routes with the access each declares (route-access.ts); tests walk every one. */
	get httpRoutes(): readonly DeclaredRoute[] {
		return this.http ? declaredRoutes(this.http) : [];
	}
	private tls: GatewayTls | undefined;
	private readonly sessions = new Set<DeviceSession>();
	private readonly context: SessionContext;
	private stopping: Promise<void> | undefined;

	private constructor(
		readonly options: GatewayOptions,
		store: SqliteReadingStore,
		gatewayId: string,
	) {
		// Evidence is sealed by a timer, never while the parts are built: the uplink is there by then.
		this.parts = buildParts(options, store, gatewayId, () => this.uplink.kick());
		this.uplink = new GatewayUplink(this.parts);
		const { committer, clock, logger, capacity } = this.parts;
		this.context = {
			gatewayId,
			store,
			committer,
			clock,
			logger,
			helloTimeoutMs: options.helloTimeoutMs,
			admit: (row) => capacity.admit(row),
			time: this.parts.time,
			deviceTime: this.parts.deviceTime,
		};
	}

	static async start(options: GatewayOptions): Promise<Gateway> {
		checkExposure(options.config);
		checkNodeRedExposure(options.config);
		// Customer data at rest: the directory 0700, the database 0600, refused on start if widened.
		ensurePrivateDir(options.dataDir);
		ensurePrivateDatabase(join(options.dataDir, "gateway.db"));
		const store = new SqliteReadingStore({ path: join(options.dataDir, "gateway.db"), durability: options.config.storage.durability });
		let gateway: Gateway;
		try {
			gateway = new Gateway(options, store, options.config.gatewayId ?? loadOrCreateGatewayId(options.dataDir));
		} catch (error) {
			store.close();
			throw error;
		}
		try {
			await gateway.startParts();
		} catch (error) {
			await gateway.stop();
			throw error;
		}
		return gateway;
	}

	/** Every link, whatever its transport, enters the same session pipeline. */
	addLink(link: EnvelopeLink, expectedDeviceId?: string): DeviceSession {
		const session = new DeviceSession(link, { ...this.context, expectedDeviceId });
		this.sessions.add(session);
		session.once("closed", () => this.sessions.delete(session));
		this.parts.devices.track(session);
		session.start();
		return session;
	}

	/** Reads http.tls and mqtt.tls files again and serves the new certificates (SIGHUP); false when one failed (logged, the old one stays). */
	reloadTls(reason = "requested"): boolean {
		return this.tls?.reload(reason) ?? true;
	}

	stop(): Promise<void> {
		this.stopping ??= this.stopParts();
		return this.stopping;
	}

	private async startParts(): Promise<void> {
		const { config, logger, clock } = this.parts;
		// TLS files are read before anything listens: a bad one fails the start.
		const tls = new GatewayTls(config, logger);
		this.tls = tls;
		this.parts.capacity.start();
		await this.parts.time.start();
		this.uplink.start();
		if (config.mqtt) {
			// Loaded only when the broker runs: aedes and its stack are a tenth of a handheld gateway's memory.
			const { startEmbeddedBroker } = await import("./broker/embedded-broker.js");
			this.broker = await startEmbeddedBroker({
				host: config.mqtt.host,
				port: config.mqtt.port,
				devices: config.devices,
				logger,
				tls: tls.mqtt,
				insecurePlaintext: config.insecurePlaintext,
				limits: config.mqtt.maxConnections === undefined ? undefined : { maxConnections: config.mqtt.maxConnections },
			});
			tls.follow("mqtt", (options) => this.broker?.setSecureContext(options));
			this.mqttAddress = this.broker.address;
			this.mqttLinks = new MqttHostLinks(this.broker.broker, { logger });
			await this.mqttLinks.ready;
			// The MQTT username is authenticated; the device may not claim another id in its hello.
			this.mqttLinks.on("link", (link) => this.addLink(link, link.label));
			logger.info({ address: this.mqttAddress }, "embedded MQTT broker listening");
		}
		if (config.serial.targets.length > 0) {
			this.serial = new SerialManager({
				targets: config.serial.targets,
				pollIntervalMs: config.serial.pollIntervalMs,
				binding: this.options.serialBinding,
				clock,
				logger,
				onLink: (link) => this.addLink(link),
			});
			this.serial.start();
		}
		if (config.http) {
			const hosts = { bindHost: config.http.host, allowedHosts: config.http.allowedHosts, defaultPort: config.http.tls ? 443 : 80 };
			this.nodeRed = config.nodeRed ? startFlowsBridge(this.parts, config.nodeRed, hosts) : undefined;
			const app = technicianApp(this.parts, config.webApp);
			this.http = buildApi({
				...this.parts,
				signedIn: app.signedIn,
				hosts,
				serverFactory: tls.httpServerFactory(this.nodeRed?.serverFactory),
				metrics: registerClockMetrics(
					this.uplink.registerMetrics(createMetrics(this.parts.committer, this.parts.devices)),
					this.parts.time,
					this.parts.deviceTime,
				),
				token: config.http.token,
				startedAt: clock.now(),
				time: this.parts.time,
				routes: [workRoutes(this.parts), alertRoutes(this.parts), ...app.routes, this.uplink.routes()],
			});
			try {
				await this.http.listen({ host: config.http.host, port: config.http.port });
			} catch (cause) {
				throw new FieldchainError(
					ErrorCodes.FC_HTTP_LISTEN,
					`Cannot serve the local API on ${config.http.host}:${config.http.port}: ${(cause as Error).message}.`,
					{
						cause,
						hint: "Pick another address with --http HOST:PORT.",
					},
				);
			}
			const address = this.http.server.address();
			if (address && typeof address === "object") this.httpAddress = { host: address.address, port: address.port };
			logger.info({ address: this.httpAddress, tls: tls.http !== undefined }, "local API listening");
			const server = this.http.server as unknown as TlsServer;
			tls.follow("http", (options) => server.setSecureContext(options));
			await this.nodeRed?.start(this.http.server);
		} else if (config.nodeRed) {
			logger.warn("Node-RED is configured but the local API is off (--no-http); the editor needs the HTTP port, so Node-RED stays off");
		}
		logger.info({ gatewayId: this.parts.gatewayId, dataDir: this.parts.dataDir }, "gateway started");
	}

	private async stopParts(): Promise<void> {
		this.tls?.close();
		this.parts.capacity.stop();
		this.parts.time.stop();
		await this.uplink.stop();
		await this.nodeRed?.stop();
		await this.serial?.stop();
		await this.mqttLinks?.close();
		await Promise.allSettled([...this.sessions].map((session) => session.close()));
		await this.broker?.close();
		await this.http?.close();
		// Whatever is queued is written (and so will be acked on reconnect, via the hello ack).
		this.parts.committer.flush();
		this.parts.evidence.close();
		this.parts.store.close();
		this.parts.logger.info("gateway stopped");
	}
}

/** The gateway's id survives restarts: it names the gateway to devices (host_hello). */
function loadOrCreateGatewayId(dataDir: string): string {
	const file = join(dataDir, "gateway-id");
	try {
		return readFileSync(file, "utf8").trim();
	} catch {
		const id = `gw-${randomBytes(6).toString("hex")}`;
		writeFileSync(file, `${id}\n`);
		return id;
	}
}
