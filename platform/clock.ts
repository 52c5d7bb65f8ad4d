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

/**
 * A clock for tests whose wall clock can jump while monotonic time does not, as when NTP steps the
 * clock, someone sets the date or a handheld without an RTC boots at 1970. Timers run on monotonic
 * time (as Node's do); jumpWall() moves only now(). Code that measures a duration with now() fails
 * its test on this clock; code that uses monotonic() or timers does not.
 */
export class JumpingClock extends ManualClock {
	private wallOffset = 0;

	override now(): number {
		return super.now() + this.wallOffset;
	}

	override monotonic(): number {
		return super.now();
	}

	/** Moves the wall clock by ms (positive or negative); monotonic time and timers are untouched. */
	jumpWall(ms: number): void {
		this.wallOffset += ms;
	}
}

/**
 * Wall time that only moves as monotonic time does, from the wall clock read once: for deadlines
 * that are stored as wall times (so they survive a restart) but must not move when the wall clock
 * jumps while the process runs. After a restart it starts again from the wall clock of that moment.
 */
export function steadyWallTime(clock: Clock): () => number {
	const wallAtStart = clock.now();
	const monotonicAtStart = clock.monotonic();
	return () => wallAtStart + (clock.monotonic() - monotonicAtStart);
}

/** The same clock with now() replaced by steadyWallTime: for code that stores deadlines as wall times. */
export function steadyClock(clock: Clock): Clock {
	const now = steadyWallTime(clock);
	return {
		now,
		monotonic: () => clock.monotonic(),
		setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
		clearTimeout: (handle) => clock.clearTimeout(handle),
	};
}
