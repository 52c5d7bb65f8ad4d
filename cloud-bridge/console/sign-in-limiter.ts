/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one username, or from one
 * address, within `windowMs`, further attempts are refused until the oldest failure leaves the
 * window. A success clears the username's count (not the address's: one right password must not
 * reset a spray across many names). Counts live in memory; a restart forgets them, as it would
 * forget a lock-out, which keeps a restart from locking everyone out.
 */
export interface LimiterOptions {
	maxFailures: number;
	windowMs: number;
	/** Address failures allowed (several people may share an office NAT). */
	maxAddressFailures: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { maxFailures: 5, windowMs: 15 * 60_000, maxAddressFailures: 50 };

export class SignInLimiter {
	private readonly failures = new Map<string, number[]>();
	constructor(
		private readonly now: () => number,
		private readonly options: LimiterOptions = DEFAULT_LIMITS,
	) {}

	private recent(key: string): number[] {
		const from = this.now() - this.options.windowMs;
		const kept = (this.failures.get(key) ?? []).filter((at) => at > from);
		if (kept.length === 0) this.failures.delete(key);
		else this.failures.set(key, kept);
		return kept;
	}

	/** Milliseconds to wait before trying again, or 0 when an attempt may go ahead. */
	retryAfter(username: string, address: string): number {
		const checks: [string, number][] = [
			[`user:${username}`, this.options.maxFailures],
			[`addr:${address}`, this.options.maxAddressFailures],
		];
		let wait = 0;
		for (const [key, max] of checks) {
			const recent = this.recent(key);
			if (recent.length >= max) wait = Math.max(wait, recent[recent.length - max] + this.options.windowMs - this.now());
		}
		return Math.max(0, wait);
	}

	failed(username: string, address: string): void {
		for (const key of [`user:${username}`, `addr:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
		// Bounded memory under a spray of made-up names: forget the oldest keys first.
		while (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value as string);
	}

	succeeded(username: string): void {
		this.failures.delete(`user:${username}`);
	}
}
