/**
 * While the cloud is down, stop knocking: after `failureThreshold` failures in a row the circuit
 * opens for `openMs` (doubling up to `maxOpenMs` while trial sends keep failing), then lets one
 * trial through (half-open); a success closes it. (Nygard, "Release It!", Circuit Breaker.)
 */
import type { Clock } from "../../platform/clock.js";

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
	failureThreshold: number;
	openMs: number;
	maxOpenMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, openMs: 5_000, maxOpenMs: 60_000 };

export class CircuitBreaker {
	private failures = 0;
	private openedAt = 0;
	private currentOpenMs: number;
	private opened = false;
	openings = 0;

	constructor(
		private readonly clock: Clock,
		private readonly options: BreakerOptions = DEFAULT_BREAKER,
	) {
		this.currentOpenMs = options.openMs;
	}

	get state(): BreakerState {
		if (!this.opened) return "closed";
		return this.clock.monotonic() - this.openedAt >= this.currentOpenMs ? "half-open" : "open";
	}

	/** Milliseconds until a trial may go (0 when closed or half-open). */
	get waitMs(): number {
		if (!this.opened) return 0;
		return Math.max(0, this.currentOpenMs - (this.clock.monotonic() - this.openedAt));
	}

	success(): void {
		this.failures = 0;
		this.opened = false;
		this.currentOpenMs = this.options.openMs;
	}

	failure(): void {
		this.failures++;
		if (this.opened) {
			// A failed trial: stay open, longer.
			this.currentOpenMs = Math.min(this.options.maxOpenMs, this.currentOpenMs * 2);
			this.openedAt = this.clock.monotonic();
			return;
		}
		if (this.failures >= this.options.failureThreshold) {
			this.opened = true;
			this.openings++;
			this.openedAt = this.clock.monotonic();
		}
	}
}
