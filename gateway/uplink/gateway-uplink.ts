/**
 * Runs the gateway's store-and-forward: the uplink runner (enrollment + drain) and the cloud
 * work-order cache (downlink) when configured, their local API routes and metrics. It reads and
 * writes through the gateway's parts (outbox, cursors, sealed spans, built in gateway/parts.ts);
 * the disk quota belongs to ingest and is only reported here.
 */
import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import { signEnrollmentProof } from "../../protocol/uplink/enrollment-proof.js";
import { uplinkRoutes } from "../http/uplink-routes.js";
import type { GatewayParts } from "../parts.js";
import { Downlink } from "./downlink.js";
import { refreshAfterDrain } from "./refresh-after-drain.js";
import { registerUplinkMetrics } from "./uplink-metrics.js";
import { UplinkRunner } from "./uplink-runner.js";
import { type UplinkStatusSources, uplinkStatus } from "./uplink-status.js";

type UplinkParts = Pick<
	GatewayParts,
	"gatewayId" | "dataDir" | "config" | "clock" | "logger" | "key" | "db" | "events" | "workOrders" | "evidence" | "capacity" | "outbox" | "cursors" | "spans"
>;

export class GatewayUplink {
	runner: UplinkRunner | undefined;
	downlink: Downlink | undefined;
	private readonly drainSettled = refreshAfterDrain(() => void this.downlink?.refresh());
	private readonly sources: UplinkStatusSources;

	constructor(private readonly parts: UplinkParts) {
		const { spans, cursors, outbox, config, clock } = parts;
		this.sources = { spans, cursors, outbox, runner: () => this.runner, configured: config.uplink !== false, clock };
	}

	start(): void {
		const { config, clock, logger, events, dataDir, gatewayId } = this.parts;
		if (!config.uplink) return;
		const uplink = config.uplink;
		if (uplink.downlink && uplink.url) {
			this.downlink = new Downlink({
				db: this.parts.db,
				url: uplink.url,
				token: () => this.runner?.token,
				workOrders: this.parts.workOrders,
				technicianIds: uplink.downlink.technicianIds,
				intervalMs: uplink.downlink.intervalMs,
				requestTimeoutMs: uplink.requestTimeoutMs,
				clock,
				logger,
				onOffice: (kinds) => events.emit("officeChanged", { kinds, at: clock.now() }),
				onChanged: (conflicts) => {
					for (const c of conflicts)
						events.emit("alarm", {
							code: "downlink-conflict",
							severity: "warning",
							message: `${c.entity} ${c.entityId} ${c.field}: ${c.resolution}`,
							deviceId: null,
							at: clock.now(),
						});
				},
			});
			this.downlink.start();
		}
		this.runner = new UplinkRunner({
			onEnrolled: () => void this.downlink?.refresh(),
			config: config.uplink,
			dataDir,
			gatewayId,
			publicKey: this.parts.key.publicKeyRaw.toString("base64"),
			enrollmentProof: (enrollmentToken) => signEnrollmentProof(this.parts.key.privateKey, gatewayId, enrollmentToken),
			spans: this.parts.spans,
			cursors: this.parts.cursors,
			outbox: this.parts.outbox,
			clock,
			logger,
			onState: (state) => {
				this.drainSettled(state, this.runner?.drain?.stats.outboxDelivered ?? 0);
				const status = uplinkStatus(this.sources);
				events.emit("syncState", { state, queueDepth: status.queueDepth, lastReceiptAt: status.evidence.lastReceiptAt, at: clock.now() });
			},
			onAlarm: (code, message) => events.emit("alarm", { code, severity: "warning", message, deviceId: null, at: clock.now() }),
			mqttTransport: async (mqttUplink) =>
				(await import("./transport/mqtt-transport.js")).createMqttTransport(
					mqttUplink,
					gatewayId,
					logger,
					this.downlink ? () => void this.downlink?.refresh() : undefined,
				),
		});
		this.runner.start();
	}

	/** New evidence sealed or an outbox entry written: an idle drain looks now. */
	kick(): void {
		this.runner?.kick();
	}

	async stop(): Promise<void> {
		await this.downlink?.stop();
		await this.runner?.stop();
	}

	routes(): (app: FastifyInstance) => void {
		return uplinkRoutes({ ...this.parts, ...this.sources, downlink: () => this.downlink });
	}

	registerMetrics(registry: Registry): Registry {
		registerUplinkMetrics(registry, this.sources, this.parts.capacity);
		return registry;
	}
}
