/**
 * Bounds on what one device can make the gateway remember or do, whatever it sends: hellos per
 * session, device ids the registry keeps after they left. (Boots and seq gaps are bounded in
 * gateway/ingest: the committer's watermarks and BootWatermark.) Invariant: every bound refuses or
 * evicts, never grows; what a bound refuses is counted as a protocol error of the session.
 */
import type { Clock } from "../../platform/clock.js";

/**
 * Hellos a session answers per window. A device says hello once per boot and once per
 * host_hello (sent at link start and, while no hello came, after a growing delay), so a handful
 * per window is generous; each hello writes the device record and may open a new boot.
 */
export const HELLO_BUDGET = { perWindow: 10, windowMs: 10_000 } as const;

/** Disconnected devices the registry remembers (counters, last error) before forgetting the longest gone. */
export const MAX_REMEMBERED_DEVICES = 1024;

/** A fixed-window counter of hellos: cheap, and enough to turn a storm into a trickle. */
export class HelloBudget {
	private windowStart = Number.NEGATIVE_INFINITY;
	private used = 0;
	/** Hellos refused in the current window (1 on the first refusal: the one worth a warning). */
	refusedInWindow = 0;

	constructor(
		private readonly clock: Clock,
		private readonly budget: { perWindow: number; windowMs: number } = HELLO_BUDGET,
	) {}

	take(): boolean {
		const now = this.clock.monotonic();
		if (now - this.windowStart >= this.budget.windowMs) {
			this.windowStart = now;
			this.used = 0;
			this.refusedInWindow = 0;
		}
		if (this.used < this.budget.perWindow) {
			this.used++;
			return true;
		}
		this.refusedInWindow++;
		return false;
	}
}
