/**
 * The drain: empties the gateway's outbox to one destination, exactly once in effect.
 *
 * - Evidence goes first, in chain order, as whole checkpoint spans (gateway/uplink/sealed-spans.ts),
 *   each batch named `chain-{first}-{last}` so a retry is answered with the stored receipt.
 * - The receipt moves the durable cursor (gateway/uplink/cursors.ts); after a crash or reboot the
 *   drain resumes from the last receipt, and the destination dedups whatever it already holds.
 * - Then outbox entries (time entries, task status), in id order, each only once the evidence
 *   chained before it is receipted, with its record id as the idempotency key.
 * - A failure waits an exponential backoff with jitter; failures in a row open a circuit breaker
 *   while the cloud is down. Nothing is ever skipped: a refused batch is retried and alarmed.
 */

import { type RetryPolicy, retryDelayMs } from "../../platform/backoff.js";
import type { Clock, TimerHandle } from "../../platform/clock.js";
import { toError } from "../../platform/errors.js";
import type { Logger } from "../../platform/logger.js";
import { type BreakerOptions, CircuitBreaker, DEFAULT_BREAKER } from "./circuit-breaker.js";
import type { UplinkCursors } from "./cursors.js";
import type { Outbox, OutboxEntry } from "./outbox.js";
import { RateWindow } from "./rate-window.js";
import { type SealedSpan, type SealedSpans, toWireRecord } from "./sealed-spans.js";
import { type FailureReason, failureReason, type UplinkTransport, uplinkFailure } from "./transport/transport.js";

export type DrainState = "idle" | "draining" | "backoff" | "circuit-open" | "stopped";

export interface DrainOptions {
	gatewayId: string;
	spans: SealedSpans;
	cursors: UplinkCursors;
	outbox: Outbox;
	transport: UplinkTransport;
	clock: Clock;
	logger: Logger;
	/** Records per evidence batch, at most (the billing service's default cap is 5000). */
	batchRecords?: number;
	retry?: Partial<RetryPolicy>;
	breaker?: Partial<BreakerOptions>;
	/** How often an idle drain looks for new work when nobody kicks it. */
	idlePollMs?: number;
	random?: () => number;
	/** Told on every state change (the gateway's syncState event). */
	onState?: (state: DrainState) => void;
	/** Something a person should look at (a refused batch). */
	onAlarm?: (code: string, message: string) => void;
}

export const DEFAULT_DRAIN_RETRY: RetryPolicy = { maxAttempts: Number.MAX_SAFE_INTEGER, initialDelayMs: 500, multiplier: 2, maxDelayMs: 30_000, jitter: 0.5 };

export interface DrainStats {
	recordsReceipted: number;
	batchesSent: number;
	outboxDelivered: number;
	outboxConflicts: number;
	failuresByReason: Partial<Record<FailureReason, number>>;
	consecutiveFailures: number;
	lastError: string | null;
	lastReceiptAt: number | null;
}

export class Drain {
	readonly stats: DrainStats = {
		recordsReceipted: 0,
		batchesSent: 0,
		outboxDelivered: 0,
		outboxConflicts: 0,
		failuresByReason: {},
		consecutiveFailures: 0,
		lastError: null,
		lastReceiptAt: null,
	};
	readonly breaker: CircuitBreaker;
	readonly uploads: RateWindow;
	private stateValue: DrainState = "idle";
	private stopped = true;
	private loop: Promise<void> | undefined;
	private sleeping: { timer: TimerHandle; wake: () => void; idle: boolean } | undefined;
	private readonly retry: RetryPolicy;
	private readonly batchRecords: number;

	constructor(private readonly options: DrainOptions) {
		this.retry = { ...DEFAULT_DRAIN_RETRY, ...options.retry };
		this.breaker = new CircuitBreaker(options.clock, { ...DEFAULT_BREAKER, ...options.breaker });
		this.batchRecords = options.batchRecords ?? 5000;
		this.uploads = new RateWindow(options.clock, 10_000);
	}

	get state(): DrainState {
		return this.stateValue;
	}

	start(): void {
		if (!this.stopped) return;
		this.stopped = false;
		this.loop = this.run();
	}

	/** New work (a checkpoint sealed, an outbox entry written): an idle drain looks at once. */
	kick(): void {
		if (this.sleeping?.idle) this.sleeping.wake();
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		this.sleeping?.wake();
		await this.options.transport.close();
		await this.loop;
		this.setState("stopped");
	}

	private async run(): Promise<void> {
		while (!this.stopped) {
			const wait = this.breaker.waitMs;
			if (wait > 0) {
				this.setState("circuit-open");
				await this.sleep(wait, false);
				continue;
			}
			let worked: boolean;
			try {
				worked = await this.step();
				if (this.stats.consecutiveFailures > 0)
					this.options.logger.info({ destination: this.options.transport.destination }, "uplink: destination reachable again, draining");
				this.stats.consecutiveFailures = 0;
				this.breaker.success();
			} catch (error) {
				if (this.stopped) break;
				this.noteFailure(error);
				this.setState(this.breaker.waitMs > 0 ? "circuit-open" : "backoff");
				await this.sleep(retryDelayMs(this.retry, this.stats.consecutiveFailures, this.options.random), false);
				continue;
			}
			if (!worked) {
				this.setState("idle");
				await this.sleep(this.options.idlePollMs ?? 1000, true);
			}
		}
	}

	/** One unit of work; false when there is nothing to send. */
	private async step(): Promise<boolean> {
		const cursor = this.options.cursors.current;
		const span = this.options.spans.next(cursor.receiptedUpTo, this.batchRecords);
		if (span) {
			this.setState("draining");
			await this.sendSpan(span);
			return true;
		}
		const ready = this.readyOutbox(cursor.receiptedUpTo);
		if (ready.length === 0) return false;
		this.setState("draining");
		for (const entry of ready) {
			if (this.stopped) break;
			await this.sendEntry(entry);
		}
		return true;
	}

	private async sendSpan(span: SealedSpan): Promise<void> {
		const { transport, cursors, clock } = this.options;
		const upload = {
			gatewayId: this.options.gatewayId,
			batchId: `chain-${span.afterSeq + 1}-${span.upToSeq}`,
			records: span.records.map(toWireRecord),
			checkpoints: span.checkpoints.map((c) => c.bytes.toString("base64")),
			// Only when there are any: a destination older than manifests refuses a field it does not know.
			...(span.manifests.length > 0 ? { manifests: span.manifests.map((m) => m.toString("base64")) } : {}),
		};
		cursors.markUploaded(span.upToSeq);
		this.stats.batchesSent++;
		const receipt = await transport.sendEvidence(upload);
		if (receipt.gap && receipt.gap.expectedSeq <= span.afterSeq) {
			// The destination's chain ends before this batch (it lost data, or was restored from an
			// older backup): its refusals of the batch follow from that. Send again from its head.
			this.options.logger.warn(
				{ destination: transport.destination, expectedSeq: receipt.gap.expectedSeq, sentFrom: span.afterSeq + 1 },
				"uplink: destination is behind the receipt cursor; resending from its head",
			);
			cursors.markReceipted(Math.min(cursors.current.receiptedUpTo, receipt.gap.expectedSeq - 1), clock.now());
			return;
		}
		if (receipt.rejected.length > 0) {
			const first = receipt.rejected[0];
			const message = `${transport.destination} refused ${receipt.rejected.length} records or checkpoints of batch ${upload.batchId} (first: #${first.chainSeq} ${first.reason}: ${first.message})`;
			this.options.onAlarm?.("uplink-rejected", message);
			throw uplinkFailure("rejected", message, {
				hint: "Nothing is skipped: the batch is retried. Check the gateway's key enrollment, then `fieldchain evidence verify` an export.",
			});
		}
		if (receipt.sealedUpTo < span.upToSeq) {
			throw uplinkFailure("rejected", `${transport.destination} accepted batch ${upload.batchId} only up to #${receipt.sealedUpTo} of #${span.upToSeq}.`);
		}
		const newly = receipt.sealedUpTo - cursors.current.receiptedUpTo;
		cursors.markReceipted(receipt.sealedUpTo, clock.now());
		this.stats.recordsReceipted += newly;
		this.stats.lastReceiptAt = clock.now();
		this.uploads.add(newly);
	}

	/** Outbox entries whose evidence is receipted, in order, stopping at the first that must wait. */
	private readyOutbox(receiptedUpTo: number): OutboxEntry[] {
		const ready: OutboxEntry[] = [];
		for (const entry of this.options.outbox.pending(50)) {
			const after = Number(entry.payload.afterChainSeq ?? 0);
			if (after > receiptedUpTo) break;
			ready.push(entry);
		}
		return ready;
	}

	private async sendEntry(entry: OutboxEntry): Promise<void> {
		const { outbox, clock, transport } = this.options;
		outbox.noteAttempt(entry.id, clock.now());
		let result: Awaited<ReturnType<UplinkTransport["sendOutbox"]>>;
		try {
			result = await transport.sendOutbox({ ...entry, attempts: entry.attempts + 1 });
		} catch (error) {
			outbox.noteFailure(entry.id, toError(error).message);
			throw error;
		}
		if (result.outcome === "conflict") {
			// Both versions kept: ours in the row's payload, the cloud's in the note (README, "Conflicts").
			outbox.markReceipted(entry.id, clock.now(), `conflict: ${result.message} cloud=${JSON.stringify(result.cloud)}`);
			this.stats.outboxConflicts++;
			this.options.logger.warn(
				{ kind: entry.kind, recordId: entry.recordId, message: result.message },
				"uplink: the cloud holds another version; both are kept (GET /api/v1/uplink/conflicts)",
			);
			this.options.onAlarm?.("uplink-conflict", `${entry.kind} ${entry.recordId}: ${result.message}`);
		} else {
			outbox.markReceipted(entry.id, clock.now());
		}
		this.stats.outboxDelivered++;
		this.uploads.add(1);
	}

	private noteFailure(error: unknown): void {
		const reason = failureReason(error);
		this.stats.failuresByReason[reason] = (this.stats.failuresByReason[reason] ?? 0) + 1;
		this.stats.consecutiveFailures++;
		this.stats.lastError = toError(error).message;
		this.breaker.failure();
		// First failure and every breaker opening are worth a line; the rest are in the metrics.
		if (this.stats.consecutiveFailures === 1 || this.breaker.state === "open") {
			this.options.logger.warn(
				{ destination: this.options.transport.destination, reason, failures: this.stats.consecutiveFailures, err: error },
				"uplink: send failed, will retry",
			);
		}
	}

	private sleep(ms: number, idle: boolean): Promise<void> {
		if (this.stopped) return Promise.resolve();
		return new Promise((resolve) => {
			const wake = () => {
				this.options.clock.clearTimeout(timer);
				this.sleeping = undefined;
				resolve();
			};
			const timer = this.options.clock.setTimeout(wake, ms);
			this.sleeping = { timer, wake, idle };
		});
	}

	private setState(state: DrainState): void {
		if (state === this.stateValue) return;
		this.stateValue = state;
		this.options.onState?.(state);
	}
}
