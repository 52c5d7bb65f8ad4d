/**
 * Runs the uplink on a gateway: obtains the gateway's API token (enrollment, once), builds the
 * transport the config names and keeps the drain going until the gateway stops. Enrollment
 * retries with backoff while the cloud is unreachable; a refused enrollment token is an alarm
 * (it will not work later either).
 */

import { retryDelayMs } from "../../platform/backoff.js";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { isFieldchainError, toError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import type { UplinkCursors } from "./cursors.js";
import { DEFAULT_DRAIN_RETRY, Drain, type DrainState } from "./drain.js";
import { enrollGateway, readUplinkToken, writeUplinkToken } from "./enrollment.js";
import type { Outbox } from "./outbox.js";
import type { SealedSpans } from "./sealed-spans.js";
import { HttpTransport } from "./transport/http-transport.js";
import type { UplinkTransport } from "./transport/transport.js";
import type { UplinkConfig } from "./uplink-config.js";

export interface UplinkRunnerOptions {
	config: UplinkConfig;
	dataDir: string;
	gatewayId: string;
	/** Base64 of the gateway's raw Ed25519 public key. */
	publicKey: string;
	/** The proof of possession for an enrollment token (protocol/uplink/enrollment-proof.ts), signed by the gateway's key. */
	enrollmentProof?: (enrollmentToken: string) => string;
	spans: SealedSpans;
	cursors: UplinkCursors;
	outbox: Outbox;
	clock: Clock;
	logger: Logger;
	onState: (state: DrainState | "enrolling" | "not-enrolled") => void;
	onAlarm: (code: string, message: string) => void;
	/** Builds the MQTT transport (gateway/uplink/transport/mqtt-transport.ts), loaded only when configured. */
	mqttTransport?: (config: UplinkConfig) => Promise<UplinkTransport>;
	/** The API token is there (the downlink may pull now). */
	onEnrolled?: () => void;
}

export class UplinkRunner {
	drain: Drain | undefined;
	enrollment: { state: "enrolled" | "enrolling" | "refused" | "not-needed"; error: string | null } = { state: "enrolling", error: null };
	/** The API token for the billing service (downlink and HTTP transport); never logged. */
	token: string | undefined;
	private stopped = false;
	private retryTimer: TimerHandle | undefined;
	private wakeRetry: (() => void) | undefined;
	private running: Promise<void> | undefined;
	private readonly aborter = new AbortController();

	constructor(private readonly options: UplinkRunnerOptions) {}

	start(): void {
		this.running = this.run().catch((error) => {
			this.options.logger.error({ err: error }, "uplink could not start; evidence stays on the gateway");
			this.options.onAlarm("uplink-failed", toError(error).message);
		});
	}

	kick(): void {
		this.drain?.kick();
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.aborter.abort();
		this.options.clock.clearTimeout(this.retryTimer);
		this.wakeRetry?.();
		await this.running;
		await this.drain?.stop();
	}

	private async run(): Promise<void> {
		const { config } = this.options;
		if (config.url) {
			this.options.onState("enrolling");
			this.token = await this.obtainToken(config.url);
			if (this.token === undefined) return;
			this.options.onEnrolled?.();
		} else this.enrollment = { state: "not-needed", error: null };
		if (this.stopped) return;
		const transport =
			config.transport === "mqtt"
				? await this.mqtt(config)
				: new HttpTransport({ url: config.url as string, token: this.token as string, requestTimeoutMs: config.requestTimeoutMs });
		if (this.stopped) {
			await transport.close();
			return;
		}
		this.drain = new Drain({
			gatewayId: this.options.gatewayId,
			spans: this.options.spans,
			cursors: this.options.cursors,
			outbox: this.options.outbox,
			transport,
			clock: this.options.clock,
			logger: this.options.logger,
			batchRecords: config.batchRecords,
			retry: config.retry,
			breaker: config.breaker,
			idlePollMs: config.idlePollMs,
			onState: this.options.onState,
			onAlarm: this.options.onAlarm,
		});
		this.drain.start();
		this.options.logger.info({ destination: transport.destination }, "uplink draining");
	}

	private async mqtt(config: UplinkConfig): Promise<UplinkTransport> {
		if (!this.options.mqttTransport) throw new Error("uplink.transport is mqtt but no MQTT transport is available");
		return this.options.mqttTransport(config);
	}

	/** The stored token, or a new one from enrollment (retried while the cloud is unreachable). */
	private async obtainToken(url: string): Promise<string | undefined> {
		const { dataDir, gatewayId, config, logger } = this.options;
		const stored = readUplinkToken(dataDir);
		if (stored && stored.url === url && stored.gatewayId === gatewayId) {
			this.enrollment = { state: "enrolled", error: null };
			return stored.token;
		}
		if (!config.enrollmentToken) {
			const message = `Gateway ${gatewayId} is not enrolled at ${url}: set uplink.enrollmentToken (an admin issues one with POST /v1/enrollments).`;
			this.enrollment = { state: "refused", error: message };
			this.options.onState("not-enrolled");
			this.options.onAlarm("uplink-not-enrolled", message);
			logger.error(message);
			return undefined;
		}
		for (let attempt = 1; !this.stopped; attempt++) {
			try {
				const token = await enrollGateway({
					url,
					enrollmentToken: config.enrollmentToken,
					gatewayId,
					publicKey: this.options.publicKey,
					proof: this.options.enrollmentProof?.(config.enrollmentToken),
					technicianIds: config.downlink ? config.downlink.technicianIds : [],
					timeoutMs: config.requestTimeoutMs,
					signal: this.aborter.signal,
				});
				writeUplinkToken(dataDir, { url, gatewayId, token });
				this.enrollment = { state: "enrolled", error: null };
				logger.info({ url, gatewayId }, "gateway enrolled; its API token is kept in the data directory");
				return token;
			} catch (error) {
				const message = toError(error).message;
				if (this.stopped) return undefined;
				if (isFieldchainError(error, "FC_UPLINK_ENROLLMENT")) {
					this.enrollment = { state: "refused", error: message };
					this.options.onState("not-enrolled");
					this.options.onAlarm("uplink-enrollment-refused", message);
					logger.error({ url, gatewayId }, message);
					return undefined;
				}
				this.enrollment = { state: "enrolling", error: message };
				if (attempt === 1) logger.warn({ url, err: error }, "enrollment failed; retrying with backoff");
				await this.sleep(retryDelayMs({ ...DEFAULT_DRAIN_RETRY, ...config.retry }, attempt));
			}
		}
		return undefined;
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			this.wakeRetry = resolve;
			this.retryTimer = this.options.clock.setTimeout(resolve, ms);
		});
	}
}
