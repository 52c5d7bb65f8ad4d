/** Events per second over a sliding window (uploads/s for the metrics), in one-second buckets. */
import type { Clock } from "../../platform/clock.js";

export class RateWindow {
	private readonly buckets = new Map<number, number>();

	constructor(
		private readonly clock: Clock,
		private readonly windowMs: number,
	) {}

	add(count: number): void {
		const second = Math.floor(this.clock.monotonic() / 1000);
		this.buckets.set(second, (this.buckets.get(second) ?? 0) + count);
		this.prune(second);
	}

	perSecond(): number {
		const second = Math.floor(this.clock.monotonic() / 1000);
		this.prune(second);
		let total = 0;
		for (const count of this.buckets.values()) total += count;
		return total / (this.windowMs / 1000);
	}

	private prune(second: number): void {
		const oldest = second - Math.ceil(this.windowMs / 1000) + 1;
		for (const key of this.buckets.keys()) if (key < oldest) this.buckets.delete(key);
	}
}
