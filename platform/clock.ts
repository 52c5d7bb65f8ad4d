/**
 * Time passed in, not read from globals, so sessions, retransmission and group commits can be
 * tested with a fake clock (MQTT.js KeepaliveManager does the same).
 */
export interface TimerHandle {
	/** Opaque; pass back to clearTimeout. */
	readonly id: unknown;
}

export interface Clock {
	/** Wall-clock milliseconds since the Unix epoch. */
	now(): number;
	/** Monotonic milliseconds, for durations and latency. */
	monotonic(): number;
	setTimeout(callback: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle | undefined): void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	monotonic: () => performance.now(),
	setTimeout(callback, ms) {
		const timer = setTimeout(callback, ms);
		return { id: timer };
	},
	clearTimeout(handle) {
		if (handle) clearTimeout(handle.id as NodeJS.Timeout);
	},
};

/** A clock for tests: time moves only when advance() is called. */
export class ManualClock implements Clock {
	private current: number;
	private readonly timers = new Map<number, { at: number; callback: () => void }>();
	private nextId = 1;

	constructor(start = 1_764_000_000_000) {
		this.current = start;
	}

	now(): number {
		return this.current;
	}

	monotonic(): number {
		return this.current;
	}

	setTimeout(callback: () => void, ms: number): TimerHandle {
		const id = this.nextId++;
		this.timers.set(id, { at: this.current + Math.max(0, ms), callback });
		return { id };
	}

	clearTimeout(handle: TimerHandle | undefined): void {
		if (handle) this.timers.delete(handle.id as number);
	}

	/** Moves time forward, firing due timers in time order (timers they set fire too if due). */
	advance(ms: number): void {
		const target = this.current + ms;
		for (;;) {
			let nextId: number | undefined;
			let nextAt = Number.POSITIVE_INFINITY;
			for (const [id, timer] of this.timers) {
				if (timer.at <= target && timer.at < nextAt) {
					nextAt = timer.at;
					nextId = id;
				}
			}
			if (nextId === undefined) break;
			const timer = this.timers.get(nextId)!;
			this.timers.delete(nextId);
			this.current = timer.at;
			timer.callback();
		}
		this.current = target;
	}

	get pendingTimers(): number {
		return this.timers.size;
	}
}
