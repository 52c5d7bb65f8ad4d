/**
 * The edge runtime: wires the store, the group committer, device sessions over serial and MQTT,
 * and the local API. The path of a reading:
 *   transport (serial pty / MQTT) -> EnvelopeLink -> DeviceSession -> GroupCommitter -> SQLite
 *   -> commit returns -> Ack to the device.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Clock, systemClock } from "../platform/clock.js";
import { ErrorCodes, FieldchainError } from "../platform/errors.js";
import type { EnvelopeLink } from "../protocol/link.js";
import { EventKind } from "../protocol/codec.js";
import type { ReadingRow } from "./store/reading-store.js";
import type { SerialBinding } from "../protocol/transport/serial.js";
import { type EmbeddedBroker, startEmbeddedBroker } from "./broker/embedded-broker.js";
import { MqttHostLinks } from "./broker/mqtt-host-links.js";
import { checkExposure, type GatewayConfig } from "./config.js";
import { buildApi } from "./http/api.js";
import { createMetrics } from "./http/metrics.js";
import { GroupCommitter } from "./ingest/group-committer.js";
import type { Logger } from "../platform/logger.js";
import { SerialManager } from "./serial/serial-manager.js";
import { DeviceRegistry } from "./session/device-registry.js";
import { DeviceSession, type SessionContext } from "./session/device-session.js";
import { Attachments } from "./evidence/attachments.js";
import { EvidenceLog } from "./evidence/evidence-log.js";
import { workRoutes } from "./http/work-routes.js";
import { ActiveTasks } from "./work/active-tasks.js";
import { TimeEntries } from "./work/time-entries.js";
import { WorkOrders } from "./work/work-orders.js";
import { loadOrCreateGatewayKey } from "../protocol/evidence/keys.js";
import { SqliteReadingStore } from "./store/sqlite-reading-store.js";
import { type FlowsBridge, startFlowsBridge } from "./node-red/flows-bridge.js";
import { GatewayEvents } from "./events.js";
import { Alerts } from "./work/alerts.js";
import { TaskStates } from "./work/task-states.js";
import { alertRoutes } from "./http/alert-routes.js";
import { technicianApp } from "./http/technician-app.js";
import { GatewayUplink } from "./uplink/gateway-uplink.js";
import type { DiskProbe } from "./capacity/disk-probe.js";
import { EvidenceBatches } from "./evidence/evidence-batches.js";

export interface GatewayOptions {
	dataDir: string;
	/** A model snapshot (JSON) with the work orders this gateway serves. */
	workOrdersFile?: string;
	/** Evidence checkpoint policy (defaults: every 1000 records or 1 s). */
	sealEveryRecords?: number;
	sealEveryMs?: number;
	config: GatewayConfig;
	logger: Logger;
	clock?: Clock;
	serialBinding?: SerialBinding;
	helloTimeoutMs?: number;
	/** Free and used disk space as the quota sees them (tests simulate a full disk). */
	diskProbe?: DiskProbe;
}

export class Gateway {
	readonly devices: DeviceRegistry;
	readonly committer: GroupCommitter;
	readonly evidence: EvidenceLog;
	readonly workOrders: WorkOrders;
	readonly activeTasks: ActiveTasks;
	readonly timeEntries: TimeEntries;
	readonly attachments: Attachments;
	/** Gateway events for flows and apps, delivered beside the ingest path (events.ts). */
	readonly events: GatewayEvents;
	readonly alerts: Alerts;
	readonly taskStates: TaskStates;
	/** Outbox, drain to the cloud, disk quota (gateway/uplink, gateway/uplink, gateway/capacity). */
	readonly uplink: GatewayUplink;
	/** The embedded Node-RED, when on (config.nodeRed). */
	nodeRed: FlowsBridge | undefined;
	httpAddress: { host: string; port: number } | undefined;
	mqttAddress: { host: string; port: number } | undefined;
	private serial: SerialManager | undefined;
	private broker: EmbeddedBroker | undefined;
	private mqttLinks: MqttHostLinks | undefined;
	private http: FastifyInstance | undefined;
	private readonly sessions = new Set<DeviceSession>();
	private readonly context: SessionContext;
	private stopping: Promise<void> | undefined;

	private constructor(
		readonly options: GatewayOptions,
		readonly store: SqliteReadingStore,
		readonly gatewayId: string,
	) {
		const clock = options.clock ?? systemClock;
		const db = store.database;
		this.events = new GatewayEvents((error, event) => options.logger.error({ err: error, event }, "a gateway event listener (a flow?) threw; the gateway carries on"));
		this.devices = new DeviceRegistry(options.logger, () => clock.now());
		this.workOrders = options.workOrdersFile ? WorkOrders.fromFile(options.workOrdersFile) : WorkOrders.empty();
		this.activeTasks = new ActiveTasks(db, this.workOrders);
		this.uplink = new GatewayUplink({ db, dataDir: options.dataDir, config: options.config, clock, logger: options.logger, events: this.events, activeTasks: this.activeTasks, workOrders: this.workOrders, diskProbe: options.diskProbe });
		this.timeEntries = new TimeEntries(db, this.uplink.outboxFor(() => this.evidence.headSeq));
		this.attachments = new Attachments(db);
		this.alerts = new Alerts(db);
		this.taskStates = new TaskStates(db, this.workOrders, this.uplink.outboxFor(() => this.evidence.headSeq));
		this.evidence = new EvidenceLog({
			db,
			batches: new EvidenceBatches(db),
			gatewayId,
			key: loadOrCreateGatewayKey(options.dataDir),
			workOrders: this.workOrders,
			activeTasks: this.activeTasks,
			device: (deviceId) => store.getDevice(deviceId),
			clock,
			logger: options.logger,
			sealEveryRecords: options.sealEveryRecords,
			sealEveryMs: options.sealEveryMs,
			uplinkProgress: this.uplink.progress,
			onSealed: (afterSeq, upToSeq) => this.noteSealed(afterSeq, upToSeq),
		});
		let committing: ReadingRow[] = [];
		this.committer = new GroupCommitter({
			store,
			stamp: (rows) => {
				const stamped = this.evidence.stampReadings(rows);
				if (stamped.length > 0) this.uplink.readingSpans.record(stamped);
				if (this.events.hasListeners("reading")) committing = committing.concat(rows);
			},
		});
		// Readings go to listeners only once their transaction committed, and never twice.
		this.committer.on("committed", () => {
			const rows = committing;
			committing = [];
			this.emitReadings(rows);
		});
		this.committer.on("commitError", () => {
			committing = [];
		});
		watchDevices(this, clock);
		this.committer.on("commitError", (error) => {
			// The evidence appended in memory was rolled back with the transaction.
			this.evidence.reload();
			options.logger.error({ code: error.code, err: error }, "group commit failed; nothing in it was acked, devices will re-send");
			this.events.emit("alarm", { code: error.code, severity: "critical", message: error.message, deviceId: null, at: clock.now() });
		});
		this.context = { gatewayId, store, committer: this.committer, clock, logger: options.logger, helloTimeoutMs: options.helloTimeoutMs, admit: (row) => this.uplink.capacity.admit(row) };
	}

	static async start(options: GatewayOptions): Promise<Gateway> {
		checkExposure(options.config);
		mkdirSync(options.dataDir, { recursive: true });
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
		this.devices.track(session);
		session.start();
		return session;
	}

	stop(): Promise<void> {
		this.stopping ??= this.stopParts();
		return this.stopping;
	}

	private emitReadings(rows: readonly ReadingRow[]): void {
		const models = new Map<string, string>();
		for (const row of rows) {
			let model = models.get(row.deviceId);
			if (model === undefined) {
				model = this.store.getDevice(row.deviceId)?.model ?? "";
				models.set(row.deviceId, model);
			}
			this.events.emit("reading", {
				deviceId: row.deviceId,
				model,
				bootId: row.bootId,
				seq: row.seq,
				quantity: row.quantity,
				value: Number.isFinite(row.value) ? row.value : null,
				unit: row.unit,
				channel: row.channel,
				flags: row.flags,
				deviceTimeUs: row.deviceTimeUs,
				receivedAt: row.receivedAt,
			});
		}
	}

	/** Called inside the sealing transaction: the records are read once it has committed. */
	private noteSealed(afterSeq: number, upToSeq: number): void {
		// Inside the sealing transaction: the drain reads the new span once it looks (next turn).
		this.uplink.kick();
		if (!this.events.hasListeners("evidenceSealed")) return;
		setImmediate(() => {
			try {
				const records = this.evidence.range(afterSeq, upToSeq);
				if (records.length > 0) this.events.emit("evidenceSealed", { afterSeq, upToSeq, records, at: this.context.clock.now() });
			} catch (error) {
				this.options.logger.error({ err: error }, "could not read sealed evidence for the evidenceSealed event");
			}
		});
	}

	private async startParts(): Promise<void> {
		const { config, logger } = this.options;
		this.uplink.start(this.gatewayId, loadOrCreateGatewayKey(this.options.dataDir).publicKeyRaw.toString("base64"));
		if (config.mqtt) {
			this.broker = await startEmbeddedBroker({ host: config.mqtt.host, port: config.mqtt.port, devices: config.devices, logger });
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
				clock: this.context.clock,
				logger,
				onLink: (link) => this.addLink(link),
			});
			this.serial.start();
		}
		if (config.http) {
			this.nodeRed = config.nodeRed ? startFlowsBridge(this, config.nodeRed) : undefined;
			const app = technicianApp(this, config.webApp, this.context.clock);
			this.http = buildApi({
				hasSession: app.hasSession,
				isPublic: app.isPublic,
				serverFactory: this.nodeRed?.serverFactory,
				store: this.store,
				devices: this.devices,
				metrics: this.uplink.registerMetrics(createMetrics(this.committer, this.devices)),
				logger,
				token: config.http.token,
				startedAt: this.context.clock.now(),
				routes: [
					workRoutes({
						workOrders: this.workOrders,
						activeTasks: this.activeTasks,
						evidence: this.evidence,
						attachments: this.attachments,
						timeEntries: this.timeEntries,
						clock: this.context.clock,
					}),
					alertRoutes({ alerts: this.alerts, events: this.events, clock: this.context.clock }),
					...app.routes,
					this.uplink.routes(this.evidence),
				],
			});
			try {
				await this.http.listen({ host: config.http.host, port: config.http.port });
			} catch (cause) {
				throw new FieldchainError(ErrorCodes.FC_HTTP_LISTEN, `Cannot serve the local API on ${config.http.host}:${config.http.port}: ${(cause as Error).message}.`, {
					cause,
					hint: "Pick another address with --http HOST:PORT.",
				});
			}
			const address = this.http.server.address();
			if (address && typeof address === "object") this.httpAddress = { host: address.address, port: address.port };
			logger.info({ address: this.httpAddress }, "local API listening");
			await this.nodeRed?.start(this.http.server);
		} else if (config.nodeRed) {
			logger.warn("Node-RED is configured but the local API is off (--no-http); the editor needs the HTTP port, so Node-RED stays off");
		}
		logger.info({ gatewayId: this.gatewayId, dataDir: this.options.dataDir }, "gateway started");
	}

	private async stopParts(): Promise<void> {
		await this.uplink.stop();
		await this.nodeRed?.stop();
		await this.serial?.stop();
		await this.mqttLinks?.close();
		await Promise.allSettled([...this.sessions].map((session) => session.close()));
		await this.broker?.close();
		await this.http?.close();
		// Whatever is queued is written (and so will be acked on reconnect, via the hello ack).
		this.committer.flush();
		this.evidence.close();
		this.store.close();
		this.options.logger.info("gateway stopped");
	}
}

/** The device-facing half of the gateway events (attach, detach, device alarms). */
function watchDevices(gateway: Gateway, clock: Clock): void {
	gateway.devices.on("attached", (deviceId, session) => {
		const model = session.identity?.model ?? "";
		gateway.events.emit("deviceAttached", { deviceId, model, transport: session.link.transport, link: session.link.label, at: clock.now() });
		session.on("deviceEvent", (event) => {
			const alarm = DEVICE_ALARMS[event.kind ?? 0];
			if (alarm) gateway.events.emit("alarm", { code: alarm.code, severity: alarm.severity, message: `${deviceId}: ${alarm.text}${event.detail ? ` (${event.detail})` : ""}`, deviceId, at: clock.now() });
		});
	});
	gateway.devices.on("detached", (deviceId, reason) => gateway.events.emit("deviceDetached", { deviceId, reason: reason?.message ?? null, at: clock.now() }));
}

const DEVICE_ALARMS: Record<number, { code: string; severity: "warning" | "critical"; text: string }> = {
	[EventKind.KIND_LOW_BATTERY]: { code: "device-low-battery", severity: "warning", text: "battery low" },
	[EventKind.KIND_BUFFER_FULL]: { code: "device-buffer-full", severity: "critical", text: "unacked buffer full, the tool stopped taking readings" },
	[EventKind.KIND_OVERLOAD]: { code: "device-overload", severity: "warning", text: "input overloaded" },
};

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
