/**
 * Rate limit for the Node-RED editor's login (POST /red/auth/token, Node-RED's adminAuth password
 * grant): at most `maxFailures` failed logins per client address in a sliding `windowMs`; beyond
 * that the address gets 429 until its oldest failure ages out. A login still in flight counts as
 * a failure until it is known to have succeeded, so parallel guesses cannot slip past the limit,
 * and nobody's success clears anybody's failures (they only age out).
 * Invariant: memory bounded by the addresses that failed within one window.
 */

export interface LoginLimiterOptions {
	maxFailures?: number;
	windowMs?: number;
	now?: () => number;
}

export class LoginLimiter {
	readonly maxFailures: number;
	readonly windowMs: number;
	private readonly now: () => number;
	/** Failure times per address, oldest first. */
	private readonly failures = new Map<string, number[]>();
	private readonly inFlight = new Map<string, number>();

	constructor(options: LoginLimiterOptions = {}) {
		this.maxFailures = options.maxFailures ?? 5;
		this.windowMs = options.windowMs ?? 5 * 60_000;
		this.now = options.now ?? Date.now;
	}

	/**
	 * Starts a login attempt from `address`: undefined when refused (then retryAfterMs says how long),
	 * otherwise the function to call once with whether the login succeeded.
	 */
	begin(address: string): ((succeeded: boolean) => void) | undefined {
		if (this.failures.size > 10_000) for (const known of [...this.failures.keys()]) this.recent(known);
		const recent = this.recent(address);
		if (recent.length + (this.inFlight.get(address) ?? 0) >= this.maxFailures) return undefined;
		this.inFlight.set(address, (this.inFlight.get(address) ?? 0) + 1);
		let ended = false;
		return (succeeded) => {
			if (ended) return;
			ended = true;
			const left = (this.inFlight.get(address) ?? 1) - 1;
			if (left > 0) this.inFlight.set(address, left);
			else this.inFlight.delete(address);
			if (!succeeded) this.failures.set(address, [...this.recent(address), this.now()]);
		};
	}

	/** How long until `address` may try again (0: now). */
	retryAfterMs(address: string): number {
		const recent = this.recent(address);
		if (recent.length < this.maxFailures) return 0;
		return Math.max(0, recent[recent.length - this.maxFailures] + this.windowMs - this.now());
	}

	private recent(address: string): number[] {
		const cutoff = this.now() - this.windowMs;
		const kept = (this.failures.get(address) ?? []).filter((at) => at > cutoff);
		if (kept.length === 0) this.failures.delete(address);
		else this.failures.set(address, kept);
		return kept;
	}
}
