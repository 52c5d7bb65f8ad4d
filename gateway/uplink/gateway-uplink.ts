/**
 * The gateway's store-and-forward parts in one place, so gateway.ts only wires them: the outbox
 * and cursors (written in the gateway's own transactions), the evidence reading spans, the disk
 * quota guard, the uplink runner (enrollment + drain), its local API routes and metrics, and the
 * cloud work-order cache (downlink) when configured.
 */
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import type { Clock } from "../../platform/clock.js";
import { destinationOf } from "./uplink-config.js";
import { CapacityGuard } from "../capacity/capacity-guard.js";
import { type DiskProbe, sqliteDiskProbe } from "../capacity/disk-probe.js";
import { ReadingEviction } from "../capacity/reading-eviction.js";
import { ReadingSpans } from "../capacity/reading-spans.js";
import type { GatewayConfig } from "../config.js";
import type { GatewayEvents } from "../events.js";
import type { EvidenceLog, UplinkProgress } from "../evidence/evidence-log.js";
import { uplinkRoutes } from "../http/uplink-routes.js";
import type { Logger } from "../../platform/logger.js";
import type { ActiveTasks } from "../work/active-tasks.js";
import type { TimeEntryOutbox } from "../work/time-entries.js";
import { UplinkCursors } from "./cursors.js";
import { Outbox } from "./outbox.js";
import { SealedSpans } from "./sealed-spans.js";
import { registerUplinkMetrics } from "./uplink-metrics.js";
import { UplinkRunner } from "./uplink-runner.js";
import { Downlink } from "./downlink.js";
import type { WorkOrders } from "../work/work-orders.js";
import { type UplinkStatusSources, uplinkStatus } from "./uplink-status.js";

export interface GatewayUplinkOptions {
	db: Database.Database;
	dataDir: string;
	config: GatewayConfig;
	clock: Clock;
	logger: Logger;
	events: GatewayEvents;
	activeTasks: ActiveTasks;
	workOrders: WorkOrders;
	/** Tests simulate a full disk with their own probe. */
	diskProbe?: DiskProbe;
}

export class GatewayUplink {
	readonly outbox: Outbox;
	readonly cursors: UplinkCursors;
	readonly spans: SealedSpans;
	readonly readingSpans: ReadingSpans;
	readonly capacity: CapacityGuard;
	runner: UplinkRunner | undefined;
	downlink: Downlink | undefined;
	private readonly sources: UplinkStatusSources;

	constructor(private readonly options: GatewayUplinkOptions) {
		const { db, config, clock, logger, events } = options;
		this.outbox = new Outbox(db);
		this.cursors = new UplinkCursors(db, config.uplink ? destinationOf(config.uplink) : "none");
		this.spans = new SealedSpans(db);
		this.readingSpans = new ReadingSpans(db);
		this.capacity = new CapacityGuard({
			config: config.capacity,
			probe: options.diskProbe ?? sqliteDiskProbe(db, join(options.dataDir, "gateway.db"), options.dataDir),
			eviction: new ReadingEviction(db),
			deviceHasActiveTask: (deviceId) => options.activeTasks.forDevice(deviceId) !== undefined,
			clock,
			logger,
			onAlarm: (alarm) => events.emit("alarm", { ...alarm, deviceId: null, at: clock.now() }),
		});
		this.sources = { spans: this.spans, cursors: this.cursors, outbox: this.outbox, runner: () => this.runner, configured: config.uplink !== false, clock };
	}

	/** For TimeEntries and TaskStates: their changes go to the outbox in their own transaction. */
	outboxFor(chainHead: () => number): TimeEntryOutbox {
		return { outbox: this.outbox, chainHead };
	}

	/** Each evidence record's status; without an uplink every record is "stored". */
	get progress(): (() => UplinkProgress) | undefined {
		return this.options.config.uplink ? () => this.cursors.current : undefined;
	}

	start(gatewayId: string, publicKey: string): void {
		this.capacity.start();
		const { config, clock, logger, events, dataDir } = this.options;
		if (!config.uplink) return;
		const uplink = config.uplink;
		if (uplink.downlink && uplink.url) {
			this.downlink = new Downlink({
				db: this.options.db,
				url: uplink.url,
				token: () => this.runner?.token,
				workOrders: this.options.workOrders,
				technicianIds: uplink.downlink.technicianIds,
				intervalMs: uplink.downlink.intervalMs,
				requestTimeoutMs: uplink.requestTimeoutMs,
				clock,
				logger,
				onChanged: (conflicts) => {
					for (const c of conflicts) events.emit("alarm", { code: "downlink-conflict", severity: "warning", message: `${c.entity} ${c.entityId} ${c.field}: ${c.resolution}`, deviceId: null, at: clock.now() });
				},
			});
			this.downlink.start();
		}
		this.runner = new UplinkRunner({
			onEnrolled: () => void this.downlink?.refresh(),
			config: config.uplink,
			dataDir,
			gatewayId,
			publicKey,
			spans: this.spans,
			cursors: this.cursors,
			outbox: this.outbox,
			clock,
			logger,
			onState: (state) => {
				const status = uplinkStatus(this.sources);
				events.emit("syncState", { state, queueDepth: status.queueDepth, lastReceiptAt: status.evidence.lastReceiptAt, at: clock.now() });
			},
			onAlarm: (code, message) => events.emit("alarm", { code, severity: "warning", message, deviceId: null, at: clock.now() }),
			mqttTransport: async (mqttUplink) =>
				(await import("./transport/mqtt-transport.js")).createMqttTransport(mqttUplink, gatewayId, logger, this.downlink ? () => void this.downlink?.refresh() : undefined),
		});
		this.runner.start();
	}

	/** New evidence sealed or an outbox entry written: an idle drain looks now. */
	kick(): void {
		this.runner?.kick();
	}

	async stop(): Promise<void> {
		this.capacity.stop();
		await this.downlink?.stop();
		await this.runner?.stop();
	}

	routes(evidence: EvidenceLog): (app: FastifyInstance) => void {
		return uplinkRoutes({ ...this.sources, evidence, outbox: this.outbox, capacity: this.capacity, downlink: () => this.downlink });
	}

	registerMetrics(registry: Registry): Registry {
		registerUplinkMetrics(registry, this.sources, this.capacity);
		return registry;
	}
}
