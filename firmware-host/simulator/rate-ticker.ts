/**
 * Paces reading generation. One timer per reading would not keep up at 20000 readings/s, so a
 * single timer ticks at most every 10 ms and reports how many readings fell due since the last
 * tick, from elapsed clock time (late timers therefore do not lower the average rate).
 */
import type { Clock, TimerHandle } from "../../platform/clock.js";

const MIN_TICK_MS = 10;
const MAX_TICK_MS = 1000;

export class RateTicker {
	private timer: TimerHandle | undefined;
	private lastAt = 0;
	/** Readings due but not yet reported: the fractional part carries over between ticks. */
	private credit = 0;

	constructor(
		private readonly clock: Clock,
		private rate: number,
		private readonly onDue: (count: number) => void,
	) {}

	get running(): boolean {
		return this.timer !== undefined;
	}

	/** Milliseconds between two readings at the current rate. */
	get periodMs(): number {
		return 1000 / this.rate;
	}

	start(): void {
		if (this.timer) return;
		this.lastAt = this.clock.monotonic();
		this.credit = 0;
		this.schedule();
	}

	stop(): void {
		this.clock.clearTimeout(this.timer);
		this.timer = undefined;
	}

	setRate(rate: number): void {
		this.rate = rate;
		if (!this.timer) return;
		this.stop();
		this.start();
	}

	private schedule(): void {
		const interval = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, this.periodMs));
		this.timer = this.clock.setTimeout(() => this.tick(), interval);
	}

	private tick(): void {
		const now = this.clock.monotonic();
		// At most one second's worth after a stall: a real tool does not measure while frozen.
		this.credit = Math.min(this.credit + ((now - this.lastAt) * this.rate) / 1000, Math.max(1, this.rate));
		this.lastAt = now;
		// The epsilon keeps 0.9999999 from float rounding from postponing a reading by a tick.
		const due = Math.floor(this.credit + 1e-9);
		this.credit = Math.max(0, this.credit - due);
		// Re-arm first, so onDue may stop() the ticker.
		this.schedule();
		if (due > 0) this.onDue(due);
	}
}
