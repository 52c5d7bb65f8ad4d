/**
 * The relay of the transactional outbox: hands events stored with their change (the repository's
 * `outbox` table, written in the commit's transaction) to the event sink (the webhook dispatcher),
 * then marks them relayed. Runs after every commit that stored some, at start (what a crashed
 * service left), and every poll interval.
 *
 * Invariant: a message is marked relayed only after the sink accepted it, so a crash at any point
 * loses nothing; it may hand a message on twice, which the dispatcher ignores (one delivery per
 * subscription and event id).
 *
 * It reads every outbox of the service: the repository's (model changes) and the billing store's
 * (evidence chain appends: `evidence.accepted`, stored in appendChain's transaction). Each outbox is
 * relayed in its own order; events of different outboxes carry no order between them.
 */
import type { OutboxMessage, Repository } from "../../model/repository/types.js";
import { type Clock, systemClock, type TimerHandle } from "../../platform/clock.js";
import { toError } from "../../platform/errors.js";
import type { BillingEvent, BillingEventSink } from "./billing-events.js";

/** Anything that keeps an outbox: the model repository, the billing store. */
export type OutboxSource = Pick<Repository, "pendingOutbox" | "markOutboxRelayed">;

export interface OutboxRelayOptions {
	repo: OutboxSource;
	/** Further outboxes to relay, after the repository's (the billing store's). */
	also?: readonly OutboxSource[];
	sink: BillingEventSink;
	clock?: Clock;
	/** How often to look for messages nobody woke the relay for (default 5 s). */
	pollIntervalMs?: number;
	/** Messages per round (default 100). */
	batch?: number;
	onError?: (error: Error) => void;
}

function asEvent(message: OutboxMessage): BillingEvent {
	return { id: message.id, type: message.type as BillingEvent["type"], occurredAt: message.occurredAt, data: message.data };
}

export class OutboxRelay {
	private readonly clock: Clock;
	private readonly pollIntervalMs: number;
	private readonly batch: number;
	private running = false;
	private timer: TimerHandle | undefined;
	/** One round at a time: rounds queue behind each other, so a message is not handed on twice at once. */
	private chain: Promise<void> = Promise.resolve();

	constructor(private readonly options: OutboxRelayOptions) {
		this.clock = options.clock ?? systemClock;
		this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
		this.batch = options.batch ?? 100;
	}

	/** Relays what is pending now (from before a crash too), then keeps polling. */
	start(): void {
		if (this.running) return;
		this.running = true;
		void this.relay();
	}

	/** Relays what is pending; resolves when this round is done. Never rejects (errors go to onError). */
	relay(): Promise<void> {
		const round = this.chain.then(() => this.round());
		this.chain = round;
		return round;
	}

	async close(): Promise<void> {
		this.running = false;
		this.clock.clearTimeout(this.timer);
		this.timer = undefined;
		await this.chain;
	}

	private async round(): Promise<void> {
		try {
			for (const source of [this.options.repo, ...(this.options.also ?? [])]) {
				for (;;) {
					const pending = await source.pendingOutbox(this.batch);
					for (const message of pending) {
						await this.options.sink.publish(asEvent(message));
						await source.markOutboxRelayed([message.id], this.clock.now());
					}
					if (pending.length < this.batch) break;
				}
			}
		} catch (error) {
			// Left pending: the next round (a commit, or the poll) tries again.
			const err = toError(error);
			if (this.options.onError) this.options.onError(err);
			else process.emitWarning(`Outbox relay: ${err.message}`);
		} finally {
			this.schedule();
		}
	}

	private schedule(): void {
		this.clock.clearTimeout(this.timer);
		this.timer = undefined;
		if (!this.running) return;
		this.timer = this.clock.setTimeout(() => {
			this.timer = undefined;
			void this.relay();
		}, this.pollIntervalMs);
	}
}
