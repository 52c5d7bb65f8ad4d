/**
 * Bounded queues in front of the device password checks. One scrypt verification takes 32 MiB and
 * a CPU core for a good fraction of a second, and runs on libuv's small thread pool (shared with
 * file and DNS work), so checks run a few at a time and at most maxWaiting wait; a check that would
 * wait beyond that is refused at once (the broker answers CONNACK "server unavailable") instead of
 * slowing every device behind it. Checks of devices in good standing (connection-guard.ts) have a
 * lane of their own, so a flood of guesses never queues ahead of a device that knows its password.
 * Invariant: per lane, never more than `concurrency` checks running and `maxWaiting` waiting.
 */
import { availableParallelism } from "node:os";
import fastq from "fastq";

export interface PasswordCheckLimits {
	/** Checks running at once, per lane. */
	concurrency: number;
	/** Checks waiting for a free slot, per lane; beyond this a check is refused. */
	maxWaiting: number;
}

/**
 * Half the cores, at least one: a scrypt that shares its core with another finishes no sooner in
 * total and twice as late for the device waiting on it, and the gateway's own work keeps a core.
 */
export const DEFAULT_PASSWORD_CHECK_LIMITS: Readonly<PasswordCheckLimits> = { concurrency: Math.max(1, Math.floor(availableParallelism() / 2)), maxWaiting: 8 };

type Check = () => Promise<void>;
type Lane = fastq.queueAsPromised<Check, void>;

export class PasswordCheckQueue {
	private readonly goodStanding: Lane;
	private readonly others: Lane;

	constructor(private readonly limits: PasswordCheckLimits = DEFAULT_PASSWORD_CHECK_LIMITS) {
		this.goodStanding = fastq.promise((check: Check) => check(), limits.concurrency);
		this.others = fastq.promise((check: Check) => check(), limits.concurrency);
	}

	/**
	 * Queues `check` in the good-standing lane or the other one; false, without running it, when that
	 * lane is full. The check must settle by itself: its outcome is its own business.
	 */
	submit(check: Check, goodStanding = false): boolean {
		const lane = goodStanding ? this.goodStanding : this.others;
		if (lane.running() >= this.limits.concurrency && lane.length() >= this.limits.maxWaiting) return false;
		lane.push(check).catch(() => undefined);
		return true;
	}
}
