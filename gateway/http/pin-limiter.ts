/**
 * Rate limit for PIN sign-in: a PIN has few digits, so guesses must be slow. Each client address
 * gets `maxFailures` wrong PINs per window; past that it must wait until the oldest failure leaves
 * the window. A right PIN clears the address's failures.
 */
import type { Clock } from "../../platform/clock.js";

export interface PinLimiterOptions {
	clock: Clock;
	maxFailures?: number;
	windowMs?: number;
}

const MAX_ADDRESSES = 10_000;

export class PinLimiter {
	private readonly failures = new Map<string, number[]>();
	private readonly maxFailures: number;
	private readonly windowMs: number;

	constructor(private readonly options: PinLimiterOptions) {
		this.maxFailures = options.maxFailures ?? 5;
		this.windowMs = options.windowMs ?? 5 * 60_000;
	}

	/** Milliseconds the address must wait before it may try again (0: it may try now). */
	retryAfterMs(address: string): number {
		const recent = this.recent(address);
		if (recent.length < this.maxFailures) return 0;
		return recent[recent.length - this.maxFailures] + this.windowMs - this.options.clock.now();
	}

	fail(address: string): void {
		const recent = this.recent(address);
		recent.push(this.options.clock.now());
		this.failures.delete(address);
		this.failures.set(address, recent);
		// Bounded memory: forget the address that failed longest ago.
		if (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value as string);
	}

	succeed(address: string): void {
		this.failures.delete(address);
	}

	private recent(address: string): number[] {
		const since = this.options.clock.now() - this.windowMs;
		const recent = (this.failures.get(address) ?? []).filter((at) => at > since);
		if (recent.length === 0) this.failures.delete(address);
		return recent;
	}
}
